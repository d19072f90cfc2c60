"""The DuckDB event store."""

from .db import Store

__all__ = ["Store"]
