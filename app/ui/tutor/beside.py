"""A page's content with the tutor panel beside it, or under it when there is no room.

Side by side, each part keeps at least its minimum width (buttons and labels are never
cut). When the page is narrower than both minimums together (large text, a small
window) the splitter turns vertical: the content on top, the tutor below, and the page
scrolls rather than squeezing either part below its minimum height.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

STACKED_HEIGHT = 380  # px each part gets at least when stacked (about 10 lines at 200 %)


class SideBySide(QScrollArea):
    def __init__(self, content: QWidget, tutor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(content)
        self.splitter.addWidget(tutor)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setWidget(self.splitter)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what is inside
        for part in (content, tutor):
            part.installEventFilter(self)  # a part's new width may need a new height

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A part's new width, or new contents (a row of buttons became a column), may
        # need a new height.
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            if self.splitter.orientation() == Qt.Orientation.Horizontal:
                self._fit_height_side_by_side()
            else:
                self.fit()
        return super().eventFilter(watched, event)

    def _fit_height_side_by_side(self) -> None:
        # A narrow part's wrapped text may need more than the height there is: then the
        # page scrolls rather than cutting it.
        needed = max((_needed_height(w, w.width()) for w in self._parts()), default=0)
        if needed != self.splitter.minimumHeight():
            self.splitter.setMinimumHeight(needed)

    def _parts(self) -> list[QWidget]:
        parts = [self.splitter.widget(i) for i in range(self.splitter.count())]
        return [w for w in parts if w is not None and not w.isHidden()]

    def needed_width(self) -> int:
        """The width both parts need side by side."""
        return sum(w.minimumSizeHint().width() for w in self._parts()) + self.splitter.handleWidth()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit(event.size().width())
        super().resizeEvent(event)

    def fit(self, width: int | None = None) -> None:
        """Side by side if ``width`` (default: the current one) allows it, else stacked."""
        roomy = (self.width() if width is None else width) >= self.needed_width()
        wanted = Qt.Orientation.Horizontal if roomy else Qt.Orientation.Vertical
        switched = self.splitter.orientation() != wanted
        self.splitter.setOrientation(wanted)
        if roomy:
            self._fit_height_side_by_side()
            return
        # Stacked, each part gets a readable height (its wrapped text's too: the tutor's
        # intro lost its last lines at 200 %) and the page scrolls instead.
        inner = max(1, (self.width() if width is None else width)
                    - self.verticalScrollBar().sizeHint().width())
        heights = [max(_needed_height(w, inner), STACKED_HEIGHT) for w in self._parts()]
        self.splitter.setMinimumHeight(sum(heights) + self.splitter.handleWidth())
        if switched or any(w.height() < h for w, h in zip(self._parts(), heights, strict=True)):
            self.splitter.setSizes(heights)


def _needed_height(part: QWidget, width: int) -> int:
    """``part``'s height at ``width``: its minimum, or more where text wraps."""
    wrapped = part.heightForWidth(width) if part.hasHeightForWidth() else -1
    return max(part.minimumSizeHint().height(), wrapped)
