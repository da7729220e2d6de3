"""Operation: ask the tutor; the answer streams back in batches and can be stopped."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from app.core.streaming import relay_batched
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from inference.cancel import CancelToken
from inference.params import GenerationParams


def ask(*, parent: QObject, ctx: AppContext, question: str,
        on_text: Callable[[str], None], on_done: Callable[[str], None],
        on_error: Callable[[Exception], None],
        params: GenerationParams | None = None) -> TaskHandle:
    """Stream the tutor's answer to ``question``.

    ``on_text`` receives batches of new text (at most every 30 ms); ``on_done`` the whole
    answer, also after a stop (a stop is not an error). If the models are still loading,
    the question waits in the inference lane and starts as soon as they are ready.
    """
    cancel = CancelToken()

    def work() -> str:
        cancel.raise_if_cancelled()
        engine = ctx.models.chat()
        pieces = ctx.conversation.stream_reply(engine, question, params=params, cancel=cancel)
        return relay_batched(pieces, lambda text: ctx.runner.post(
            lambda: on_text(text), parent=parent))

    future = ctx.runner.submit("inference", work, parent=parent,
                               on_success=on_done, on_error=on_error,
                               on_cancel=lambda: on_done(""))
    return TaskHandle(cancel, future)
