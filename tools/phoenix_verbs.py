"""Convert the PETRARCH-2 CAMEO verb dictionary (``CAMEO.2.0.txt``) into eventwire pattern rows.

PETRARCH-2 reads phrase-structure trees; eventwire reads a dependency parse. A PETRARCH pattern
``- [subject nouns] * [particle] [object nouns] (PREP noun) [code]`` maps onto the columns the coder's
matcher already checks (``codebook/verbs.tsv``): the words before ``*`` become a ``subject``
constraint, a particle word right after ``*`` the ``particle``, bare nouns, ``{MODIFIER HEAD}``
phrases and ``&SYNSET`` classes the ``object``, a parenthesised phrase the ``prep`` (with its noun
as the object when the pattern names no direct object), and ``+`` the target slot. ``[A:B]`` gives
the active and the passive voice their own codes. ``---`` (no event) stays as a row, because in
PETRARCH a more specific null pattern blocks the verb's default code.

Forms that do not map are dropped and counted: verbs compounded before the head (``WIRE_+TAP``),
patterns with several unbracketed words (TABARI leftovers the PETRARCH-2 notes call unmatchable),
source slots and the ``%`` / ``^`` markers, adverbs before the verb, and transformations (``~``),
which eventwire's frames (``frames.tsv``) already cover.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from phoenix_common import Count, read_lines, tsv, words

from eventwire.tables import cameo_codes

FILE = "CAMEO.2.0.txt"
PARTICLES = {"up", "down", "out", "off", "back", "over", "away", "in", "on", "through", "apart", "aside",
             "forward", "together", "along", "around", "ahead"}
NEGATION = {"not", "never", "no"}
AUXILIARIES = {"will", "would", "did", "does", "do", "has", "have", "had", "is", "was", "were", "be", "could"}
HEADER = ("id", "lemma", "particle", "prep", "object", "subject", "code", "target", "flags", "example")
CLASS_PREFIX = "px_"


@dataclass
class Block:
    name: str
    code: str
    line: int
    verbs: list[tuple[str, str, str]] = field(default_factory=list)  # (lemma, particle, own code)
    patterns: list[tuple[int, str]] = field(default_factory=list)  # (line number, pattern text)


def _code_parts(code: str) -> tuple[str, str]:
    """'042:043' -> active, passive; '160' -> the same code for both voices; ':173' -> passive only."""
    active, sep, passive = code.partition(":")
    return active.strip(), (passive.strip() if sep else active.strip())


def fit_code(code: str, known: set[str], mapped: Counter[str]) -> str:
    """A code eventwire's CAMEO table knows: PETRARCH-2 uses a few later codes (176 cyber attack, 1213 ...),
    which become their nearest parent ("176" -> "17"); counted in ``mapped``."""
    if not code or code == "---" or code in known:
        return code
    parent = code
    while parent and parent not in known:
        parent = parent[:-1]
    mapped[f"{code}->{parent or 'dropped'}"] += 1
    return parent if len(parent) >= 2 else ""


def _tokens(body: str) -> list[str]:
    """Pattern words, keeping {...} and (...) groups whole."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", body)


def _noun(tok: str) -> str | None:
    """A noun slot as an object spec: word, '{modifier head}' phrase or '@px_class'; None if not a noun."""
    if tok.startswith("&"):
        return "@" + CLASS_PREFIX + tok[1:].rstrip("_").lower()
    if tok.startswith("{") and tok.endswith("}"):
        inner = tok[1:-1].split()
        if not inner or any(not re.fullmatch(r"[A-Z][A-Z'\-]*_?", w) for w in inner):
            return None
        return words(" ".join(inner))
    if re.fullmatch(r"[A-Z][A-Z'\-]*_?", tok):
        return words(tok)
    return None


class Dropped(Exception):
    """A pattern form eventwire's matcher cannot express; the message is the form's name."""


