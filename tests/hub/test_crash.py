"""SIGKILL while sending: nothing is lost and the hub counts every submission once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys

import sqlalchemy as sa

from app.core.sync.payload import build_body, sign
from app.core.sync.privacy import release
from app.core.sync.records import SkillFigures, Week
from app.hub.db import HubDB, submissions
from app.store import ProfileStore
from tests.hub.clients import laptop
from tests.hub.conftest import ROOT, Hub
from tests.store.conftest import worker_env
from tests.store.constants import PASSPHRASE

ENTRIES = 24


def _fill_outbox(store: ProfileStore, hub: Hub) -> tuple[str, set[str]]:
    one = laptop(store, hub.url, hub.code(hub.add_class("6B")))
    keys = set()
    for week in range(1, ENTRIES + 1):
        noisy = release([SkillFigures("fractions", 3, 2, (0.0, 1.0, 0.0, 0.0), 5.0)], 1.0)
        body = build_body(noisy, Week(f"2026-W{week:02d}"))
        one.repo.commit_release(week=Week(f"2026-W{week:02d}"), epsilon=1.0, budget=1.0,
                                key=body.submission_id, kind="hub",
                                payload=sign(body, key_id=one.config.key_id,
                                             token=one.config.token))
        keys.add(body.submission_id)
    store.lock(one.profile)
    return one.profile.id, keys


def _run_and_kill(store: ProfileStore, profile_id: str, hub: Hub,
                  rng: random.Random) -> bool:
    """Run a worker; SIGKILL it after a random number of sends. True when it finished."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.hub.sync_worker", str(store.root), profile_id,
         hub.url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=worker_env(), cwd=ROOT)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    for _ in range(rng.randint(1, 4)):
        line = child.stdout.readline().strip()
        if line in ("done", ""):
            child.communicate(timeout=30)
            return True
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=30)
    return False


def test_sigkill_mid_send_loses_nothing_and_counts_once(hub: Hub,
                                                        store: ProfileStore) -> None:
    profile_id, keys = _fill_outbox(store, hub)
    rng = random.Random(8)
    kills = 0
    for _ in range(ENTRIES + 2):  # bounded: each run sends at least one entry
        if _run_and_kill(store, profile_id, hub, rng):
            break
        kills += 1
    assert kills >= 3
    assert hub.health()["submissions"] == ENTRIES
    again = store.unlock(profile_id, PASSPHRASE)
    try:
        repo = again.sync
        assert repo.pending() == []
        assert repo.counts()["sent"] == ENTRIES
    finally:
        store.lock(again)
    db = HubDB(hub.db_url)
    with db.engine.connect() as conn:
        stored = conn.execute(sa.select(submissions.c.submission_id)).scalars().all()
    db.close()
    assert sorted(stored) == sorted(keys)  # each exactly once
