"""Small pieces shared by the sign-in screen and its dialogs."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog, QLabel, QLayout, QLineEdit, QWidget

from app.store.errors import StoreError
from app.ui.errors import describe_error
from app.ui.i18n import translated

log = logging.getLogger(__name__)


def message_for(error: Exception) -> str:
    """What to tell the learner; store errors carry their own words."""
    if isinstance(error, StoreError):
        log.info("sign-in: %s", type(error).__name__)  # never the passphrase itself
        return describe_error(error)
    log.error("sign-in failed", exc_info=error)
    return describe_error(error)


def passphrase_field(placeholder: str, parent: QWidget | None = None) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(placeholder)
    return field


def weak_passphrase_hint(passphrase: str) -> str:
    """Why ``passphrase`` would be refused (too short, too easy), or "" if it would not."""
    # Imported here (as below): the dialogs need it, not the sign-in screen's first paint.
    from app.store.passphrase import estimate

    strength = estimate(passphrase)
    return translated(strength.hint) if strength.score == 0 else ""


def first_empty_field(layout: QLayout) -> QLineEdit | None:
    """The first enabled, empty text field in ``layout`` (nested layouts included)."""
    for position in range(layout.count()):
        item = layout.itemAt(position)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if isinstance(widget, QLineEdit) and widget.isEnabled() and not widget.text():
            return widget
        found = first_empty_field(inner) if inner is not None else None
        if found is not None:
            return found
    return None


def fit_height(dialog: QDialog) -> None:
    """Grow ``dialog`` to its wrapped text's height (a message appeared), never shrink it.

    A dialog keeps the size it opened with; a word-wrapped message added later was
    squeezed into it and its lines clipped.
    """
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    needed = (layout.totalHeightForWidth(dialog.width()) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


class MessageLabel(QLabel):
    """An inline message under a form: errors in red, notes in the normal colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formMessage")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet("color: #b3261e;")
        self._show(text)

    def show_note(self, text: str) -> None:
        self.setStyleSheet("")
        self._show(text)

    def _show(self, text: str) -> None:
        self.setText(text)
        self.show()
        window = self.window()
        if isinstance(window, QDialog):
            fit_height(window)


class StrengthLabel(QLabel):
    """Live hint under a new passphrase field."""

    COLORS = ("#b3261e", "#b36b00", "#6b7b00", "#2e7d32", "#2e7d32")

    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strengthHint")
        self.setWordWrap(True)
        field.textChanged.connect(self._on_field_changed)
        self._on_field_changed("")

    def _on_field_changed(self, text: str) -> None:
        from app.store.passphrase import estimate, suggest

        if not text:
            self.setStyleSheet("")
            # A fresh random example each time: a suggestion to take, not one to copy.
            self.setText(self.tr("Tip: three or four words you will remember, "
                                 "like “{example}”.").format(example=suggest()))
            return
        strength = estimate(text)
        self.setStyleSheet(f"color: {self.COLORS[strength.score]};")
        self.setText(translated(strength.hint))
