"""The Practice screen: one question at a time, Check, immediate feedback, Hint, Next.

Grading, storing and hints run through :mod:`app.ops.practice` (never on the GUI thread).
A wrong answer shows what went wrong and the Hint button is offered; an answer that
cannot be read (an empty box, "abc" for a number) only says what to type, and is not
counted. Nothing the learner typed is logged.

The tutor panel beside the question holds the hints ("Hint 1 of 3 · nudge") and the
learner's own questions about this question, answered under the Socratic guard
(:func:`app.ops.practice.reply`). It is cleared for the next question and at sign-out.
"""

from __future__ import annotations

import itertools
import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.content.model import Pack, Question
from app.core.learner.grading import Verdict
from app.core.tutor.hints import LEVEL_NAMES
from app.ops import practice as practice_ops
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from app.ui.button_row import ButtonRow
from app.ui.errors import describe_error
from app.ui.i18n import translated
from app.ui.practice.inputs import AnswerInput, make_input
from app.ui.tutor.beside import SideBySide
from app.ui.tutor.panel import OnError, OnReply, OnText, PanelReply, TutorPanel
from inference.params import GenerationParams


def pick_questions(pack: Pack, *, skill_id: str | None = None,
                   lesson_id: str | None = None) -> list[Question]:
    """The questions on a lesson or skill (all of the pack's if neither), easiest first."""
    lesson = pack.lesson(lesson_id) if lesson_id else None
    skills = set(lesson.skills) if lesson else {skill_id} if skill_id else None
    chosen = [q for q in pack.questions
              if skills is None or q.skill in skills or (lesson and q.lesson == lesson.id)]
    return sorted(chosen, key=lambda q: q.difficulty)


