"""The record of a document that could not be read: every reader reports its failures this one way."""

from __future__ import annotations

from ..errors import DocumentError
from ..models import Document
from .ids import stable_id


def failed(origin: str, err: DocumentError, doc_id: str | None = None, url: str | None = None) -> Document:
    """The Document that reports ``err`` for the input at ``origin`` (its id from the origin unless given)."""
    return Document(id=doc_id or stable_id(origin), origin=origin, url=url, status=err.status,  # type: ignore[arg-type]
                    reason=str(err))
