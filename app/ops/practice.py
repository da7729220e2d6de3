"""Operations for the Practice, Home and Progress screens.

- :func:`check_answer` grades on the ``inference`` lane when the embedding model is
  needed (short text), otherwise straight on the ``db`` lane, then records the answer in
  the encrypted profile and updates the learner model there.
- :func:`hint` is the one place that produces a practice hint (the authored ladder now;
  the tutor's ``Tutor.hint`` can replace its body without touching the screen).
- :func:`load_snapshot` computes Home's and Progress's data on the ``db`` lane.

Results come back on the GUI thread, only while ``parent`` exists. Learners' answers are
private: nothing here logs them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from PySide6.QtCore import QObject

from app.core.content.model import Pack, Question
from app.core.learner import journal
from app.core.learner.activities import Recommendation
from app.core.learner.answers import Answer, answer_text, grade_answer, needs_embedder
from app.core.learner.grading import Grade
from app.core.learner.model import LearnerModel
from app.core.learner.progress import ProgressData
from app.core.learner.reviews import Reviews
from app.core.tutor.feedback import Feedback, wrong_answer_feedback
from app.core.tutor.hints import LEVEL_NAMES, HintRequest, authored_hint, hint_level
from app.core.tutor.policy import AIPolicy
from app.messages import QT_TRANSLATE_NOOP
from app.ops.context import AppContext
from app.store import Profile, StoreError
from inference.cancel import CancelToken
from inference.errors import InferenceError

OnError = Callable[[Exception], None]
Snapshot = tuple[ProgressData, list[Recommendation]]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attempt:
    """One press of Check: the question, what was entered, and the context around it."""

    pack: Pack
    question: Question
    answer: Answer
    wrong_attempts: int  # on this question before this answer
    hints_used: int
    time_taken_s: float


@dataclass(frozen=True)
class Checked:
    """The outcome shown to the learner. ``feedback`` is set for a wrong answer only."""

    grade: Grade
    feedback: Feedback | None
    mastery: float
    counted: bool


@dataclass(frozen=True)
class Hint:
    text: str
    level: int  # 0 nudge, 1 scaffold, 2 worked step

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]


def _profile(ctx: AppContext) -> Profile:
    if ctx.profile is None:
        raise StoreError(QT_TRANSLATE_NOOP(
            "StoreError", "Nobody is signed in, so this answer could not be saved."),
            hint=QT_TRANSLATE_NOOP("StoreError", "Sign in, then try the question again."))
    return ctx.profile


def _model() -> LearnerModel:
    # Plain BKT with defaults until a teacher refits the class model.
    return LearnerModel({})


def _record(ctx: AppContext, attempt: Attempt, grade: Grade) -> Checked:
    """Runs on the db lane."""
    question, language = attempt.question, attempt.pack.info.language
    text = answer_text(question, attempt.answer)
    recorded = journal.record_answer(
        _profile(ctx), question=question, answer=text, grade=grade,
        hints_used=attempt.hints_used, time_taken_s=attempt.time_taken_s,
        now=datetime.now(timezone.utc), model=_model(), reviews=Reviews())
    feedback = None
    if recorded.counted and not grade.correct:
        policy = AIPolicy()
        feedback = wrong_answer_feedback(
            question, text, may_reveal=policy.may_reveal(attempt.wrong_attempts + 1),
            language=language)
    return Checked(grade, feedback, recorded.mastery, recorded.counted)


def check_answer(*, parent: QObject, ctx: AppContext, attempt: Attempt,
                 on_done: Callable[[Checked], None], on_error: OnError) -> None:
    """Grade, store and give feedback on ``attempt`` (see the module docstring)."""
    language = attempt.pack.info.language

    def record(grade: Grade) -> None:
        ctx.runner.submit("db", lambda: _record(ctx, attempt, grade), parent=parent,
                          on_success=on_done, on_error=on_error)

    if not needs_embedder(attempt.question):
        record(grade_answer(attempt.question, attempt.answer, language=language))
        return

    def grade_text() -> None:
        grade = grade_answer(attempt.question, attempt.answer, language=language,
                             embedder=ctx.models.embed())
        record(grade)  # queue the db work straight from the inference lane

    ctx.runner.submit("inference", grade_text, parent=parent, on_error=on_error)


def hint(*, parent: QObject, ctx: AppContext, pack: Pack, question: Question,
         wrong_attempts: int, hints_shown: int, on_done: Callable[[Hint], None],
         on_error: OnError) -> None:
    """The next hint for ``question``; its level follows mastery and attempts.

    The mastery is read on the db lane; the tutor then rephrases the authored hint on the
    inference lane under the Socratic guard (``Tutor.hint``). While the models are not
    available the authored ladder alone is used.
    """

    def read_mastery() -> float:
        return journal.skill_mastery(_profile(ctx), question.skill, _model())

    def ask_tutor(mastery: float) -> None:
        request = HintRequest(question, mastery, wrong_attempts, hints_shown)
        ctx.runner.submit("inference", lambda: _tutor_hint(ctx, pack, request),
                          parent=parent, on_success=on_done, on_error=on_error)

    ctx.runner.submit("db", read_mastery, parent=parent, on_success=ask_tutor,
                      on_error=on_error)


def _tutor_hint(ctx: AppContext, pack: Pack, request: HintRequest) -> Hint:
    try:
        tutor = ctx.tutor.tutor(ctx.models)
    except InferenceError as exc:  # no model: the teacher's own hints still work
        log.info("hint without the model (%s)", exc)
        level = hint_level(request)
        return Hint(authored_hint(request.question, level, language=pack.info.language), level)
    setting = ctx.tutor.setting(pack, ctx.models, ctx.settings.ai_policy.to_policy(),
                                cancel=CancelToken(), open_lesson=request.question.lesson)
    given = tutor.hint(request, setting)
    return Hint(given.text, given.level)


def load_snapshot(*, parent: QObject, ctx: AppContext, pack: Pack,
                  on_done: Callable[[Snapshot], None], on_error: OnError) -> None:
    """Progress figures and today's recommendations for ``pack``."""

    def work() -> Snapshot:
        return journal.snapshot(_profile(ctx), pack, model=_model(), reviews=Reviews(),
                                now=datetime.now(timezone.utc),
                                today=datetime.now().astimezone().date())

    ctx.runner.submit("db", work, parent=parent, on_success=on_done, on_error=on_error)
