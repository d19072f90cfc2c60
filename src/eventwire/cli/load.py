"""``eventwire load``: bring the Parquet output of ``eventwire run --engine ray`` into a store.

Loading is idempotent like ``run``: an article already stored is left alone, so loading the same
folder twice adds nothing. Exit codes: 0 loaded, 2 no eventwire Parquet there or no store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import EventwireError
from ..runners.job import open_store
from ..runners.records import read_analyses
from .app import Db, _fail, app, err


@app.command()
def load(parquet: Annotated[Path, typer.Argument(help="a folder (or file) written by `eventwire run --engine ray`")],
         db: Db = Path("eventwire.duckdb")) -> None:
    """Load analyses from Parquet (``--engine ray`` output) into the DuckDB store."""
    stored = seen = 0
    try:
        with open_store(db) as store:  # waits for `eventwire serve` to let go between requests
            for analysis in read_analyses(parquet):
                seen += 1
                stored += store.write(analysis)
    except EventwireError as e:
        _fail(e)
    err.print(f"loaded {stored} of {seen} articles into {db} ({seen - stored} were stored already)", highlight=False)
