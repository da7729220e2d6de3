"""After the first paint: prepare the rest of the app off the GUI thread.

The first window is built from light modules only (docs/architecture.md, "Start-up").
Once it has been painted, the io lane, in order:

1. tunes malloc (:func:`inference.heap.tune_malloc`), opens the log
   file and writes the records held since the start (:mod:`app.logs`);
   reads the settings, checks the teacher's signature and builds the model host
   (``ctx.models``); then the GUI thread starts the model load;
2. imports the modules of the pages behind the sign-in screen and of its dialogs; then
   the GUI thread builds those pages, one group per turn of the event loop.

Nothing depends on this having finished, it only makes first uses fast: the context
builds its settings and model host on first use, the window its pages, and a button
pressed meanwhile imports what it needs itself (Python's imports are thread-safe: it
waits for a module this lane is importing). Only modules are imported here; every Qt
object is made on the GUI thread.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from app.logs import release_logging
from app.ops.context import AppContext

log = logging.getLogger(__name__)

# What the sign-in screen's buttons and the pages behind it import (their first use
# would otherwise import them on the GUI thread).
LATER_MODULES = ("app.ops.profiles", "app.ui.signin.dialogs", "app.ui.tutor.panel",
                 "app.ui.content.page", "app.ui.settings_page", "app.ui.settings.device_page",
                 "app.ui.teacher.page", "app.ui.navigation")


def warm_up(ctx: AppContext, *, parent: QObject, models_ready: Callable[[], None],
            pages_ready: Callable[[], None]) -> None:
    """Queue the two steps above; each calls back on the GUI thread, even after an error
    (which is logged: the callback then meets it again where it is shown as usual)."""

    def settings_and_models() -> None:
        from inference.heap import tune_malloc  # ctypes: not before the paint

        tune_malloc()  # before the model and search threads start
        release_logging()
        _ = ctx.models  # reads and verifies the settings first
        importlib.import_module("app.ops.models")

    def later_modules() -> None:
        for name in LATER_MODULES:
            importlib.import_module(name)

    for step, then in ((settings_and_models, models_ready), (later_modules, pages_ready)):
        _submit(ctx, step, parent, then)


def _submit(ctx: AppContext, step: Callable[[], None], parent: QObject,
            then: Callable[[], None]) -> None:
    def failed(exc: Exception) -> None:
        log.error("start-up warm-up failed", exc_info=exc)
        then()

    ctx.runner.submit("io", step, parent=parent, on_success=lambda _result: then(),
                      on_error=failed)
