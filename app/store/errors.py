"""Typed errors of the profile store, each with words a learner or teacher can act on.

The UI shows :meth:`StoreError.user_message`; ``str(error)`` is the same sentence, so a
log line never needs more than the error itself. No error ever carries a passphrase, a
key or anything the learner wrote.
"""

from __future__ import annotations

import errno
from typing import Any

from app.messages import QT_TRANSLATE_NOOP, message


class StoreError(Exception):
    """Base class: something went wrong with a learner profile.

    The message and the hint are :class:`app.messages.Message` values where they are
    written for people, so the UI can show them in the learner's language
    (``app.ui.errors.describe_error``); ``user_message()`` is the English.
    """

    default_hint = QT_TRANSLATE_NOOP(
        "StoreError", "Try again. If it keeps happening, ask your teacher.")

    def __init__(self, text: str, *, hint: str | None = None) -> None:
        super().__init__(text)
        self.hint = hint if hint is not None else self.default_hint

    def user_message(self) -> str:
        return f"{self} {self.hint}".strip()


class WrongPassphrase(StoreError):
    default_hint = QT_TRANSLATE_NOOP(
        "StoreError", "Check it and try again, or ask your teacher to reset it.")

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "StoreError", "That passphrase doesn't match this profile."))


class TooManyTries(StoreError):
    """Raised instead of trying at all while the growing delay runs."""

    default_hint = QT_TRANSLATE_NOOP(
        "StoreError", "This keeps your profile safe from guessing.")

    def __init__(self, wait_s: float) -> None:
        self.wait_s = wait_s
        seconds = max(1, round(wait_s))
        super().__init__(message(QT_TRANSLATE_NOOP(
            "StoreError", "Too many wrong passphrases. Please wait {seconds} seconds and "
            "try again."), seconds=seconds))


class CounterUnavailable(StoreError):
    """The wrong-try counter can't be saved, so no passphrase is tried (locked, not open)."""

    default_hint = QT_TRANSLATE_NOOP(
        "StoreError", "Ask your teacher to check that Lantern's data folder can be written "
                      "to. Until then nothing can be unlocked.")

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "StoreError", "Lantern can't record passphrase tries on this computer, so it "
                          "won't check any passphrase."))


class WeakPassphrase(StoreError):
    default_hint = QT_TRANSLATE_NOOP(
        "StoreError", "Use at least 8 characters, for example three words you will remember.")


class ProfileNotFound(StoreError):
    default_hint = QT_TRANSLATE_NOOP(
        "StoreError", "Choose your name from the list, or ask your teacher.")


class ProfileCorrupt(StoreError):
    """The database is damaged. ``backup_available`` says whether restoring can help."""

    def __init__(self, *, backup_available: bool) -> None:
        self.backup_available = backup_available
        hint = (QT_TRANSLATE_NOOP(
            "StoreError", "Lantern kept an automatic backup from your last session: restore "
            "it to carry on (answers since then are lost).") if backup_available
            else QT_TRANSLATE_NOOP("StoreError", "Ask your teacher to import a backup file."))
        super().__init__(QT_TRANSLATE_NOOP(
            "StoreError", "This profile's saved work is damaged and can't be opened."),
            hint=hint)


class DiskFull(StoreError):
    default_hint = QT_TRANSLATE_NOOP(
        "StoreError", "Nothing was half-saved. Free some space on the disk (or ask your "
        "teacher), then try again.")

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "StoreError", "The disk is full, so Lantern could not save."))


class RecoveryError(StoreError):
    default_hint = QT_TRANSLATE_NOOP(
        "StoreError", "Check the teacher recovery file and the teacher passphrase.")


class BackupFileError(StoreError):
    default_hint = QT_TRANSLATE_NOOP(
        "StoreError", "Choose a backup file that Lantern made with 'Export backup'.")


SQLITE_FULL = 13  # SQLite's result code (sqlite3.SQLITE_FULL): this module stays light


def is_disk_full(exc: BaseException) -> bool:
    """True for ENOSPC from the OS and SQLITE_FULL from SQLite/SQLCipher."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    code: Any = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF == SQLITE_FULL:
        return True
    return "database or disk is full" in str(exc)


def is_corrupt(exc: BaseException) -> bool:
    """True when SQLite says the file is damaged (after the right key was given)."""
    text = str(exc)
    return ("file is not a database" in text or "malformed" in text
            or "disk image" in text or "hmac check failed" in text)
