"""Learn's "Summary" and Progress's "Report for my teacher", with real widgets.

Real AppContext on temp dirs, a real SQLCipher profile, the real packs and embedding
model (the safety filter); the chat model is a scripted engine.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.core.content.library import LibraryPack, builtin_dir, list_packs
from app.core.learner.report import report_csv
from app.core.tutor.comments import progress_comment
from app.ops.context import AppContext
from app.ui.learn.page import LearnPage
from app.ui.progress.report import TeacherReportDialog
from tests.fakes import ScriptedChatEngine
from tests.ui.conftest import fake_host
from tests.ui.learning import fractions, load_models, signed_in_context

LESSON = "what-is-a-fraction"
BULLETS = ("- A fraction is a part of one whole.\n- The bottom number counts the equal "
           "parts.\n- The top number counts the parts we take.\n- The parts must be "
           "equal.\n- A fraction can be part of a group too.")


def context(engine: ScriptedChatEngine) -> AppContext:
    ctx = signed_in_context(fake_host(engine))
    load_models(ctx)
    return ctx


@pytest.fixture
def packs() -> list[LibraryPack]:
    found, problems = list_packs(builtin=builtin_dir())
    assert not problems
    return found


def learn_page(ctx: AppContext, qtbot: QtBot, packs: list[LibraryPack]) -> LearnPage:
    page = LearnPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.set_packs(packs)
    assert page.show_lesson("fractions", LESSON)
    return page


def test_summary_shows_five_checked_points_beside_the_lesson_then_comes_from_the_cache(
        qtbot: QtBot, packs: list[LibraryPack]) -> None:
    engine = ScriptedChatEngine(BULLETS)
    ctx = context(engine)
    try:
        page = learn_page(ctx, qtbot, packs)
        page.set_tutor_visible(False)
        with qtbot.waitSignal(page.tutor.answer_finished, timeout=60_000) as done:
            qtbot.mouseClick(page.summary, Qt.MouseButton.LeftButton)
        assert page.tutor_toggle.isChecked()  # the panel opened to show it
        reply = page.tutor.model.message(0)
        assert reply.label == "Summary: What is a fraction?"
        assert done.args[0].splitlines() == [
            "• A fraction is a part of one whole.", "• The bottom number counts the equal parts.",
            "• The top number counts the parts we take.", "• The parts must be equal.",
            "• A fraction can be part of a group too."]
        assert "What is a fraction?" in engine.prompt_text()  # the lesson was summarised
        asked = len(engine.prompts)
        with qtbot.waitSignal(page.tutor.answer_finished, timeout=60_000) as again:
            page.summarise()
        assert again.args == done.args and len(engine.prompts) == asked  # cached
    finally:
        ctx.close()


def test_summary_can_be_stopped_and_a_stopped_one_is_not_cached(
        qtbot: QtBot, packs: list[LibraryPack]) -> None:
    engine = ScriptedChatEngine(BULLETS + " more" * 300, delay_s=0.02)
    ctx = context(engine)
    try:
        page = learn_page(ctx, qtbot, packs)
        with qtbot.waitSignal(page.tutor.answer_finished, timeout=60_000):
            assert page.summarise()
            qtbot.waitUntil(engine.started.is_set, timeout=30_000)
            qtbot.keyClick(page.tutor.question, Qt.Key.Key_Escape)
        assert page.tutor.model.message(0).stopped
        assert not list((ctx.paths.cache / "summaries").glob("*.json"))
        assert page.summary.isEnabled() and not page.tutor.busy
    finally:
        ctx.close()


def record_answers(ctx: AppContext) -> None:
    """Three answers on Fractions (two right), and one on the Chinese pack's skill of
    the same id, which no Fractions figure may count."""

    def write() -> None:
        assert ctx.profile is not None
        for number, correct in enumerate((True, True, False)):
            ctx.profile.record_attempt(
                pack_id="fractions", skill_id="fraction-meaning", question_id=f"q{number}",
                question="?", answer="1/2", correct=correct, score=float(correct),
                time_taken_s=3.0)
        ctx.profile.record_attempt(
            pack_id="fractions-zh", skill_id="fraction-meaning", question_id="zh",
            question="?", answer="1/2", correct=True, score=1.0, time_taken_s=3.0)

    ctx.runner.submit("db", write).result(timeout=30)


def open_report(ctx: AppContext, qtbot: QtBot) -> TeacherReportDialog:
    dialog = TeacherReportDialog(ctx, fractions())
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.report_ready, timeout=600_000):
        dialog.start()
    return dialog


def test_report_shows_figures_and_the_models_checked_comment_then_saves_pdf_and_csv(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    comment = ("Mia gave 3 answers this week and got 2 right. "
               "Keep practising What a fraction means.")
    engine = ScriptedChatEngine(comment)
    ctx = context(engine)
    try:
        record_answers(ctx)
        dialog = open_report(ctx, qtbot)
        report = dialog.report
        assert report is not None and report.learner == "Mia"
        assert report.comment == comment and report.comment_by_model
        assert (report.answers_week, report.right_week) == (3, 2)
        meaning = next(row for row in report.skills if row.name == "What a fraction means")
        assert (meaning.answers, meaning.answers_week, meaning.right_week) == (3, 3, 2)
        assert "Answers in the last 7 days: 3, right: 2" in engine.prompt_text()
        text = dialog.view.toPlainText()
        assert "Mia — Fractions" in text and comment in text
        assert "Written by the tutor's model" in text and "What a fraction means" in text

        pdf, table = tmp_path / "out" / "report.pdf", tmp_path / "out" / "report.csv"
        pdf.parent.mkdir()
        answers = iter([(str(pdf), ""), (str(table), "")])
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: next(answers))
        with qtbot.waitSignal(dialog.saved, timeout=30_000):
            qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(dialog.saved, timeout=30_000):
            qtbot.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
        assert sorted(p.name for p in pdf.parent.iterdir()) == ["report.csv", "report.pdf"]
        rows = list(csv.reader(io.StringIO(table.read_text("utf-8"))))
        assert rows[0] == ["section", "name", "mastery_percent", "answers", "right"]
        assert ["comment", comment, "", "", ""] in rows
        assert table.read_text("utf-8") == report_csv(report)
        assert "Saved to" in dialog.status.text()
    finally:
        ctx.close()


def test_a_comment_with_invented_numbers_is_replaced_by_lanterns_own(
        qtbot: QtBot) -> None:
    engine = ScriptedChatEngine("Mia got 97% right and is top of the class of 30.")
    ctx = context(engine)
    try:
        record_answers(ctx)
        dialog = open_report(ctx, qtbot)
        report = dialog.report
        assert report is not None and not report.comment_by_model
        assert report.comment == progress_comment("Mia", report.skill_reports())
        assert "Written by Lantern from the figures" in dialog.view.toPlainText()
    finally:
        ctx.close()


def test_a_report_can_be_stopped_while_the_comment_is_written(qtbot: QtBot) -> None:
    engine = ScriptedChatEngine("word " * 400, delay_s=0.02)
    ctx = context(engine)
    try:
        dialog = TeacherReportDialog(ctx, fractions())
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.start()
        qtbot.waitUntil(engine.started.is_set, timeout=30_000)
        qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Stopped" in dialog.status.text(), timeout=30_000)
        assert dialog.report is None and not dialog.pdf_button.isEnabled()
    finally:
        ctx.close()


def test_the_progress_page_button_opens_the_report_for_the_subject_progress_shows(
        qtbot: QtBot, packs: list[LibraryPack]) -> None:
    from app.ui.navigation import LearningScreens

    engine = ScriptedChatEngine("Well done.")
    ctx = context(engine)
    try:
        record_answers(ctx)
        screens = LearningScreens(ctx, go_to=lambda _page: None)
        qtbot.addWidget(screens.progress)
        qtbot.addWidget(screens.home)
        screens.set_packs(packs)
        screens.home.subject.setCurrentIndex(screens.home.subject.findData("fractions"))
        qtbot.waitUntil(lambda: screens.home.pack is not None, timeout=10_000)
        picker = screens.progress.subject
        picker.setCurrentIndex(picker.findData("fractions-zh"))  # chosen on Progress
        screens.progress.show()
        qtbot.mouseClick(screens.progress.report_button, Qt.MouseButton.LeftButton)
        dialog = screens.progress.findChild(TeacherReportDialog)
        assert dialog is not None and dialog.isVisible()
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
        report = dialog.report
        assert report is not None and report.subject == "分数入门"
        assert (report.answers_week, report.right_week) == (1, 1)  # its own answer only
        dialog.close()
    finally:
        ctx.close()


@pytest.mark.slow
@pytest.mark.timeout(1800)  # two real generations; seconds on a laptop, long on a busy CI box
def test_the_real_default_model_summarises_a_lesson_and_comments_the_report(
        qtbot: QtBot, packs: list[LibraryPack]) -> None:
    """The default chat model through the same screens: five checked points, a comment."""
    ctx = signed_in_context()
    try:
        load_models(ctx)
        page = learn_page(ctx, qtbot, packs)
        with qtbot.waitSignal(page.tutor.answer_finished, timeout=600_000) as done:
            assert page.summarise()
        bullets = done.args[0].splitlines()
        assert len(bullets) == 5 and all(b.startswith("• ") and len(b) > 5 for b in bullets)
        record_answers(ctx)
        dialog = open_report(ctx, qtbot)
        assert dialog.report is not None and dialog.report.comment.strip()
    finally:
        ctx.close()
