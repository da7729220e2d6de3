"""Take the documentation screenshots from the real app on a real (virtual) X screen.

Run under Xvfb:  ``xvfb-run -a -s "-screen 0 1280x860x24" .venv/bin/python -m tools.screenshots``
It starts the real window with the real models, asks the tutor a question like a student
would (typing into the box and pressing Enter), waits for the answer, and saves the screen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.ops.context import AppContext
from app.ui.application import create_application
from app.ui.main_window import MainWindow, show_main_window
from app.ui.style import apply_style

DOCS = Path(__file__).resolve().parents[1] / "docs" / "screens"


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
        ctx.profile = ctx.profiles.create(nickname="Maya", avatar="fox",
                                          passphrase="purple-otter-sings-42")

    ctx.runner.submit("db", create).result()
    entry = next(e for e in ctx.profiles.profiles() if e.nickname == "Maya")
    window.signin.signed_in.emit(entry)


def tutor_answer(question: str) -> Path:
    app = create_application()
    ctx = AppContext.create()
    apply_style(app, ctx.settings)
    window = show_main_window(ctx)
    window.move(0, 0)
    _wait_for(window.models_ready)
    _sign_in(ctx, window)
    window.show_page(window.tutor)
    while ctx.subject is None or ctx.subject.info.id != "fractions":  # the subject list
        QTest.qWait(100)
        if window.tutor.subject.count():
            window.tutor.subject.setCurrentIndex(window.tutor.subject.findData("fractions"))
    QTest.keyClicks(window.tutor.question, question)
    QTest.keyClick(window.tutor.question, Qt.Key.Key_Return)
    _wait_for(window.tutor.answer_finished)
    path = _save(window, "tutor-answer.png")
    window.close()
    ctx.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--question", default="What is a fraction?")
    args = parser.parse_args(argv)
    DOCS.mkdir(parents=True, exist_ok=True)
    print(tutor_answer(args.question))
    return 0


if __name__ == "__main__":
    sys.exit(main())
