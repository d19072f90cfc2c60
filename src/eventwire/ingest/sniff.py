"""Telling HTML from plain text by its first characters."""

from __future__ import annotations

import re

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*(<!doctype html|<html\b|<head\b|<body\b|<\?xml[^>]*>\s*<(!doctype )?html\b)",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(r"<(p|div|article|body|br|h[1-6]|span|a\s)[\s>/]", re.IGNORECASE)


def looks_html(data: str) -> bool:
    """True for a page (doctype, ``<html>``), or text with enough HTML tags in its first 4 kB."""
    head = data[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3
