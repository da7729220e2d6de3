"""Create the QApplication, route Qt's messages into logging, run the main window.

Only what the sign-in screen needs comes before its first paint: the look read from
settings.json (app.look), the translators, the style and the window. The settings model,
the log file, the model host and the pages follow it (app.ui.warmup); see
docs/architecture.md, "Start-up".
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from app.logs import release_logging
from app.look import look_of
from app.ops.context import AppContext
from app.ops.debris import remove_debris_in_background
from app.ui.i18n import UiLanguage
from app.ui.main_window import show_main_window
from app.ui.style import STYLE, apply_font_and_theme, apply_style, apply_style_sheet
from app.ui.tripwire import StallTripwire

log = logging.getLogger("qt")
start_log = logging.getLogger(__name__)

_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def _qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    log.log(_QT_LEVELS.get(kind, logging.INFO), "%s", message)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qInstallMessageHandler(_qt_message)
    # The style is chosen by Qt's own command-line option, not app.setStyle(): wrapping
    # the QStyle that setStyle returns made PySide6 build seven of its enums (6 ms before
    # the first paint).
    app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", STYLE])
    app.setApplicationName("Lantern")
    app.setOrganizationName("Lantern")
    app.setApplicationDisplayName("Lantern")
    return app


def run_gui(*, startup_probe: bool = False) -> int:
    """Run the app until its window closes.

    With ``startup_probe`` (the ``startup_ratio`` benchmark) it quits as soon as the
    window is interactive, printing how long that took since process start (see
    :mod:`app.ui.startup_probe`).
    """
    app = create_application()
    ctx = AppContext.create(defer_settings=True)  # read just after the first paint
    look = ctx.look  # read from settings.json alone: the settings model comes later
    language = UiLanguage(app)  # before any widget exists: texts are set when built
    language.install(look.language)
    apply_font_and_theme(app, look)  # the style sheet once the window is built
    tripwire = StallTripwire(threshold_ms=100)
    tripwire.start()

    def settings_loaded() -> None:
        # They differ only for a file the settings model refuses as a whole while its
        # look fields are fine (or spells a number oddly); the language stays the one
        # the window was built in, as after a change on the Settings page.
        if look_of(ctx.settings) != look:
            start_log.info("the settings' look differs from the first window's; restyled")
            apply_style(app, ctx.settings)

    window = show_main_window(
        ctx, before_show=lambda: apply_style_sheet(app, look), models_ready=settings_loaded,
        # what killed imports and model adds left behind, once the pages' imports are done
        pages_ready=lambda: remove_debris_in_background(ctx))
    if startup_probe:
        from app.ui.startup_probe import StartupProbe  # only the benchmark needs it

        StartupProbe(app, window)
    try:
        return app.exec()
    finally:
        tripwire.stop()
        window.close()
        ctx.close()
        release_logging()  # when it quit before the warm-up opened the log file