class PracticePage(QWidget):
    """Signals:
    answered: an answer was graded and stored (carries :class:`practice_ops.Checked`).
    feedback_shown / hint_shown: the feedback or hint text is on screen (the hint in
    the tutor panel).
    """

    answered = Signal(object)
    feedback_shown = Signal()
    hint_shown = Signal()

    def __init__(self, ctx: AppContext, *, params: GenerationParams | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._params = params
        self.pack: Pack | None = None
        self.questions: list[Question] = []
        self.index = 0
        self.input: AnswerInput | None = None
        self._wrong = self._hints = 0
        self._levels = len(LEVEL_NAMES)  # the hint ladder's height (practice_ops.Hint)
        self._shown_at = time.monotonic()
        self._serial = 0  # which showing of a question a late hint belongs to
        self._make_widgets()
        self._layout()
        self._show_empty()

    def _make_widgets(self) -> None:
        self.title = QLabel(self.tr("Practice"))
        self.title.setObjectName("pageTitle")
        self.counter = QLabel()
        self.counter.setObjectName("pageIntro")
        self.prompt = QLabel()
        self.prompt.setObjectName("questionPrompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.MarkdownText)
        self.prompt.setAccessibleName(self.tr("Question"))
        self.input_box = QVBoxLayout()
        self.check_button = self._button(self.tr("Check my answer"), self.check,
                                         self.tr("Marks your answer and says how you did"))
        self.check_button.setDefault(True)
        self.hint_button = self._button(self.tr("Hint"), self.ask_hint,
                                        self.tr("Shows a hint; each press gives more help"))
        self.next_button = self._button(self.tr("Next question"), self.next_question,
                                        self.tr("Goes on to the next question"))
        self.feedback = self._message("practiceFeedback", self.tr("Feedback"))
        self.tutor = TutorPanel(
            self.ctx, params=self._params, compact=True, asker=self._ask_about_question,
            title=self.tr("Tutor"),
            intro=self.tr("Stuck? Press Hint, or ask about this question here. The tutor "
                          "won't tell you the answer, but it helps you find it."),
            closed_reason=self.tr("Your teacher has turned off questions to the tutor. "
                                  "Hint still helps you with this question."))
        self.tutor.set_prompt(self.tr("Ask about this question…"))
        self.tutor.busy_changed.connect(self._update_hint_button)

    def _button(self, text: str, slot: object, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        button.clicked.connect(slot)
        return button

    def _message(self, name: str, accessible: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAccessibleName(accessible)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _layout(self) -> None:
        buttons = ButtonRow([self.check_button, self.hint_button], [self.next_button])
        practice = QWidget()
        column = QVBoxLayout(practice)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.counter)
        column.addWidget(self.prompt)
        column.addLayout(self.input_box)
        column.addWidget(buttons)
        column.addWidget(self.feedback)
        column.addStretch(1)
        self.beside = SideBySide(practice, self.tutor)
        page = QVBoxLayout(self)
        page.addWidget(self.title)
        page.addWidget(self.beside, 1)

    def start(self, pack: Pack, *, skill_id: str | None = None,
              lesson_id: str | None = None) -> None:
        """Practise ``pack``'s questions on a lesson or skill, from the first one."""
        self.pack = pack
        self.questions = pick_questions(pack, skill_id=skill_id, lesson_id=lesson_id)
        self.index = 0
        if self.questions:
            self._show_question()
        else:
            self._show_empty()

    def stop(self) -> None:
        """Leave the current questions (at sign-out): the next learner starts afresh."""
        self.pack, self.questions, self.index = None, [], 0
        self._serial += 1
        self.feedback.hide()
        self.tutor.clear()
        self._show_empty()

    @property
    def question(self) -> Question | None:
        return self.questions[self.index] if self.questions else None

    def _show_empty(self) -> None:
        self.counter.setText("")
        self.prompt.setText(self.tr("Choose something to practise on the Home screen, or "
                                    "open a lesson in Learn and press “Practise this lesson”."))
        self._set_input(None)
        for button in (self.check_button, self.hint_button, self.next_button):
            button.setEnabled(False)
        self.tutor.setEnabled(False)  # nothing to ask about yet

    def _show_question(self) -> None:
        question = self.question
        assert question is not None
        self.counter.setText(self.tr("Question {n} of {total}").format(
            n=self.index + 1, total=len(self.questions)))
        self.prompt.setText(question.prompt)
        self._set_input(make_input(question))
        self._wrong = self._hints = 0
        self._shown_at = time.monotonic()
        self._serial += 1
        self.feedback.hide()
        self.tutor.clear()  # hints and questions were about the previous question
        self.tutor.setEnabled(True)
        for button in (self.check_button, self.hint_button, self.next_button):
            button.setEnabled(True)
        self._update_hint_button(False)
        self._fix_tab_order()
        if self.input is not None and self.isVisible():
            self.input.focus_target().setFocus()

    def _set_input(self, widget: AnswerInput | None) -> None:
        if self.input is not None:
            self.input_box.removeWidget(self.input)
            self.input.deleteLater()
        self.input = widget
        if widget is not None:
            widget.submitted.connect(self.check)
            self.input_box.addWidget(widget)

    def _fix_tab_order(self) -> None:
        if self.input is None:
            return
        order = [self.input.focus_target(), self.check_button, self.hint_button,
                 self.next_button, *self.tutor.tab_chain()]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def check(self) -> None:
        """Grade the current answer (in the background) and show the outcome."""
        if self.pack is None or self.question is None or self.input is None:
            return
        self.check_button.setEnabled(False)
        attempt = practice_ops.Attempt(self.pack, self.question, self.input.value(),
                                       self._wrong, self._hints,
                                       time.monotonic() - self._shown_at)
        practice_ops.check_answer(parent=self, ctx=self.ctx, attempt=attempt,
                                  on_done=self._on_checked, on_error=self._on_error)

    def _on_checked(self, checked: practice_ops.Checked) -> None:
        self.check_button.setEnabled(True)
        grade = checked.grade
        # Grading's sentences are messages in English; each is translated before the
        # parts are joined (a joined string is plain English again).
        graded = translated(grade.message)
        if grade.verdict is Verdict.CORRECT:
            text = self.tr("Right! Well done.") + (f" {graded}" if graded else "")
            self.next_button.setFocus()
        elif grade.verdict is Verdict.UNREADABLE:
            text = graded
        else:
            self._wrong += 1
            parts = [translated(checked.feedback.message) if checked.feedback else "", graded]
            if checked.feedback and checked.feedback.solution:
                parts.append(self.tr("Worked solution: {text}").format(
                    text=checked.feedback.solution))
            text = " ".join(p for p in parts if p) or self.tr("Not quite yet.")
        self._say(self.feedback, text, grade.verdict.value)
        if checked.counted:
            self.answered.emit(checked)
        self.feedback_shown.emit()

    def ask_hint(self) -> None:
        """Show the next hint up the ladder for this question, in the tutor panel."""
        if self.pack is None or self.question is None:
            return
        self.tutor.run(self._start_hint, label=self.tr("Hint"))

    def _start_hint(self, _on_text: OnText, on_reply: OnReply, on_error: OnError
                    ) -> TaskHandle:
        assert self.pack is not None and self.question is not None
        serial = self._serial
        return practice_ops.hint(parent=self, ctx=self.ctx, pack=self.pack,
                                 question=self.question, wrong_attempts=self._wrong,
                                 hints_shown=self._hints,
                                 on_done=lambda hint: self._on_hint(hint, on_reply, serial),
                                 on_error=on_error)

    def _on_hint(self, hint: practice_ops.Hint, on_reply: OnReply, serial: int) -> None:
        if serial != self._serial:
            return  # a hint for a question that is gone (Next, sign-out)
        if hint.stopped:
            on_reply(PanelReply(""))
            return
        self._hints = max(self._hints, hint.level + 1)
        self._levels = hint.levels
        names = (self.tr("nudge"), self.tr("scaffold"), self.tr("worked step"))
        label = self.tr("Hint {n} of {total} · {name}").format(
            n=hint.level + 1, total=hint.levels, name=names[hint.level])
        on_reply(PanelReply(hint.text, label=label))
        self.hint_shown.emit()

    def _ask_about_question(self, text: str, on_text: OnText, on_reply: OnReply,
                            on_error: OnError) -> TaskHandle:
        assert self.pack is not None and self.question is not None  # the panel is off else
        return practice_ops.reply(parent=self, ctx=self.ctx, pack=self.pack,
                                  question=self.question, message=text,
                                  wrong_attempts=self._wrong, hints_shown=self._hints,
                                  on_done=lambda reply: on_reply(
                                      PanelReply(translated(reply.text))),
                                  on_error=on_error)

    @property
    def hints_left(self) -> bool:
        """Whether Hint has a higher level to show (the worked step is the last)."""
        return self._hints < self._levels

    def _update_hint_button(self, busy: bool) -> None:
        # At the top of the ladder the button says so, instead of adding the same
        # worked step again.
        left = self.hints_left
        self.hint_button.setText(self.tr("Hint") if left else self.tr("No more hints"))
        self.hint_button.setAccessibleName(self.hint_button.text())
        self.hint_button.setToolTip("" if left else self.tr(
            "That was the last hint: the worked step. Ask the tutor about this question, "
            "or try the next one."))
        self.hint_button.setEnabled(not busy and left and self.question is not None)

    def next_question(self) -> None:
        if not self.questions:
            return
        self.index = (self.index + 1) % len(self.questions)
        self._show_question()

    def _on_error(self, error: Exception) -> None:
        self.check_button.setEnabled(True)
        self._say(self.feedback, describe_error(error), "error")
        self.feedback_shown.emit()

    def _say(self, label: QLabel, text: str, kind: str) -> None:
        label.setProperty("verdict", kind)
        label.setText(text)
        label.setAccessibleDescription(text)
        label.style().unpolish(label)
        label.style().polish(label)
        label.show()
