"""The learner's screens and how they lead to each other.

Home → a recommendation opens Learn (a new lesson) or Practice (practice, review,
challenge); Learn → "Practise this lesson" opens Practice; every stored answer refreshes
Home's plan and the Progress page. :class:`LearningScreens` owns the four pages and this
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
        self._go_to = go_to
        self._ctx = ctx
        self.packs: dict[str, LibraryPack] = {}
        self.home = HomePage(ctx)
        self.learn = LearnPage(ctx, params=params)
        self.practice = PracticePage(ctx, params=params)
        self.progress = ProgressPage()
        self.home.activity_chosen.connect(self.follow)
        self.home.snapshot_ready.connect(self.progress.set_data)
        self.progress.activity_chosen.connect(self._on_progress_chosen)
        self.progress.report_requested.connect(self.open_report)
        self.learn.practise_requested.connect(self._on_practise_lesson)
        self.practice.answered.connect(lambda _checked: self.home.refresh())

    def set_packs(self, packs: list[LibraryPack]) -> None:
        self.packs = {entry.pack.info.id: entry for entry in packs}
        self.learn.set_packs(packs)
        self.home.set_packs(packs)

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
        """The "Report for my teacher" dialog for the subject on Home (None: no subject)."""
        if self.home.pack is None:
            return None
        dialog = TeacherReportDialog(self._ctx, self.home.pack, self.progress)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.start()
        dialog.open()
        return dialog

    def _on_practise_lesson(self, pack_id: str, lesson_id: str) -> None:
        entry = self.packs.get(pack_id)
        if entry is None:
            return
        self.practice.start(entry.pack, lesson_id=lesson_id)
        self._go_to(self.practice)
        if self.practice.input is not None:
            self.practice.input.focus_target().setFocus()

    def signed_in(self) -> None:
        self.home.refresh()

    def signed_out(self) -> None:
        """Drop what the learner saw: their plan, their question, their figures, and
        what they asked the tutor beside the lesson and the question."""
        self.home.clear()
        self.learn.clear_tutor()
        self.practice.stop()
        self.progress.set_data(empty_progress(), [])


def empty_progress() -> ProgressData:
    """Figures with no skills and no answers (what the page shows before sign-in)."""
    return compute_progress(skills=[], states={}, attempts=[], cards=[], reviews=Reviews(),
                            today=date.today())
