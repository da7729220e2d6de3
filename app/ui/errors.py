"""The one place that turns errors into words for people and shows them."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.store.errors import StoreError
from inference.errors import InferenceError

log = logging.getLogger(__name__)


def describe_error(error: BaseException) -> str:
    """What happened and what to do, in the words of a learner or teacher."""
    if isinstance(error, InferenceError | StoreError):
        return error.user_message()
    if isinstance(error, OSError) and error.errno == 28:  # ENOSPC
        return "The disk is full, so Lantern could not save. Free some space and try again."
    return ("Something went wrong inside Lantern. Please try again; if it keeps happening, "
            "ask your teacher and show them the details.")


def show_error(parent: QWidget | None, error: BaseException, *, title: str = "Lantern") -> None:
    """A dialog with the message and a "Copy details" button for the teacher."""
    log.error("shown to user: %s", error, exc_info=error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, describe_error(error),
                      QMessageBox.StandardButton.Ok, parent)
    details = "".join(traceback.format_exception(error))
    copy = box.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.setDetailedText(details)
    box.open()
