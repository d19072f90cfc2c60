"""``eventwire serve``: the REST API and the dashboard over a store, read-only."""

from __future__ import annotations

import ipaddress
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
          allow_host: Annotated[list[str] | None, typer.Option(
              "--allow-host", help="a host name the server answers to besides the address it listens on (repeatable;"
                                   " `*` for any); requests naming another host get 421, against DNS rebinding")] = None,
          log_level: Annotated[str, typer.Option(help="uvicorn log level")] = "info") -> None:
    """Serve the REST API (/api/v1, docs at /docs) and the dashboard (/) over a store, read-only.

    Each request opens a short read-only connection, so `eventwire run` can write to the same
    store between requests. `POST /api/v1/analyze` is enabled only when EVENTWIRE_API_TOKEN is set.
    """
    import uvicorn

    from ..serve import create_app
    from ..serve.app import LOOPBACK_HOSTS, MAX_ACTIVE

    if not db.exists():
        err.print(f"[red]error[/red] no store at {db}; run `eventwire run --db {db}` first", highlight=False)
        raise typer.Exit(2)
    if host not in LOOPBACK_HOSTS:
        err.print(f"[yellow]warning[/yellow] listening on {host}: anyone who can reach this port can read the store",
                  highlight=False)
    allowed = allowed_hosts(host, allow_host or [])
    if "*" in allowed:
        err.print(f"[yellow]warning[/yellow] listening on {host} without `--allow-host`: answering to any host name"
                  " (a page on another site can then read the store through DNS rebinding)", highlight=False)
    err.print(f"eventwire serve: dashboard http://{host}:{port}/ · API docs http://{host}:{port}/docs", highlight=False)
    # The app answers past MAX_ACTIVE requests with a JSON 503 and Retry-After; uvicorn's own limit,
    # which also counts idle keep-alive connections and answers in plain text, is only a backstop.
    uvicorn.run(create_app(db, snapshot=snapshot, allowed_hosts=allowed), host=host, port=port, log_level=log_level,
                limit_concurrency=4 * MAX_ACTIVE, timeout_keep_alive=5, server_header=False)


def allowed_hosts(host: str, extra: list[str]) -> list[str]:
    """The Host names a server listening on ``host`` answers to: that address, the loopback names when it
    is a loopback address, and ``extra``. Listening on every address (0.0.0.0, ::), the names cannot be
    known: any is answered unless ``extra`` lists them."""
    from ..serve.app import LOOPBACK_HOSTS

    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        ip = None
    if ip is not None and ip.is_unspecified:
        return [*extra, *LOOPBACK_HOSTS] if extra else ["*"]
    loopback = host == "localhost" or (ip is not None and ip.is_loopback)
    return [host, *(LOOPBACK_HOSTS if loopback else ()), *extra]
