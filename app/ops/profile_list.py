"""The sign-in screen's list of profiles, read on the "db" lane.

Its own module because the first window imports it: :mod:`app.ops.profiles` (signing
in, creating, recovering) imports the store's heavier modules, which are not needed to
show who is on this computer.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from app.ops.context import AppContext
    from app.store.roster import ProfileCard


def list_profiles(*, parent: QObject, ctx: AppContext,
                  on_done: Callable[[list[ProfileCard]], None],
                  on_error: Callable[[Exception], None]) -> Future[Any]:
    """The profiles sorted by name (:meth:`AppContext.profile_list`), to ``on_done``."""
    return ctx.runner.submit("db", ctx.profile_list, parent=parent, on_success=on_done,
                             on_error=on_error)
