"""The whole learning loop in the real main window, and the screens around it.

Real AppContext on temp dirs, real SQLCipher profile created through the sign-in
screen, the real starter packs. No model is needed: the loop's questions are graded
without the embedding model and the tutor is not asked.
"""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QBarSet, QChart
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.core.content.model import QuestionType
from app.core.learner.activities import Kind
from app.ops.context import AppContext
from app.ui.main_window import MainWindow
from app.ui.practice.inputs import ChoiceInput, TextInput, TrueFalseInput
from app.ui.practice.page import PracticePage
from tests.ui.learning import attempts
from tests.ui.test_signin import make_profile


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1000, 700)
    main.show()
    make_profile(main, qtbot)
    home = main.learning.home
    qtbot.waitUntil(lambda: home.subject.count() > 0, timeout=10_000)
    home.subject.setCurrentIndex(home.subject.findData("fractions"))
    qtbot.waitUntil(lambda: bool(home.cards) and home.pack is not None
                    and home.pack.info.id == "fractions", timeout=10_000)
    return main


def answer(page: PracticePage, qtbot: QtBot, *, right: bool) -> None:
    """Enter a right or a wrong answer with the input the question's type offers."""
    question, widget = page.question, page.input
    assert question is not None and widget is not None
    if isinstance(widget, ChoiceInput):
        wanted = {i for i, c in enumerate(question.choices) if c.correct == right}
        for index in (wanted if widget.several else sorted(wanted)[:1]):
            widget.buttons[index].click()
        for index, button in enumerate(widget.buttons):
            if widget.several and index not in wanted and button.isChecked():
                button.click()
    elif isinstance(widget, TrueFalseInput):
        truth = (question.answer == "true") == right
        (widget.true_button if truth else widget.false_button).click()
    else:
        assert isinstance(widget, TextInput) and question.type is QuestionType.NUMERIC
        widget.edit.setText(question.answer if right else "987654")
    with qtbot.waitSignal(page.feedback_shown, timeout=20_000):
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)


def bar_total(chart: QChart) -> float:
    sets: list[QBarSet] = [s for series in chart.series()
                           for s in series.barSets()]  # type: ignore[attr-defined]
    return sum(s.at(i) for s in sets for i in range(s.count()))


def test_full_learning_loop(window: MainWindow, qtbot: QtBot, ctx: AppContext) -> None:
    learning = window.learning
    home, learn, practice, progress = (learning.home, learning.learn, learning.practice,
                                       learning.progress)
    assert window.pages.currentWidget() is home  # Home comes first after sign-in
    card = home.cards[0]
    assert card.rec.kind is Kind.NEW_LESSON
    card.why.click()
    assert card.factors.isVisible() and card.factors.rows
    mastery_before = bar_total(progress.mastery.chart())
    # Follow the recommendation: the lesson opens in Learn.
    card.start.click()
    assert window.pages.currentWidget() is learn
    assert learn.current == ("fractions", card.rec.target_id)
    assert "fraction" in learn.reader.toPlainText().lower()
    # Read it, then practise it.
    qtbot.mouseClick(learn.practise, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is practice and practice.question is not None
    question = practice.question
    assert question.skill in card.rec.skill_id or question.lesson == card.rec.target_id
    answer(practice, qtbot, right=False)
    assert practice.feedback.property("verdict") == "incorrect"
    assert practice.feedback.text()
    with qtbot.waitSignal(practice.hint_shown, timeout=10_000):
        qtbot.mouseClick(practice.hint_button, Qt.MouseButton.LeftButton)
    hint = practice.tutor.model.message(0)  # in the tutor panel beside the question
    assert practice.tutor.isVisible() and hint.label.startswith("Hint ") and hint.text
    with qtbot.waitSignal(home.snapshot_ready, timeout=20_000):
        answer(practice, qtbot, right=True)
    assert practice.feedback.property("verdict") == "correct"
    assert attempts(ctx) == [(question.id, False), (question.id, True)]
    # Progress shows the change.
    window.show_page(progress)
    assert window.nav.currentRow() == window.pages.indexOf(progress)
    assert bar_total(progress.mastery.chart()) > mastery_before
    assert "1 days in a row" in progress.streak.text() or "1 day" in progress.streak.text()
    assert bar_total(progress.activity.chart()) == 2


def test_navigation_reads_like_a_childs_day(window: MainWindow) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Home", "Learn", "Practice", "Ask the tutor", "Progress", "Settings",
                      "This laptop",
                      "For teachers"]
    assert all(window.nav.item(i).toolTip() for i in range(window.nav.count()))


