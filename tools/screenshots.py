"""Every screen of Lantern, in English and Simplified Chinese, from the real app.

    make screenshots
    (= xvfb-run -a -s "-screen 0 1280x860x24" .venv/bin/python -m tools.screenshots)

Writes ``docs/screens/<screen>.<language>.png`` for signin, home, learn, practice, tutor,
progress, about-me, summary, teacher-report (and teacher-report-pdf: page 1 of the saved
PDF, rendered by poppler's ``pdftoppm``), settings, device (This laptop) and teacher
(For teachers); then, in each language, practice, learn, tutor, progress, home, settings,
device and teacher in the smallest window (720x480) at 200 % text (``NAME-720-200``;
``device-teacher`` and ``teacher-unlocked`` in teacher mode), practice and tutor there in
high contrast (``NAME-720-200-high-contrast``), and practice and home at 200 % in high
contrast. Each language runs in its own process with a throwaway ``LANTERN_HOME`` whose
settings choose that language, exactly as a learner's would: real profiles (Argon2id,
SQLCipher), the real starter pack, the real models. The driver types and clicks like a
learner (a wrong passphrase, then the right one; a wrong answer and a hint) and waits by
running the event loop. ``--language zh_CN`` runs one; ``--layout-only`` takes only the
small-window and high-contrast screens, without waiting for the model to write (a busy
machine); ``--only-personal`` takes just about-me, summary and the teacher report.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

DOCS = Path(__file__).resolve().parents[1] / "docs" / "screens"
LANGUAGES = ("en", "zh_CN")
SIZE = (1100, 760)
SMALLEST = (720, 480)  # the window's minimum size
# What a learner of each language would use: nicknames, the subject, a question.
LEARNERS = {"en": ("Mia", "Sam", "Noor"), "zh_CN": ("小明", "乐乐", "安安")}
PACK = {"en": "fractions", "zh_CN": "fractions-zh"}
# The questions a weak model got wrong (docs/models.md): the screenshots show the answers.
QUESTION = {"en": "Is 2/4 the same as 1/2?", "zh_CN": "3/4和2/3哪个大？"}
# A word problem: the model writes the calculation, code works it out (calculation.py).
WORD_PROBLEM = {"en": "You have 20 stickers and give away 3/4 of them. How many do you give away?",
                "zh_CN": "小明有12个苹果，吃了其中的1/3，吃了几个？"}
LESSON_QUESTION = {"en": "How do I simplify a fraction?", "zh_CN": "分数的分子和分母表示什么？"}
PASSPHRASE = "purple tiger jumps high"
LESSON = {"en": "what-is-a-fraction", "zh_CN": "ren-shi-fen-shu"}
ABOUT_ME = {"en": ("football, space", "get ready for the test on Friday"),
            "zh_CN": ("足球, 太空", "为周五的测验做准备")}
GOAL_SKILLS = ("fraction-meaning", "equivalent-fractions")


def wait_until(cond: Callable[[], bool], what: str, timeout_s: float = 600) -> None:
    """Run the event loop until ``cond``; generous, as hints and answers need the model."""
    end = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > end:
            raise SystemExit(f"timed out waiting for {what}")
        QTest.qWait(20)


class Driver:
    """One language's run: the window, and the steps a learner takes."""

    def __init__(self, language: str) -> None:
        from app.ops.context import AppContext
        from app.settings import AIPolicySettings, Settings, save_settings
        from app.ui.application import create_application
        from app.ui.i18n import UiLanguage
        from app.ui.main_window import show_main_window
        from app.ui.style import apply_style

        self.language = language
        self.app = create_application()
        self.ctx = AppContext.create()
        # A teacher's shorter answers (AI policy): the whole exchange fits on screen.
        self.ctx.settings = Settings(language=language,  # type: ignore[arg-type]
                                     ai_policy=AIPolicySettings(max_answer_tokens=100))
        save_settings(self.ctx.settings, self.ctx.paths.settings_file)
        self.ui_language = UiLanguage(self.app)
        if not self.ui_language.install(language):
            raise SystemExit(f"the {language} translation is missing: run `make translations`")
        apply_style(self.app, self.ctx.settings)
        self.window = show_main_window(self.ctx)
        self.window.move(0, 0)
        self.window.resize(*SIZE)

    def shot(self, name: str) -> None:
        QTest.qWait(600)  # let the last repaint land
        frame = self.window.frameGeometry()
        path = DOCS / f"{name}.{self.language}.png"
        QApplication.primaryScreen().grabWindow(
            0, frame.x(), frame.y(), frame.width(), frame.height()).save(str(path))
        print("saved", path.relative_to(DOCS.parents[1]), flush=True)

    def new_profile(self, nickname: str, avatar: int) -> None:
        from app.ui.signin.dialogs import NewProfileDialog

        signin = self.window.signin
        QTest.mouseClick(signin.new_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: any(d.isVisible() for d in signin.findChildren(NewProfileDialog)),
                   "the new-profile dialog")
        dialog = next(d for d in signin.findChildren(NewProfileDialog) if d.isVisible())
        dialog.nickname.setText(nickname)  # QTest types ASCII only
        dialog.avatar.setCurrentIndex(avatar)
        QTest.keyClicks(dialog.passphrase, PASSPHRASE)
        QTest.keyClicks(dialog.repeat, PASSPHRASE)
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: self.window.signed_in, "signed in")
        self.settle()

    def settle(self) -> None:
        """Let the db lane finish what signing in started (the teacher page loads the
        class-summary settings in two steps); signing out in between shows an error."""
        for _ in range(3):
            self.ctx.runner.submit("db", lambda: None).result(timeout=60)
            QTest.qWait(100)

    def sign_out(self) -> None:
        QTest.mouseClick(self.window.sign_out_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: not self.window.signed_in and self.ctx.profile is None, "signed out")

    def sign_in(self, nickname: str, passphrase: str) -> None:
        signin = self.window.signin
        people = signin.people
        wait_until(lambda: any(people.item(r).text() == nickname
                               for r in range(people.count())), "the profile list")
        people.setCurrentRow(next(r for r in range(people.count())
                                  if people.item(r).text() == nickname))
        signin.passphrase.clear()
        QTest.keyClicks(signin.passphrase, passphrase)
        QTest.mouseClick(signin.sign_in_button, Qt.MouseButton.LeftButton)

    def signin_screens(self) -> None:
        """Three learners on this laptop, and a wrong passphrase (its message shows)."""
        wait_until(lambda: self.window.signin.message.isVisible(), "the sign-in screen")
        for avatar, nickname in zip((0, 3, 4), LEARNERS[self.language], strict=True):
            self.new_profile(nickname, avatar)
            self.sign_out()
        first = LEARNERS[self.language][0]
        self.sign_in(first, "purple tiger jumps low")
        wait_until(lambda: self.window.signin.message.styleSheet() != "", "the wrong message")
        self.shot("signin")
        self.sign_in(first, PASSPHRASE)
        wait_until(lambda: self.window.signed_in, "the right passphrase")

    def learning_screens(self) -> None:
        learning = self.window.learning
        home = learning.home
        wait_until(lambda: home.subject.findData(PACK[self.language]) >= 0, "the subjects")
        home.subject.setCurrentIndex(home.subject.findData(PACK[self.language]))
        wait_until(lambda: bool(home.cards), "today's plan")
        home.cards[0].why.click()
        self.shot("home")
        home.cards[0].start.click()
        learn = learning.learn
        self.window.show_page(learn)
        ask_and_wait(learn.tutor, LESSON_QUESTION[self.language])
        self.shot("learn")  # a cited answer from the real model beside the lesson
        learn.practise.click()
        practice = learning.practice
        enter(practice, right=False)
        wait_until(lambda: practice.feedback.isVisible(), "the feedback")
        hints: list[bool] = []
        practice.hint_shown.connect(lambda: hints.append(True))
        practice.hint_button.click()
        wait_until(lambda: bool(hints), "the hint")
        self.shot("practice")  # feedback, and the hint in the tutor panel beside
        enter(practice, right=True)
        wait_until(lambda: practice.feedback.property("verdict") == "correct", "a right answer")
        self.window.show_page(learning.progress)
        self.shot("progress")

    def layout_screens(self) -> None:
        """What the layout shots need, without waiting for a model to write: one learner,
        a lesson open in Learn, a checked wrong answer in Practice, the tutor's subject."""
        wait_until(lambda: self.window.signin.message.isVisible(), "the sign-in screen")
        self.new_profile(LEARNERS[self.language][0], 0)
        learning = self.window.learning
        home = learning.home
        wait_until(lambda: home.subject.findData(PACK[self.language]) >= 0, "the subjects")
        home.subject.setCurrentIndex(home.subject.findData(PACK[self.language]))
        wait_until(lambda: bool(home.cards), "today's plan")
        home.cards[0].start.click()
        learning.learn.practise.click()
        practice = learning.practice
        enter(practice, right=False)
        wait_until(lambda: practice.feedback.isVisible(), "the feedback")
        tutor = self.window.tutor
        wait_until(lambda: tutor.subject.findData(PACK[self.language]) >= 0, "the subjects")
        tutor.subject.setCurrentIndex(tutor.subject.findData(PACK[self.language]))

    def other_screens(self) -> None:
        window = self.window
        for name, page in (("settings", window.settings), ("device", window.device_page),
                           ("teacher", window.teacher)):
            window.show_page(page)
            self.shot(name)

    def tutor_screen(self) -> None:
        window, tutor = self.window, self.window.tutor
        wait_until(lambda: self.ctx.models.status("chat").state.name in ("READY", "FAILED"),
                   "the models")
        window.show_page(tutor)
        wait_until(lambda: tutor.subject.findData(PACK[self.language]) >= 0, "the subjects")
        tutor.subject.setCurrentIndex(tutor.subject.findData(PACK[self.language]))
        ask_and_wait(tutor, QUESTION[self.language])
        self.shot("tutor")
        ask_and_wait(tutor, WORD_PROBLEM[self.language])
        self.shot("tutor-word-problem")

    def practise_a_little(self) -> None:
        """Three answers on the subject (two right), so the report has figures."""
        learning = self.window.learning
        home, practice = learning.home, learning.practice
        wait_until(lambda: home.subject.findData(PACK[self.language]) >= 0, "the subjects")
        home.subject.setCurrentIndex(home.subject.findData(PACK[self.language]))
        wait_until(lambda: home.pack is not None and bool(home.cards), "today's plan")
        self.window.show_page(practice)
        practice.start(home.pack)
        stored: list[object] = []
        practice.answered.connect(stored.append)
        for number, right in enumerate((True, False, True)):
            wait_until(lambda: practice.input is not None, "a question")
            enter(practice, right=right)
            wait_until(lambda: len(stored) > number, "the answer stored")  # noqa: B023
            practice.next_button.click()

    def personal_screens(self) -> None:
        """About me filled in, a lesson's summary, and the teacher report with its PDF."""
        self.about_me()
        learn = self.window.learning.learn
        self.window.show_page(learn)
        learn.show_lesson(PACK[self.language], LESSON[self.language])
        finished: list[str] = []
        learn.tutor.answer_finished.connect(finished.append)
        learn.summary.click()
        wait_until(lambda: bool(finished), "the summary")
        self.shot("summary")
        self.teacher_report()

    def about_me(self) -> None:
        section = self.window.settings.about_me
        self.window.show_page(self.window.settings)
        wait_until(section.isEnabled, "About me")
        interests, goal = ABOUT_ME[self.language]
        section.interests.setText(interests)  # QTest types ASCII only
        section.goal.setText(goal)
        for row in range(section.skills.count()):
            item = section.skills.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in GOAL_SKILLS:
                item.setCheckState(Qt.CheckState.Checked)
        section.pace.setCurrentIndex(section.pace.findData("fast"))
        saved: list[object] = []
        section.saved.connect(saved.append)
        section.save_button.click()
        wait_until(lambda: bool(saved), "About me saved")
        self.shot("about-me")

    def teacher_report(self) -> None:
        from app.ui.progress.report import TeacherReportDialog

        progress = self.window.learning.progress
        self.window.show_page(progress)
        progress.report_button.click()
        wait_until(lambda: any(d.report is not None for d in
                               progress.findChildren(TeacherReportDialog)), "the report")
        dialog = next(d for d in progress.findChildren(TeacherReportDialog) if d.report)
        QTest.qWait(600)
        path = DOCS / f"teacher-report.{self.language}.png"
        dialog.grab().save(str(path))
        print("saved", path.relative_to(DOCS.parents[1]), flush=True)
        self.report_pdf_page(dialog)
        dialog.close()

    def report_pdf_page(self, dialog: object) -> None:
        """Save the report as a PDF (as the learner would) and render its page 1 to PNG."""
        with tempfile.TemporaryDirectory(prefix="lantern-report-") as folder:
            pdf = Path(folder) / "report.pdf"
            saved: list[str] = []
            dialog.saved.connect(saved.append)  # type: ignore[attr-defined]
            dialog.save_pdf(pdf)  # type: ignore[attr-defined]
            wait_until(lambda: bool(saved), "the PDF")
            target = DOCS / f"teacher-report-pdf.{self.language}"
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1",
                            "-singlefile", str(pdf), str(target)], check=True)
            png = target.with_name(target.name + ".png")  # pdftoppm adds the suffix
            print("saved", png.relative_to(DOCS.parents[1]), flush=True)

    def small_large_text(self) -> None:
        """The smallest window (720x480) at 200 % text, then in high contrast too."""
        settings, learning, window = self.window.settings, self.window.learning, self.window
        settings.font_scale.setCurrentIndex(settings.font_scale.findData(200))
        window.resize(*SMALLEST)
        pages = (("practice", learning.practice), ("learn", learning.learn),
                 ("tutor", window.tutor), ("progress", learning.progress),
                 ("home", learning.home), ("settings", window.settings),
                 ("device", window.device_page), ("teacher", window.teacher))
        for name, page in pages:
            window.show_page(page)
            self.shot(f"{name}-720-200")
        window.teacher.mode.enter()  # what a teacher sees once unlocked (no passphrase here)
        for name, page in (("device-teacher", window.device_page),
                           ("teacher-unlocked", window.teacher)):
            window.show_page(page)
            self.shot(f"{name}-720-200")
        window.teacher.mode.leave()
        settings.theme.setCurrentIndex(settings.theme.findData("high-contrast"))
        for name, page in (("practice", learning.practice), ("tutor", window.tutor)):
            window.show_page(page)
            self.shot(f"{name}-720-200-high-contrast")
        window.resize(*SIZE)
        for name, page in (("practice", learning.practice), ("home", learning.home)):
            window.show_page(page)
            self.shot(f"{name}-200-high-contrast")

    def close(self) -> None:
        self.window.close()
        self.ctx.close()


