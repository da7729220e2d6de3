"""The per-learner privacy ledger in the encrypted profile can never pass the budget."""

from __future__ import annotations

import itertools
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.sync.records import Week
from app.store import Profile, ProfileStore
from app.store.db import open_encrypted
from app.store.sync import BudgetExceeded, SyncRepository
from tests.store.constants import PASSPHRASE

_weeks = (Week(f"2030-W{n:02d}-{i}") for i in itertools.count() for n in [1])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(budget=st.floats(0.1, 10.0),
       spends=st.lists(st.floats(0.01, 5.0), min_size=1, max_size=12))
def test_ledger_never_exceeds_the_budget(repo: SyncRepository, budget: float,
                                         spends: list[float]) -> None:
    week = next(_weeks)
    accepted = 0.0
    for number, epsilon in enumerate(spends):
        try:
            repo.commit_release(week=week, epsilon=epsilon, budget=budget,
                                key=f"{week}-{number}", kind="hub", payload="{}")
            accepted += epsilon
        except BudgetExceeded:
            assert repo.spent(week) + epsilon > budget
    assert repo.spent(week) == pytest.approx(accepted)
    assert repo.spent(week) <= budget + 1e-9


def test_refused_release_queues_nothing_and_says_why(repo: SyncRepository) -> None:
    week = Week("2026-W47")
    repo.commit_release(week=week, epsilon=1.0, budget=1.0, key="a", kind="hub",
                        payload="{}")
    with pytest.raises(BudgetExceeded) as refused:
        repo.commit_release(week=week, epsilon=1.0, budget=1.0, key="b", kind="hub",
                            payload="{}")
    assert "privacy budget for 2026-W47 is used up" in str(refused.value)
    assert "Nothing was sent" in str(refused.value)
    assert [e.key for e in repo.pending()] == ["a"]
    assert repo.spent(week) == 1.0
    assert repo.spent(Week("2026-W48")) == 0.0  # the next week has its own budget


def test_two_writers_racing_cannot_overspend(store: ProfileStore, profile: Profile) -> None:
    """Two connections to the same profile (two windows) spend at once: one wins."""
    key = store.raw_key(profile.id, PASSPHRASE)
    outcomes: list[str] = []
    barrier = threading.Barrier(4)

    def spend(number: int) -> None:
        conn = open_encrypted(profile.path, key, check=False)
        try:
            barrier.wait()
            SyncRepository(conn).commit_release(week=Week("2026-W47"), epsilon=0.6,
                                                budget=1.0, key=f"k{number}", kind="hub",
                                                payload="{}")
            outcomes.append("ok")
        except BudgetExceeded:
            outcomes.append("refused")
        finally:
            conn.close()

    threads = [threading.Thread(target=spend, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "refused", "refused", "refused"]
    assert profile.sync.spent(Week("2026-W47")) == pytest.approx(0.6)
