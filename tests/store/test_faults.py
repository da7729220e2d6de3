"""Bad input and faults: wrong passphrase, damaged file, full disk. Each loses nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.store import Profile, ProfileCorrupt, ProfileStore, TooManyTries, WrongPassphrase
from app.store.db import integrity_ok
from tests.store.conftest import PASSPHRASE, FakeClock, file_bytes, worker_env

PAGE = 4096


def test_wrong_passphrase_says_so_and_leaves_every_file_unchanged(
        store: ProfileStore, profile: Profile) -> None:
    profile.record_attempt(skill_id="s", question_id="q", question="?", answer="42",
                           correct=True, score=1.0, time_taken_s=1.0)
    store.lock(profile)
    folder = store.db_path(profile.id).parent
    before = file_bytes(folder)
    with pytest.raises(WrongPassphrase) as caught:
        store.unlock(profile.id, "purple tiger jumps low")
    assert str(caught.value) == "That passphrase doesn't match this profile."
    assert file_bytes(folder) == before


def test_delay_grows_after_five_wrong_tries_in_a_row(store: ProfileStore, profile: Profile,
                                                     clock: FakeClock) -> None:
    store.lock(profile)
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            store.unlock(profile.id, "not the passphrase")
    with pytest.raises(TooManyTries) as first:
        store.unlock(profile.id, PASSPHRASE)  # refused without trying, even if right
    assert first.value.wait_s == pytest.approx(5.0)
    assert "wait 5 seconds" in first.value.user_message()
    clock.now += 5.1
    with pytest.raises(WrongPassphrase):
        store.unlock(profile.id, "still not it")
    with pytest.raises(TooManyTries) as second:
        store.unlock(profile.id, PASSPHRASE)
    assert second.value.wait_s == pytest.approx(10.0)
    # The delay is in the index, so restarting Lantern does not reset it.
    restarted = ProfileStore(store.root, kdf=store.kdf_params(), clock=clock)
    with pytest.raises(TooManyTries):
        restarted.unlock(profile.id, PASSPHRASE)
    clock.now += 10.1
    store.lock(restarted.unlock(profile.id, PASSPHRASE))
    assert restarted.index.get(profile.id).failed_tries == 0


@pytest.mark.parametrize("page", [1, 2])
def test_damaged_page_is_reported_and_the_backup_restores(store: ProfileStore,
                                                          profile: Profile, page: int) -> None:
    for number in range(30):
        profile.record_attempt(skill_id="s", question_id=str(number), question="?",
                               answer="x" * 200, correct=True, score=1.0, time_taken_s=1.0)
    store.lock(profile)  # takes the automatic backup
    path = store.db_path(profile.id)
    with path.open("r+b") as fh:
        fh.seek((page - 1) * PAGE)
        fh.write(os.urandom(PAGE))
    with pytest.raises(ProfileCorrupt) as caught:
        store.unlock(profile.id, PASSPHRASE)
    assert caught.value.backup_available
    assert "damaged" in caught.value.user_message()
    assert "restore it" in caught.value.user_message()
    store.restore_backup(profile.id)
    restored = store.unlock(profile.id, PASSPHRASE)
    assert len(restored.attempts()) == 30 and integrity_ok(restored.conn)
    store.lock(restored)
    damaged = [p.name for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert damaged, "the damaged file is kept aside, not deleted"


def test_damaged_file_without_backup_says_what_to_do(store: ProfileStore,
                                                     profile: Profile) -> None:
    store.lock(profile)
    store.backup_path(profile.id).unlink()
    store.db_path(profile.id).write_bytes(os.urandom(3 * PAGE))
    with pytest.raises(ProfileCorrupt) as caught:
        store.unlock(profile.id, PASSPHRASE)
    assert not caught.value.backup_available
    assert "import a backup file" in caught.value.user_message()


def _can_mount_tmpfs() -> bool:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-Urm", "true"], capture_output=True, check=False)
    return probe.returncode == 0


def test_full_disk_is_explained_and_nothing_is_half_written(tmp_path: Path) -> None:
    """A real ENOSPC: the worker runs in a private mount namespace on a 512 KiB tmpfs."""
    if not _can_mount_tmpfs():
        if os.environ.get("CI"):
            pytest.fail("CI must be able to run `unshare -Urm` for the disk-full test")
        pytest.skip("needs Linux user namespaces (unshare -Urm) to mount a small tmpfs")
    small, out = tmp_path / "small", tmp_path / "report.json"
    small.mkdir()
    script = (f'mount -t tmpfs -o size=512k lantern-full "{small}" && '
              f'exec "{sys.executable}" -m tests.store.workers diskfull "{small}" "{out}"')
    done = subprocess.run(["unshare", "-Urm", "sh", "-c", script], env=worker_env(),
                          cwd=Path(__file__).resolve().parents[2], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(out.read_text())
    assert report["acked"] > 0
    assert report["message"].startswith("The disk is full, so Lantern could not save.")
    assert report["second_profile"].startswith("The disk is full")
    assert report["index_unchanged"] and report["folders_unchanged"]
    assert report["stored"] == report["acked"]
    assert report["integrity_ok"]
