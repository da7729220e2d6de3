"""Push buttons, check boxes and radio buttons whose text goes onto more lines when the
button is narrower than it.

A Qt button never wraps: at 200 % text "Teacher: set up teacher mode…" or a suggested
question such as "Fractions on a number line" was wider than what a 720-pixel window
leaves a page, and the whole page scrolled sideways. This button asks for its widest
word only and, when it is given less than one line needs, breaks its text into lines
(between words; Chinese, which has no spaces, between characters) and grows taller.
Its ``text()`` stays the whole sentence, and the style draws it as usual (colours, the
high-contrast borders), only with line breaks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

# Text without spaces (Chinese) may break between any characters, but keeps this many on
# a line at least.
MIN_CHARS = 4


def wrap_lines(text: str, metrics: QFontMetrics, room: int) -> list[str]:
    """``text`` broken into lines no wider than ``room`` pixels where it can be."""
    lines: list[str] = []
    for word in text.split(" "):
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.horizontalAdvance(candidate) <= room:
            lines[-1] = candidate
        else:
            lines.append(word)
    return [piece for line in lines for piece in _break_long(line, metrics, room)]


def _break_long(line: str, metrics: QFontMetrics, room: int) -> list[str]:
    """A line without room for it, broken between characters (a Chinese sentence)."""
    if metrics.horizontalAdvance(line) <= room or " " in line or line.isascii():
        return [line]
    pieces = [""]
    for char in line:
        if pieces[-1] and metrics.horizontalAdvance(pieces[-1] + char) > room:
            pieces.append("")
        pieces[-1] += char
    return pieces


def wrap_label(text: str) -> QLabel:
    """A word-wrapped label, for a form row whose label is longer than a narrow page
    ("Show the answer in practice after" at 200 % text)."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def box_title(text: str) -> QLabel:
    """A group box's title as its first, word-wrapped line: a QGroupBox title never
    wraps, and "Class rounds (secure aggregation)" made the box wider than the page."""
    label = wrap_label(text)
    label.setObjectName("boxTitle")
    return label


if TYPE_CHECKING:  # the mixin is checked as the Qt button class it is mixed into
    _Button: TypeAlias = QPushButton
else:
    _Button = object


class _Wraps(_Button):
    """What a wrapping button adds to its Qt button class (first in the bases)."""

    CONTROL = QStyle.ControlElement.CE_PushButton

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _overhead(self) -> QSize:
        """What the style adds around one line of text (padding, frame, check box)."""
        metrics: QFontMetrics = self.fontMetrics()
        one_line: QSize = super().sizeHint()
        return QSize(one_line.width() - metrics.horizontalAdvance(self.text()),
                     one_line.height() - metrics.height())

    def _lines(self, width: int) -> list[str]:
        return wrap_lines(self.text(), self.fontMetrics(),
                          width - self._overhead().width())

    def minimumSizeHint(self) -> QSize:
        metrics: QFontMetrics = self.fontMetrics()
        words = [w for w in self.text().split(" ") if w]
        widest = max((metrics.horizontalAdvance(w if w.isascii() else w[:MIN_CHARS])
                      for w in words), default=0)
        hint: QSize = super().sizeHint()
        # One line's height, as a word-wrapped QLabel does: layouts ask heightForWidth.
        return QSize(min(hint.width(), widest + self._overhead().width()), hint.height())

    def hitButton(self, pos: QPoint) -> bool:
        # The style's click area is the one-line text's: the second line must click too.
        return self.rect().contains(pos)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        metrics: QFontMetrics = self.fontMetrics()
        lines = len(self._lines(width))
        return self._overhead().height() + metrics.height() \
            + metrics.lineSpacing() * (lines - 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        lines = self._lines(self.width())
        if len(lines) == 1:
            super().paintEvent(event)
            return
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = "\n".join(lines)
        QStylePainter(self).drawControl(self.CONTROL, option)


class WrapButton(_Wraps, QPushButton):
    CONTROL = QStyle.ControlElement.CE_PushButton


class WrapCheckBox(_Wraps, QCheckBox):
    CONTROL = QStyle.ControlElement.CE_CheckBox


class WrapRadioButton(_Wraps, QRadioButton):
    CONTROL = QStyle.ControlElement.CE_RadioButton
