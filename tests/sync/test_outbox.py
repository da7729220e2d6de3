"""Outbox delivery: back-off, give-up on a refusal, and state kept across a restart.

The real HTTP transport against a real hub is tested in ``tests/hub``; here ``send`` is a
plain function so each outcome can be chosen.
"""

from __future__ import annotations

import random

import pytest

from app.core.sync.outbox import (
    BASE_DELAY_S,
    MAX_DELAY_S,
    Rejected,
    TransientError,
    backoff,
    deliver_due,
)
from app.core.sync.records import Week
from app.store import Profile, ProfileStore
from app.store.sync import OutboxEntry, SyncRepository
from inference.cancel import CancelToken
from inference.errors import Cancelled
from tests.store.constants import PASSPHRASE


def _queue(repo: SyncRepository, *keys: str) -> None:
    for number, key in enumerate(keys):
        repo.commit_release(week=Week(f"2026-W{10 + number}"), epsilon=1.0, budget=1.0,
                            key=key, kind="hub", payload=f'{{"n":{number}}}')


def test_backoff_doubles_with_jitter_and_is_capped() -> None:
    rng = random.Random(7)
    for tries in range(20):
        delay = backoff(tries, rng=rng)
        nominal = min(MAX_DELAY_S, BASE_DELAY_S * 2**tries)
        assert 0.8 * nominal <= delay <= 1.2 * nominal
    assert backoff(100, rng=rng) <= 1.2 * MAX_DELAY_S


def test_failures_wait_and_survive_a_restart(store: ProfileStore, profile: Profile) -> None:
    repo = profile.sync
    _queue(repo, "a", "b")

    def down(_entry: OutboxEntry) -> None:
        raise TransientError("The school hub could not be reached.")

    report = deliver_due(repo, down, now=1000.0)
    assert (report.delivered, report.failed) == (0, 2)
    store.lock(profile)  # as if the laptop was switched off
    again = store.unlock(profile.id, PASSPHRASE)
    try:
        repo = again.sync
        pending = repo.pending()
        assert [(e.key, e.tries) for e in pending] == [("a", 1), ("b", 1)]
        assert all(1000 + 0.8 * BASE_DELAY_S <= e.next_try_at <= 1000 + 1.2 * BASE_DELAY_S
                   for e in pending)
        sent: list[str] = []
        early = deliver_due(repo, lambda e: sent.append(e.key), now=1001.0)
        assert (early.waiting, sent) == (2, [])  # not due yet: nothing is hammered
        later = deliver_due(repo, lambda e: sent.append(e.key), now=1000.0 + MAX_DELAY_S)
        assert (later.delivered, sent) == (2, ["a", "b"])
        assert repo.pending() == []
        assert repo.counts() == {"sent": 2, "waiting": 0, "rejected": 0}
    finally:
        store.lock(again)


def test_a_refused_entry_is_kept_but_not_retried(repo: SyncRepository) -> None:
    _queue(repo, "bad", "good")

    def send(entry: OutboxEntry) -> None:
        if entry.key == "bad":
            raise Rejected("The school hub refused the summary (HTTP 401).")

    report = deliver_due(repo, send, now=0.0)
    assert (report.delivered, report.rejected) == (1, 1)
    assert "401" in report.last_error
    assert repo.pending() == []
    assert repo.counts() == {"sent": 1, "waiting": 0, "rejected": 1}


def test_cancel_stops_between_entries(repo: SyncRepository) -> None:
    _queue(repo, "a", "b", "c")
    cancel = CancelToken()
    sent: list[str] = []

    def send(entry: OutboxEntry) -> None:
        sent.append(entry.key)
        cancel.cancel()

    with pytest.raises(Cancelled):
        deliver_due(repo, send, now=0.0, cancel=cancel)
    assert sent == ["a"]
    assert [e.key for e in repo.pending()] == ["b", "c"]
