"""Temporary folders an import makes, and their removal after a run that was killed.

An import unpacks an Anki collection (up to 256 MB) into ``lantern-anki-*`` and builds a
pack in ``lantern-import-*``, both in the system's temp folder; a normal run removes
them, a killed one cannot. :func:`remove_import_debris` runs once at start-up (on the
``io`` lane) and removes those older than an hour, so an import running in another
Lantern window is never touched.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)

ANKI_PREFIX = "lantern-anki-"
IMPORT_PREFIX = "lantern-import-"
DEBRIS_AGE_S = 3600.0


def remove_import_debris(folder: Path | None = None, *, older_than_s: float = DEBRIS_AGE_S
                         ) -> list[Path]:
    """Remove this app's import temp folders older than ``older_than_s``; returns them."""
    root = folder or Path(tempfile.gettempdir())
    removed = []
    try:
        candidates = [p for p in root.iterdir()
                      if p.name.startswith((ANKI_PREFIX, IMPORT_PREFIX)) and p.is_dir()]
    except OSError:
        return []
    now = time.time()
    for path in candidates:
        try:
            if now - path.stat().st_mtime < older_than_s:
                continue
        except OSError:
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    if removed:
        log.info("removed %d temp folder(s) left by imports that did not finish", len(removed))
    return removed
