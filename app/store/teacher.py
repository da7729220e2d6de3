"""The teacher passphrase of this laptop: one secret for teacher mode and for recovery.

There is exactly one teacher passphrase per laptop, and it is the one that seals the
class recovery key (``profiles/class-recovery.json``, see :mod:`app.store.recovery`).
Checking it means opening that sealed private key (Argon2id, then the AES-GCM tag), so
the file is its own verifier and nothing about the passphrase is stored twice. Setting
it the first time creates the class recovery key, so recovery works from day one.

Wrong tries are counted in ``profiles/teacher-tries.json`` and slow guessing down with
the same growing delay as a learner's sign-in; a restart does not reset it.

Pitfall: every method that takes a passphrase runs Argon2id (about half a second): call
them on a worker lane, never on the GUI thread.

Threat model: teacher mode keeps learners from changing the AI policy, models, subjects
and sync *inside Lantern*. It does not protect against someone who can edit the files
of the laptop's user account (they could also edit ``settings.json``); that is the job
of the operating system's accounts.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.atomic import write_text_atomic
from app.messages import QT_TRANSLATE_NOOP, message
from app.store.errors import RecoveryError, StoreError, TooManyTries
from app.store.passphrase import check_new_passphrase
from app.store.recovery import ClassRecoveryKey
from app.store.store import ProfileStore, retry_delay

log = logging.getLogger(__name__)

TRIES_FILE = "teacher-tries.json"


class WrongTeacherPassphrase(StoreError):
    default_hint = QT_TRANSLATE_NOOP(
        "StoreError", "Check it and try again. Learners can't open teacher mode.")

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "StoreError", "That is not this laptop's teacher passphrase."))


class TeacherFileDamaged(StoreError):
    """The class recovery key file exists but can't be read: teacher mode stays locked."""

    default_hint = QT_TRANSLATE_NOOP(
        "StoreError", "Teacher mode stays locked. Copy the class recovery key from your USB "
                      "stick back with `python -m app teacher install-key FILE`, or set a "
                      "new one with `python -m app teacher set-passphrase --replace`.")

    def __init__(self, path: Path) -> None:
        super().__init__(message(QT_TRANSLATE_NOOP(
            "StoreError", "Lantern can't read this laptop's teacher passphrase file "
                          "({file}): it is damaged."), file=path.name))


class TeacherPassphraseExists(StoreError):
    default_hint = QT_TRANSLATE_NOOP(
        "StoreError", "Unlock teacher mode with it, or change it from the command line.")

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "StoreError", "This laptop already has a teacher passphrase."))


@dataclass(frozen=True)
class Tries:
    failed: int = 0
    retry_after: float = 0.0  # wall-clock seconds before which no try is allowed


class TeacherPassphrase:
    """Set, check and change the teacher passphrase of the laptop ``store`` lives on.

    Args:
        store: the profile store; its class key file is the verifier and its KDF
            parameters are used for new seals (tests pass cheap ones).
        clock: wall-clock seconds, for the growing delay (tests pass a fake one).
    """

    def __init__(self, store: ProfileStore, *, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self._clock = clock

    @property
    def path(self) -> Path:
        return self.store.class_key_path

    @property
    def tries_path(self) -> Path:
        return self.store.root / TRIES_FILE

    def is_set(self) -> bool:
        """True once a teacher passphrase (a class key file) exists, even a damaged one."""
        return self.path.exists()

    def set_first(self, passphrase: str) -> ClassRecoveryKey:
        """Set the passphrase on a laptop that has none; the setter becomes its teacher.

        Raises:
            TeacherPassphraseExists: one is set already (changing it needs the old one).
            WeakPassphrase: too short or too easy to guess.
        """
        if self.is_set():
            raise TeacherPassphraseExists()
        key = self.store.create_class_key(passphrase)
        log.info("teacher passphrase set (class recovery key created)")
        return key

    def verify(self, passphrase: str, *, key_file: Path | None = None
               ) -> tuple[ClassRecoveryKey, X25519PrivateKey]:
        """The class key and its private half for the right passphrase.

        Every check of the teacher passphrase on this laptop goes through here (teacher
        mode, replacing the class key, resetting a learner), so one counter slows down
        guessing by any of them.

        Args:
            key_file: a class key file to check against (e.g. on a USB stick) instead of
                this laptop's own.

        Raises:
            TooManyTries: during the growing delay (nothing is tried).
            WrongTeacherPassphrase: the wrong try is counted.
            TeacherFileDamaged: this laptop's file can't be read (nothing is unlocked);
                RecoveryError for a ``key_file`` that is not a class key.
            StoreError: no teacher passphrase is set yet.
        """
        tries = self._tries()
        wait = tries.retry_after - self._clock()
        if wait > 0:
            raise TooManyTries(wait)
        key = ClassRecoveryKey.load(key_file) if key_file is not None else self._load()
        try:
            private = key.unlock(passphrase)
        except RecoveryError:
            failed = tries.failed + 1
            log.info("wrong teacher passphrase (%d in a row)", failed)
            self._save_tries(Tries(failed, self._clock() + retry_delay(failed)))
            raise WrongTeacherPassphrase() from None
        if tries.failed:
            self._save_tries(Tries())
        return key, private

    def change(self, old: str, new: str) -> None:
        """Re-seal the same class key under ``new``: recovery wraps keep working."""
        check_new_passphrase(new)
        key, private = self.verify(old)
        key.resealed(private, new, params=self.store.kdf_params()).save(self.path)
        log.info("teacher passphrase changed")

    def replace(self, new: str) -> ClassRecoveryKey:
        """A forgotten passphrase: a new class key; learners re-enrol at their next sign-in.

        Only offered on the command line, to whoever administers the laptop's account.
        """
        check_new_passphrase(new)
        self.path.unlink(missing_ok=True)
        self._save_tries(Tries())
        log.warning("teacher passphrase replaced: a new class recovery key was made")
        return self.store.create_class_key(new)

    def install(self, source: Path) -> ClassRecoveryKey:
        """Install the class key from another laptop or a USB copy (its passphrase comes along)."""
        key = self.store.install_class_key(source)
        self._save_tries(Tries())
        return key

    def _load(self) -> ClassRecoveryKey:
        if not self.is_set():
            raise StoreError("This laptop has no teacher passphrase yet.",
                             hint="Set one first: python -m app teacher set-passphrase")
        try:
            return ClassRecoveryKey.load(self.path)
        except RecoveryError:
            log.error("the class recovery key file %s is unreadable", self.path)
            raise TeacherFileDamaged(self.path) from None

    def _tries(self) -> Tries:
        try:
            data = json.loads(self.tries_path.read_text(encoding="utf-8"))
            return Tries(int(data["failed"]), float(data["retry_after"]))
        except FileNotFoundError:
            return Tries()
        except (OSError, ValueError, KeyError, TypeError):
            # A damaged counter must not unlock anything nor lock the teacher out for
            # good: count it as one wrong try already made.
            log.warning("teacher try counter unreadable; starting again from one")
            return Tries(1, 0.0)

    def _save_tries(self, tries: Tries) -> None:
        try:
            write_text_atomic(self.tries_path, json.dumps(
                {"failed": tries.failed, "retry_after": tries.retry_after}))
        except OSError:
            log.warning("could not save the teacher try counter", exc_info=True)
