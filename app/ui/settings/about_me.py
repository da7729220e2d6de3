"""Settings → "About me": the learner's interests, goal and pace, and "Clear my chats".

Stored in the learner's encrypted profile (``app.ops.learner``), never in the laptop's
``settings.json``. The tutor uses the interests for its examples; the plan on Home uses
the goal (with the skills it is about) and the pace, and "Why this?" quotes the goal.
Nothing here is saved until the learner presses Save: a half-typed goal is not a goal.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.content.library import LibraryPack
from app.ops import learner as ops
from app.ops.context import AppContext
from app.store.records import (
    MAX_GOAL_CHARS,
    MAX_INTEREST_CHARS,
    MAX_INTERESTS,
    LearnerSettings,
)
from app.ui.button_row import ButtonRow
from app.ui.errors import describe_error
from app.ui.prompt_fit import prompted
from app.ui.style import narrow_combo
from app.ui.wrap_list import wrap_items

PACES = ("slow", "steady", "fast")
# Commas as learners type them: "football, space", "足球，太空", "足球、太空".
INTEREST_SEPARATORS = re.compile(r"[,，、;；]")


class AboutMeSection(QGroupBox):
    """Signals:
    saved(LearnerSettings): the learner's settings are stored (Home should re-plan).
    chats_cleared(int): the learner's kept tutor chats were deleted (how many messages).
    """

    saved = Signal(object)
    chats_cleared = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("About me"), parent)
        self.ctx = ctx
        self._current = LearnerSettings()
        self._goal_skills: set[str] = set()
        self._packs: list[LibraryPack] = []
        self._build()
        self.signed_out()

    def _build(self) -> None:
        self.intro = QLabel(self.tr(
            "Tell Lantern a little about yourself. The tutor uses your interests in its "
            "examples; your goal and pace shape the plan on Home. Only you can see this: "
            "it is kept in your locked profile."))
        self.intro.setWordWrap(True)
        self.intro.setObjectName("pageIntro")
        self.interests = QLineEdit()
        self.interests.setAccessibleName(self.tr("My interests, separated by commas"))
        self.goal = QLineEdit()
        self.goal.setMaxLength(MAX_GOAL_CHARS)
        self.goal.setAccessibleName(self.tr("My goal"))
        self.skills = QListWidget()
        self.skills.setAccessibleName(self.tr("Skills my goal is about"))
        self.skills.setMaximumHeight(130)
        wrap_items(self.skills)  # "Fractions: Adding and subtracting …" never scrolls
        self.pace = narrow_combo(QComboBox())
        for value, text in zip(PACES, (self.tr("Slow: small steps, more practice"),
                                       self.tr("Steady"),
                                       self.tr("Fast: new things sooner")), strict=True):
            self.pace.addItem(text, value)
        self.pace.setAccessibleName(self.tr("My pace"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save About me"))
        self.save_button.clicked.connect(self.save)
        self.clear_chats_button = QPushButton(self.tr("Clear my chats"))
        self.clear_chats_button.setAccessibleDescription(
            self.tr("Deletes everything you asked the tutor, in every subject"))
        self.clear_chats_button.clicked.connect(self.confirm_clear_chats)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("About me message"))
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # field below label
        form.addRow(self.tr("My interests:"), prompted(
            self.interests, self.tr("e.g. football, horses, space")))
        form.addRow(self.tr("My goal:"), prompted(
            self.goal, self.tr("e.g. get ready for the test on Friday")))
        form.addRow(self.tr("It is about:"), self.skills)
        form.addRow(self.tr("My pace:"), self.pace)
        buttons = ButtonRow([self.save_button], [self.clear_chats_button])
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(form)
        column.addWidget(buttons)
        column.addWidget(self.status)

    # Sign-in and content -------------------------------------------------------------

    def signed_in(self) -> None:
        self.status.clear()
        ops.load_about_me(parent=self, ctx=self.ctx, on_done=self._show,
                          on_error=self._on_error)

    def signed_out(self) -> None:
        """Forget what the last learner typed; nothing to edit until someone signs in."""
        self._show(LearnerSettings())
        self.setEnabled(False)
        self.status.setText(self.tr("Sign in to tell Lantern about yourself."))

    def set_packs(self, packs: list[LibraryPack]) -> None:
        """The skills a goal can be about: every installed subject's."""
        self._packs = list(packs)
        self._fill_skills(self._checked_skills() | self._goal_skills)

    def _fill_skills(self, checked: set[str]) -> None:
        self.skills.clear()
        for entry in self._packs:
            for skill in entry.pack.skills:
                item = QListWidgetItem(f"{entry.pack.info.title}: {skill.name}")
                item.setData(Qt.ItemDataRole.UserRole, skill.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if skill.id in checked
                                   else Qt.CheckState.Unchecked)
                self.skills.addItem(item)

    def _checked_skills(self) -> set[str]:
        items = (self.skills.item(row) for row in range(self.skills.count()))
        return {item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked}

    def _show(self, settings: LearnerSettings) -> None:
        self._current = settings
        self._goal_skills = set(settings.goals)
        self.interests.setText(", ".join(settings.interests))
        self.goal.setText(settings.goal)
        self.pace.setCurrentIndex(max(0, self.pace.findData(settings.pace)))
        self._fill_skills(self._goal_skills)
        self.setEnabled(True)

    # Saving -------------------------------------------------------------------------

    def _interest_list(self) -> list[str] | None:
        """The typed interests, or None (and a message) when they do not fit."""
        parts = INTEREST_SEPARATORS.split(self.interests.text())
        interests = list(dict.fromkeys(part.strip() for part in parts if part.strip()))
        if len(interests) > MAX_INTERESTS:
            self.status.setText(self.tr("Up to {count} interests, please: choose your "
                                        "favourites.").format(count=MAX_INTERESTS))
            return None
        if any(len(interest) > MAX_INTEREST_CHARS for interest in interests):
            self.status.setText(self.tr("Keep each interest short (up to {count} letters), "
                                        "with commas between them.").format(
                                            count=MAX_INTEREST_CHARS))
            return None
        return interests

    def save(self) -> None:
        interests = self._interest_list()
        if interests is None:
            self.interests.setFocus()
            return  # what was typed stays in the box to be fixed
        settings = self._current.model_copy(update={
            "interests": interests, "goal": " ".join(self.goal.text().split()),
            "goals": sorted(self._checked_skills()), "pace": self.pace.currentData()})
        self.save_button.setEnabled(False)
        ops.save_about_me(parent=self, ctx=self.ctx, settings=settings,
                          on_done=lambda: self._on_saved(settings), on_error=self._on_error)

    def _on_saved(self, settings: LearnerSettings) -> None:
        self._current, self._goal_skills = settings, set(settings.goals)
        self.save_button.setEnabled(True)
        if settings.goal and not settings.goals:
            self.status.setText(self.tr("Saved. Tick the skills your goal is about, so the "
                                        "plan on Home can help you reach it."))
        else:
            self.status.setText(self.tr("Saved."))
        self.saved.emit(settings)

    def _on_error(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(describe_error(error))

    # Chats --------------------------------------------------------------------------

    def confirm_clear_chats(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Clear my chats"),
            self.tr("Delete everything you asked the tutor, in every subject? This cannot "
                    "be undone."))
        if answer == QMessageBox.StandardButton.Yes:
            self.clear_chats()

    def clear_chats(self) -> None:
        self.clear_chats_button.setEnabled(False)
        ops.clear_chats(parent=self, ctx=self.ctx, on_done=self._on_chats_cleared,
                        on_error=self._on_clear_failed)

    def _on_chats_cleared(self, count: int) -> None:
        self.clear_chats_button.setEnabled(True)
        self.status.setText(self.tr("Your chats with the tutor are deleted."))
        self.chats_cleared.emit(count)

    def _on_clear_failed(self, error: Exception) -> None:
        self.clear_chats_button.setEnabled(True)
        self.status.setText(describe_error(error))