def ask_and_wait(tutor: object, question: str) -> None:
    """Ask a tutor panel ``question`` as a learner would (Enter) and wait for the answer."""
    finished: list[str] = []
    tutor.answer_finished.connect(finished.append)  # type: ignore[attr-defined]
    tutor.question.setText(question)  # type: ignore[attr-defined]  # QTest types ASCII only
    QTest.keyClick(tutor.question, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    wait_until(lambda: bool(finished), "the tutor's answer")


def enter(practice: object, *, right: bool) -> None:
    """Answer the question on screen, rightly or wrongly, and press Check."""
    from app.ui.practice.inputs import ChoiceInput, TextInput, TrueFalseInput

    question, widget = practice.question, practice.input  # type: ignore[attr-defined]
    if isinstance(widget, ChoiceInput):
        wanted = [i for i, c in enumerate(question.choices) if c.correct == right]
        for index in wanted if widget.several else wanted[:1]:
            widget.buttons[index].click()
    elif isinstance(widget, TrueFalseInput):
        truth = (question.answer == "true") == right
        (widget.true_button if truth else widget.false_button).click()
    elif isinstance(widget, TextInput):
        widget.edit.setText(question.answer if right else "2/8")
    practice.check_button.click()  # type: ignore[attr-defined]


def run_language(language: str, *, layout_only: bool = False, only_personal: bool = False,
                 only_tutor: bool = False, only_signin: bool = False) -> None:
    driver = Driver(language)
    try:
        if only_signin:
            driver.signin_screens()
            return
        if only_tutor:  # the tutor answering the screenshot question, with the real model
            driver.new_profile(LEARNERS[language][0], 0)
            driver.tutor_screen()
            return
        if only_personal:  # About me, the summary and the teacher report, quickly
            driver.new_profile(LEARNERS[language][0], 0)
            driver.practise_a_little()
            driver.personal_screens()
            return
        if layout_only:
            driver.layout_screens()
            driver.small_large_text()
            return
        driver.signin_screens()
        driver.learning_screens()
        driver.personal_screens()
        driver.other_screens()
        driver.tutor_screen()
        driver.small_large_text()
    finally:
        driver.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--language", choices=LANGUAGES,
                        help="only this language, in this process (default: each, in turn)")
    parser.add_argument("--layout-only", action="store_true",
                        help="only the 720x480 and high-contrast screens, without waiting "
                             "for the model's answers (quick, on a busy machine)")
    parser.add_argument("--only-personal", action="store_true",
                        help="only About me, the lesson summary and the teacher report")
    parser.add_argument("--only-signin", action="store_true",
                        help="only the sign-in screens and their dialogs")
    parser.add_argument("--only-tutor", action="store_true",
                        help="only Ask the tutor, answering QUESTION with the real model")
    args = parser.parse_args(argv)
    DOCS.mkdir(parents=True, exist_ok=True)
    if args.language:
        run_language(args.language, layout_only=args.layout_only,
                     only_personal=args.only_personal, only_tutor=args.only_tutor,
                     only_signin=args.only_signin)
        # Every file is saved and the context closed. Skip the interpreter's final garbage
        # collection: PySide6 sometimes aborts in it ("none_dealloc") after a long run.
        sys.stdout.flush()
        os._exit(0)
    for language in LANGUAGES:  # a fresh process each: translators load before any widget
        with tempfile.TemporaryDirectory(prefix="lantern-shots-") as home:
            env = dict(os.environ, LANTERN_HOME=home)
            extra = ["--layout-only"] if args.layout_only else []
            extra += ["--only-personal"] if args.only_personal else []
            extra += ["--only-tutor"] if args.only_tutor else []
            extra += ["--only-signin"] if args.only_signin else []
            done = subprocess.run([sys.executable, "-m", "tools.screenshots", "--language",
                                   language, *extra], env=env, check=False)
            if done.returncode:
                return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
