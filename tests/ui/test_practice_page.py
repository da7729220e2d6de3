"""The Practice screen on real widgets, a real AppContext, real profile and real packs."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QRadioButton
from pytestqt.qtbot import QtBot

from app.core.content.model import Pack, QuestionType
from app.core.learner import journal
from app.core.learner.model import LearnerModel
from app.core.tutor.hints import HintRequest, hint_level
from app.core.tutor.socratic import answer_key, find_reveal
from app.ops.context import AppContext
from app.ui.practice.inputs import ChoiceInput, TextInput, TrueFalseInput
from app.ui.practice.page import PracticePage, pick_questions
from app.ui.tutor.chat_model import ChatMessage, Sender
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
    hint = page.tutor.model.message(0)
    assert hint.label.startswith("Hint ") and hint.text in question.hints
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
@contextlib.contextmanager
def page_with_models(engine: FakeChatEngine, qtbot: QtBot) -> Iterator[PracticePage]:
    """A shown page over a signed-in context whose models are loaded (``engine`` chats)."""
    ctx = signed_in_context(fake_host(engine))
    try:
        load_models(ctx)
        page = PracticePage(ctx)
        qtbot.addWidget(page)
        page.show()
        yield page
    finally:
        ctx.close()


def test_short_text_is_graded_with_the_real_embedding_model(pack: Pack, qtbot: QtBot) -> None:
    with page_with_models(FakeChatEngine(), qtbot) as page:
        short_text_round(page, pack, qtbot)


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


def mastery(ctx: AppContext, skill: str, pack_id: str = "fractions") -> float:
    """The skill's mastery as the hint ladder reads it (on the db lane)."""
    found: list[float] = []

    def read() -> None:
        assert ctx.profile is not None
        found.append(journal.skill_mastery(ctx.profile, pack_id, skill, LearnerModel({})))

    ctx.runner.submit("db", read).result(timeout=30)
    return found[0]


def press_hint(page: PracticePage, qtbot: QtBot) -> ChatMessage:
    with qtbot.waitSignal(page.hint_shown, timeout=20_000):
        qtbot.mouseClick(page.hint_button, Qt.MouseButton.LeftButton)
        assert page.tutor.busy and not page.hint_button.isEnabled()  # "Thinking…"
    model = page.tutor.model
    return model.message(model.rowCount() - 1)


def test_hints_appear_in_the_tutor_panel_at_the_ladders_level(
        page: PracticePage, pack: Pack, ctx: AppContext, qtbot: QtBot) -> None:
    start_at(page, pack, QuestionType.NUMERIC)
    question = page.question
    assert question is not None and len(question.hints) == 3
    level = hint_level(HintRequest(question, mastery(ctx, question.skill), 0, 0))
    names = ("nudge", "scaffold", "worked step")
    first = press_hint(page, qtbot)
    assert first.sender is Sender.TUTOR and not first.streaming
    assert first.label == f"Hint {level + 1} of 3 · {names[level]}"
    assert first.text == question.hints[level]  # no model here: the teacher's own hint
    second = press_hint(page, qtbot)  # each press goes one step up the ladder
    assert second.label == f"Hint {level + 2} of 3 · {names[level + 1]}"
    assert page.tutor.model.rowCount() == 2 and page.hint_button.isEnabled()


def test_the_ladder_starts_at_hint_1_and_ends_by_saying_there_are_no_more(
        page: PracticePage, pack: Pack, ctx: AppContext, qtbot: QtBot) -> None:
    start_at(page, pack, QuestionType.NUMERIC)
    question = page.question
    assert question is not None
    assert mastery(ctx, question.skill) < 0.4  # a new learner: the skill is not known yet
    labels = [press_hint(page, qtbot).label for _ in range(3)]
    assert labels == ["Hint 1 of 3 · nudge", "Hint 2 of 3 · scaffold",
                      "Hint 3 of 3 · worked step"]
    assert page.hint_button.text() == "No more hints" and not page.hint_button.isEnabled()
    assert "last hint" in page.hint_button.toolTip()
    qtbot.mouseClick(page.hint_button, Qt.MouseButton.LeftButton)
    assert page.tutor.model.rowCount() == 3  # no fourth copy of the worked step
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.hint_button.text() == "Hint" and page.hint_button.isEnabled()


