"""The Practice screen on real widgets, a real AppContext, real profile and real packs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QRadioButton
from pytestqt.qtbot import QtBot

from app.core.content.model import Pack, QuestionType
from app.ops.context import AppContext
from app.ui.practice.inputs import ChoiceInput, TextInput, TrueFalseInput
from app.ui.practice.page import PracticePage, pick_questions
from tests.fakes import FakeChatEngine
from tests.ui.conftest import fake_host
from tests.ui.learning import (
    attempts,
    first_of,
    fractions,
    load_models,
    signed_in_context,
)


@pytest.fixture
def ctx(qtbot: QtBot) -> Iterator[AppContext]:
    context = signed_in_context()
    yield context
    context.close()


@pytest.fixture(scope="module")
def pack() -> Pack:
    return fractions()


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> PracticePage:
    widget = PracticePage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def start_at(page: PracticePage, pack: Pack, kind: QuestionType) -> None:
    question = first_of(pack, kind)
    page.start(pack, skill_id=question.skill)
    page.index = page.questions.index(question)
    page._show_question()


def check(page: PracticePage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.feedback_shown, timeout=20_000):
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)


def test_nothing_to_practise_says_where_to_start(page: PracticePage) -> None:
    assert "Home" in page.prompt.text() and not page.check_button.isEnabled()


def test_each_question_type_gets_a_suitable_input(page: PracticePage, pack: Pack) -> None:
    expected = {QuestionType.MULTIPLE_CHOICE: (ChoiceInput, QRadioButton),
                QuestionType.MULTIPLE_ANSWER: (ChoiceInput, QCheckBox),
                QuestionType.TRUE_FALSE: (TrueFalseInput, None),
                QuestionType.NUMERIC: (TextInput, None),
                QuestionType.SHORT_TEXT: (TextInput, None)}
    for kind, (widget, button) in expected.items():
        start_at(page, pack, kind)
        assert isinstance(page.input, widget), kind
        if button is not None:
            assert page.input.findChildren(button), kind


def test_wrong_numeric_answer_gets_feedback_then_a_hint_then_right(
        page: PracticePage, pack: Pack, ctx: AppContext, qtbot: QtBot) -> None:
    start_at(page, pack, QuestionType.NUMERIC)
    question = page.question
    assert question is not None and isinstance(page.input, TextInput)
    qtbot.keyClicks(page.input.edit, "12345")
    check(page, qtbot)
    assert page.feedback.property("verdict") == "incorrect" and page.feedback.text()
    with qtbot.waitSignal(page.hint_shown, timeout=10_000):
        qtbot.mouseClick(page.hint_button, Qt.MouseButton.LeftButton)
    assert page.hint.text().startswith("Hint:")
    assert any(hint in page.hint.text() for hint in question.hints)
    page.input.edit.setText(question.answer)
    check(page, qtbot)
    assert page.feedback.property("verdict") == "correct"
    assert attempts(ctx) == [(question.id, False), (question.id, True)]


def test_unreadable_number_explains_and_is_not_counted(
        page: PracticePage, pack: Pack, ctx: AppContext, qtbot: QtBot) -> None:
    start_at(page, pack, QuestionType.NUMERIC)
    assert isinstance(page.input, TextInput)
    qtbot.keyClicks(page.input.edit, "a banana")
    check(page, qtbot)
    assert page.feedback.property("verdict") == "unreadable"
    assert page.feedback.text() and page.input.edit.text() == "a banana"
    assert attempts(ctx) == []


def test_true_false_and_choices_are_recorded(page: PracticePage, pack: Pack,
                                             ctx: AppContext, qtbot: QtBot) -> None:
    start_at(page, pack, QuestionType.TRUE_FALSE)
    assert isinstance(page.input, TrueFalseInput)
    truth = page.question.answer == "true"  # type: ignore[union-attr]
    qtbot.mouseClick(page.input.true_button if truth else page.input.false_button,
                     Qt.MouseButton.LeftButton)
    check(page, qtbot)
    assert page.feedback.property("verdict") == "correct"
    start_at(page, pack, QuestionType.MULTIPLE_ANSWER)
    assert isinstance(page.input, ChoiceInput)
    page.input.buttons[0].setChecked(True)
    check(page, qtbot)
    assert page.feedback.property("verdict") in {"correct", "incorrect"}
    assert len(attempts(ctx)) == 2


@pytest.mark.slow
def test_short_text_is_graded_with_the_real_embedding_model(pack: Pack, qtbot: QtBot) -> None:
    ctx = signed_in_context(fake_host(FakeChatEngine()))
    try:
        load_models(ctx)
        page = PracticePage(ctx)
        qtbot.addWidget(page)
        page.show()
        short_text_round(page, pack, qtbot)
    finally:
        ctx.close()


def short_text_round(page: PracticePage, pack: Pack, qtbot: QtBot) -> None:
    start_at(page, pack, QuestionType.SHORT_TEXT)
    question = page.question
    assert question is not None and isinstance(page.input, TextInput)
    qtbot.keyClicks(page.input.edit, question.answers[0])
    with qtbot.waitSignal(page.feedback_shown, timeout=60_000):
        qtbot.keyClick(page.input.edit, Qt.Key.Key_Return)
    assert page.feedback.property("verdict") == "correct"


def test_questions_follow_the_lesson_easiest_first(pack: Pack) -> None:
    lesson = pack.lessons[0]
    questions = pick_questions(pack, lesson_id=lesson.id)
    assert questions and all(q.skill in lesson.skills or q.lesson == lesson.id
                             for q in questions)
    assert [q.difficulty for q in questions] == sorted(q.difficulty for q in questions)
