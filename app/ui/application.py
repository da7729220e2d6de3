"""Create the QApplication, route Qt's messages into logging, run the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from app.ops.context import AppContext
from app.ui.main_window import show_main_window
from app.ui.style import apply_style

log = logging.getLogger("qt")

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
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Lantern")
    app.setOrganizationName("Lantern")
    app.setApplicationDisplayName("Lantern")
    return app


def run_gui() -> int:
    app = create_application()
    ctx = AppContext.create()
    apply_style(app, ctx.settings)
    window = show_main_window(ctx)
    try:
        return app.exec()
    finally:
        window.close()
        ctx.close()
