"""Secure aggregation end to end: 30 real laptops (encrypted profiles), a real hub process
on SQLite and on PostgreSQL, 3 laptops dropping out between the keys and the input step.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import httpx
import numpy as np
import pytest

from app.core.sync.aggregate import aggregate_week
from app.core.sync.records import Week
from app.core.sync.secure import encode
from app.core.sync.secure_service import step_http
from app.core.sync.skellam import BUCKETS, GROUPS, PRACTICE
from app.core.sync.source import ProfileSource
from app.hub.db import HubDB
from app.hub.rounds import Rounds, inputs
from app.store import ProfileStore
from tests.hub.clients import NEXT_WEEK, SKILLS, Laptop, laptop
from tests.hub.conftest import Hub, issue_codes
from tests.hub.hostile import set_password, teacher

LAPTOPS, DROPPED = 30, 3


@pytest.fixture
def laptops(store: ProfileStore) -> Iterator[list[Laptop]]:
    made: list[Laptop] = []
    yield made
    for one in made:
        store.lock(one.profile)


def _step(one: Laptop) -> None:
    report = step_http(one.repo, ProfileSource(one.profile, SKILLS), one.config)
    assert report.refused == []


def _close_step(hub: Hub, class_id: int, round_id: str) -> str:
    """The teacher closes the step on /teacher; the teacher page it returns to."""
    path = f"/teacher/classes/{class_id}/rounds/{round_id}/next"
    # Nobody else can: no session is a 401, a session without its CSRF token a 403.
    assert httpx.post(f"{hub.url}{path}", data={"csrf": "x"}).status_code == 401
    client, csrf = teacher(hub)
    try:
        assert client.post(path, data={}).status_code == 403
        response = client.post(path, data={"csrf": csrf}, follow_redirects=True)
        assert response.status_code == 200
        return response.text
    finally:
        client.close()


def _truth(survivors: list[Laptop], week: str) -> np.ndarray:
    total = np.zeros(len(SKILLS) * sum(g.per_skill for g in GROUPS), dtype=np.int64)
    for one in survivors:
        source = ProfileSource(one.profile, SKILLS)
        total += encode(aggregate_week(week=Week(week), skills=SKILLS,
                                       attempts=source.attempts(), mastery=source.mastery()))
    return total


def test_thirty_laptops_three_drop_out(hub: Hub, store: ProfileStore,
                                       laptops: list[Laptop]) -> None:
    class_id = hub.add_class("6B")
    codes = issue_codes(hub.db_url, class_id, LAPTOPS)
    laptops += [laptop(store, hub.url, code, n) for n, code in enumerate(codes)]
    set_password(hub)
    db = HubDB(hub.db_url)
    rounds = Rounds(db)
    # The hub's "last week" seen from next week: the week the laptops practised in.
    opened = rounds.open(class_id, now=NEXT_WEEK)

    for one in laptops:
        _step(one)  # step 1: keys; the last one moves the round on by itself
    assert rounds.get(opened.round_id).phase == "input"
    survivors, dropouts = laptops[:-DROPPED], laptops[-DROPPED:]
    for one in survivors:
        _step(one)  # step 2: masked input (the dropouts never come back)
    assert rounds.get(opened.round_id).phase == "input"
    with db.engine.connect() as conn:
        stored = conn.execute(inputs.select()).all()
    assert len(stored) == LAPTOPS - DROPPED
    page = _close_step(hub, class_id, opened.round_id)  # the teacher closes step 2: 3 dropped out
    assert "Step 3 of 3" in page and "Download the" in page
    for one in survivors:
        _step(one)  # step 3: reveals; the last one completes the sum
    row = rounds.get(opened.round_id)
    assert row.phase == "done" and row.note == "3 laptop(s) dropped out"
    assert row.result is not None and row.result["reporting"] == LAPTOPS - DROPPED

    # The sum is the true sum plus noise of the documented scale.
    noise = np.array(row.result["sum"]) - _truth(survivors, row.week)
    m, t = row.result["reporting"], row.result["threshold"]
    assert t == 20
    width = sum(g.per_skill for g in GROUPS)
    for group, offset in ((BUCKETS, 0), (PRACTICE, BUCKETS.per_skill)):
        sigma = math.sqrt(2 * row.result["mu"][group.name] * m / t)
        for skill in range(len(SKILLS)):
            part = noise[skill * width + offset: skill * width + offset + group.per_skill]
            assert np.all(np.abs(part) < 5.5 * sigma), (group.name, part, sigma)
    assert np.any(noise != 0)  # noise was added

    # Nothing but the class sum stays at the hub once the round is done.
    with db.engine.connect() as conn:
        assert conn.execute(inputs.select()).all() == []
    page = hub.get(f"/classes/{class_id}")
    assert "Class figures with secure aggregation" in page
    assert "27 laptops are in these figures" in page and "3 laptop(s) dropped out" in page
    assert all(skill in page for skill in SKILLS) and "Share correct" in page
    assert "rounds/open" not in page  # the public page has no controls: they need a sign-in

    # The ledger: survivors spent the week; dropouts did not and can still fall back to
    # the per-learner (local DP) summary for that week.
    for one in survivors[:2]:
        assert one.repo.spent(Week(row.week)) == pytest.approx(1.0)
        detail = one.profile.conn.execute(
            "SELECT detail FROM privacy_ledger WHERE period = ?", (row.week,)).fetchone()[0]
        assert detail == f"secure aggregation round {row.round_id}, delta=1e-05"
    for one in dropouts:
        assert one.repo.spent(Week(row.week)) == 0.0
        _step(one)  # learns the round ended and erases its secrets
        one.queue()  # the local-DP fallback, unchanged
        assert one.repo.spent(Week(row.week)) == pytest.approx(1.0)
    db.close()