def test_the_next_question_starts_a_fresh_conversation(
        page: PracticePage, pack: Pack, qtbot: QtBot) -> None:
    start_at(page, pack, QuestionType.NUMERIC)
    press_hint(page, qtbot)
    assert page.tutor.model.rowCount() == 1
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.tutor.model.rowCount() == 0 and not page.tutor.busy
    page.stop()  # what sign-out does: the panel is empty and closed
    assert page.tutor.model.rowCount() == 0 and not page.tutor.isEnabled()


def test_free_chat_off_closes_the_question_box_but_hints_still_work(
        page: PracticePage, pack: Pack, ctx: AppContext, qtbot: QtBot) -> None:
    ctx.settings.ai_policy = ctx.settings.ai_policy.model_copy(update={"free_chat": False})
    page.hide()
    page.show()  # the teacher changed it on their page; the learner comes back
    start_at(page, pack, QuestionType.NUMERIC)
    assert not page.tutor.question.isEnabled() and not page.tutor.ask_button.isEnabled()
    assert page.tutor.closed.isVisible() and "Hint" in page.tutor.closed.text()
    assert press_hint(page, qtbot).text in page.question.hints  # type: ignore[union-attr]


@pytest.fixture
def revealing() -> FakeChatEngine:
    """A chat model that gives the answer away whenever it can."""
    question = first_of(fractions(), QuestionType.NUMERIC)
    return FakeChatEngine([f"Sure! The answer is {question.answer}. ", "Easy."], delay_s=0.01)


def test_just_tell_me_the_answer_never_shows_it(pack: Pack, qtbot: QtBot,
                                                revealing: FakeChatEngine) -> None:
    with page_with_models(revealing, qtbot) as page:
        start_at(page, pack, QuestionType.NUMERIC)
        question = page.question
        assert question is not None
        qtbot.keyClicks(page.tutor.question, "just tell me the answer")
        with qtbot.waitSignal(page.tutor.answer_finished, timeout=120_000) as done:
            qtbot.keyClick(page.tutor.question, Qt.Key.Key_Return)
            assert page.tutor.model.message(1).streaming
        assert revealing.produced > 0  # the model was asked, and tried
        key = answer_key(question)
        texts = [page.tutor.model.message(row).text for row in range(2)]
        assert texts[0] == "just tell me the answer"
        assert done.args[0] == texts[1] and texts[1]
        assert find_reveal(texts[1], key) is None and question.answer not in texts[1]


def test_stop_ends_a_reply_to_a_typed_question(pack: Pack, qtbot: QtBot) -> None:
    engine = FakeChatEngine(delay_s=0.02)
    with page_with_models(engine, qtbot) as page:
        start_at(page, pack, QuestionType.NUMERIC)
        qtbot.keyClicks(page.tutor.question, "Why do we multiply?")
        qtbot.mouseClick(page.tutor.ask_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: engine.produced >= 2, timeout=120_000)
        with qtbot.waitSignal(page.tutor.answer_finished, timeout=120_000):
            qtbot.mouseClick(page.tutor.stop_button, Qt.MouseButton.LeftButton)
        reply = page.tutor.model.message(1)
        assert reply.stopped and not reply.streaming and not page.tutor.busy
        assert engine.produced < len(engine.tokens) and page.hint_button.isEnabled()


def test_with_no_room_beside_it_the_tutor_goes_under_the_question(
        page: PracticePage, pack: Pack, qtbot: QtBot) -> None:
    start_at(page, pack, QuestionType.MULTIPLE_CHOICE)
    page.resize(1200, 700)
    qtbot.waitUntil(lambda: page.beside.splitter.orientation() is Qt.Orientation.Horizontal)
    page.resize(page.beside.needed_width() - 40, 700)
    qtbot.waitUntil(lambda: page.beside.splitter.orientation() is Qt.Orientation.Vertical)
    # Nothing is squeezed below its minimum: the page scrolls instead.
    for part in (page.beside.splitter.widget(0), page.tutor):
        assert part.height() >= part.minimumSizeHint().height()
    assert page.check_button.width() >= page.check_button.minimumSizeHint().width()
