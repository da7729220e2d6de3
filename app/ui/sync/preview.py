"""The preview: exactly the JSON that will leave the laptop, and the same in plain words.

Shown before the first send and whenever what is sent changes (other skills, another ε,
a new format); the values themselves change every week and do not trigger it.
"""

from __future__ import annotations

import json

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.sync.service import Prepared
from app.ui.i18n import translated


class SyncPreviewDialog(QDialog):
    """Accept = send this exact summary; reject = send nothing (nothing is spent)."""

    def __init__(self, prepared: Prepared, *, class_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prepared = prepared
        self.setWindowTitle(self.tr("What will be sent"))
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("This is everything that will leave this laptop for the "
                               "class {name}'s hub. Nothing else is sent.")
                       .replace("{name}", class_name or "?"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.words = QLabel("\n\n".join(f"• {translated(line)}" for line in prepared.words))
        self.words.setWordWrap(True)
        layout.addWidget(self.words)
        layout.addWidget(QLabel(self.tr("The exact data (it is signed, so it cannot be "
                                        "changed on the way):")))
        self.json_view = QPlainTextEdit(json.dumps(prepared.body.data, indent=2,
                                                   ensure_ascii=False))
        self.json_view.setReadOnly(True)
        self.json_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.json_view, 1)
        buttons = QDialogButtonBox()
        self.send_button = buttons.addButton(self.tr("Send"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Don't send"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
