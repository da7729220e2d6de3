"""The teacher passphrase of this laptop: one secret for teacher mode and for recovery.

There is exactly one teacher passphrase per laptop, and it is the one that seals the
class recovery key (``profiles/class-recovery.json``, see :mod:`app.store.recovery`).
Checking it means opening that sealed private key (Argon2id, then the AES-GCM tag), so
the file is its own verifier and nothing about the passphrase is stored twice. Setting
it the first time creates the class recovery key, so recovery works from day one.

Wrong tries are counted in ``profiles/teacher-tries.json`` *before* each check, and slow
guessing down with the same growing delay as a learner's sign-in. A counter that is
missing (once a version 2 class key exists), unreadable or unwritable means "locked for
a while", never "no limit" (see :meth:`TeacherPassphrase._tries`).

Pitfall: every method that takes a passphrase runs Argon2id (about half a second): call
them on a worker lane, never on the GUI thread.

Threat model (see docs/teacher-mode.md): the files live in the laptop's user account,
which the learners share. What is *cryptographic*: only the teacher passphrase opens the
class key's private halves, so only it can recover a learner, sign teacher settings, or
endorse a new class key that learners' profiles will follow. What is *not*: anyone can
replace the class key file or the counter; that makes a new, untrusted key (learners are
told and are not re-wrapped for it) or resets the counter (offline guessing of a copied
file is slowed only by Argon2id and the passphrase's strength).
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
from app.store import files
from app.store.errors import CounterUnavailable, RecoveryError, StoreError, TooManyTries
from app.store.passphrase import check_teacher_passphrase
from app.store.recovery import ClassRecoveryKey, Endorsement, UnlockedClassKey
from app.store.store import FREE_TRIES, MAX_DELAY_S, ProfileStore, retry_delay

log = logging.getLogger(__name__)



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
        return self.store.teacher_tries_path

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
        self._save_tries(Tries())
        log.info("teacher passphrase set (class recovery key created)")
        return key

    def verify(self, passphrase: str, *, key_file: Path | None = None
               ) -> tuple[ClassRecoveryKey, X25519PrivateKey]:
        """The class key and its private X25519 half for the right passphrase (see :meth:`open`)."""
        key, unlocked = self.open(passphrase, key_file=key_file)
        return key, unlocked.private

    def open(self, passphrase: str, *, key_file: Path | None = None
             ) -> tuple[ClassRecoveryKey, UnlockedClassKey]:
        """The class key and both private halves for the right passphrase.

        Every check of the teacher passphrase on this laptop goes through here (teacher
        mode, the teacher commands, replacing the class key, resetting a learner), so one
        counter slows down guessing by any of them. This laptop's version 1 key is
        upgraded here (it gains its signing key; a copy of the old file is kept).

        Args:
            key_file: a class key file to check against (e.g. on a USB stick) instead of
                this laptop's own.

        Raises:
            TooManyTries: during the growing delay (nothing is tried).
            CounterUnavailable: the counter can't be saved (nothing is tried).
            WrongTeacherPassphrase: the wrong try is counted.
            TeacherFileDamaged: this laptop's file can't be read (nothing is unlocked);
                RecoveryError for a ``key_file`` that is not a class key.
            StoreError: no teacher passphrase is set yet.
        """
        key = ClassRecoveryKey.load(key_file) if key_file is not None else self._load()
        tries = self._tries(legacy=key.signing_public is None)
        wait = tries.retry_after - self._clock()
        if wait > 0:
            raise TooManyTries(wait)
        failed = tries.failed + 1
        self._save_tries(Tries(failed, self._clock() + retry_delay(failed)), strict=True)
        try:
            unlocked = key.unlock_all(passphrase)
        except RecoveryError:
            log.info("wrong teacher passphrase (%d in a row)", failed)
            raise WrongTeacherPassphrase() from None
        self._save_tries(Tries())
        if key_file is None and unlocked.signing is None:
            key, unlocked = self._upgrade(key, unlocked, passphrase)
        return key, unlocked

    def change(self, old: str, new: str) -> None:
        """Re-seal the same class key under ``new``: recovery wraps and pins keep working."""
        check_teacher_passphrase(new)
        key, unlocked = self.open(old)
        key.resealed(unlocked, new, params=self.store.kdf_params()).save(self.path)
        log.info("teacher passphrase changed")

    def replace(self, new: str, *, current: str | None = None) -> ClassRecoveryKey:
        """A new class key sealed by ``new``.

        With the ``current`` passphrase the old key *endorses* the new one: learners'
        profiles move to it at their next sign-in (and are told). Without it (the
        passphrase is forgotten) the new key is endorsed by nothing: it opens teacher mode
        on this laptop, but learners who pinned the old key are not wrapped for it, are
        told so, and their sessions do not trust settings it signs. The old file is kept
        beside it (``class-recovery.json.replaced-<time>``).
        """
        check_teacher_passphrase(new)
        endorser: UnlockedClassKey | None = None
        history: tuple[Endorsement, ...] = ()
        if current is not None:
            old_key, endorser = self.open(current)
            history = old_key.endorsements
        elif self.is_set():
            kept = self.path.with_name(f"{self.path.name}.replaced-{int(self._clock())}")
            self.path.replace(kept)
            log.warning("teacher passphrase forgotten: old class key kept as %s", kept.name)
        key = ClassRecoveryKey.create(new, params=self.store.kdf_params(),
                                      endorsed_by=endorser, history=history)
        key.save(self.path)
        self._save_tries(Tries())
        log.warning("a new class recovery key was made (%s)",
                    "endorsed by the old one" if endorser else "not endorsed")
        return key

    def install(self, source: Path, passphrase: str, *, current: str | None = None
                ) -> ClassRecoveryKey:
        """Install the class key from another laptop or a USB copy.

        The file's own passphrase is checked (and counted), so only someone who knows it
        can install it. Replacing *another* readable class key on this laptop also needs
        this laptop's ``current`` passphrase. Whether learners follow the new key is still
        up to their pins (:mod:`app.store.pin`).

        Raises:
            WrongTeacherPassphrase: either passphrase is wrong (nothing is installed).
        """
        incoming = ClassRecoveryKey.load(source)
        installed = self._readable()
        if installed is not None and installed.fingerprint != incoming.fingerprint:
            self.open(current or "")
        key, _unlocked = self.open(passphrase, key_file=source)
        if self.is_set():
            files.copy_atomic(self.path, self.path.with_name(
                f"{self.path.name}.replaced-{int(self._clock())}"))
        key.save(self.path)
        self._save_tries(Tries())
        return key

    def needs_current_to_install(self, source: Path) -> bool:
        """Whether :meth:`install` of ``source`` will ask for this laptop's passphrase too."""
        installed = self._readable()
        return installed is not None and installed.fingerprint != ClassRecoveryKey.load(
            source).fingerprint

    def _readable(self) -> ClassRecoveryKey | None:
        try:
            return self._load() if self.is_set() else None
        except StoreError:
            return None

    def _upgrade(self, key: ClassRecoveryKey, unlocked: UnlockedClassKey, passphrase: str
                 ) -> tuple[ClassRecoveryKey, UnlockedClassKey]:
        """A version 1 key gains its signing key (same X25519 pair); the old file is kept."""
        files.copy_atomic(self.path, self.path.with_name(self.path.name + ".v1.bak"))
        upgraded = key.resealed(unlocked, passphrase, params=self.store.kdf_params())
        upgraded.save(self.path)
        log.info("class recovery key upgraded to version 2 (signing key added)")
        return upgraded, upgraded.unlock_all(passphrase)

    def _load(self) -> ClassRecoveryKey:
        if not self.is_set():
            raise StoreError("This laptop has no teacher passphrase yet.",
                             hint="Set one first: python -m app teacher set-passphrase")
        try:
            return ClassRecoveryKey.load(self.path)
        except RecoveryError:
            log.error("the class recovery key file %s is unreadable", self.path)
            raise TeacherFileDamaged(self.path) from None

    def _tries(self, *, legacy: bool = False) -> Tries:
        """The counter; a missing or broken one means locked for the longest delay.

        ``legacy``: a version 1 class key predates the counter being written at setup,
        so for it (only) a missing counter means no wrong tries yet.
        """
        try:
            data = json.loads(self.tries_path.read_text(encoding="utf-8"))
            return Tries(int(data["failed"]), float(data["retry_after"]))
        except FileNotFoundError:
            if legacy:
                return Tries()
            reason = "missing"
        except (OSError, ValueError, KeyError, TypeError):
            reason = "unreadable"
        log.warning("teacher try counter %s: locked for %.0f s", reason, MAX_DELAY_S)
        locked = Tries(FREE_TRIES, self._clock() + MAX_DELAY_S)
        self._save_tries(locked, strict=True)
        return locked

    def _save_tries(self, tries: Tries, *, strict: bool = False) -> None:
        """Write the counter; ``strict``: a failure raises :class:`CounterUnavailable`."""
        try:
            write_text_atomic(self.tries_path, json.dumps(
                {"failed": tries.failed, "retry_after": tries.retry_after}))
        except OSError as exc:
            log.warning("could not save the teacher try counter: %s", exc)
            if strict:
                raise CounterUnavailable() from exc
