"""Typed errors raised by the model runtimes.

Every error carries a ``hint``: what a teacher can do about it. The app shows
``str(error)`` followed by the hint, so both are written for people, not developers.
"""

from __future__ import annotations


class InferenceError(Exception):
    """Base class: something went wrong with a local model."""

    default_hint = "Restart Lantern. If it happens again, ask your teacher."

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint or self.default_hint

    def user_message(self) -> str:
        """The message and what to do, as one paragraph for a dialog or banner."""
        return f"{self} {self.hint}"


class ModelNotFound(InferenceError):
    default_hint = (
        "Ask your teacher to install the models: run `python -m inference fetch` "
        "in the Lantern folder, or reinstall Lantern."
    )


class ModelCorrupt(InferenceError):
    default_hint = (
        "The file is damaged or was changed. Ask your teacher to run "
        "`python -m inference fetch` again to replace it."
    )


class ModelLoadError(InferenceError):
    default_hint = "The file may not be a model Lantern can use. Ask your teacher to check it."


class ProviderUnavailable(InferenceError):
    default_hint = "Choose 'CPU' in Settings, or ask your teacher to install the GPU support."


class OutOfMemory(InferenceError):
    default_hint = "Close other programs and try again, or ask your teacher for a smaller model."


class ContextFull(InferenceError):
    """The prompt and the reply it asks for do not fit the model's context window.

    Raised before anything is generated, so a caller can shorten the prompt (the tutor
    drops the older half of its history) and ask again.
    """

    default_hint = "Start a new conversation."


class Cancelled(InferenceError):
    """The user stopped the work. Never shown as an error."""

    default_hint = ""
