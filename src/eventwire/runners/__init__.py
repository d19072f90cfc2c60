"""Runners: where the stages run (this process, a process pool, Ray), never what they do.

``run_job`` is the main job behind ``eventwire run``: documents in, analyses stored, resumable.
``analyse_stream`` gives the analyses without a store. ``watch`` polls folders and feeds.
"""

from .job import ENGINES, Outcome, run_job, seeded_pipeline
from .local import PoolStats, analyse_stream, default_workers, peak_rss_bytes

__all__ = [
    "ENGINES",
    "Outcome",
    "PoolStats",
    "analyse_stream",
    "default_workers",
    "peak_rss_bytes",
    "run_job",
    "seeded_pipeline",
]
