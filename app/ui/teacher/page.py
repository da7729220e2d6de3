"""The teachers' page: subjects (content packs), the AI policy, and class summaries (sync).

Behind teacher mode (:mod:`app.ui.teacher.gate`): while it is locked, learners see a
calm note instead of the sections.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ops import sync as sync_ops
from app.ops.context import AppContext
from app.ui.button_row import ButtonRow
from app.ui.errors import describe_error
from app.ui.page_stack import PageStack
from app.ui.sync.settings import SyncSettingsWidget
from app.ui.teacher.gate import LockedNote, TeacherMode
from app.ui.teacher.policy import PolicyPage
from app.ui.wrap_button import WrapButton


class TeacherPage(QWidget):
    def __init__(self, ctx: AppContext, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.content = content
        self.policy = PolicyPage(ctx)
        self.sync_holder = QWidget()
        self._sync_layout = QVBoxLayout(self.sync_holder)
        self.sync: SyncSettingsWidget | None = None
        # The three sections and a row of buttons that picks one. Not a QTabWidget: at
        # 200 % text in a small window its tab names were cut to "Su…" and "AI …"; the
        # buttons become a column there and keep their whole names.
        self.tabs = QStackedWidget()
        self.sections = QButtonGroup(self)
        buttons = []
        for index, (page, name) in enumerate(((content, self.tr("Subjects")),
                                              (self.policy, self.tr("AI policy")),
                                              (self.sync_holder, self.tr("Class summaries")))):
            self.tabs.addWidget(page)
            button = WrapButton(name)
            button.setCheckable(True)
            self.sections.addButton(button, index)
            buttons.append(button)
        buttons[0].setChecked(True)
        self.sections.idClicked.connect(self.tabs.setCurrentIndex)
        self.tabs.currentChanged.connect(
            lambda index: self.sections.button(index).setChecked(True))
        self.section_row = ButtonRow(buttons)
        self.mode = TeacherMode(ctx, self)
        self.mode.changed.connect(self._on_mode_changed)
        self.locked = LockedNote(self.mode, self.tr(
            "These pages are for teachers: the subjects on this laptop, what the tutor may "
            "do, and class summaries. Ask your teacher to unlock them."))
        self.leave_button = QPushButton(self.tr("Leave teacher mode"))
        self.leave_button.clicked.connect(self.mode.leave)
        self.stack = PageStack()  # the locked note is not as wide as the sections
        self.stack.addWidget(self._locked_view())
        self.stack.addWidget(self._unlocked_view())
        title = QLabel(self.tr("For teachers"))
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.stack, 1)
        self._show_sync_note(self.tr("Class summaries belong to a learner profile: they "
                                     "appear here once a learner has signed in."))

    def _locked_view(self) -> QWidget:
        view = QWidget()
        column = QVBoxLayout(view)
        column.addWidget(self.locked)
        column.addStretch(1)
        return view

    def _unlocked_view(self) -> QWidget:
        note = QLabel(self.tr("Teacher mode is on. Leave it before you hand the laptop "
                              "back to a learner."))
        note.setWordWrap(True)
        note.setObjectName("teacherModeOn")
        # Stacked, not side by side: at 200 % text in a small window a row would clip.
        bar = QHBoxLayout()
        bar.addWidget(self.leave_button)
        bar.addStretch(1)
        view = QWidget()
        column = QVBoxLayout(view)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(note)
        column.addLayout(bar)
        column.addWidget(self.section_row)
        column.addWidget(self.tabs, 1)
        return view

    @property
    def unlocked(self) -> bool:
        """True while the teacher controls are shown (teacher mode is on)."""
        return self.stack.currentIndex() == 1

    def _on_mode_changed(self, unlocked: bool) -> None:
        self.stack.setCurrentIndex(1 if unlocked else 0)

    def signed_in(self, skills: Sequence[str]) -> None:
        """Open the signed-in profile's sync settings (off until the teacher turns it on)."""
        sync_ops.open_session(parent=self, ctx=self.ctx, skills=list(skills),
                              on_done=self._on_session,
                              on_error=lambda exc: self._show_sync_note(describe_error(exc)))

    def signed_out(self) -> None:
        """Leave teacher mode and drop the learner's sync settings."""
        self.mode.leave()
        self._show_sync_note(self.tr("Sign in to a learner profile to see its class "
                                     "summaries."))

    def _on_session(self, session: sync_ops.SyncSession) -> None:
        self._clear()
        self.sync = SyncSettingsWidget(self.ctx, session)
        self._sync_layout.addWidget(self.sync)

    def _show_sync_note(self, text: str) -> None:
        self._clear()
        note = QLabel(text)
        note.setWordWrap(True)
        self._sync_layout.addWidget(note)
        self._sync_layout.addStretch(1)

    def _clear(self) -> None:
        self.sync = None
        while self._sync_layout.count():
            item = self._sync_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
