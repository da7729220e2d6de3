"""Operations for teacher mode: add a model file, switch versions, roll back.

The work is :mod:`inference.sideload` and :mod:`inference.versions`; these run it on the
io lane (copying and hashing a large file must not freeze the window) with progress and
cancel, and report on the GUI thread. A switch applies at the next start; it is signed
into the teacher settings at once (teacher mode is unlocked), or the next start would
refuse it as a switch made behind the teacher's back (:mod:`app.teacher_settings`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from inference.cancel import CancelToken
from inference.registry import ModelSpec, Role
from inference.sideload import add_model
from inference.versions import Catalog, full_registry


def add_model_file(*, parent: QObject, ctx: AppContext, path: Path,
                   on_progress: Callable[[str, float], None],
                   on_done: Callable[[ModelSpec], None],
                   on_error: Callable[[Exception], None],
                   on_cancel: Callable[[], None]) -> TaskHandle:
    """Check, copy, try and register ``path`` as a new version (see ``add_model``)."""
    cancel = CancelToken()

    def report(message: str, fraction: float) -> None:
        ctx.runner.post(lambda: on_progress(message, fraction), parent=parent)

    future = ctx.runner.submit("io", lambda: add_model(path, progress=report, cancel=cancel),
                               parent=parent, on_success=on_done, on_error=on_error,
                               on_cancel=on_cancel)
    return TaskHandle(cancel, future)


def list_models(*, parent: QObject, ctx: AppContext, role: Role,
                on_done: Callable[[tuple[list[ModelSpec], str]], None]) -> None:
    """The models for ``role`` and the id of the active one."""

    def work() -> tuple[list[ModelSpec], str]:
        catalog = Catalog.load()
        registry = full_registry(catalog)
        return ([m for m in registry.models if m.role == role],
                catalog.active_id(role, registry))

    ctx.runner.submit("io", work, parent=parent, on_success=on_done)


def use_model(*, parent: QObject, ctx: AppContext, model_id: str,
              on_done: Callable[[str], None], on_error: Callable[[Exception], None]) -> None:
    def work() -> str:
        catalog = Catalog.load()
        registry = full_registry(catalog)
        catalog.use(registry.get(model_id), registry)
        catalog.save()
        ctx.save_settings()  # signs the new choice
        return model_id

    ctx.runner.submit("io", work, parent=parent, on_success=on_done, on_error=on_error)


def roll_back(*, parent: QObject, ctx: AppContext, role: Role,
              on_done: Callable[[str], None], on_error: Callable[[Exception], None]) -> None:
    def work() -> str:
        catalog = Catalog.load()
        model_id = catalog.rollback(role, full_registry(catalog))
        catalog.save()
        ctx.save_settings()  # signs the new choice
        return model_id

    ctx.runner.submit("io", work, parent=parent, on_success=on_done, on_error=on_error)