def convert_pattern(text: str) -> dict[str, str]:
    """One pattern line's body (without '- ' and the code) as row fields; raises Dropped with the reason."""
    if "*" not in text:
        raise Dropped("no verb position")
    if re.search(r"\w\*|\*\w", text):
        raise Dropped("verb inside a compound word")
    pre, _, post = text.partition("*")
    row = {"particle": "", "prep": "", "object": "", "subject": "", "target": "", "flags": ""}
    flags: list[str] = []
    pre_toks = _tokens(pre)
    if any(t in ("%", "^") for t in _tokens(text)):
        raise Dropped("compound-actor or skip marker")
    if "+" in pre_toks:
        raise Dropped("target before the verb")
    pre_words = [t for t in pre_toks if t != "$"]
    if {w.lower() for w in pre_words} & NEGATION:
        if any(w.lower() not in NEGATION | AUXILIARIES for w in pre_words):
            raise Dropped("negation with other words before the verb")
        flags.append("negonly")
    elif pre_words:
        if len(pre_words) > 1:
            raise Dropped("several words before the verb")
        if pre_words[0].lower().endswith("ly") and not pre_words[0].startswith("&"):
            raise Dropped("adverb before the verb")
        subject = _noun(pre_words[0])
        if subject is None:
            raise Dropped("several words before the verb")
        row["subject"] = subject
    post_toks = _tokens(post)
    if "$" in post_toks or any("$" in t for t in post_toks):
        raise Dropped("source after the verb")
    if post_toks and post_toks[0].lower() in PARTICLES and not post_toks[0].startswith("("):
        row["particle"] = post_toks.pop(0).lower()
    nouns = [t for t in post_toks if not t.startswith("(") and t != "+"]
    pps = [t for t in post_toks if t.startswith("(")]
    targets: list[str] = ["obj"] if "+" in post_toks else []
    if len(nouns) > 1:
        raise Dropped("several unbracketed words after the verb")
    if nouns:
        obj = _noun(nouns[0])
        if obj is None:
            raise Dropped("several unbracketed words after the verb")
        row["object"] = obj
    constraint_pp = 0
    for pp in pps:
        inner = _tokens(pp[1:-1])
        if not inner or not re.fullmatch(r"[A-Z]+", inner[0]):
            raise Dropped("prepositional phrase without a preposition")
        prep, rest = inner[0].lower(), inner[1:]
        if rest == ["+"] or rest == []:
            if rest:
                targets.append(f"prep:{prep}")
            row["prep"] = row["prep"] or prep
            continue
        if len(rest) != 1 or _noun(rest[0]) is None:
            raise Dropped("prepositional phrase of several words")
        constraint_pp += 1
        if constraint_pp > 1:
            raise Dropped("several prepositional nouns")
        row["prep"] = prep
        # With a direct object named too, the matcher checks the object and requires the preposition;
        # the preposition's own noun is not checked ("* EVENTS (WITH CONCERN)").
        row["object"] = row["object"] or _noun(rest[0]) or ""
    row["target"] = "|".join(targets)
    row["flags"] = "|".join(flags)
    return row


def _verb_line(line: str) -> tuple[str, str, str] | None:
    """'+STIR_UP {...}' -> ('stir', 'up', ''); 'ACCUSE [112]' -> ('accuse', '', '112'); None for pre-compounds."""
    code = ""
    m = re.search(r"\[([^\]]*)\]", line)
    if m:
        code = m.group(1).strip()
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", line).split()
    if not head:
        return None
    form = head[0]
    if "+" in form:
        if not form.startswith("+"):
            return None  # WIRE_+TAP: the modifier comes before the verb
        parts = form[1:].strip("_").split("_")
        if len(parts) == 2 and parts[1].lower() in PARTICLES:
            return parts[0].lower(), parts[1].lower(), code
        return None
    return form.strip("_").lower().replace("_", " "), "", code


def parse(lines: list[str]) -> tuple[dict[str, list[str]], list[Block], Counter[str]]:
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set = ""
    dropped: Counter[str] = Counter()
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if not s:
            continue
        if s.startswith("&"):
            current_set = s[1:].rstrip("_").lower()
            synsets[current_set] = []
            continue
        if s.startswith("+") and current_set and not blocks:
            synsets[current_set].append(words(s[1:]))
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", s)
        if m:
            blocks.append(Block(m.group(1).lower(), m.group(2).strip(), n))
            current_set = ""
            continue
        if s.startswith("~"):
            dropped["transformation"] += 1
            continue
        if not blocks:
            continue
        if s.startswith("-"):
            blocks[-1].patterns.append((n, s[1:].strip()))
            continue
        verb = _verb_line(s)
        if verb is None:
            dropped["verb compounded before its head"] += 1
        else:
            blocks[-1].verbs.append(verb)
    return synsets, blocks, dropped


def _example(block: Block, line: int, text: str) -> str:
    return f"{FILE} line {line}, block {block.name.upper()}: - {' '.join(text.split())}"


