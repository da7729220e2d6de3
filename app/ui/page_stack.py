"""The stack of pages beside the navigation: a page scrolls rather than being squeezed.

At the smallest window (720x480) with 200 % text most pages need more height than there
is. A layout given less than its minimum squeezes everything: wrapped sentences lost
their last lines, buttons and lists were cut. The stack sits in a scroll area and asks
for the *current* page's minimum size only (a plain QStackedWidget asks for the largest
of all pages, so every short page would scroll as far as the longest), so the visible
page always gets the room it needs and the area scrolls when the window is smaller.
Pages that scroll themselves (Progress; the tutor beside a lesson) need little and so
never make the outer area scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        page = self.currentWidget()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        page = self.currentWidget()
        if page is None:
            return -1
        # A page needs its wrapped text's height and at least its minimum height.
        return max(page.heightForWidth(width), page.minimumSizeHint().height())


def scrolling(stack: PageStack) -> QScrollArea:
    """``stack`` in a frameless scroll area that resizes it to the viewport at least."""
    area = QScrollArea()
    area.setWidget(stack)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
