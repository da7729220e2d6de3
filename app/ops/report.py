"""Operation: the "Report for my teacher" — figures on the db lane, comment on inference.

The figures come from the signed-in profile (``db`` lane); the comment is then written
by the chat model from those figures and checked (safety filter, no invented numbers),
else by Lantern itself (:func:`app.core.tutor.comments.checked_comment`). Stop cancels
the model's part. Nothing is stored: the report lives in the dialog until the learner
saves it to a file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QObject

from app.core.content.model import Pack
from app.core.learner.model import LearnerModel
from app.core.learner.report import TeacherReport, build_report, figures_text
from app.core.tutor.comments import checked_comment
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from app.ops.learner import signed_in_profile
from inference.cancel import CancelToken

OnError = Callable[[Exception], None]


def teacher_report(*, parent: QObject, ctx: AppContext, pack: Pack,
                   on_done: Callable[[TeacherReport], None], on_error: OnError,
                   on_cancel: Callable[[], None]) -> TaskHandle:
    cancel = CancelToken()

    def figures() -> TeacherReport:
        profile = signed_in_profile(ctx)
        nickname = ctx.profiles.index.get(profile.id).nickname
        return build_report(profile, pack, learner=nickname, model=LearnerModel({}),
                            now=datetime.now(timezone.utc),
                            today=datetime.now().astimezone().date())

    def comment(report: TeacherReport) -> TeacherReport:
        said = checked_comment(report.learner, report.skill_reports(), figures_text(report),
                               language=report.language, chat=ctx.models.chat,
                               safety=lambda: ctx.tutor.safety(ctx.models), cancel=cancel)
        return report.with_comment(said.text, by_model=said.by_model)

    def then(report: TeacherReport) -> None:
        if cancel.cancelled:
            on_cancel()
            return
        ctx.runner.submit("inference", lambda: comment(report), parent=parent,
                          on_success=on_done, on_error=on_error, on_cancel=on_cancel)

    future = ctx.runner.submit("db", figures, parent=parent, on_success=then,
                               on_error=on_error)
    return TaskHandle(cancel, future)
