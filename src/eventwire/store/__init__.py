"""The DuckDB event store: schema and migrations, writes, the aggregated events, queries and exports."""

from .db import PUBLIC_TABLES, Store
from .queries import EventFilters
from .rows import Output, Rows

__all__ = ["PUBLIC_TABLES", "EventFilters", "Output", "Rows", "Store"]
