"""The profile store: create, unlock, lock, change passphrase, recover, delete.

Layout under ``root`` (``<user data dir>/profiles``)::

    profiles.json              the unencrypted index (nickname, avatar, wrapped keys)
    class-recovery.json        the teacher's class recovery key, if one was created
    <profile id>/profile.db    SQLCipher 4 (+ -wal, -shm while open; .rekey during a
                               passphrase change, see :mod:`app.store.rekey`)
    <profile id>/backup.db     the automatic backup, taken at every lock (encrypted)

Every method may be slow (Argon2id, disk): call them from the ``db`` lane, never the GUI
thread. A :class:`Profile` returned by :meth:`create` or :meth:`unlock` belongs to the
calling thread.
"""

from __future__ import annotations

import json
import logging
import secrets
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from app.atomic import write_text_atomic
from app.store import files, rekey
from app.store.db import DamagedDatabase, open_encrypted, reraise
from app.store.errors import (
    CounterUnavailable,
    ProfileCorrupt,
    RecoveryError,
    StoreError,
    TooManyTries,
    WrongPassphrase,
)
from app.store.index import ProfileEntry, ProfileIndex, open_index
from app.store.keys import KdfParams, PassphraseWrap, calibrate, new_data_key
from app.store.passphrase import check_new_passphrase, check_nickname, check_teacher_passphrase
from app.store.pin import ClassKeyStatus, Pin, judge, read_pin, write_pin
from app.store.profile import Profile
from app.store.records import ProfileId
from app.store.recovery import FILE_NAME as CLASS_KEY_FILE
from app.store.recovery import ClassRecoveryKey, RecoveryWrap
from app.store.schema import MIGRATIONS, Migration, migrate

log = logging.getLogger(__name__)

TEACHER_TRIES_FILE = "teacher-tries.json"
FREE_TRIES = 5  # wrong tries in a row before the delay starts
BASE_DELAY_S = 5.0  # then 5 s, 10 s, 20 s, ... doubling with each further wrong try
MAX_DELAY_S = 300.0


def retry_delay(failed_tries: int) -> float:
    """Seconds to wait after ``failed_tries`` wrong tries in a row (0 below the limit)."""
    if failed_tries < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (failed_tries - FREE_TRIES))


