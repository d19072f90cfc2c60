"""Cross-document learning between worker processes: what one worker's registry learns reaches the others."""

from __future__ import annotations

from eventwire.models import Actor
from eventwire.runners.learning import LearningLog, RecordingRegistry, WorkerLearning


def test_learning_registry_records_only_what_it_learnt_itself() -> None:
    reg = RecordingRegistry()
    reg.absorb([("Ivan Petrov", "RUSGOV", 2)])  # from the store or another worker: not reported again
    reg.learn("Amina Diallo", "SENGOV")
    assert reg.take() == [("Amina Diallo", "SENGOV", 1)]
    assert reg.take() == []
    assert reg.lookup("Petrov") == "RUSGOV" and reg.lookup("Amina Diallo") == "SENGOV"


def test_learning_log_passes_one_workers_learning_to_another_once() -> None:
    log = LearningLog()
    a, b = RecordingRegistry(), RecordingRegistry()
    wa, wb = WorkerLearning("a"), WorkerLearning("b")
    # worker a analyses a document with "Russian Foreign Minister Ivan Petrov" and reports it
    a.learn("Ivan Petrov", "RUSGOV")
    log.add("a", a.take(), wa.absorbed)
    # a task handed to worker b carries it; b now codes a bare "Petrov"
    start, entries = log.since(log.floor(workers=2))
    wb.apply(b, start, entries)
    assert b.lookup("Petrov") == "RUSGOV"
    assert b.take() == []  # absorbed, not learnt: b does not report it back
    # the same entries handed to a again are its own: not counted twice
    wa.apply(a, start, entries)
    assert a.by_name["ivan petrov"]["RUSGOV"] == 1
    # and handed to b again (a task cut from an older floor), nothing is learnt twice
    wb.apply(b, start, entries)
    assert b.by_name["ivan petrov"]["RUSGOV"] == 1


def test_learning_log_floor_waits_for_every_worker() -> None:
    log = LearningLog()
    log.add("a", [("X Y", "FRAGOV", 1), ("Z W", "DEUGOV", 1)], absorbed=0)
    assert log.floor(workers=2) == 0  # b has not reported: it may know nothing yet
    log.add("b", [], absorbed=2)
    log.add("a", [], absorbed=1)
    assert log.floor(workers=2) == 1
    start, entries = log.since(log.floor(workers=2))
    assert start == 1 and [e[0] for e in entries] == ["Z W"]


def test_learning_registry_records_what_a_document_teaches_by_the_registry_rule() -> None:
    reg = RecordingRegistry()
    actors = [Actor(name="Ivan Petrov", code="RUSGOV", kind="person", rule="title"),
              Actor(name="Zed Quill", code="USAGOV", kind="person", rule="dictionary:people.tsv")]
    assert reg.learn_from(actors) == 1
    assert reg.take() == [("Ivan Petrov", "RUSGOV", 1)]  # the dictionary's person is not shared with workers
