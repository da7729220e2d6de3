"""Progress with its subject picker, on an imported quiz the learner has practised.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.subject_screens [--language zh_CN]

Writes ``docs/screens/progress-subjects.<language>.png``: a throwaway ``LANTERN_HOME``,
the shared GIFT sample (``../shared/data/quiz/qas_editor/gift/all.gift``) imported as a
teacher would, a real profile, a few answers given through the real Practice page, then
the quiz chosen in Progress's picker. The window is rendered with ``QWidget.grab`` so it
works without a display server.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tools.screenshots import DOCS, LEARNERS, Driver, wait_until

QUIZ = (Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quiz" /
        "qas_editor" / "gift" / "all.gift")


def install_quiz() -> str:
    from app.core.content.importers.install import import_and_install
    from app.paths import AppPaths
    from inference.cancel import CancelToken

    target = AppPaths.default().ensure().data / "content"
    _report, installed = import_and_install(QUIZ, cancel=CancelToken(), target=target)
    if installed is None:
        raise SystemExit(f"nothing could be imported from {QUIZ}")
    return installed.pack.info.id


def practise(driver: Driver, pack_id: str, answers: int) -> None:
    """Start the quiz's first recommendation and answer ``answers`` questions."""
    learning = driver.window.learning
    home = learning.home
    home.subject.setCurrentIndex(home.subject.findData(pack_id))
    wait_until(lambda: bool(home.cards) and home.pack is not None
               and home.pack.info.id == pack_id, "the quiz's plan")
    home.cards[0].start.click()
    practice = learning.practice
    checked: list[object] = []
    practice.answered.connect(checked.append)
    for number in range(answers):
        question, widget = practice.question, practice.input
        if question is None or widget is None:
            break
        buttons = getattr(widget, "buttons", None) or [
            getattr(widget, "true_button", None)]
        if buttons and buttons[0] is not None:
            buttons[number % len(buttons)].click()
        else:
            QTest.keyClicks(widget.focus_target(), "12")
        before = len(checked)
        QTest.mouseClick(practice.check_button, Qt.MouseButton.LeftButton)
        wait_until(lambda before=before: len(checked) > before  # type: ignore[misc]
                   or practice.feedback.property("verdict") == "unreadable",
                   "the answer checked")
        QTest.mouseClick(practice.next_button, Qt.MouseButton.LeftButton)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--language", choices=tuple(LEARNERS), default="en")
    args = parser.parse_args(argv)
    os.environ["LANTERN_HOME"] = tempfile.mkdtemp(prefix="lantern-subjects-")
    pack_id = install_quiz()
    driver = Driver(args.language)
    driver.new_profile(LEARNERS[args.language][0], 2)
    learning = driver.window.learning
    wait_until(lambda: learning.home.subject.findData(pack_id) >= 0, "the quiz listed")
    practise(driver, pack_id, answers=6)
    driver.settle()
    progress = learning.progress
    driver.window.show_page(progress)
    progress.subject.setCurrentIndex(progress.subject.findData(pack_id))
    wait_until(lambda: learning.home.pack is not None and learning.home.pack.info.id == pack_id
               and bool(progress.cards), "the quiz's progress")
    QTest.qWait(800)
    path = DOCS / f"progress-subjects.{args.language}.png"
    driver.window.grab().save(str(path))
    print("saved", path)
    driver.window.close()
    driver.ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
