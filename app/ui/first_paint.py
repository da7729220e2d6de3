"""Run work once a widget has been painted for the first time.

``QTimer.singleShot(0, …)`` after ``show()`` is not enough: Qt runs zero timers before it
delivers the first paint, so work queued that way (imports, page building, starting the
model load) delays the first window instead of following it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # The filter sees the event before the widget paints: call back on the next
            # turn of the loop, when the whole window has been painted and shown.
            QTimer.singleShot(0, self, self._done)
        return False

    def _done(self) -> None:
        self._callback()
        self.deleteLater()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once, on the GUI thread, just after ``widget`` is first painted.

    Nothing is called if ``widget`` is deleted before it is painted.
    """
    _FirstPaint(widget, callback)
