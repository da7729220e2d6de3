"""Every page at the smallest window (720x480) with 200 % text, in English and Chinese:
no text cut off, no control squashed below its size, every control reachable (on
screen or by scrolling)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.content.model import QuestionType
from app.ops.context import AppContext
from app.ui.i18n import UiLanguage
from app.ui.main_window import MainWindow
from app.ui.style import apply_style
from tests.ui.learning import first_of, signed_in_context

SMALLEST = (720, 480)
PACKS = {"en": "fractions", "zh_CN": "fractions-zh"}


def _viewport(widget: QWidget) -> QWidget | None:
    """The viewport of the scroll area ``widget`` scrolls in, if any."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent.viewport()
        parent = parent.parentWidget()
    return None


def _beyond_the_side(widget: QWidget) -> bool:
    """Whether part of ``widget`` is only seen by scrolling sideways (text read that way
    is text cut off: the question "A pizza is cut into 4 eq")."""
    viewport = _viewport(widget)
    if viewport is None:
        return False
    left = widget.mapTo(viewport, widget.rect().topLeft()).x()
    right = widget.mapTo(viewport, widget.rect().topRight()).x()
    scroller = viewport.parentWidget()
    scrolled = (scroller.horizontalScrollBar().value()
                if isinstance(scroller, QAbstractScrollArea) else 0)
    return left + scrolled < 0 or right + scrolled > viewport.width() + 1


