"""eventwire: news in, event data out (who did what to whom, when and where, and who said what)."""

from .api import EventStore, open  # eventwire.open(db): the store for analysis
from .config import Config, load_config
from .errors import Errors, EventwireError
from .models import Actor, ActorRef, Analysis, Article, Document, Event, Place, Quote
from .pipeline import Pipeline, analyze

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorRef",
    "Analysis",
    "Article",
    "Config",
    "Document",
    "Errors",
    "Event",
    "EventStore",
    "EventwireError",
    "Pipeline",
    "Place",
    "Quote",
    "__version__",
    "analyze",
    "load_config",
    "open",
]
