"""Publication dates to ISO form."""

from __future__ import annotations

from datetime import date, datetime


def iso_date(value: str | date | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or datetime string; None when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        import dateparser

        parsed = dateparser.parse(text, settings={"STRICT_PARSING": True})
    except Exception:  # dateparser raises a variety of errors on odd input
        parsed = None
    return parsed.date().isoformat() if parsed else None
