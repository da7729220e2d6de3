"""Operation: a lesson's five-point summary, written on the inference lane and cancellable.

Cached per pack version, lesson, chat model and prompt version
(:mod:`app.core.tutor.summary`), so pressing Summary again, or on the next day, is
instant; every bullet has passed the tutor's safety filter.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from app.core.content.model import Lesson, Pack
from app.core.tutor.summary import summarise
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from inference.cancel import CancelToken


def model_key(ctx: AppContext) -> str:
    """What identifies the chat model's output: its file's sha256, or the school server."""
    if ctx.settings.tutor_backend == "lan" and ctx.settings.lan_server_url.strip():
        return f"lan|{ctx.settings.lan_server_url.strip()}|{ctx.settings.lan_server_model}"
    return ctx.models.status("chat").spec.file(".gguf").sha256


def summarise_lesson(*, parent: QObject, ctx: AppContext, pack: Pack, lesson: Lesson,
                     on_done: Callable[[list[str]], None],
                     on_error: Callable[[Exception], None],
                     on_cancel: Callable[[], None]) -> TaskHandle:
    """Five checked bullet points for ``lesson``; waits behind a model load if one runs."""
    cancel = CancelToken()
    key = model_key(ctx)

    def work() -> list[str]:
        cancel.raise_if_cancelled()
        return summarise(pack, lesson, chat=ctx.models.chat(),
                         safety=ctx.tutor.safety(ctx.models), model_sha256=key,
                         cache_dir=ctx.paths.cache, cancel=cancel)

    future = ctx.runner.submit("inference", work, parent=parent, on_success=on_done,
                               on_error=on_error, on_cancel=on_cancel)
    return TaskHandle(cancel, future)
