"""Fixtures for the profile store: a real store in the test's private data dir.

Argon2id runs with small parameters here (see ``constants.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.paths import AppPaths
from app.store import Profile, ProfileStore
from tests.store.constants import FAST_KDF, PASSPHRASE

__all__ = ["FAST_KDF", "PASSPHRASE"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def data_dir(lantern_home: Path) -> Path:
    return AppPaths.default().ensure().data


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> ProfileStore:
    return ProfileStore(data_dir / "profiles", kdf=FAST_KDF, clock=clock)


@pytest.fixture
def profile(store: ProfileStore) -> Iterator[Profile]:
    opened = store.create(nickname="Mia", avatar="fox", passphrase=PASSPHRASE)
    yield opened
    if not opened.closed:
        store.lock(opened)


def file_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by relative path (for byte-for-byte comparisons)."""
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def worker_env() -> dict[str, str]:
    """Environment for a child Python that imports the project from this checkout."""
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    return env
