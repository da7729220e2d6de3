"""Operations for the Practice, Home and Progress screens.

- :func:`check_answer` grades on the ``inference`` lane when the embedding model is
  needed (short text), otherwise straight on the ``db`` lane, then records the answer in
  the encrypted profile and updates the learner model there.
- :func:`hint` is the one place that produces a practice hint (``Tutor.hint``: the
  authored ladder, rephrased by the model under the Socratic guard); :func:`reply`
  answers what the learner types beside a question (``Tutor.practice_reply``). Both can
  be stopped through the :class:`TaskHandle` they return.
- :func:`load_snapshot` computes Home's and Progress's data on the ``db`` lane.
- :func:`claim_answers` hands answers stored before packs were told apart to their pack;
  :func:`load_subject` / :func:`remember_subject` keep the learner's last subject in the
  encrypted profile. All three run on the ``db`` lane, in the order submitted, so a
  snapshot queued after them sees their result.

Results come back on the GUI thread, only while ``parent`` exists. Learners' answers are
private: nothing here logs them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TypeVar

from PySide6.QtCore import QObject

from app.core.content.model import Pack, Question
from app.core.learner import journal
from app.core.learner.activities import Recommendation
from app.core.learner.answers import Answer, answer_text, grade_answer, needs_embedder
from app.core.learner.claim import claim_attempts
from app.core.learner.grading import Grade
from app.core.learner.model import LearnerModel
from app.core.learner.progress import ProgressData
from app.core.learner.reviews import Reviews
from app.core.learner.text_grading import load_calibration
from app.core.tutor.feedback import Feedback, wrong_answer_feedback
from app.core.tutor.hints import LEVEL_NAMES, HintRequest, authored_hint, hint_level
from app.core.tutor.service import Setting, TutorReply
from app.messages import QT_TRANSLATE_NOOP
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from app.store import Profile, StoreError
from inference.cancel import CancelToken
from inference.errors import InferenceError

OnError = Callable[[Exception], None]
T = TypeVar("T")
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
    stopped: bool = False  # the learner pressed Stop: no hint was shown

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]

    @property
    def levels(self) -> int:
        return len(LEVEL_NAMES)


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
        _profile(ctx), pack_id=attempt.pack.info.id, question=question, answer=text,
        grade=grade,
        hints_used=attempt.hints_used, time_taken_s=attempt.time_taken_s,
        now=datetime.now(timezone.utc), model=_model(), reviews=Reviews())
    feedback = None
    if recorded.counted and not grade.correct:
        policy = ctx.policy()  # the teacher's, read now: never a copy of the defaults
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
        # The grader's weights are fitted per embedding model (grading_eval --calibrate).
        calibration = load_calibration(ctx.models.status("embed").spec.id)
        grade = grade_answer(attempt.question, attempt.answer, language=language,
                             embedder=ctx.models.embed(), calibration=calibration)
        record(grade)  # queue the db work straight from the inference lane

    ctx.runner.submit("inference", grade_text, parent=parent, on_error=on_error)


def hint(*, parent: QObject, ctx: AppContext, pack: Pack, question: Question,
         wrong_attempts: int, hints_shown: int, on_done: Callable[[Hint], None],
         on_error: OnError) -> TaskHandle:
    """The next hint for ``question``; its level follows mastery and attempts.

    The mastery is read on the db lane; the tutor then rephrases the authored hint on the
    inference lane under the Socratic guard (``Tutor.hint``). While the models are not
    available the authored ladder alone is used. After a stop ``on_done`` receives a
    hint with ``stopped`` set and no text (a stop is not an error).
    """
    cancel = CancelToken()

    def work(mastery: float) -> Hint:
        cancel.raise_if_cancelled()
        request = HintRequest(question, mastery, wrong_attempts, hints_shown)
        return _tutor_hint(ctx, pack, request, cancel)

    future = _after_mastery(ctx, parent, pack, question, work, on_done=on_done,
                            on_error=on_error,
                            on_cancel=lambda: on_done(Hint("", 0, stopped=True)))
    return TaskHandle(cancel, future)


def _tutor_hint(ctx: AppContext, pack: Pack, request: HintRequest, cancel: CancelToken) -> Hint:
    try:
        tutor = ctx.tutor.tutor(ctx.models)
    except InferenceError as exc:  # no model: the teacher's own hints still work
        log.info("hint without the model (%s)", exc)
        level = hint_level(request)
        return Hint(authored_hint(request.question, level, language=pack.info.language), level)
    given = tutor.hint(request, _setting(ctx, pack, request.question, cancel), cancel=cancel)
    cancel.raise_if_cancelled()  # stopped mid-way: the fallback text is not what was asked
    return Hint(given.text, given.level)


def reply(*, parent: QObject, ctx: AppContext, pack: Pack, question: Question, message: str,
          wrong_attempts: int, hints_shown: int, on_done: Callable[[TutorReply], None],
          on_error: OnError) -> TaskHandle:
    """The tutor's reply to ``message``, typed by the learner while practising ``question``.

    Same lanes as :func:`hint`; the reply comes from ``Tutor.practice_reply``, under the
    Socratic guard: it never contains the answer (until the teacher's policy allows it),
    and with free chat off it is the "your teacher turned this off" message. It arrives
    whole (the guard must see all of it first). After a stop ``on_done`` receives an empty
    reply.
    """
    cancel = CancelToken()

    def work(mastery: float) -> TutorReply:
        cancel.raise_if_cancelled()
        tutor = ctx.tutor.tutor(ctx.models)
        request = HintRequest(question, mastery, wrong_attempts, hints_shown)
        given = tutor.practice_reply(message, request, _setting(ctx, pack, question, cancel),
                                     cancel=cancel)
        cancel.raise_if_cancelled()
        return given

    future = _after_mastery(ctx, parent, pack, question, work, on_done=on_done,
                            on_error=on_error, on_cancel=lambda: on_done(TutorReply("")))
    return TaskHandle(cancel, future)


def _setting(ctx: AppContext, pack: Pack, question: Question, cancel: CancelToken) -> Setting:
    return ctx.tutor.setting(pack, ctx.models, ctx.policy(),
                             cancel=cancel, open_lesson=question.lesson, learner=ctx.learner)


def _after_mastery(ctx: AppContext, parent: QObject, pack: Pack, question: Question,
                   work: Callable[[float], T], *, on_done: Callable[[T], None],
                   on_error: OnError, on_cancel: Callable[[], None]) -> Future[None]:
    """Read the question's skill mastery on the db lane, then run ``work(mastery)`` on the
    inference lane. The returned future is done once the outcome was delivered."""
    finished: Future[None] = Future()

    def ending(callback: Callable[..., None]) -> Callable[..., None]:
        def call(*args: object) -> None:
            finished.set_result(None)
            callback(*args)
        return call

    def read_mastery() -> float:
        return journal.skill_mastery(_profile(ctx), pack.info.id, question.skill, _model())

    def then(mastery: float) -> None:
        ctx.runner.submit("inference", lambda: work(mastery), parent=parent,
                          on_success=ending(on_done), on_error=ending(on_error),
                          on_cancel=ending(on_cancel))

    ctx.runner.submit("db", read_mastery, parent=parent, on_success=then,
                      on_error=ending(on_error))
    return finished


def load_snapshot(*, parent: QObject, ctx: AppContext, pack: Pack,
                  on_done: Callable[[Snapshot], None], on_error: OnError) -> None:
    """Progress figures and today's recommendations for ``pack``."""

    def work() -> Snapshot:
        return journal.snapshot(_profile(ctx), pack, model=_model(), reviews=Reviews(),
                                now=datetime.now(timezone.utc),
                                today=datetime.now().astimezone().date())

    ctx.runner.submit("db", work, parent=parent, on_success=on_done, on_error=on_error)


def claim_answers(*, parent: QObject, ctx: AppContext, packs: Sequence[Pack]) -> None:
    """Give answers from before schema v3 their pack (see :mod:`app.core.learner.claim`).

    A failure only postpones it to the next sign-in: the answers stay where they are.
    """
    chosen = tuple(packs)

    def work() -> int:
        return claim_attempts(ctx.profile, chosen) if ctx.profile is not None else 0

    ctx.runner.submit("db", work, parent=parent,
                      on_error=lambda exc: log.warning("answers not yet given their pack: %s",
                                                       exc))


def load_subject(*, parent: QObject, ctx: AppContext,
                 on_done: Callable[[str | None], None]) -> None:
    """The pack id of the learner's last subject (None: never chosen, or unreadable)."""
    ctx.runner.submit("db", lambda: _profile(ctx).last_subject(), parent=parent,
                      on_success=on_done, on_error=lambda exc: on_done(None))


def remember_subject(*, parent: QObject, ctx: AppContext, pack_id: str) -> None:
    """Store the learner's chosen subject; not being able to is not worth a dialog."""
    ctx.runner.submit("db", lambda: _profile(ctx).set_last_subject(pack_id), parent=parent,
                      on_error=lambda exc: log.info("subject not remembered: %s", exc))
