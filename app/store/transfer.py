"""Export and import a profile as one encrypted backup file (``.lantern-backup``).

The file is a zip holding ``profile.json`` (the index entry: id, nickname, avatar and the
*wrapped* keys) and ``profile.db`` (the SQLCipher database, still encrypted). So the file
is as safe to carry on a USB stick as the laptop itself: it opens only with the
learner's passphrase (or the class recovery key).
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import zipfile
from pathlib import Path

from app.messages import QT_TRANSLATE_NOOP
from app.store.db import checkpoint, is_plaintext_sqlite
from app.store.errors import BackupFileError, DiskFull, is_disk_full
from app.store.index import ProfileEntry
from app.store.profile import Profile
from app.store.store import ProfileStore

log = logging.getLogger(__name__)

FORMAT = "lantern-profile-backup"
SUFFIX = ".lantern-backup"


def export_backup(store: ProfileStore, profile: Profile, target: Path) -> None:
    """Write an encrypted backup of the unlocked ``profile`` to ``target`` (atomically)."""
    checkpoint(profile.conn)  # the main file alone is then a complete, consistent copy
    entry = store.index.get(profile.id)
    meta = {"format": FORMAT, "version": 1, "entry": entry.to_dict() | {
        "failed_tries": 0, "retry_after": 0.0}}
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr("profile.json", json.dumps(meta, indent=2))
            archive.write(profile.path, "profile.db")
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise DiskFull() from exc
        raise
    log.info("profile %s exported", profile.id)


def import_backup(store: ProfileStore, source: Path, *, replace: bool = False
                  ) -> ProfileEntry:
    """Add the profile in ``source`` to this computer and return its index entry.

    Raises:
        BackupFileError: not a Lantern backup, or the profile is already here and
            ``replace`` is False.
    """
    entry, data = _read(source)
    if entry.id in store.index.entries and not replace:
        raise BackupFileError(QT_TRANSLATE_NOOP(
            "StoreError", "This profile is already on this computer."),
            hint=QT_TRANSLATE_NOOP("StoreError", "Delete it first, or choose to replace it."))
    folder = store.db_path(entry.id).parent
    staging = Path(tempfile.mkdtemp(prefix=".import-", dir=store.root))
    try:
        (staging / "profile.db").write_bytes(data)
        if is_plaintext_sqlite(staging / "profile.db"):
            raise BackupFileError(QT_TRANSLATE_NOOP(
                "StoreError", "That backup file is not encrypted."))
        shutil.copyfile(staging / "profile.db", staging / "backup.db")
        if folder.exists():
            shutil.rmtree(folder)
        staging.replace(folder)
        store.index.put(entry)
    except OSError as exc:
        raise (DiskFull() if is_disk_full(exc) else exc) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("profile %s imported", entry.id)
    return entry


def _read(source: Path) -> tuple[ProfileEntry, bytes]:
    try:
        with zipfile.ZipFile(source) as archive:
            meta = json.loads(archive.read("profile.json"))
            if meta.get("format") != FORMAT:
                raise ValueError("wrong format")
            return ProfileEntry.from_dict(meta["entry"]), archive.read("profile.db")
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile,
            NotImplementedError) as exc:  # a damaged header: unknown zip version
        raise BackupFileError(
            QT_TRANSLATE_NOOP("StoreError", "That file is not a Lantern profile backup.")) from exc
