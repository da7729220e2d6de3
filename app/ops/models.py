"""Operation: load the models in the background, with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from inference.cancel import CancelToken


def load_models(*, parent: QObject, ctx: AppContext,
                on_progress: Callable[[str, float], None],
                on_done: Callable[[], None],
                on_error: Callable[[Exception], None]) -> TaskHandle:
    """Load the chat and embedding models on the inference lane.

    Per-model failures are recorded in ``ctx.models`` (the app stays usable and shows
    them); ``on_error`` only sees unexpected failures.
    """
    cancel = CancelToken()

    def report(message: str, fraction: float) -> None:
        ctx.runner.post(lambda: on_progress(message, fraction), parent=parent)

    future = ctx.runner.submit(
        "inference", lambda: ctx.models.load_all(report, cancel), parent=parent,
        on_success=lambda _none: on_done(), on_error=on_error, on_cancel=on_done)
    return TaskHandle(cancel, future)
