"""Fixtures for sync: a real SQLCipher profile and its sync repository."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.paths import AppPaths
from app.store import Profile, ProfileStore
from app.store.sync import SyncRepository
from tests.store.constants import FAST_KDF, PASSPHRASE


@pytest.fixture
def store(lantern_home: Path) -> ProfileStore:
    return ProfileStore(AppPaths.default().ensure().data / "profiles", kdf=FAST_KDF)


@pytest.fixture
def profile(store: ProfileStore) -> Iterator[Profile]:
    opened = store.create(nickname="Mia", avatar="fox", passphrase=PASSPHRASE)
    yield opened
    if not opened.closed:
        store.lock(opened)


@pytest.fixture
def repo(profile: Profile) -> SyncRepository:
    return profile.sync
