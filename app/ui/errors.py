"""The one place that turns errors into words for people and shows them."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.messages import QT_TRANSLATE_NOOP, Message
from app.store.errors import StoreError
from app.ui.i18n import translated
from inference.errors import (
    InferenceError,
    ModelCorrupt,
    ModelLoadError,
    ModelNotFound,
    OutOfMemory,
    ProviderUnavailable,
)

log = logging.getLogger(__name__)


def describe_error(error: BaseException) -> str:
    """What happened and what to do, in the words of a learner or teacher (UI language).

    Store errors and content errors (imports, packs) carry :class:`app.messages.Message`
    sentences and are translated. The model runtimes (``inference/``, which knows nothing
    of the UI) write English with file names: the English UI shows their sentence, other
    languages their sentence translated where it is marked (adding a model file,
    :mod:`inference.sideload`), else a translated one per kind of error (the English
    details stay in the log and behind "Copy details").
    """
    from app.core.content.diagnostics import ContentError  # the sign-in window needs none

    if isinstance(error, StoreError | ContentError):
        said = translated(error.args[0]) if error.args else ""
        hint = translated(error.hint)
        if not (said and hint):
            return said or hint
        # Chinese puts no space between two sentences: the joining is translated too.
        return QCoreApplication.translate("Errors", "{message} {hint}").format(
            message=said, hint=hint)
    if isinstance(error, InferenceError):
        return describe_model_error(error)
    if isinstance(error, OSError) and error.errno == 28:  # ENOSPC
        return QCoreApplication.translate(
            "Errors", "The disk is full, so Lantern could not save. Free some space and "
            "try again.")
    return QCoreApplication.translate(
        "Errors", "Something went wrong inside Lantern. Please try again; if it keeps "
        "happening, ask your teacher and show them the details.")


# (the kind of model error, what happened, what to do), most specific first.
_MODEL_ERRORS: tuple[tuple[type[InferenceError], str, str], ...] = (
    (ModelNotFound, QT_TRANSLATE_NOOP("Errors", "A model file is missing."),
     QT_TRANSLATE_NOOP("Errors", "Ask your teacher to install the models: run `python -m "
                       "inference fetch` in the Lantern folder, or reinstall Lantern.")),
    (ModelCorrupt, QT_TRANSLATE_NOOP("Errors", "A model file is damaged."),
     QT_TRANSLATE_NOOP("Errors", "Ask your teacher to run `python -m inference fetch` "
                       "again to replace it.")),
    (OutOfMemory, QT_TRANSLATE_NOOP("Errors", "There is not enough memory for the model."),
     QT_TRANSLATE_NOOP("Errors", "Close other programs and try again, or ask your teacher "
                       "for a smaller model.")),
    (ProviderUnavailable, QT_TRANSLATE_NOOP("Errors", "The chosen device cannot run the "
                                            "model."),
     QT_TRANSLATE_NOOP("Errors", "Choose 'CPU' in Settings, or ask your teacher to install "
                       "the GPU support.")),
    (ModelLoadError, QT_TRANSLATE_NOOP("Errors", "The model could not be loaded."),
     QT_TRANSLATE_NOOP("Errors", "The file may not be a model Lantern can use. Ask your "
                       "teacher to check it.")),
    (InferenceError, QT_TRANSLATE_NOOP("Errors", "Something went wrong with the model."),
     QT_TRANSLATE_NOOP("Errors", "Restart Lantern. If it happens again, ask your teacher.")),
)


def describe_model_error(error: InferenceError) -> str:
    """A model error in the UI's language (see :func:`describe_error`)."""
    said, hint = next((s, h) for kind, s, h in _MODEL_ERRORS if isinstance(error, kind))
    if translated(said) == said:  # the English UI: the runtime's own, precise sentence
        return error.user_message()
    own = error.args[0] if error.args else ""
    if isinstance(own, Message):  # a runtime sentence marked for translation (adding a file)
        said = own
        hint = error.hint if isinstance(error.hint, Message) else hint
    return QCoreApplication.translate("Errors", "{message} {hint}").format(
        message=translated(said), hint=translated(hint))


def show_error(parent: QWidget | None, error: BaseException, *, title: str = "Lantern") -> None:
    """A dialog with the message and a "Copy details" button for the teacher."""
    log.error("shown to user: %s", error, exc_info=error)
    from PySide6.QtWidgets import QMessageBox  # its type is made on the first error shown

    box = QMessageBox(QMessageBox.Icon.Warning, title, describe_error(error),
                      QMessageBox.StandardButton.Ok, parent)
    details = "".join(traceback.format_exception(error))
    copy = box.addButton(QCoreApplication.translate("Errors", "Copy details"),
                         QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.setDetailedText(details)
    box.open()
