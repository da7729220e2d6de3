"""SIGKILL at random moments while answering: every acknowledged answer survives."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.store import Profile, ProfileStore
from app.store.db import integrity_ok
from tests.store.conftest import PASSPHRASE, worker_env

KILLS = 21


def _answer_then_kill(store: ProfileStore, profile_id: str, run: str,
                      rng: random.Random) -> list[str]:
    """Start a worker, SIGKILL it at a random moment, return the answers it acknowledged."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.store.workers", "answer", str(store.root), profile_id,
         run], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=worker_env(),
        cwd=Path(__file__).resolve().parents[2])
    assert child.stdout is not None
    ready = child.stdout.readline()
    assert ready.strip() == "ready", child.stderr.read() if child.stderr else ""
    time.sleep(rng.uniform(0.0, 0.25))
    os.kill(child.pid, signal.SIGKILL)
    output, _ = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    # Only lines ended by a newline were printed whole; a cut-off one does not count.
    complete = output.split("\n")[:-1]
    return [line.removeprefix("ack ") for line in complete if line.startswith("ack ")]


def test_acknowledged_answers_survive_sigkill(store: ProfileStore, profile: Profile) -> None:
    store.lock(profile)
    rng = random.Random(20261123)
    acknowledged: list[str] = []
    for run in range(KILLS):
        acknowledged += _answer_then_kill(store, profile.id, f"r{run}", rng)
    again = store.unlock(profile.id, PASSPHRASE)
    try:
        stored = {a.question_id for a in again.attempts()}
        missing = [q for q in acknowledged if q not in stored]
        assert not missing, f"{len(missing)} acknowledged answers were lost"
        assert len(acknowledged) > KILLS, "the workers should have answered a few each"
        assert integrity_ok(again.conn)
    finally:
        store.lock(again)
