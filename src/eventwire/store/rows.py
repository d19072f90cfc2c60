"""Query results: a list of dicts that also converts to pandas, polars or Arrow without a detour."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import duckdb
import pyarrow as pa

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

Output = Literal["records", "pandas", "polars", "arrow"]


def first(result: duckdb.DuckDBPyConnection) -> tuple[Any, ...] | None:
    """The first row of an executed statement, draining the rest: DuckDB refuses new work on a
    connection while a result is unfinished."""
    rows = result.fetchall()
    return rows[0] if rows else None


class Rows(list[dict[str, Any]]):
    """The rows of one query as dicts (JSON-ready apart from dates), keeping the Arrow table they came from.

    A ``list`` so that callers index, iterate and serialise it as before; ``to_pandas()``,
    ``to_polars()`` and ``arrow`` give the same rows as frames with their column types.
    """

    def __init__(self, table: pa.Table) -> None:
        super().__init__(table.to_pylist())
        self.arrow = table

    @property
    def columns(self) -> list[str]:
        return list(self.arrow.column_names)

    def to_pandas(self) -> pd.DataFrame:
        """A pandas DataFrame; dates become datetime64 columns."""
        return self.arrow.to_pandas(date_as_object=False)

    def to_polars(self) -> pl.DataFrame:
        """A polars DataFrame."""
        import polars as pl

        frame = pl.from_arrow(self.arrow)
        assert isinstance(frame, pl.DataFrame)  # from_arrow gives a Series only for an Array input
        return frame

    def to(self, output: Output) -> Any:
        """The rows as ``records`` (this list), a ``pandas`` or ``polars`` DataFrame, or an ``arrow`` Table."""
        if output == "records":
            return self
        if output == "pandas":
            return self.to_pandas()
        if output == "polars":
            return self.to_polars()
        if output == "arrow":
            return self.arrow
        raise ValueError(f"unknown output {output!r}; choose records, pandas, polars or arrow")
