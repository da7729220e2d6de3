"""A row of buttons (or a title and its controls) that becomes a column when the page is
too narrow for it.

At 200 % text "Check my answer", "Hint" and "Next question" side by side need more
width than a 720-pixel window leaves a page: the row forced the page wider than the
window, and the question above it was only readable by scrolling sideways. This row asks
only for its widest button's width and stacks its buttons when the row does not fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget


class ButtonRow(QWidget):
    def __init__(self, first: Sequence[QPushButton],
                 last: Sequence[QPushButton] | None = None,
                 parent: QWidget | None = None) -> None:
        """``first`` sit at the start of the row, ``last`` at its end."""
        super().__init__(parent)
        self._buttons: list[QWidget] = [*first, *(last or [])]
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        for button in first:
            self.box.addWidget(button)
        self.box.addStretch(1)
        for button in last or []:
            self.box.addWidget(button)

    def track(self, *widgets: QWidget) -> None:
        """Count ``widgets`` (added to :attr:`box` directly, e.g. a title) in the row."""
        self._buttons = list(widgets)

    def row_width(self) -> int:
        """The width the buttons need side by side."""
        shown = [b for b in self._buttons if not b.isHidden()]
        return (sum(b.sizeHint().width() for b in shown)
                + self.box.spacing() * max(0, len(shown) - 1))

    def minimumSizeHint(self) -> QSize:
        widest = max((b.minimumSizeHint().width() for b in self._buttons), default=0)
        return QSize(widest, super().minimumSizeHint().height())

    @classmethod
    def header(cls, title: QWidget, *controls: QWidget) -> ButtonRow:
        """A page's ``title`` with ``controls`` at the row's end ("Subject:" and its box),
        put below the title when the page is too narrow for one row."""
        row = cls([], [])
        row.box.insertWidget(0, title, 1)
        for control in controls:
            row.box.addWidget(control)
        row.track(title, *controls)
        return row

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fits = event.size().width() >= self.row_width()
        wanted = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)
            self.updateGeometry()  # a column is taller: the page lays out again
