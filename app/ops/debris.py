"""At start-up, remove what runs killed half-way left on disk (on the ``io`` lane).

Each part removes only its own debris, named so it cannot be mistaken for live data:
import temp folders (:mod:`app.core.content.importers.debris`) and model adds that did
not finish (:func:`inference.sideload.remove_orphans`). Profile backups' temp files are
removed by the profile store itself when it first opens (``app.store.files``).
"""

from __future__ import annotations

import logging

from app.ops.context import AppContext

log = logging.getLogger(__name__)


def remove_debris() -> int:
    """Remove leftovers of killed imports and model adds; returns how many."""
    # Imported here: the window is already up when this runs, and start-up stays lean.
    from app.core.content.importers.debris import remove_import_debris
    from inference.sideload import remove_orphans

    return len(remove_import_debris()) + len(remove_orphans())


def remove_debris_in_background(ctx: AppContext) -> None:
    """Queue :func:`remove_debris` on the io lane; a failure is logged, never shown."""
    ctx.runner.submit("io", remove_debris,
                      on_error=lambda exc: log.warning("start-up clean-up failed: %s", exc))
