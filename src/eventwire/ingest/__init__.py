"""Readers: every input kind becomes a stream of :class:`~eventwire.models.Document`."""

from .feeds import FeedEntry, entry_document, feed_entries, read_feed
from .fetch import Fetched, Fetcher, is_url, looks_like_url, url_problem
from .readers import read_inputs, read_path, read_stream, walk
from .urls import read_url, read_url_list
from .warc import read_warc

__all__ = [
    "FeedEntry",
    "Fetched",
    "Fetcher",
    "entry_document",
    "feed_entries",
    "is_url",
    "looks_like_url",
    "read_feed",
    "read_inputs",
    "read_path",
    "read_stream",
    "read_url",
    "read_url_list",
    "read_warc",
    "url_problem",
    "walk",
]
