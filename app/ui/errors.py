"""The one place that turns errors into words for people and shows them."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.core.content.diagnostics import ContentError
from app.store.errors import StoreError
from app.ui.i18n import translated
from inference.errors import InferenceError

log = logging.getLogger(__name__)


def describe_error(error: BaseException) -> str:
    """What happened and what to do, in the words of a learner or teacher (UI language).

    Store errors and content errors (imports, packs) carry :class:`app.messages.Message`
    sentences and are translated; the model runtimes' errors (for teachers, with file
    names) stay in English.
    """
    if isinstance(error, StoreError | ContentError):
        said = translated(error.args[0]) if error.args else ""
        hint = translated(error.hint)
        if not (said and hint):
            return said or hint
        # Chinese puts no space between two sentences: the joining is translated too.
        return QCoreApplication.translate("Errors", "{message} {hint}").format(
            message=said, hint=hint)
    if isinstance(error, InferenceError):
        return error.user_message()
    if isinstance(error, OSError) and error.errno == 28:  # ENOSPC
        return QCoreApplication.translate(
            "Errors", "The disk is full, so Lantern could not save. Free some space and "
            "try again.")
    return QCoreApplication.translate(
        "Errors", "Something went wrong inside Lantern. Please try again; if it keeps "
        "happening, ask your teacher and show them the details.")


def show_error(parent: QWidget | None, error: BaseException, *, title: str = "Lantern") -> None:
    """A dialog with the message and a "Copy details" button for the teacher."""
    log.error("shown to user: %s", error, exc_info=error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, describe_error(error),
                      QMessageBox.StandardButton.Ok, parent)
    details = "".join(traceback.format_exception(error))
    copy = box.addButton(QCoreApplication.translate("Errors", "Copy details"),
                         QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.setDetailedText(details)
    box.open()
