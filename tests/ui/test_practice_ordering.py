"""An imported QTI ordering item practised on the real Practice screen: the learner
reorders the shuffled list with Move up / Move down and the answer is graded and stored
(real widgets, a real SQLCipher profile, the pack imported from the shared sample)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.content.importers import import_file
from app.core.content.loader import load_pack
from app.core.content.model import Pack, QuestionType
from app.ops.context import AppContext
from app.ui.practice.inputs import OrderInput, shuffled_order
from app.ui.practice.page import PracticePage
from tests.content.import_helpers import QUIZ
from tests.ui.learning import attempts, signed_in_context


@pytest.fixture
def ctx(qtbot: QtBot) -> Iterator[AppContext]:
    context = signed_in_context()
    yield context
    context.close()


@pytest.fixture
def pack(tmp_path: Path) -> Pack:
    import_file(QUIZ / "qti21_qtiworks" / "order.xml", tmp_path / "order-pack")
    return load_pack(tmp_path / "order-pack")


def _check(page: PracticePage, qtbot: QtBot) -> str:
    with qtbot.waitSignal(page.feedback_shown, timeout=20_000):
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    return str(page.feedback.property("verdict"))


def _sort(widget: OrderInput, qtbot: QtBot) -> None:
    """Put the items in the right order with the buttons only (a selection sort)."""
    for place in range(widget.list.count()):
        rows = [int(widget.list.item(r).data(Qt.ItemDataRole.UserRole))
                for r in range(widget.list.count())]
        widget.list.setCurrentRow(rows.index(place))
        while widget.list.currentRow() > place:
            qtbot.mouseClick(widget.up, Qt.MouseButton.LeftButton)


def test_an_ordering_question_is_shuffled_answered_graded_and_stored(
        ctx: AppContext, pack: Pack, qtbot: QtBot) -> None:
    (question,) = pack.questions
    assert question.type is QuestionType.ORDERING
    page = PracticePage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.start(pack, skill_id=question.skill)
    widget = page.input
    assert isinstance(widget, OrderInput)
    shown = widget.value()
    assert shown == tuple(shuffled_order(question)) and shown != (0, 1, 2)  # never solved
    assert _check(page, qtbot) == "incorrect"
    _sort(widget, qtbot)
    assert widget.value() == (0, 1, 2)
    assert [widget.list.item(r).text() for r in range(3)] == list(question.items)
    assert _check(page, qtbot) == "correct"
    assert [correct for _qid, correct in attempts(ctx)] == [False, True]


def test_move_down_and_the_ends_of_the_list(qtbot: QtBot, pack: Pack) -> None:
    widget = OrderInput(pack.questions[0])
    qtbot.addWidget(widget)
    before = widget.value()
    widget.list.setCurrentRow(2)
    qtbot.mouseClick(widget.down, Qt.MouseButton.LeftButton)  # already last: nothing
    assert widget.value() == before
    widget.list.setCurrentRow(0)
    qtbot.mouseClick(widget.down, Qt.MouseButton.LeftButton)
    assert widget.value() == (before[1], before[0], before[2])
    assert widget.list.currentRow() == 1  # the moved item stays selected
