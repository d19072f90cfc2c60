"""Cross-document learning when documents are analysed in several processes.

The actor registry learns from each document ("Russian Foreign Minister Sergei Lavrov" makes a
later bare "Lavrov" RUSGOV). In one process it simply grows. With workers, each would learn only
from the documents it happened to get, so the same article could be coded differently depending
on the worker. Here each worker records what its registry learns; the coordinating process (the
pool's parent, or the Ray screening actor) keeps one ordered log of it, and every task carries
the part of the log a worker may not have yet. Workers then know (almost) what one process would
know: what every other worker learnt up to the moment the task was handed out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..actors import ActorRegistry

Learnt = tuple[str, str, int]  # (name, code, count): ActorRegistry.learn's arguments
Entry = tuple[str, str, int, str]  # the same, with the worker that learnt it


class RecordingRegistry(ActorRegistry):
    """An ActorRegistry that remembers what it learnt by itself since it was last asked.

    What a document teaches is decided by ``ActorRegistry.learn_from`` (the actor resolver calls
    it after each document); every name it keeps passes through :meth:`learn`, recorded here, so
    workers share exactly what one process would have learnt, with no copy of that rule.
    """

    def __init__(self) -> None:
        super().__init__()
        self.recording = True
        self._new: list[Learnt] = []

    def learn(self, name: str, code: str, count: int = 1) -> None:
        super().learn(name, code, count)
        if self.recording:
            self._new.append((name, code, count))

    def take(self) -> list[Learnt]:
        """What was learnt since the last call (and forget it)."""
        new, self._new = self._new, []
        return new

    def absorb(self, rows: list[Learnt]) -> None:
        """Learn what other processes learnt, without reporting it back as this one's."""
        self.recording = False
        try:
            for name, code, count in rows:
                self.learn(name, code, count)
        finally:
            self.recording = True


@dataclass
class LearningLog:
    """The coordinator's ordered log of what every worker learnt."""

    entries: list[Entry] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)  # worker -> log length it has absorbed

    def add(self, worker: str, rows: list[Learnt], absorbed: int) -> None:
        """Record a worker's report: what it learnt, and how much of the log it had absorbed."""
        self.entries += [(n, c, k, worker) for n, c, k in rows]
        self.seen[worker] = max(absorbed, self.seen.get(worker, 0))

    def since(self, start: int) -> tuple[int, list[Entry]]:
        """The log from ``start`` on, with its start (for a task that any worker may pick up)."""
        return start, self.entries[start:]

    def floor(self, workers: int) -> int:
        """The log length every worker has absorbed (0 until all have reported)."""
        if len(self.seen) < workers:
            return 0
        return min(self.seen.values())


@dataclass
class WorkerLearning:
    """A worker's side: which part of the log it has absorbed."""

    me: str
    absorbed: int = 0

    def apply(self, registry: RecordingRegistry, start: int, entries: list[Entry]) -> None:
        """Absorb the entries of the log it had not seen, except its own."""
        fresh = [(n, c, k) for i, (n, c, k, who) in enumerate(entries, start) if i >= self.absorbed and who != self.me]
        registry.absorb(fresh)
        self.absorbed = max(self.absorbed, start + len(entries))
