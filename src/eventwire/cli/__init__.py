"""The command line: thin Typer wrappers over library functions."""

from . import actors as _actors  # noqa: F401  (registers `eventwire actors`)
from . import explain as _explain  # noqa: F401  (registers `eventwire explain`)
from . import load as _load  # noqa: F401  (registers `eventwire load`)
from . import query  # noqa: F401  (registers events, dyads, timeline, export)
from . import quotes as _quotes  # noqa: F401  (registers `eventwire quotes`)
from . import run as _run  # noqa: F401  (registers `eventwire run`)
from . import serve as _serve  # noqa: F401  (registers `eventwire serve`)
from . import watch as _watch  # noqa: F401  (registers `eventwire watch`)
from .app import app, main

__all__ = ["app", "main"]
