"""The baseline for startup_ratio: a bare PySide6 window with one label.

Prints the same JSON line as ``python -m app`` with its startup probe on: the time (epoch seconds)
at which the window has been shown and painted, taken the same way as the app does: on
the turn of the event loop after its first paint event. The benchmark subtracts the time
it launched the process.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


class _ReportAfterPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(json.dumps({"shown_at": time.time()}), flush=True)
        self._app.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    label = QLabel("Hello")
    probe = _ReportAfterPaint(app)
    label.installEventFilter(probe)
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
