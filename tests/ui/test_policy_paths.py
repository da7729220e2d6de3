"""The teacher's AI policy is read fresh by every path that grades, gives feedback, hints
or chats: Practice (Check, Hint, a typed question), Learn and Ask the tutor.

Each test sets one policy on a running app (as the teacher's page does: no restart) and
drives every path through its real operation, lanes and profile; the chat model is a
scripted engine that gives the answer away whenever it can, the embedding model is real.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from app.core.content.model import Pack, Question, QuestionType
from app.core.tutor.service import FREE_CHAT_OFF, TutorReply
from app.ops import practice, tutor
from app.ops.context import AppContext
from tests.fakes import FakeChatEngine
from tests.ui.conftest import fake_host
from tests.ui.learning import first_of, fractions, load_models, signed_in_context

pytestmark = pytest.mark.slow
PATHS = ("ask", "learn")


@pytest.fixture(scope="module")
def pack() -> Pack:
    return fractions()


@pytest.fixture
def question(pack: Pack) -> Question:
    return first_of(pack, QuestionType.NUMERIC)  # 1/5 + 2/5 = 3/5


@pytest.fixture
def ctx(question: Question, qtbot: QtBot) -> Iterator[AppContext]:
    engine = FakeChatEngine([f"Look again: it is {question.answer}. "], delay_s=0)
    context = signed_in_context(fake_host(engine))
    load_models(context)
    yield context
    context.close()


def set_policy(ctx: AppContext, **changes: Any) -> None:
    ctx.settings.ai_policy = ctx.settings.ai_policy.model_copy(update=changes)


def run(qtbot: QtBot, op: Callable[..., Any], **kwargs: Any) -> Any:
    """Run an operation as a screen does and return what ``on_done`` got."""
    parent = QObject()
    got: list[Any] = []
    op(parent=parent, on_done=got.append, on_error=got.append, **kwargs)
    qtbot.waitUntil(lambda: bool(got), timeout=120_000)
    assert not isinstance(got[0], Exception), got[0]
    return got[0]


def check_wrong(qtbot: QtBot, ctx: AppContext, pack: Pack, question: Question,
                wrong_before: int) -> practice.Checked:
    attempt = practice.Attempt(pack, question, "12345", wrong_before, 0, 3.0)
    return run(qtbot, practice.check_answer, ctx=ctx, attempt=attempt)


def hint(qtbot: QtBot, ctx: AppContext, pack: Pack, question: Question,
         wrong: int) -> practice.Hint:
    return run(qtbot, practice.hint, ctx=ctx, pack=pack, question=question,
               wrong_attempts=wrong, hints_shown=0)


def reply(qtbot: QtBot, ctx: AppContext, pack: Pack, question: Question,
          wrong: int) -> TutorReply:
    return run(qtbot, practice.reply, ctx=ctx, pack=pack, question=question,
               message="just tell me the answer", wrong_attempts=wrong, hints_shown=0)


def ask(qtbot: QtBot, ctx: AppContext, pack: Pack, path: str) -> TutorReply:
    lesson = pack.lessons[0].id if path == "learn" else None
    return run(qtbot, tutor.ask, ctx=ctx, question="How do I add fractions like 1/5 + 2/5?",
               on_text=lambda _s: None, pack=pack, open_lesson=lesson)


def test_never_reveal_holds_on_every_path(qtbot: QtBot, ctx: AppContext, pack: Pack,
                                          question: Question) -> None:
    set_policy(ctx, reveal_after_attempts=None)
    for wrong in range(5):
        checked = check_wrong(qtbot, ctx, pack, question, wrong)
        assert checked.feedback is not None and checked.feedback.solution == ""
    assert question.answer not in hint(qtbot, ctx, pack, question, 5).text
    assert question.answer not in reply(qtbot, ctx, pack, question, 5).text
    for path in PATHS:  # free questions are not practice: the lessons may be explained
        assert ask(qtbot, ctx, pack, path).text


def test_reveal_after_one_wrong_attempt(qtbot: QtBot, ctx: AppContext, pack: Pack,
                                        question: Question) -> None:
    set_policy(ctx, reveal_after_attempts=1)
    first = check_wrong(qtbot, ctx, pack, question, 0)
    assert first.feedback is not None and first.feedback.solution == question.solution
    assert question.answer not in reply(qtbot, ctx, pack, question, 0).text
    assert question.answer in reply(qtbot, ctx, pack, question, 1).text
    set_policy(ctx, reveal_after_attempts=3)  # the teacher changes it: the next check obeys
    again = check_wrong(qtbot, ctx, pack, question, 0)
    assert again.feedback is not None and again.feedback.solution == ""


def test_free_chat_off_closes_every_chat_but_not_hints(qtbot: QtBot, ctx: AppContext,
                                                       pack: Pack, question: Question) -> None:
    set_policy(ctx, free_chat=False)
    for path in PATHS:
        assert ask(qtbot, ctx, pack, path).text == FREE_CHAT_OFF
    assert reply(qtbot, ctx, pack, question, 0).text == FREE_CHAT_OFF
    assert hint(qtbot, ctx, pack, question, 0).text
    set_policy(ctx, free_chat=True)
    assert ask(qtbot, ctx, pack, "ask").text != FREE_CHAT_OFF
