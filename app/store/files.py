"""File copies for backups: atomic (temp file, fsync, rename) and never half-written."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from app.store.errors import DiskFull, is_disk_full

log = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm")


def copy_atomic(source: Path, target: Path) -> None:
    """Copy ``source`` over ``target`` so a crash or a full disk leaves the old target.

    Raises:
        DiskFull: no room for the copy (the temp file is removed, ``target`` unchanged).
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and is_disk_full(exc):
            raise DiskFull() from exc
        raise


STALE_TEMP_AGE_S = 60.0  # copy_atomic writes its temp file without pause until it is done


def remove_stale_temps(root: Path) -> int:
    """Delete temp files that :func:`copy_atomic` left when the process was killed.

    They are named ``.<target>.<random>.tmp`` (``.backup.db.k2j4.tmp``) in ``root`` and
    its profile folders; each can be as large as a profile (15 killed sign-outs once
    left 2.1 GB). One not written to for a minute belongs to a dead process. Returns
    how many were removed.
    """
    removed = 0
    now = time.time()
    for path in [*root.glob(".*.tmp"), *root.glob("*/.*.tmp")]:
        try:
            if not path.is_file() or now - path.stat().st_mtime < STALE_TEMP_AGE_S:
                continue
            path.unlink()
        except OSError as exc:
            log.warning("could not remove the leftover temp file %s: %s", path.name, exc)
            continue
        removed += 1
    if removed:
        log.info("removed %d temp file(s) left by an interrupted backup", removed)
    return removed


def restore_copy(backup: Path, database: Path) -> Path | None:
    """Put ``backup`` in place of ``database``; the old database is kept, renamed.

    Returns the path the damaged database was moved to (None if there was none).
    """
    kept: Path | None = None
    if database.exists():
        kept = database.with_name(f"{database.name}.damaged-{int(time.time())}")
        database.replace(kept)
    for suffix in SIDE_FILES:  # a WAL belongs to the old file; never replay it on the copy
        side = database.with_name(database.name + suffix)
        if side.exists():
            side.replace(side.with_name(f"{side.name}.damaged-{int(time.time())}"))
    copy_atomic(backup, database)
    return kept
