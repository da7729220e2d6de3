"""Paints chat messages as speech bubbles: the learner's on the right, the tutor's left."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.tutor.chat_model import ChatRoles, ModelIndex, Sender
from app.ui.tutor.markdown import markdown_html

PADDING = 12  # inside a bubble
MARGIN = 8  # around a bubble
MAX_WIDTH_SHARE = 0.78  # bubbles never span the whole view: easier to read


class BubbleDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _document(self, index: ModelIndex, font: QFont) -> QTextDocument:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setHtml(_bubble_html(index, text))
        doc.setTextWidth(self._text_width())
        doc.setTextWidth(min(self._text_width(), doc.idealWidth() + 1))
        return doc

    def _text_width(self) -> float:
        return max(120.0, self._view.viewport().width() * MAX_WIDTH_SHARE - 2 * PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        doc = self._document(index, option.font)
        height = int(doc.size().height()) + 2 * PADDING + 2 * MARGIN
        return QSize(self._view.viewport().width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        rect = option.rect
        palette: QPalette = option.palette
        doc = self._document(index, option.font)
        sender = index.data(ChatRoles.SENDER)
        width = doc.size().width() + 2 * PADDING
        height = doc.size().height() + 2 * PADDING
        left = rect.right() - MARGIN - width if sender == Sender.LEARNER else rect.left() + MARGIN
        bubble = QRectF(left, rect.top() + MARGIN, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill, text_color = _colours(palette, sender)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(bubble, 12, 12)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(bubble.adjusted(-2, -2, 2, 2), 13, 13)
        painter.translate(bubble.left() + PADDING, bubble.top() + PADDING)
        painter.setPen(text_color)
        _draw_text(painter, doc, text_color)
        painter.restore()


def _bubble_html(index: ModelIndex, text: str) -> str:
    """The bubble's text as HTML: an optional bold label, the text, the sources."""
    if index.data(ChatRoles.WAITING):  # nothing new for a second: say it is not stuck
        still = QCoreApplication.translate("BubbleDelegate", "Still thinking…")
        text = f"{text}\n{still}" if text else still
    elif not text and index.data(ChatRoles.STREAMING):
        text = QCoreApplication.translate("BubbleDelegate", "Thinking…")
    if index.data(ChatRoles.STOPPED):
        stopped = QCoreApplication.translate("BubbleDelegate", "(stopped)")
        text = f"{text}\n{stopped}" if text else stopped
    # The tutor's own words may carry Markdown; the learner's are shown as typed.
    sender = index.data(ChatRoles.SENDER)
    body = markdown_html(text) if sender == Sender.TUTOR else html.escape(text).replace(
        "\n", "<br>")
    sources = index.data(ChatRoles.SOURCES) or ()
    if sources:
        title = QCoreApplication.translate("BubbleDelegate", "From your lessons (click to open):")
        lines = "<br>".join(f"&nbsp;&nbsp;{html.escape(s.label)}" for s in sources)
        body = f"{body}<br><br>{html.escape(title)}<br>{lines}"
    label = index.data(ChatRoles.LABEL) or ""
    head = f"<b>{html.escape(label)}</b><br>" if label else ""
    return f'<div style="white-space: pre-wrap">{head}{body}</div>'


def _colours(palette: QPalette, sender: object) -> tuple[QColor, QColor]:
    if sender == Sender.LEARNER:
        return palette.color(QPalette.ColorRole.Highlight), palette.color(
            QPalette.ColorRole.HighlightedText)
    if sender == Sender.NOTICE:
        return QColor("#fff4ce"), QColor("#3b2f00")
    return palette.color(QPalette.ColorRole.AlternateBase), palette.color(
        QPalette.ColorRole.Text)


def _draw_text(painter: QPainter, doc: QTextDocument, colour: QColor) -> None:
    from PySide6.QtGui import QAbstractTextDocumentLayout

    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, colour)
    doc.documentLayout().draw(painter, context)
