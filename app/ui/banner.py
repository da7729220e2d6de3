"""A calm, non-modal message at the top of the main window."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget


class Banner(QFrame):
    """A calm, non-modal message at the top of the window (e.g. a missing model)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Message from Lantern"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.label)
        self.hide()

    def show_message(self, text: str) -> None:
        # Set here, not when built: the window builds its banners before the first paint,
        # which PySide6's Qt namespace (10-20 ms to create) would delay.
        self.label.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setText(text)
        self.show()
