"""Drive the real app under Xvfb through the learning loop and screenshot each screen.

    xvfb-run -a -s "-screen 0 1000x700x24" .venv/bin/python \
        docs/screens/make_learning_screenshots.py docs/screens

A throwaway LANTERN_HOME, a real profile (Argon2id, SQLCipher), the real Fractions pack:
Home (with "Why this?" open) → Learn (the recommended lesson, the tutor beside it) →
Practice (a wrong answer, its feedback and a hint in the tutor panel) → a right answer →
Progress. A demo script, not product code:
it polls the event loop itself.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("LANTERN_HOME", tempfile.mkdtemp(prefix="lantern-demo-"))

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from app.ops.context import AppContext
from app.ui.application import create_application
from app.ui.main_window import MainWindow, show_main_window
from app.ui.practice.inputs import ChoiceInput, TextInput, TrueFalseInput
from app.ui.signin.dialogs import NewProfileDialog
from app.ui.style import apply_style

OUT = Path(sys.argv[1])


def wait_until(app: object, cond: Callable[[], bool], what: str, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise SystemExit(f"timed out waiting for {what}")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def settle(app: object) -> None:
    for _ in range(25):
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.04)


def shot(app: object, name: str) -> None:
    settle(app)
    QGuiApplication.primaryScreen().grabWindow(0).save(str(OUT / name))
    print("saved", name, flush=True)


def sign_up(app: object, window: MainWindow) -> None:
    QTest.mouseClick(window.signin.new_button, Qt.MouseButton.LeftButton)
    wait_until(app, lambda: window.findChild(NewProfileDialog) is not None, "dialog")
    dialog = window.findChild(NewProfileDialog)
    assert dialog is not None
    QTest.keyClicks(dialog.nickname, "Mia")
    QTest.keyClicks(dialog.passphrase, "purple tiger jumps high")
    QTest.keyClicks(dialog.repeat, "purple tiger jumps high")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_until(app, lambda: window.signed_in, "signed in")


def enter(window: MainWindow, *, right: bool) -> None:
    practice = window.learning.practice
    question, widget = practice.question, practice.input
    assert question is not None and widget is not None
    if isinstance(widget, ChoiceInput):
        wanted = [i for i, c in enumerate(question.choices) if c.correct == right]
        for index in wanted if widget.several else wanted[:1]:
            widget.buttons[index].click()
    elif isinstance(widget, TrueFalseInput):
        truth = (question.answer == "true") == right
        (widget.true_button if truth else widget.false_button).click()
    elif isinstance(widget, TextInput):
        widget.edit.setText(question.answer if right else "2/8")
    QTest.mouseClick(practice.check_button, Qt.MouseButton.LeftButton)


def main() -> None:
    app = create_application()
    ctx = AppContext.create()
    apply_style(app, ctx.settings)
    window = show_main_window(ctx)
    window.resize(1000, 680)
    sign_up(app, window)
    home = window.learning.home
    wait_until(app, lambda: home.subject.findData("fractions") >= 0, "packs")
    home.subject.setCurrentIndex(home.subject.findData("fractions"))
    wait_until(app, lambda: bool(home.cards), "plan")
    home.cards[0].why.click()
    shot(app, "home.png")
    home.cards[0].start.click()
    window.learning.learn.scroll_to_heading("Numerator and denominator")
    shot(app, "learn.png")
    window.learning.learn.practise.click()
    practice = window.learning.practice
    enter(window, right=False)
    wait_until(app, lambda: practice.feedback.isVisible(), "feedback")
    practice.hint_button.click()
    wait_until(app, lambda: practice.tutor.model.rowCount() > 0 and not practice.tutor.busy,
               "hint in the tutor panel", timeout=180)
    shot(app, "practice.png")
    enter(window, right=True)
    wait_until(app, lambda: practice.feedback.property("verdict") == "correct", "right")
    shot(app, "practice-right.png")
    window.show_page(window.learning.progress)
    shot(app, "progress-learner.png")
    window.show_page(window.settings)
    shot(app, "settings.png")
    settings = window.settings
    settings.theme.setCurrentIndex(settings.theme.findData("high-contrast"))
    settings.font_scale.setCurrentIndex(settings.font_scale.findData(200))
    window.show_page(practice)
    shot(app, "practice-200-high-contrast.png")
    window.show_page(window.learning.home)
    shot(app, "home-200-high-contrast.png")
    settings.theme.setCurrentIndex(settings.theme.findData("light"))
    settings.font_scale.setCurrentIndex(settings.font_scale.findData(100))
    window.close()
    ctx.close()


if __name__ == "__main__":
    main()
