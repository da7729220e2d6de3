"""Operations for teacher mode: is a teacher passphrase set, check it, set it the first time.

Checking or setting the passphrase runs Argon2id (about half a second), so all of it
runs on the "db" lane, next to the other profile-store work; results and typed errors
(:mod:`app.store.teacher`) come back on the GUI thread, only while ``parent`` exists.
The unlocked state itself lives in the UI (:class:`app.ui.teacher.gate.TeacherMode`):
nothing secret is kept after the check.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject

from app.ops.context import AppContext
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
    return ctx.runner.submit("db", lambda: TeacherPassphrase(ctx.profiles).verify(passphrase),
                             parent=parent, on_success=lambda _key: on_done(),
                             on_error=on_error)


def set_first(*, parent: QObject, ctx: AppContext, passphrase: str,
              on_done: Callable[[], None], on_error: OnError) -> Future[Any]:
    """Set the first teacher passphrase of this laptop (creates the class recovery key)."""
    return ctx.runner.submit("db", lambda: TeacherPassphrase(ctx.profiles).set_first(passphrase),
                             parent=parent, on_success=lambda _key: on_done(),
                             on_error=on_error)
