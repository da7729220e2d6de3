"""Temp files a killed sign-out leaves (``.backup.db.*.tmp``) go at the next start."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from app.store import Profile, ProfileStore
from tests.store.conftest import FAST_KDF


def _leftover(folder: Path, target: str, age_s: float) -> Path:
    """A temp file named as ``files.copy_atomic`` names it, last written ``age_s`` ago."""
    fd, name = tempfile.mkstemp(prefix=f".{target}.", suffix=".tmp", dir=folder)
    os.write(fd, b"\x00" * 4096)
    os.close(fd)
    stamp = time.time() - age_s
    os.utime(name, (stamp, stamp))
    return Path(name)


def test_a_killed_backup_copy_is_removed_when_the_store_next_opens(
        store: ProfileStore, profile: Profile) -> None:
    store.lock(profile)
    folder = store.backup_path(profile.id).parent
    dead = [_leftover(folder, "backup.db", 3600) for _ in range(3)]
    dead.append(_leftover(store.root, "profiles.json", 3600))
    live = _leftover(folder, "backup.db", 0)  # another window may be copying right now
    backup = store.backup_path(profile.id).read_bytes()

    reopened = ProfileStore(store.root, kdf=FAST_KDF)
    assert reopened.profiles()  # the first use reads the index, and cleans up

    assert not any(path.exists() for path in dead)
    assert live.exists()
    assert store.backup_path(profile.id).read_bytes() == backup
