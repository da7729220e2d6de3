"""The learner's screens and how they lead to each other.

Home → a recommendation opens Learn (a new lesson) or Practice (a new skill, practice,
review, challenge); Learn → "Practise this lesson" (or, in a subject with questions but
no lessons, "Practise this subject") opens Practice; every stored answer refreshes
Home's plan and the Progress page. The subject is one choice shared by Home and
Progress's picker, remembered per learner in their profile and chosen again at sign-in;
at sign-in, and whenever the installed packs change, answers stored before skills were
told apart by pack are handed to their pack first (the db lane runs in order, so the
plan that follows already counts them). :class:`LearningScreens` owns the four pages and this
routing, so the main window only lays them out; ``go_to`` is how the routing switches the
visible page (the main window passes its navigation).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from app.core.content.library import LibraryPack
from app.core.content.model import Pack
from app.core.learner.activities import Kind, Recommendation
from app.core.learner.progress import ProgressData, compute_progress
from app.core.learner.reviews import Reviews
from app.ops import practice as practice_ops
from app.ops.context import AppContext
from app.ui.home.page import HomePage
from app.ui.learn.page import LearnPage
from app.ui.practice.page import PracticePage
from app.ui.progress.page import ProgressPage
from app.ui.progress.report import TeacherReportDialog
from inference.params import GenerationParams


class LearningScreens(QObject):
    """Home, Learn, Practice and Progress, wired together."""

    def __init__(self, ctx: AppContext, go_to: Callable[[QWidget], None],
                 parent: QObject | None = None, *,
                 params: GenerationParams | None = None) -> None:
        """``params``: the tutor panels' generation settings (tests: deterministic)."""
        super().__init__(parent)
        self._ctx = ctx
        self._go_to = go_to
        self._pending_subject: str | None = None  # remembered, its pack not listed yet
        self.packs: dict[str, LibraryPack] = {}
        self.home = HomePage(ctx)
        self.learn = LearnPage(ctx, params=params)
        self.practice = PracticePage(ctx, params=params)
        self.progress = ProgressPage()
        self.home.activity_chosen.connect(self.follow)
        self.home.snapshot_ready.connect(self.progress.set_data)
        self.progress.activity_chosen.connect(self._on_progress_chosen)
        self.progress.report_requested.connect(self.open_report)
        self.home.subject_chosen.connect(self._on_subject_chosen)
        self.progress.subject_chosen.connect(self._on_progress_subject)
        self.learn.practise_requested.connect(self._on_practise_lesson)
        self.practice.answered.connect(lambda _checked: self.home.refresh())

    def set_packs(self, packs: list[LibraryPack]) -> None:
        self.packs = {entry.pack.info.id: entry for entry in packs}
        if self._ctx.profile is not None:
            practice_ops.claim_answers(parent=self.home, ctx=self._ctx,
                                       packs=[entry.pack for entry in packs])
        self.learn.set_packs(packs)
        self.home.set_packs(packs)
        if self._pending_subject in self.packs:
            self._on_remembered(self._pending_subject)
        self.progress.set_subjects([(e.pack.info.id, e.pack.info.title) for e in packs],
                                   self.home.subject.currentData())

    def _on_subject_chosen(self, pack_id: str) -> None:
        """The learner chose a subject on Home: remember it, show it on Progress."""
        practice_ops.remember_subject(parent=self.home, ctx=self._ctx, pack_id=pack_id)
        self.progress.show_subject(pack_id)

    def _on_progress_subject(self, pack_id: str) -> None:
        if self.home.choose_subject(pack_id):  # its snapshot redraws Progress
            practice_ops.remember_subject(parent=self.home, ctx=self._ctx, pack_id=pack_id)

    def _on_remembered(self, pack_id: str | None) -> None:
        """Open the learner's last subject; if the packs are not listed yet, once they are."""
        self._pending_subject = None
        if pack_id and self.home.choose_subject(pack_id):
            self.learn.choose_subject(pack_id)
        else:
            self._pending_subject = pack_id
            self.home.refresh()
        self.progress.show_subject(self.home.subject.currentData())

    def follow(self, pack: Pack, rec: Recommendation) -> None:
        """Open what a recommendation suggests."""
        if rec.kind is Kind.NEW_LESSON and self.learn.show_lesson(pack.info.id, rec.target_id):
            self._go_to(self.learn)
            self.learn.reader.setFocus()
            return
        self.practice.start(pack, skill_id=rec.skill_id)
        self._go_to(self.practice)
        if self.practice.input is not None:
            self.practice.input.focus_target().setFocus()

    def _on_progress_chosen(self, rec: Recommendation) -> None:
        if self.home.pack is not None:
            self.follow(self.home.pack, rec)

    def open_report(self) -> TeacherReportDialog | None:
        """The "Report for my teacher" dialog for the subject Progress shows (None: none)."""
        entry = self.packs.get(self.progress.subject.currentData() or "")
        if entry is None:
            return None
        dialog = TeacherReportDialog(self._ctx, entry.pack, self.progress)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.start()
        dialog.open()
        return dialog

    def _on_practise_lesson(self, pack_id: str, lesson_id: str) -> None:
        entry = self.packs.get(pack_id)
        if entry is None:
            return
        self.practice.start(entry.pack, lesson_id=lesson_id or None)
        self._go_to(self.practice)
        if self.practice.input is not None:
            self.practice.input.focus_target().setFocus()

    def signed_in(self) -> None:
        """Hand earlier answers to their packs, then open the learner's last subject."""
        practice_ops.claim_answers(parent=self.home, ctx=self._ctx,
                                   packs=[entry.pack for entry in self.packs.values()])
        practice_ops.load_subject(parent=self.home, ctx=self._ctx, on_done=self._on_remembered)

    def signed_out(self) -> None:
        """Drop what the learner saw: their plan, their question, their figures, and
        what they asked the tutor beside the lesson and the question."""
        self._pending_subject = None
        self.home.clear()
        self.learn.clear_tutor()
        self.practice.stop()
        self.progress.set_data(empty_progress(), [])


def empty_progress() -> ProgressData:
    """Figures with no skills and no answers (what the page shows before sign-in)."""
    return compute_progress(skills=[], states={}, attempts=[], cards=[], reviews=Reviews(),
                            today=date.today())