class ProfileStore:
    """All learner profiles on this computer.

    Args:
        root: the profiles folder.
        kdf: Argon2id cost for new wraps; None calibrates to ~0.5 s on this machine
            (tests pass cheap parameters: the cost is stored with each wrap).
        clock: wall-clock seconds, for the growing delay (tests pass a fake one).
        migrations: the schema history (tests add versions to exercise upgrades).
    """

    def __init__(self, root: Path, *, kdf: KdfParams | None = None,
                 clock: Callable[[], float] = time.time,
                 migrations: Sequence[Migration] = MIGRATIONS) -> None:
        self.root = root
        self._kdf = kdf
        self._clock = clock
        self._migrations = migrations
        self._index: ProfileIndex | None = None

    @property
    def index(self) -> ProfileIndex:
        """The sign-in index, read on first use (so building a store touches no disk)."""
        if self._index is None:
            self._index = open_index(self.root)
        return self._index

    @property
    def class_key_path(self) -> Path:
        return self.root / CLASS_KEY_FILE

    def kdf_params(self) -> KdfParams:
        return self._kdf or calibrate()

    def db_path(self, profile_id: ProfileId) -> Path:
        return self.root / profile_id / "profile.db"

    def backup_path(self, profile_id: ProfileId) -> Path:
        return self.root / profile_id / "backup.db"

    def profiles(self) -> list[ProfileEntry]:
        return self.index.sorted()

    def create(self, *, nickname: str, avatar: str, passphrase: str) -> Profile:
        """Make a new profile and return it unlocked.

        Nothing is left behind on failure (e.g. :class:`DiskFull`): the folder is removed
        and the index only lists the profile once its database exists.
        """
        nickname = check_nickname(nickname, taken={e.nickname for e in self.profiles()})
        check_new_passphrase(passphrase)
        profile_id = ProfileId(secrets.token_hex(8))
        key = new_data_key()
        entry = ProfileEntry(profile_id, nickname, avatar,
                             PassphraseWrap.create(passphrase, key, aad=profile_id.encode(),
                                                   params=self.kdf_params()),
                             self._recovery_wrap(key, profile_id))
        folder = self.db_path(profile_id).parent
        profile: Profile | None = None
        try:
            folder.mkdir(parents=True)
            profile = self._open(profile_id, key, check=False)
            profile.class_key_status = self._pin_at_creation(profile)
            self.index.put(entry)
        except BaseException as exc:
            if profile is not None:
                profile.conn.close()
            shutil.rmtree(folder, ignore_errors=True)
            if isinstance(exc, Exception):
                reraise(exc)
            raise
        log.info("profile %s created", profile_id)
        return profile

    def unlock(self, profile_id: ProfileId, passphrase: str) -> Profile:
        """Open a profile with the learner's passphrase.

        Raises:
            WrongPassphrase: the database file is not touched at all.
            TooManyTries: during the growing delay (nothing is tried).
            ProfileCorrupt: the key is right but the database is damaged.
        """
        key = self._data_key(profile_id, passphrase)
        try:
            rekey.finish_pending(self.db_path(profile_id), self.backup_path(profile_id), key)
            profile = self._open(profile_id, key)
        except DamagedDatabase as exc:
            raise ProfileCorrupt(
                backup_available=self.backup_path(profile_id).exists()) from exc
        profile.class_key_status = self._check_class_key(profile, key)
        self._recalibrate(profile_id, key, passphrase)
        log.info("profile %s unlocked", profile_id)
        return profile

    def lock(self, profile: Profile) -> None:
        """Close the profile: checkpoint, refresh the automatic backup, close the connection."""
        profile.close()
        log.info("profile %s locked", profile.id)

    def raw_key(self, profile_id: ProfileId, passphrase: str) -> bytes:
        """The raw 256-bit SQLCipher key, for opening the data with other tools."""
        return self._data_key(profile_id, passphrase)

    def change_passphrase(self, profile_id: ProfileId, old: str, new: str) -> None:
        """A new passphrase and a new data key: the old passphrase opens nothing any more.

        The profile must be locked (signed out). The database is re-encrypted under a new
        data key (:mod:`app.store.rekey`), so an old copy of ``profiles.json`` and the old
        passphrase together no longer open it.
        """
        check_new_passphrase(new)
        key = self._data_key(profile_id, old)
        self._rekey(profile_id, key, new)

    def delete(self, profile_id: ProfileId) -> None:
        """Remove the profile from the index, then its files (database and backups)."""
        self.index.get(profile_id)
        self.index.remove(profile_id)
        shutil.rmtree(self.root / profile_id, ignore_errors=True)
        log.info("profile %s deleted", profile_id)

    def restore_backup(self, profile_id: ProfileId) -> None:
        """Replace a damaged database by the automatic backup (the damaged one is kept)."""
        self.index.get(profile_id)
        if not self.backup_path(profile_id).exists():
            raise ProfileCorrupt(backup_available=False)
        files.restore_copy(self.backup_path(profile_id), self.db_path(profile_id))
        log.warning("profile %s restored from its automatic backup", profile_id)

    # teacher recovery ---------------------------------------------------------------

    def create_class_key(self, teacher_passphrase: str) -> ClassRecoveryKey:
        """Create the class recovery key and install it here (export it with ``save``)."""
        check_teacher_passphrase(teacher_passphrase)
        class_key = ClassRecoveryKey.create(teacher_passphrase, params=self.kdf_params())
        class_key.save(self.class_key_path)
        self._start_teacher_counter()
        return class_key

    def install_class_key(self, source: Path) -> ClassRecoveryKey:
        """Install a class key exported from another computer (e.g. from a USB stick)."""
        class_key = ClassRecoveryKey.load(source)
        class_key.save(self.class_key_path)
        self._start_teacher_counter()
        return class_key

    def adopt_class_key(self, profile_id: ProfileId, passphrase: str) -> None:
        """The learner agrees, with their passphrase, to trust this laptop's class key.

        For a class key nothing vouches for (the teacher forgot the old passphrase): the
        profile pins it and gets its recovery wrap. The caller checks the teacher
        passphrase first, so both sides agree.
        """
        installed = self._installed_class_key()
        if installed is None:
            raise RecoveryError("This laptop has no class key to trust.")
        key = self._data_key(profile_id, passphrase)
        profile = self._open(profile_id, key)
        try:
            write_pin(profile.conn, Pin.of(installed))
            self.index.update(profile_id, recovery_wrap=RecoveryWrap.create(
                installed.public, key, aad=profile_id.encode()))
        finally:
            self.lock(profile)
        log.warning("profile %s adopted class key %s…", profile_id, installed.fingerprint[:12])

    @property
    def teacher_tries_path(self) -> Path:
        """The teacher passphrase's wrong-try counter (see :mod:`app.store.teacher`)."""
        return self.root / TEACHER_TRIES_FILE

    def _start_teacher_counter(self) -> None:
        # From now on a missing counter means "deleted", which locks (never unlimited).
        write_text_atomic(self.teacher_tries_path, json.dumps({"failed": 0, "retry_after": 0.0}))

    def class_key(self) -> ClassRecoveryKey | None:
        path = self.class_key_path
        return ClassRecoveryKey.load(path) if path.exists() else None

    def reset_passphrase(self, profile_id: ProfileId, *, class_key: ClassRecoveryKey,
                         teacher_passphrase: str, new_passphrase: str) -> None:
        """Teacher recovery: a new learner passphrase (and data key) for a locked profile.

        The database is re-encrypted, never read: the teacher sees none of its data, and
        the forgotten (perhaps overheard) passphrase is revoked.
        """
        check_new_passphrase(new_passphrase)
        entry = self.index.get(profile_id)
        private = class_key.unlock(teacher_passphrase)
        wrap = entry.recovery_wrap
        key = wrap.unwrap(private, aad=profile_id.encode()) if wrap else None
        if key is None:
            raise RecoveryError("This profile can't be recovered with that class key.",
                                hint="It was made before the class key was set up, or in "
                                     "another class. The learner must sign in once first.")
        self._rekey(profile_id, key, new_passphrase)
        log.info("profile %s passphrase reset by teacher recovery", profile_id)

    # internals ----------------------------------------------------------------------

    def _open(self, profile_id: ProfileId, key: bytes, *, check: bool = True) -> Profile:
        path = self.db_path(profile_id)
        if check and not path.exists():
            raise DamagedDatabase("database file is missing")
        conn = open_encrypted(path, key, check=check)
        try:
            migrate(conn, path, self._migrations)
        except Exception as exc:
            conn.close()
            reraise(exc)
        return Profile(profile_id, conn, path, on_close=self._take_backup)

    def _take_backup(self, profile: Profile) -> None:
        files.copy_atomic(profile.path, self.backup_path(profile.id))

    def _data_key(self, profile_id: ProfileId, passphrase: str) -> bytes:
        entry = self.index.get(profile_id)
        wait = entry.retry_after - self._clock()
        if wait > 0:
            raise TooManyTries(wait)
        self._count_try(entry)
        key = entry.passphrase_wrap.unwrap(passphrase, aad=profile_id.encode())
        if key is None:
            log.info("wrong passphrase for profile %s (%d in a row)", entry.id,
                     entry.failed_tries + 1)
            raise WrongPassphrase()
        self._save_quietly(profile_id, failed_tries=0, retry_after=0.0)
        return key

    def _count_try(self, entry: ProfileEntry) -> None:
        """Count the try as wrong *before* making it; a right one resets the count.

        So killing Lantern during the check, or making the index unwritable, can't give
        free tries: a counter that can't be saved means no try at all.
        """
        tries = entry.failed_tries + 1
        try:
            self.index.update(entry.id, failed_tries=tries,
                              retry_after=self._clock() + retry_delay(tries))
        except (StoreError, OSError) as exc:
            log.error("could not save the wrong-try counter: %s", exc)
            raise CounterUnavailable() from exc

    def _save_quietly(self, profile_id: ProfileId, **changes: object) -> None:
        try:
            self.index.update(profile_id, **changes)
        except StoreError:
            log.warning("could not save the wrong-try counter", exc_info=True)

    def _rekey(self, profile_id: ProfileId, key: bytes, passphrase: str) -> None:
        """Re-encrypt under a new data key, wrapped for ``passphrase`` and the pinned class key."""
        database = self.db_path(profile_id)
        new_key = new_data_key()
        rekey.finish_pending(database, self.backup_path(profile_id), key)
        pin = rekey.export_rekeyed(database, key, new_key)
        wrap = PassphraseWrap.create(passphrase, new_key, aad=profile_id.encode(),
                                     params=self.kdf_params())
        recovery = (RecoveryWrap.create(pin.public, new_key, aad=profile_id.encode())
                    if pin is not None else None)
        try:
            self.index.update(profile_id, passphrase_wrap=wrap, recovery_wrap=recovery,
                              failed_tries=0, retry_after=0.0)
        except BaseException:
            rekey.pending_path(database).unlink(missing_ok=True)
            raise
        rekey.commit(database, self.backup_path(profile_id))
        log.info("profile %s re-keyed under a new passphrase", profile_id)

    def _recalibrate(self, profile_id: ProfileId, key: bytes, passphrase: str) -> None:
        """Re-wrap under today's Argon2id cost when the stored wrap is clearly cheaper.

        Wraps made on a slower machine, or before the cost was raised, would otherwise
        keep their low cost for ever. Half the target passes is the threshold, so timing
        noise between runs does not re-wrap at every sign-in.
        """
        stored = self.index.get(profile_id).passphrase_wrap.params
        target = self.kdf_params()
        if stored.memory_kib >= target.memory_kib and stored.time_cost * 2 > target.time_cost:
            return
        log.info("profile %s: Argon2id cost raised to %d passes of %d KiB", profile_id,
                 target.time_cost, target.memory_kib)
        self._save_quietly(profile_id, passphrase_wrap=PassphraseWrap.create(
            passphrase, key, aad=profile_id.encode(), params=target))

    def _installed_class_key(self) -> ClassRecoveryKey | None:
        """The class key, or None; a damaged key file must never block a learner."""
        try:
            return self.class_key()
        except RecoveryError:
            log.warning("the class recovery key file is unreadable; skipping recovery wrap")
            return None

    def _pin_at_creation(self, profile: Profile) -> ClassKeyStatus:
        class_key = self._installed_class_key()
        if class_key is None:
            return ClassKeyStatus.NONE
        write_pin(profile.conn, Pin.of(class_key))
        return ClassKeyStatus.TRUSTED

    def _recovery_wrap(self, key: bytes, profile_id: ProfileId) -> RecoveryWrap | None:
        class_key = self._installed_class_key()
        if class_key is None:
            return None
        return RecoveryWrap.create(class_key.public, key, aad=profile_id.encode())

    def _check_class_key(self, profile: Profile, key: bytes) -> ClassKeyStatus:
        """Compare the installed class key with the profile's pin; wrap only for a trusted one.

        See :mod:`app.store.pin`: an untrusted key gets no wrap, and the caller tells the
        learner. A trusted one is pinned (first use, or a move along endorsements) and
        gets the recovery wrap if the profile lacks one for it.
        """
        installed = self._installed_class_key()
        pin = read_pin(profile.conn)
        current = self.index.get(profile.id).recovery_wrap
        status = judge(pin, installed, current.recipient if current else None)
        if installed is None or not status.trusted:
            return status
        if pin is None or pin.fingerprint != installed.fingerprint:
            write_pin(profile.conn, Pin.of(installed))
            log.info("profile %s pinned class key %s…", profile.id, installed.fingerprint[:12])
        if current is None or current.recipient != installed.public:
            self._save_quietly(profile.id, recovery_wrap=RecoveryWrap.create(
                installed.public, key, aad=profile.id.encode()))
        return status