def test_signing_out_clears_the_plan_and_the_question(window: MainWindow,
                                                      qtbot: QtBot) -> None:
    learning = window.learning
    learning.follow(learning.home.pack, next(  # type: ignore[arg-type]
        c.rec for c in learning.home.cards))
    learn_tutor, practice_tutor = learning.learn.tutor, learning.practice.tutor
    qtbot.keyClicks(learn_tutor.question, "What is a fraction?")
    with qtbot.waitSignal(learn_tutor.busy_changed, timeout=20_000):  # no model: a notice
        qtbot.keyClick(learn_tutor.question, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not learn_tutor.busy, timeout=20_000)
    qtbot.mouseClick(learning.learn.practise, Qt.MouseButton.LeftButton)
    assert learning.practice.question is not None
    with qtbot.waitSignal(learning.practice.hint_shown, timeout=20_000):
        qtbot.mouseClick(learning.practice.hint_button, Qt.MouseButton.LeftButton)
    assert learn_tutor.model.rowCount() >= 2 and practice_tutor.model.rowCount() == 1
    with qtbot.waitSignal(window.signed_out):
        qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    assert not learning.home.cards and learning.practice.question is None
    # The next learner sees nothing the previous one asked beside a lesson or a question.
    assert learn_tutor.model.rowCount() == 0 and practice_tutor.model.rowCount() == 0
    assert bar_total(learning.progress.activity.chart()) == 0


def tab_through(qtbot: QtBot, window: MainWindow, count: int) -> list[QWidget]:
    """Press Tab ``count`` times; the widgets that had the focus, in order."""
    seen = []
    for _ in range(count):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_practice_keyboard_order_answer_check_hint_next(window: MainWindow,
                                                        qtbot: QtBot) -> None:
    learning = window.learning
    pack = learning.home.pack
    assert pack is not None
    question = next(q for q in pack.questions if q.type is QuestionType.NUMERIC)
    learning.practice.start(pack, skill_id=question.skill)
    window.show_page(learning.practice)
    window.activateWindow()
    practice = learning.practice
    practice.input.focus_target().setFocus()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    start = QApplication.focusWidget()
    seen = tab_through(qtbot, window, 5)
    assert [start, *seen] == [practice.input.focus_target(),  # type: ignore[union-attr]
                              practice.check_button, practice.hint_button,
                              practice.next_button, practice.tutor.view,
                              practice.tutor.question]
    assert all(w.accessibleName() for w in seen)
    practice.input.focus_target().setFocus()  # type: ignore[union-attr]
    # Enter in the answer box checks it: no mouse needed at all.
    qtbot.keyClicks(practice.input.focus_target(), "zzz")  # type: ignore[union-attr, arg-type]
    with qtbot.waitSignal(practice.feedback_shown, timeout=10_000):
        qtbot.keyClick(practice.input.focus_target(), Qt.Key.Key_Return)  # type: ignore[union-attr, arg-type]
    assert practice.feedback.property("verdict") == "unreadable"


def test_learn_keyboard_order_reaches_the_tutor_beside_the_lesson(window: MainWindow,
                                                                  qtbot: QtBot) -> None:
    learning = window.learning
    learn = learning.learn
    assert learn.show_lesson("fractions", "equivalent-fractions")
    window.show_page(learn)
    window.activateWindow()
    learn.subject.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is learn.subject)
    seen = tab_through(qtbot, window, 7)
    assert seen == [learn.lessons, learn.reader, learn.summary, learn.practise,
                    learn.tutor_toggle, learn.tutor.view, learn.tutor.question]
    assert all(w.accessibleName() for w in seen)


def test_keyboard_reaches_the_navigation_and_the_home_cards(window: MainWindow,
                                                            qtbot: QtBot) -> None:
    window.activateWindow()
    window.nav.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.nav)
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.pages.currentWidget() is window.learning.learn
    qtbot.keyClick(window.nav, Qt.Key.Key_Up)
    home = window.learning.home
    seen = tab_through(qtbot, window, 12)
    assert home.subject in seen
    assert home.cards[0].why in seen and home.cards[0].start in seen
    assert seen.index(home.cards[0].why) < seen.index(home.cards[0].start)
