"""The REST API and the web dashboard over a store (``eventwire serve``)."""

from .app import create_app

__all__ = ["create_app"]
