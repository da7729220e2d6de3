"""The status bar: which models run where, and model loading progress.

At large text sizes (up to 200 %) the two summaries do not fit side by side in a small
window, so each is an :class:`ElidedLabel`: it shows as much as fits, ends with "…"
rather than a clipped letter, and keeps the whole sentence in its tooltip and its
accessible description. The tutor's summary (what a learner asks about) keeps its whole
text up to :data:`CHAT_SHARE` of the width; the search model's summary gives way first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QSizePolicy, QStatusBar, QWidget

from app.ui.errors import describe_error
from app.ui.i18n import translated

if TYPE_CHECKING:  # the bar is built before the first paint; the model host after it
    from app.core.models import ModelHost

CHAT_SHARE = 0.55  # of the bar's width the tutor's summary may keep before it elides


class ElidedLabel(QLabel):
    """A one-line label that elides its text to its width instead of clipping it.

    Use :meth:`set_full_text`; ``text()`` is what is shown (maybe elided),
    :attr:`full_text` what was set. The tooltip shows the full text whenever it is elided,
    followed by ``detail`` if one was given.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self._detail = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str, detail: str = "") -> None:
        self.full_text, self._detail = text, detail
        self.setAccessibleDescription(text)
        self.updateGeometry()
        self._elide()

    @property
    def elided(self) -> bool:
        return self.text() != self.full_text

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self.full_text)
        return QSize(width + margins.left() + margins.right() + 2,
                     super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        # A few letters and the ellipsis: the layout may squeeze it this far.
        return QSize(self.fontMetrics().horizontalAdvance("Wxy…"),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
            self._elide()

    def _elide(self) -> None:
        if not self.full_text:  # nothing to elide (and no Qt namespace before the first paint)
            self.setText("")
            self.setToolTip(self._detail.strip())
            return
        shown = self.fontMetrics().elidedText(self.full_text, QtCore.Qt.TextElideMode.ElideRight,
                                              self.contentsRect().width())
        self.setText(shown)
        tip = [self.full_text] if shown != self.full_text else []
        self.setToolTip("\n".join([*tip, self._detail]).strip())


class ModelStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chat_label = ElidedLabel()
        self.chat_label.setAccessibleName(self.tr("Tutor model and device"))
        self.embed_label = ElidedLabel()
        self.embed_label.setAccessibleName(self.tr("Search model and device"))
        self.separator = QFrame()
        self.separator.setFrameShape(QFrame.Shape.VLine)
        self.separator.hide()  # shown with the search model's summary
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Model loading progress"))
        self.addWidget(self.chat_label)
        self.addPermanentWidget(self.separator)
        self.addPermanentWidget(self.embed_label)
        self.addPermanentWidget(self.progress)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()

    def _share_width(self) -> None:
        wanted = self.chat_label.sizeHint().width()
        self.chat_label.setMinimumWidth(min(wanted, int(self.width() * CHAT_SHARE)))

    def show_progress(self, message: str, fraction: float) -> None:
        self.progress.setVisible(fraction < 1.0)
        self.progress.setValue(int(fraction * 100))
        self.chat_label.set_full_text(translated(message))
        self._share_width()

    def show_models(self, host: ModelHost) -> None:
        from app.core.models import LoadState

        self.progress.hide()
        for role, label in (("chat", self.chat_label), ("embed", self.embed_label)):
            status = host.status(role)
            if status.state is LoadState.READY:
                label.set_full_text(translated(status.summary), status.detail)
            else:
                label.set_full_text(
                    self.tr("{name}: not available").format(name=status.spec.name),
                    describe_error(status.error) if status.error else "")
        self.separator.setVisible(bool(self.embed_label.full_text))
        self._share_width()
