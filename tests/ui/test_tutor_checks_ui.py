"""What the learner sees is checked: no verdict, no reveal and no false arithmetic reaches
the screen, whatever the model says (scripted engines, real widgets, real profile)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.content.library import builtin_dir, list_packs
from app.core.content.model import Pack, QuestionType
from app.core.tutor.claims import REMOVED_NOTE, false_claims
from app.core.tutor.practice_guard import violation
from app.core.tutor.socratic import answer_key, find_reveal
from app.ui.practice.inputs import TextInput
from app.ui.tutor.panel import TutorPanel
from tests.fakes import FakeChatEngine
from tests.ui.conftest import fake_host
from tests.ui.learning import fractions, load_models, signed_in_context
from tests.ui.test_practice_page import check, page_with_models, start_at

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pack() -> Pack:
    return fractions()


def watch(panel: TutorPanel) -> list[str]:
    """Every text any row of the conversation ever showed."""
    seen: list[str] = []
    model = panel.model

    def record(*_args: object) -> None:
        seen.extend(model.message(row).text for row in range(model.rowCount()))

    model.dataChanged.connect(record)
    model.rowsInserted.connect(record)
    return seen


@contextmanager
def tutor_panel(engine: FakeChatEngine, qtbot: QtBot, tmp_path: Path) -> Iterator[TutorPanel]:
    """Ask the tutor on a signed-in learner's context, the starter packs listed."""
    ctx = signed_in_context(fake_host(engine))
    try:
        load_models(ctx)
        panel = TutorPanel(ctx)
        qtbot.addWidget(panel)
        panel.show()
        packs, _problems = list_packs(builtin=builtin_dir(), installed=tmp_path)
        panel.set_packs(packs)
        yield panel
    finally:
        ctx.close()


def ask_in(panel: TutorPanel, text: str, qtbot: QtBot) -> str:
    qtbot.keyClicks(panel.question, text)
    with qtbot.waitSignal(panel.answer_finished, timeout=120_000):
        qtbot.keyClick(panel.question, Qt.Key.Key_Return)
    model = panel.model
    return model.message(model.rowCount() - 1).text


def test_a_false_claim_from_the_model_never_reaches_the_screen(qtbot: QtBot,
                                                               tmp_path: Path) -> None:
    engine = FakeChatEngine(["To add fractions with the same denominator, add the "
                             "numerators. ", "1/5 + 2/5 = 3/10. ", "Keep the denominator."],
                            delay_s=0)
    with tutor_panel(engine, qtbot, tmp_path) as panel:
        seen = watch(panel)
        final = ask_in(panel, "How do I add 1/5 + 2/5?", qtbot)
        assert engine.produced > 3  # the model said it (twice: the retry was wrong too)
        assert seen and not any(false_claims(text) for text in seen)
        # The sum the question asks is then worked step by step by code.
        assert "3/10" not in final and "1/5 + 2/5 = 3/5" in final
        final = ask_in(panel, "How do I add fractions with the same denominator?", qtbot)
        assert not any(false_claims(text) for text in seen)
        assert "3/10" not in final and REMOVED_NOTE["en"] in final


def test_never_reveal_holds_in_practice_after_five_wrong_tries(pack: Pack,
                                                               qtbot: QtBot) -> None:
    engine = FakeChatEngine(["Well done! ", "The answer is 3/5."], delay_s=0)
    with page_with_models(engine, qtbot) as page:
        page.ctx.settings.ai_policy = page.ctx.settings.ai_policy.model_copy(
            update={"reveal_after_attempts": None})
        start_at(page, pack, QuestionType.NUMERIC)
        question = page.question
        assert question is not None and isinstance(page.input, TextInput)
        for _ in range(5):
            page.input.edit.setText("12345")
            check(page, qtbot)
            assert page.feedback.property("verdict") == "incorrect"
            assert "Worked solution" not in page.feedback.text()
            assert find_reveal(page.feedback.text(), answer_key(question)) is None
        seen = watch(page.tutor)
        reply = ask_in(page.tutor, "I give up, just tell me the answer", qtbot)
        assert reply and not any(find_reveal(t, answer_key(question)) for t in seen)
        assert question.answer not in " ".join(seen)


@pytest.mark.parametrize(("kind", "message", "model_says"), [
    (QuestionType.MULTIPLE_CHOICE, "which option is correct, the first or the second?",
     "The first option is correct."),
    (QuestionType.NUMERIC, "is it 1/4? yes or no", "No."),
    (QuestionType.NUMERIC, "is it 1/4? yes or no", "Yes, well done!"),
])
def test_a_yes_or_no_question_gets_no_verdict(pack: Pack, qtbot: QtBot, kind: QuestionType,
                                              message: str, model_says: str) -> None:
    engine = FakeChatEngine([model_says], delay_s=0)
    with page_with_models(engine, qtbot) as page:
        start_at(page, pack, kind)
        question = page.question
        assert question is not None
        seen = watch(page.tutor)
        reply = ask_in(page.tutor, message, qtbot)
        assert engine.produced >= 2  # asked twice, refused twice
        assert reply in question.hints  # the next authored hint instead
        assert model_says not in " ".join(seen)
        tutor_rows = [page.tutor.model.message(r).text for r in range(1, page.tutor.model
                                                                        .rowCount(), 2)]
        assert all(violation(t, question, question.hints) is None or t in question.hints
                   for t in tutor_rows)


def test_the_result_code_decides_is_shown_first_and_never_contradicted(
        qtbot: QtBot, tmp_path: Path) -> None:
    engine = FakeChatEngine(["No, they are not the same. ", "Both name the same amount of "
                             "a whole: 2/4 = 1/2."], delay_s=0)
    with tutor_panel(engine, qtbot, tmp_path) as panel:
        seen = watch(panel)
        final = ask_in(panel, "Is 2/4 the same as 1/2?", qtbot)
        assert final.startswith("Yes, 2/4 and 1/2 are equal")  # then maybe its citation
        assert "Both name the same amount" in final
        assert not any("not the same" in text for text in seen)  # not even while written
        # A Chinese question is answered in Chinese, first sentence included.
        panel.question.setText("1/2和1/3哪个大？")  # keyClicks types ASCII only
        with qtbot.waitSignal(panel.answer_finished, timeout=120_000):
            qtbot.keyClick(panel.question, Qt.Key.Key_Return)
        final = panel.model.message(panel.model.rowCount() - 1).text
        assert final.startswith("1/2比1/3大")
