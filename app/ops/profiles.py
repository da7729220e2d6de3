"""Operations for signing in and managing profiles; all work runs on the "db" lane.

Argon2id takes about half a second and the database lives on disk, so nothing here runs
on the GUI thread. Results and typed errors (:mod:`app.store.errors`) come back through
``on_done`` / ``on_error`` on the GUI thread, and only while ``parent`` exists.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from app.messages import QT_TRANSLATE_NOOP
from app.ops.context import AppContext
from app.ops.learner import remember_learner
from app.store import ProfileEntry, ProfileId, StoreError, transfer
from app.store.pin import ClassKeyStatus
from app.store.teacher import TeacherPassphrase

OnError = Callable[[Exception], None]


def create_profile(*, parent: QObject, ctx: AppContext, nickname: str, avatar: str,
                   passphrase: str, on_done: Callable[[ProfileEntry], None],
                   on_error: OnError) -> Future[Any]:
    """Create a profile and sign in to it (any profile signed in before is locked)."""

    def work() -> ProfileEntry:
        ctx.lock_profile()
        profile = ctx.profiles.create(nickname=nickname, avatar=avatar, passphrase=passphrase)
        ctx.profile = profile
        remember_learner(ctx)
        return ctx.profiles.index.get(profile.id)

    return ctx.runner.submit("db", work, parent=parent, on_success=on_done,
                             on_error=on_error)


def sign_in(*, parent: QObject, ctx: AppContext, profile_id: ProfileId, passphrase: str,
            on_done: Callable[[ProfileEntry], None], on_error: OnError) -> Future[Any]:
    """Unlock a profile; a profile that does not trust the class key gets a careful session.

    ``ctx.class_key_status`` says what the profile found (the window tells the learner).
    """

    def work() -> tuple[ProfileEntry, ClassKeyStatus]:
        ctx.lock_profile()
        ctx.profile = ctx.profiles.unlock(profile_id, passphrase)
        remember_learner(ctx)
        return ctx.profiles.index.get(profile_id), ctx.profile.class_key_status

    def done(result: tuple[ProfileEntry, ClassKeyStatus]) -> None:
        entry, status = result
        apply_class_key_status(ctx, status)
        on_done(entry)

    return ctx.runner.submit("db", work, parent=parent, on_success=done, on_error=on_error)


def apply_class_key_status(ctx: AppContext, status: ClassKeyStatus) -> None:
    """On the GUI thread, once a learner is signed in: an untrusted key means safest settings."""
    ctx.class_key_status = status
    if not status.trusted:
        ctx.distrust_for_session()


def sign_out(*, parent: QObject, ctx: AppContext, on_done: Callable[[], None],
             on_error: OnError) -> Future[Any]:
    """Lock the profile: checkpoint, refresh the automatic backup, close the database."""
    return ctx.runner.submit("db", ctx.lock_profile, parent=parent,
                             on_success=lambda _none: on_done(), on_error=on_error)


def restore_backup(*, parent: QObject, ctx: AppContext, profile_id: ProfileId,
                   on_done: Callable[[], None], on_error: OnError) -> Future[Any]:
    return ctx.runner.submit("db", lambda: ctx.profiles.restore_backup(profile_id),
                             parent=parent, on_success=lambda _none: on_done(),
                             on_error=on_error)


def change_passphrase(*, parent: QObject, ctx: AppContext, profile_id: ProfileId, old: str,
                      new: str, on_done: Callable[[], None], on_error: OnError) -> Future[Any]:
    """A signed-out learner's new passphrase; the database is re-keyed (the old one revoked)."""
    return ctx.runner.submit("db", lambda: ctx.profiles.change_passphrase(profile_id, old, new),
                             parent=parent, on_success=lambda _none: on_done(),
                             on_error=on_error)


def reset_passphrase(*, parent: QObject, ctx: AppContext, profile_id: ProfileId,
                     key_file: Path, teacher_passphrase: str, new_passphrase: str,
                     on_done: Callable[[], None], on_error: OnError) -> Future[Any]:
    """Teacher recovery with the class key file (e.g. from a USB stick)."""

    def work() -> None:
        # Checked first through the laptop's one teacher-passphrase counter, so this
        # dialog can't be used to guess the teacher passphrase faster than teacher mode.
        class_key, _private = TeacherPassphrase(ctx.profiles).verify(teacher_passphrase,
                                                                     key_file=key_file)
        ctx.profiles.reset_passphrase(profile_id, class_key=class_key,
                                      teacher_passphrase=teacher_passphrase,
                                      new_passphrase=new_passphrase)

    return ctx.runner.submit("db", work, parent=parent, on_success=lambda _none: on_done(),
                             on_error=on_error)


def create_class_key(*, parent: QObject, ctx: AppContext, teacher_passphrase: str,
                     export_to: Path | None, on_done: Callable[[Path], None],
                     on_error: OnError, current_passphrase: str = "") -> Future[Any]:
    """Create the class recovery key here and, if asked, export a copy (e.g. to USB).

    Its passphrase is the laptop's teacher passphrase (teacher mode), so replacing an
    existing key needs the current one (``current_passphrase``), which also endorses the
    new key: learners' profiles move to it at their next sign-in.
    """

    def work() -> Path:
        gate = TeacherPassphrase(ctx.profiles)
        if gate.is_set():
            class_key = gate.replace(teacher_passphrase, current=current_passphrase)
        else:
            class_key = gate.set_first(teacher_passphrase)
        if export_to is not None:
            class_key.save(export_to)
        return export_to or ctx.profiles.class_key_path

    return ctx.runner.submit("db", work, parent=parent, on_success=on_done,
                             on_error=on_error)


def export_backup(*, parent: QObject, ctx: AppContext, target: Path,
                  on_done: Callable[[Path], None], on_error: OnError) -> Future[Any]:
    """Write the signed-in profile to one encrypted backup file (e.g. on a USB stick)."""

    def work() -> Path:
        if ctx.profile is None:
            raise StoreError(QT_TRANSLATE_NOOP(
                "StoreError", "Sign in first, then export your backup."), hint="")
        transfer.export_backup(ctx.profiles, ctx.profile, target)
        return target

    return ctx.runner.submit("db", work, parent=parent, on_success=on_done,
                             on_error=on_error)


def import_backup(*, parent: QObject, ctx: AppContext, source: Path, replace: bool = False,
                  on_done: Callable[[ProfileEntry], None], on_error: OnError) -> Future[Any]:
    """Add a profile from a backup file; it then appears on the sign-in screen."""
    return ctx.runner.submit(
        "db", lambda: transfer.import_backup(ctx.profiles, source, replace=replace),
        parent=parent, on_success=on_done, on_error=on_error)
