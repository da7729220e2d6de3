"""Operations for teacher mode: is a teacher passphrase set, check it, set it the first time.

Checking or setting the passphrase runs Argon2id (about half a second), so all of it
runs on the "db" lane, next to the other profile-store work; results and typed errors
(:mod:`app.store.teacher`) come back on the GUI thread, only while ``parent`` exists.
The unlocked state itself lives in the UI (:class:`app.ui.teacher.gate.TeacherMode`);
while it lasts, ``ctx.teacher_keys`` holds the class key's private halves so saving the
teacher settings signs them (:func:`forget` drops them when teacher mode ends).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject

from app.ops.context import AppContext
from app.store.recovery import ClassRecoveryKey, UnlockedClassKey
from app.store.teacher import TeacherPassphrase

OnError = Callable[[Exception], None]


def is_set(*, parent: QObject, ctx: AppContext, on_done: Callable[[bool], None],
           on_error: OnError) -> Future[Any]:
    """Whether this laptop has a teacher passphrase (a damaged file counts as set)."""
    return ctx.runner.submit("db", TeacherPassphrase(ctx.profiles).is_set, parent=parent,
                             on_success=on_done, on_error=on_error)


def unlock(*, parent: QObject, ctx: AppContext, passphrase: str,
           on_done: Callable[[], None], on_error: OnError) -> Future[Any]:
    """Check the teacher passphrase (counted; the growing delay applies)."""

    def done(keys: tuple[ClassRecoveryKey, UnlockedClassKey]) -> None:
        ctx.teacher_keys = keys
        on_done()

    return ctx.runner.submit("db", lambda: TeacherPassphrase(ctx.profiles).open(passphrase),
                             parent=parent, on_success=done, on_error=on_error)


def set_first(*, parent: QObject, ctx: AppContext, passphrase: str,
              on_done: Callable[[], None], on_error: OnError) -> Future[Any]:
    """Set the first teacher passphrase of this laptop (creates the class recovery key)."""

    def work() -> tuple[ClassRecoveryKey, UnlockedClassKey]:
        gate = TeacherPassphrase(ctx.profiles)
        key = gate.set_first(passphrase)
        return key, key.unlock_all(passphrase)

    def done(keys: tuple[ClassRecoveryKey, UnlockedClassKey]) -> None:
        ctx.teacher_keys = keys
        on_done()

    return ctx.runner.submit("db", work, parent=parent, on_success=done, on_error=on_error)


def forget(ctx: AppContext) -> None:
    """Teacher mode ended: drop the private keys (settings can no longer be signed)."""
    ctx.teacher_keys = None
