"""A text box's prompt: its placeholder where it fits, else a wrapping label above it.

At 200 % text in a small window "Ask about this lesson…" or "Type a number, like 3/4 or
0.75" was cut off inside its box. The prompt follows the box's width: a placeholder
while it fits, a word-wrapped label (the box's buddy) when it does not.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

CLEAR_BUTTON_PX = 24  # room the clear button takes
FRAME_PX = 16  # the box's frame and text margins


class PromptFit(QObject):
    def __init__(self, edit: QLineEdit, label: QLabel) -> None:
        super().__init__(edit)
        self.edit, self.label, self.text = edit, label, ""
        label.setWordWrap(True)
        label.setBuddy(edit)
        label.hide()
        edit.installEventFilter(self)

    def set_text(self, text: str) -> None:
        self.text = text
        self.edit.setAccessibleDescription(text)
        self.fit()

    def fits(self) -> bool:
        edit = self.edit
        room = edit.width() - FRAME_PX - (CLEAR_BUTTON_PX if edit.isClearButtonEnabled() else 0)
        return edit.fontMetrics().horizontalAdvance(self.text) <= room

    def fit(self) -> None:
        fits = self.fits()
        self.edit.setPlaceholderText(self.text if fits else "")
        self.label.setText(self.text)
        self.label.setVisible(bool(self.text) and not fits)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.fit()
        return super().eventFilter(watched, event)


def prompted(edit: QLineEdit, example: str) -> QWidget:
    """``edit`` with ``example`` as its placeholder, or above it where it would be cut."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    label = QLabel()
    column.addWidget(label)
    column.addWidget(edit)
    PromptFit(edit, label).set_text(example)  # the edit owns it
    return box