def build(src: Path) -> tuple[dict[str, str], list[Count]]:
    synsets, blocks, dropped_verbs = parse(read_lines(src / FILE))
    known = set(cameo_codes())
    mapped: Counter[str] = Counter()
    rows: list[tuple[str, ...]] = []
    converted = Counter[str]()
    dropped = Counter[str]()
    for block in blocks:
        by_particle: dict[str, list[str]] = {}
        for lemma, prt, own in block.verbs:
            by_particle.setdefault(prt, []).append(lemma)
            code = own or block.code
            active, passive = (fit_code(c, known, mapped) for c in _code_parts(code))
            # A verb alone codes its block's (or its own) code; "---" alone adds nothing to match.
            for voice, c in (("active", active), ("passive", passive)):
                if c and c != "---" and (voice == "active" or passive != active):
                    flags = "|".join(f for f in (voice if passive != active else "",
                                                 "needtarget" if c[:2] == "04" else "") if f)
                    rows.append((f"px.{block.name}.{lemma.replace(' ', '_')}{'.' + prt if prt else ''}"
                                 f"{'.' + voice if flags else ''}", lemma, prt, "", "", "", c, "", flags,
                                 f"{FILE} line {block.line}: {lemma.upper()} in block {block.name.upper()} [{code}]"))
                    converted["bare verb"] += 1
        for line, text in block.patterns:
            m = re.search(r"\[([^\]]*)\]\s*$", text)
            if not m:
                dropped["pattern without a code"] += 1
                continue
            body = text[:m.start()].strip()
            try:
                fields = convert_pattern(body)
            except Dropped as why:
                dropped[str(why)] += 1
                continue
            # PETRARCH ignores a pattern naming a synonym set the file never defines; so do we.
            if any(c.startswith("@" + CLASS_PREFIX) and c[len(CLASS_PREFIX) + 1:] not in synsets
                   for c in (fields["object"], fields["subject"])):
                dropped["undefined synonym set"] += 1
                continue
            active, passive = (fit_code(c, known, mapped) for c in _code_parts(m.group(1)))
            for prt, lemmas in sorted(by_particle.items()):
                if prt and fields["particle"] and prt != fields["particle"]:
                    continue
                particle = fields["particle"] or prt
                voices = [("", active)] if passive == active else [("active", active), ("passive", passive)]
                for voice, code in voices:
                    if not code:
                        continue
                    # a consultation or visit is between two parties: with no target it says nothing (PETRARCH
                    # patterns rarely mark the target, and "left for the rally" is no visit)
                    needs = "needtarget" if code[:2] == "04" else ""
                    flags = "|".join(f for f in (fields["flags"], voice, needs) if f)
                    rid = f"px.{block.name}.L{line}{'.' + prt if prt else ''}{'.' + voice if voice else ''}"
                    rows.append((rid, "|".join(sorted(set(lemmas))), particle, fields["prep"], fields["object"],
                                 fields["subject"], code, fields["target"], flags, _example(block, line, body)))
            converted["pattern"] += 1
    used = {c[len(CLASS_PREFIX) + 1:] for r in rows for c in (r[4], r[5]) if c.startswith("@" + CLASS_PREFIX)}
    class_rows = [(CLASS_PREFIX + name, "|".join(sorted(set(ws)))) for name, ws in synsets.items() if ws and name in used]
    verbs_text = tsv(HEADER, rows, VERBS_COMMENT)
    classes_text = tsv(("class", "words"), class_rows, CLASSES_COMMENT)
    counts = [
        Count(FILE, "verb synonyms", sum(len(b.verbs) for b in blocks),
              sum(dropped_verbs.values()) - dropped_verbs["transformation"], "compounded before the head (WIRE_+TAP)"),
        Count(FILE, "synonym sets (&)", len(class_rows), len(synsets) - len(class_rows), "not used by a converted pattern"),
        Count(FILE, "patterns", converted["pattern"], sum(dropped.values()),
              "; ".join(f"{why} {n}" for why, n in sorted(dropped.items(), key=lambda kv: (-kv[1], kv[0])))),
        Count(FILE, "codes outside the CAMEO table", sum(mapped.values()), 0,
              "mapped to the nearest parent code: " + ", ".join(f"{k} {n}" for k, n in sorted(mapped.items()))),
        Count(FILE, "transformations (~)", 0, dropped_verbs["transformation"],
              "eventwire's frames.tsv codes verb-verb combinations"),
    ]
    return {"verbs.tsv": verbs_text, "event_word_classes.tsv": classes_text}, counts


VERBS_COMMENT = f"""\
Verb patterns converted from the PETRARCH-2 CAMEO verb dictionary ({FILE}, MIT: see LICENSE) by
tools/build_phoenix.py. Do not edit: change the converter and rebuild.
Columns as in codebook/verbs.tsv, plus `subject`: the words (or @class) the subject must match,
from the words a PETRARCH pattern puts before the verb. `code` "---" is PETRARCH's null code: the
pattern fits and codes no event (it blocks the verb's default code). Flags active / passive give a
voice its own code ([A:B] in the source). `example` names the source line and the original pattern.
"""

CLASSES_COMMENT = f"""\
Word classes converted from the synonym sets (&NAME) of the PETRARCH-2 CAMEO verb dictionary
({FILE}, MIT: see LICENSE) by tools/build_phoenix.py; used as @{CLASS_PREFIX}name in phoenix/verbs.tsv.
"""
