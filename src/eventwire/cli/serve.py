"""``eventwire serve``: the REST API and the dashboard over a store, read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import Db, app, err


@app.command()
def serve(db: Db = Path("eventwire.duckdb"),
          host: Annotated[str, typer.Option(help="address to listen on; 0.0.0.0 exposes the server to the network")]
          = "127.0.0.1",
          port: Annotated[int, typer.Option(help="TCP port", min=1, max=65535)] = 8000,
          snapshot: Annotated[bool, typer.Option(help="while `eventwire run` writes the store, answer from a snapshot"
                                                      " copy (needs as much free disk as the store) instead of 503")]
          = True,
          log_level: Annotated[str, typer.Option(help="uvicorn log level")] = "info") -> None:
    """Serve the REST API (/api/v1, docs at /docs) and the dashboard (/) over a store, read-only.

    Each request opens a short read-only connection, so `eventwire run` can write to the same
    store between requests. `POST /api/v1/analyze` is enabled only when EVENTWIRE_API_TOKEN is set.
    """
    import uvicorn

    from ..serve import create_app

    if not db.exists():
        err.print(f"[red]error[/red] no store at {db}; run `eventwire run --db {db}` first", highlight=False)
        raise typer.Exit(2)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning[/yellow] listening on {host}: anyone who can reach this port can read the store",
                  highlight=False)
    err.print(f"eventwire serve: dashboard http://{host}:{port}/ · API docs http://{host}:{port}/docs", highlight=False)
    uvicorn.run(create_app(db, snapshot=snapshot), host=host, port=port, log_level=log_level,
                limit_concurrency=64, timeout_keep_alive=5, server_header=False)
