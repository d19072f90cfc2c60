"""The CAMEO event coder."""

from .coder import code_events

__all__ = ["code_events"]
