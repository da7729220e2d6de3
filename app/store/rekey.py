"""A new data key for a profile's database: revoking every old passphrase for good.

A passphrase change that only re-wraps the data key leaves the old passphrase working
for anyone who kept the old ``profiles.json`` (its old wrap still opens the same key).
So a change re-encrypts the database under a fresh key, in three crash-safe steps:

1. ``profile.db`` is exported, re-encrypted, to ``profile.db.rekey`` (the original is
   not touched);
2. the index gets the new wraps: this atomic write is the commit point;
3. ``profile.db.rekey`` replaces ``profile.db``, and the automatic backup is taken again
   (the old one is under the old key).

A crash between 2 and 3 is finished at the next sign-in (:func:`finish_pending`): the
pending file opens with the new key, so it is the current database.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from app.store import files
from app.store.db import DamagedDatabase, checkpoint, open_encrypted
from app.store.errors import StoreError
from app.store.pin import Pin, read_pin

log = logging.getLogger(__name__)

SUFFIX = ".rekey"


def pending_path(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


def export_rekeyed(database: Path, old_key: bytes, new_key: bytes) -> Pin | None:
    """Write the re-encrypted copy beside ``database``; returns the profile's class-key pin.

    The pin is read here, from the encrypted database, because the new recovery wrap must
    go to the pinned class key, never to whatever ``profiles.json`` names.
    """
    target = pending_path(database)
    target.unlink(missing_ok=True)
    conn = open_encrypted(database, old_key)
    try:
        pin = read_pin(conn)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        quoted = str(target).replace("'", "''")
        conn.execute(f"ATTACH DATABASE '{quoted}' AS rekeyed KEY \"x'{new_key.hex()}'\"")
        conn.execute("SELECT sqlcipher_export('rekeyed')").fetchall()
        conn.execute(f"PRAGMA rekeyed.user_version = {version}")
        conn.execute("DETACH DATABASE rekeyed")
        checkpoint(conn)
    except BaseException:
        conn.close()
        target.unlink(missing_ok=True)
        raise
    conn.close()
    _fsync(target)
    return pin


def commit(database: Path, backup: Path) -> None:
    """Step 3: the re-encrypted copy becomes the database; the backup is taken again."""
    os.replace(pending_path(database), database)
    for suffix in files.SIDE_FILES:  # the old file's WAL must never be replayed on the new
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    try:
        files.copy_atomic(database, backup)
    except StoreError:
        log.warning("re-keyed profile has no fresh backup yet", exc_info=True)
        backup.unlink(missing_ok=True)  # under the old key: it must not outlive it


def finish_pending(database: Path, backup: Path, key: bytes) -> None:
    """At sign-in: finish a re-key interrupted after its commit point, or drop its copy."""
    pending = pending_path(database)
    if not pending.exists():
        return
    try:
        open_encrypted(pending, key).close()
    except (DamagedDatabase, StoreError):
        log.warning("dropping an unfinished re-keyed copy of %s", database.parent.name)
        pending.unlink(missing_ok=True)
        return
    log.warning("finishing an interrupted re-key of profile %s", database.parent.name)
    commit(database, backup)


def _fsync(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())
