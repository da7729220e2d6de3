"""Take the documentation screenshots from the real app on a real (virtual) X screen.

Run under Xvfb:  ``xvfb-run -a -s "-screen 0 1280x860x24" .venv/bin/python -m tools.screenshots``
It starts the real window with the real models, asks the tutor a question like a student
would (typing into the box and pressing Enter), waits for the answer, and saves the screen.
With ``--learning`` it takes the tutor beside a lesson (a cited answer, its citation
clicked: ``learn-tutor.png``) and beside a practice question (a wrong answer, then Hint:
``practice-hint.png``) instead, at 1280x860. A throwaway ``LANTERN_HOME`` is used unless
one is set.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from app.ops.context import AppContext
from app.ui.application import create_application
from app.ui.main_window import MainWindow, show_main_window
from app.ui.style import apply_style

DOCS = Path(__file__).resolve().parents[1] / "docs" / "screens"
SIZE = (1280, 860)
LESSON = "equivalent-fractions"
PASSPHRASE = "purple-otter-sings-42"
HINT_QUESTION = "equiv-num-3"  # 18/24 = 3/?


def _wait_for(signal: object, timeout_ms: int = 180_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def _save(window: MainWindow, name: str) -> Path:
    QTest.qWait(300)  # let the last repaint land
    path = DOCS / name
    screen = QApplication.primaryScreen()
    screen.grabWindow(0, window.x(), window.y(), window.frameGeometry().width(),
                      window.frameGeometry().height()).save(str(path))
    return path


def _sign_in(ctx: AppContext, window: MainWindow) -> None:
    """A learner profile, as the sign-in screen would create it (real store, real keys)."""
    def create() -> None:  # the connection belongs to the db lane, like in the app
        known = [e for e in ctx.profiles.profiles() if e.nickname == "Maya"]
        ctx.profile = (ctx.profiles.unlock(known[0].id, PASSPHRASE) if known else
                       ctx.profiles.create(nickname="Maya", avatar="fox",
                                           passphrase=PASSPHRASE))

    ctx.runner.submit("db", create).result()
    entry = next(e for e in ctx.profiles.profiles() if e.nickname == "Maya")
    window.signin.signed_in.emit(entry)


def _start(size: tuple[int, int] | None = None) -> tuple[AppContext, MainWindow]:
    """The real window with the real models loaded and a learner signed in."""
    app = QApplication.instance() or create_application()
    ctx = AppContext.create()
    apply_style(app, ctx.settings)  # type: ignore[arg-type]
    window = show_main_window(ctx)
    window.move(0, 0)
    if size is not None:
        window.resize(*size)
    _wait_for(window.models_ready)
    if size is not None:  # a teacher's shorter answers: the whole exchange fits on screen
        ctx.settings.ai_policy = ctx.settings.ai_policy.model_copy(
            update={"max_answer_tokens": 100})
    _sign_in(ctx, window)
    while not window.learning.packs:  # the Content page lists the packs in the background
        QTest.qWait(100)
    return ctx, window


def tutor_answer(question: str) -> Path:
    ctx, window = _start()
    window.show_page(window.tutor)
    while ctx.subject is None or ctx.subject.info.id != "fractions":  # the subject list
        QTest.qWait(100)
        if window.tutor.subject and window.tutor.subject.count():
            window.tutor.subject.setCurrentIndex(window.tutor.subject.findData("fractions"))
    QTest.keyClicks(window.tutor.question, question)
    QTest.keyClick(window.tutor.question, Qt.Key.Key_Return)
    _wait_for(window.tutor.answer_finished)
    path = _save(window, "tutor-answer.png")
    window.close()
    ctx.close()
    return path


def learn_tutor(question: str) -> Path:
    """A lesson with the real model's cited answer beside it, the citation followed."""
    ctx, window = _start(SIZE)
    learn = window.learning.learn
    learn.show_lesson("fractions", LESSON)
    window.show_page(learn)
    QTest.keyClicks(learn.tutor.question, question)
    QTest.keyClick(learn.tutor.question, Qt.Key.Key_Return)
    _wait_for(learn.tutor.answer_finished)
    answer = learn.tutor.model.index(learn.tutor.model.rowCount() - 1)
    QTest.qWait(200)  # the bubble's final size is laid out
    QTest.mouseClick(learn.tutor.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=learn.tutor.view.visualRect(answer).center())
    popup = QApplication.activePopupWidget()  # several sources: the learner picks one
    if isinstance(popup, QMenu):
        first = popup.actions()[0]
        popup.close()
        first.trigger()
    path = _save(window, "learn-tutor.png")
    window.close()
    ctx.close()
    return path


def practice_hint() -> Path:
    """A practice question answered wrongly, then a hint from the tutor beside it."""
    ctx, window = _start(SIZE)
    practice = window.learning.practice
    practice.start(window.learning.packs["fractions"].pack, lesson_id=LESSON)
    while practice.question is not None and practice.question.id != HINT_QUESTION:
        practice.next_question()
    window.show_page(practice)
    practice.input.edit.setText("6")  # type: ignore[union-attr]  # a numeric answer box
    QTest.mouseClick(practice.check_button, Qt.MouseButton.LeftButton)
    _wait_for(practice.feedback_shown)
    QTest.mouseClick(practice.hint_button, Qt.MouseButton.LeftButton)
    _wait_for(practice.hint_shown)
    path = _save(window, "practice-hint.png")
    window.close()
    ctx.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--question", default="What is a fraction?")
    parser.add_argument("--learning", action="store_true",
                        help="the tutor beside a lesson and beside a practice question")
    parser.add_argument("--lesson-question", default="How do I simplify a fraction?")
    args = parser.parse_args(argv)
    os.environ.setdefault("LANTERN_HOME", tempfile.mkdtemp(prefix="lantern-shots-"))
    DOCS.mkdir(parents=True, exist_ok=True)
    if args.learning:
        print(learn_tutor(args.lesson_question))
        print(practice_hint())
    else:
        print(tutor_answer(args.question))
    return 0


if __name__ == "__main__":
    sys.exit(main())
