"""The command line: thin Typer wrappers over library functions."""

from .app import app, main

__all__ = ["app", "main"]