def _scrolls(widget: QWidget) -> bool:
    """Whether ``widget`` sits in a scroll area (the learner can scroll to it)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and widget is not parent:
            return True
        parent = parent.parentWidget()
    return False


def _sideways(page: QWidget) -> list[str]:
    """The scroll areas showing ``page`` (the pages' own and any inside it) that would
    need a horizontal scroll bar: content wider than the viewport."""
    areas = [a for a in page.findChildren(QAbstractScrollArea) if a.isVisible()]
    outer = _viewport(page)
    if outer is not None and isinstance(outer.parentWidget(), QAbstractScrollArea):
        areas.append(outer.parentWidget())  # type: ignore[arg-type]
    return [f"{type(area).__name__} {area.objectName()!r}: scrolls sideways by "
            f"{area.horizontalScrollBar().maximum()} px"
            for area in areas if area.horizontalScrollBar().maximum() > 0]


def problems(page: QWidget, window: QWidget) -> list[str]:
    """What a learner could not read or reach on ``page``, as it is now laid out."""
    found = _sideways(page)
    shown = QRect(0, 0, window.width(), window.height())
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
        name = f"{type(widget).__name__} {text!r:.60}"
        if isinstance(widget, QLabel) and widget.text() and widget.wordWrap():
            if widget.height() + 1 < widget.heightForWidth(widget.width()):
                found.append(f"{name}: wrapped text cut off")
        elif (isinstance(widget, QLabel) and widget.text() and not widget.pixmap()
              and widget.width() + 1 < widget.sizeHint().width()):
            found.append(f"{name}: text cut off")
        if isinstance(widget, QLabel | QAbstractButton | QComboBox | QLineEdit) and \
                _beyond_the_side(widget):
            found.append(f"{name}: only seen by scrolling sideways")
        if isinstance(widget, QAbstractButton | QComboBox):
            hint = widget.minimumSizeHint()
            if widget.width() + 1 < hint.width() or widget.height() + 1 < hint.height():
                found.append(f"{name}: squashed to {widget.width()}x{widget.height()}")
            elif widget.hasHeightForWidth() and \
                    widget.height() + 1 < widget.heightForWidth(widget.width()):
                found.append(f"{name}: wrapped text cut off at {widget.height()} px high")
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            room = widget.width() - 16 - (24 if widget.isClearButtonEnabled() else 0)
            if widget.fontMetrics().horizontalAdvance(widget.placeholderText()) > room:
                found.append(f"QLineEdit {widget.placeholderText()!r}: placeholder cut off")
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox) and not _scrolls(widget):
            where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
            if not shown.contains(where):
                found.append(f"{name}: out of reach at {where.getRect()}")
    return found


def _judge(page: QWidget, name: str, window: MainWindow, qtbot: QtBot,
           found: dict[str, list[str]]) -> None:
    """Show ``page`` and note its problems in ``found`` under ``name``."""
    window.show_page(page)
    with contextlib.suppress(TimeoutError):  # data and layouts settle, then judge
        qtbot.waitUntil(lambda: not problems(page, window), timeout=2_000)
    assert window.size().toTuple() == SMALLEST, name
    if trouble := problems(page, window):
        found[name] = trouble


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_page_fits_the_smallest_window_at_200_percent_text(
        qtbot: QtBot, qapp: QApplication, built_translations: Path,
        language: str) -> None:
    ui = UiLanguage(qapp)
    assert ui.install(language)
    ctx: AppContext = signed_in_context()
    try:
        ctx.settings = ctx.settings.model_copy(update={"language": language, "font_scale": 200})
        apply_style(qapp, ctx.settings)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show_learner_side()  # past sign-in (tested in test_signin.py)
        window.resize(*SMALLEST)
        window.show()
        window.fit_navigation()
        qtbot.waitUntil(lambda: bool(window.content.packs), timeout=30_000)
        pack = load_pack(builtin_dir() / PACKS[language])
        learning = window.learning
        question = first_of(pack, QuestionType.MULTIPLE_CHOICE)
        learning.practice.start(pack, skill_id=question.skill)
        assert window.size().toTuple() == SMALLEST
        found: dict[str, list[str]] = {}
        for page in [window.pages.widget(i) for i in range(window.pages.count())]:
            _judge(page, type(page).__name__, window, qtbot, found)
        # What a teacher sees once teacher mode is on (the passphrase is tested in
        # test_teacher_mode.py): This laptop's controls and every For-teachers tab.
        window.teacher.signed_in([skill.id for skill in pack.skills])  # its sync controls
        qtbot.waitUntil(lambda: window.teacher.sync is not None, timeout=10_000)
        window.teacher.mode.enter()
        device = window.pages.widget(window.pages.count() - 2)
        _judge(device, "DevicePage (teacher)", window, qtbot, found)
        for button in window.teacher.sections.buttons():
            button.click()
            _judge(window.teacher, f"TeacherPage ({button.text()})", window, qtbot, found)
        window.teacher.mode.leave()
        assert not found, "\n".join(f"{page}: {line}" for page, lines in found.items()
                                     for line in lines)
    finally:
        ui.remove()
        ctx.close()


def test_list_items_are_laid_out_again_when_the_list_widens(qtbot: QtBot) -> None:
    """Learn's lesson list goes from 240 px beside the lesson to the page's width above it.
    Qt measured a wrapped item apart from how it paints it: "Fractions on a number line"
    was given one line a few pixels short and painted as "Fractions on a number …"."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QListWidget

    from app.ui.wrap_list import wrap_items

    view = wrap_items(QListWidget())
    qtbot.addWidget(view)
    font = QFont(view.font())
    font.setPointSizeF(22)  # 200 % text
    view.setFont(font)
    view.setSpacing(3)
    view.addItems(["What is a fraction?", "Fractions on a number line",
                   "Equivalent fractions", "Comparing and ordering fractions"])
    view.resize(240, 300)
    view.show()
    qtbot.wait(50)
    view.resize(view.fontMetrics().horizontalAdvance("Fractions on a number line") + 23, 200)
    width = view.viewport().width() - 2 * view.spacing()
    qtbot.waitUntil(lambda: all(view.visualItemRect(view.item(i)).width() == width
                                for i in range(view.count())))  # the text has all the room
    line = view.fontMetrics().lineSpacing()
    assert view.visualItemRect(view.item(1)).height() >= 2 * line  # so it wraps, whole
