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
