"""Operation: ask the tutor; the answer streams back as it is written and can be stopped.

The work runs on the inference lane: build (or load) the subject's search index, ground
the question, stream the checked sentences, then hand the cited reply to ``on_done``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from app.core.content.model import Pack
from app.core.tutor.conversation import Conversation
from app.core.tutor.safe_stream import Streamed
from app.core.tutor.service import TutorReply
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from inference.cancel import CancelToken
from inference.params import GenerationParams


def ask(*, parent: QObject, ctx: AppContext, question: str,
        on_text: Callable[[Streamed], None], on_done: Callable[[TutorReply], None],
        on_error: Callable[[Exception], None], open_lesson: str | None = None,
        pack: Pack | None = None, conversation: Conversation | None = None,
        params: GenerationParams | None = None) -> TaskHandle:
    """Answer ``question`` from ``pack``'s lessons (default: the current subject's).

    ``on_text`` receives the sentence being written as it comes and each sentence once
    it passed the checks (:class:`Streamed`, at most ten a second); ``on_done`` the
    final reply (with citations), also after a stop (a stop is not an error). If the
    models are still loading, the question waits in the inference lane behind them.
    ``open_lesson`` is the lesson on screen: retrieval prefers its passages.
    ``conversation`` is the history the question continues (default: the Ask-the-tutor
    page's, ``ctx.conversation``); it is mutated on the inference lane only.
    """
    cancel = CancelToken()
    pack = pack or ctx.subject
    history = conversation if conversation is not None else ctx.conversation
    policy = ctx.policy()

    def emit(update: Streamed) -> None:
        ctx.runner.post(lambda: on_text(update), parent=parent)

    def work() -> TutorReply:
        cancel.raise_if_cancelled()
        tutor = ctx.tutor.tutor(ctx.models)
        setting = ctx.tutor.setting(pack, ctx.models, policy, cancel=cancel,
                                    open_lesson=open_lesson, learner=ctx.learner,
                                    params=params)
        return tutor.answer(question, setting, history, emit=emit, cancel=cancel)

    future = ctx.runner.submit("inference", work, parent=parent, on_success=on_done,
                               on_error=on_error,
                               on_cancel=lambda: on_done(TutorReply("")))
    return TaskHandle(cancel, future)
