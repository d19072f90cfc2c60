"""Readers: every input kind becomes a stream of :class:`~eventwire.models.Document`."""

from .readers import read_inputs, read_path, read_stream

__all__ = ["read_inputs", "read_path", "read_stream"]
