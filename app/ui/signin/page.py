"""The sign-in screen: who is learning today, and their passphrase.

Everything slow (reading the index, Argon2id, opening the database) runs on the "db"
lane through :mod:`app.ops.profiles`; the screen only shows progress and outcomes.

The screen is part of the first window, so this module imports only what it needs to
show and list the profiles; the operations and the dialogs are imported when a button
asks for them (by then the start-up has imported them in the background:
app.ui.warmup).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ops.profile_list import list_profiles
from app.store.errors import ProfileCorrupt
from app.ui.button_row import ButtonRow
from app.ui.roles import USER_ROLE
from app.ui.signin.avatars import avatar_icon, avatar_label
from app.ui.signin.common import MessageLabel, message_for, passphrase_field

if TYPE_CHECKING:
    from app.ops.context import AppContext
    from app.store import ProfileEntry, ProfileId
    from app.store.roster import ProfileCard

log = logging.getLogger(__name__)
ID_ROLE = USER_ROLE
AVATAR_PX = 64


class SignInPage(QWidget):
    """Signals:
    signed_in(ProfileEntry): a profile was unlocked (or created) and is ``ctx.profile``.
    profiles_listed: the list of profiles has been (re)loaded and shown.
    """

    signed_in = Signal(object)
    profiles_listed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("signInPage")
        self.people = QListWidget()
        self.people.setObjectName("profileList")
        self.people.setAccessibleName(self.tr("Profiles on this computer"))
        # A grid of big, friendly badges; a class of 30 fits without scrolling.
        self.people.setViewMode(QListWidget.ViewMode.IconMode)
        self.people.setMovement(QListWidget.Movement.Static)
        self.people.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.people.setWrapping(True)
        self.people.setIconSize(QSize(AVATAR_PX, AVATAR_PX))
        self.people.setGridSize(QSize(112, 104))
        self.people.setMinimumHeight(230)
        self.passphrase = passphrase_field(self.tr("Your passphrase"))
        # A learner who clicks their name types next: the passphrase box takes the keys
        # (they went to the list's type-ahead search before). Arrow keys stay in the list.
        self.people.itemClicked.connect(lambda _item: self.passphrase.setFocus())
        self.people.itemDoubleClicked.connect(lambda _item: self.passphrase.setFocus())
        self.people.currentItemChanged.connect(self._on_person_changed)
        self.passphrase.returnPressed.connect(self._on_sign_in_clicked)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._on_sign_in_clicked)
        self.message = MessageLabel()
        self.restore_button = QPushButton(self.tr("Restore the automatic backup"))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.restore_button.hide()
        self.new_button = QPushButton(self.tr("I'm new here"))
        self.new_button.clicked.connect(self._on_new_clicked)
        self.forgot_button = self._link(self.tr("Forgot your passphrase?"))
        self.forgot_button.clicked.connect(self._on_forgot_clicked)
        self.change_button = self._link(self.tr("Change my passphrase"))
        self.change_button.clicked.connect(self._on_change_clicked)
        self.teacher_button = self._link(self.tr("Teachers: class recovery key"))
        self.teacher_button.clicked.connect(self._on_teacher_clicked)
        self._first_list_done = False
        self._after_first_list: list[Callable[[], None]] = []
        self._layout()

    def _link(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setFlat(True)
        button.setObjectName("link")
        button.setStyleSheet("QPushButton#link { color: palette(link); border: none; "
                             "text-decoration: underline; padding: 4px 2px; }")
        # As wide as its text, so that stacked links line up on the left like text.
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return button

    def point_links(self) -> None:
        """The pointing-hand cursor on the links; the window sets it once the screen is
        interactive (app.ui.main_window.show_main_window).

        Nobody hovers a link before the page is painted, and this is the screen's only
        use of PySide6's Qt namespace, whose 94 enum types take 10-20 ms to create.
        """
        for link in (self.forgot_button, self.change_button, self.teacher_button):
            link.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)

    def _layout(self) -> None:
        title = QLabel(self.tr("Who's learning today?"))
        title.setObjectName("pageTitle")
        intro = QLabel(self.tr("Choose your name, then type your passphrase."))
        intro.setObjectName("pageIntro")
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.sign_in_button)
        # A column when the three do not fit side by side (the card is at most 600 px):
        # squeezed into one row, the last link was cut to "eachers: class recovery ke".
        links = ButtonRow([self.forgot_button, self.change_button], [self.teacher_button])
        card = QWidget()
        card.setMaximumWidth(600)
        column = QVBoxLayout(card)
        column.addStretch(1)
        for widget in (title, intro, self.people):
            column.addWidget(widget)
        column.addLayout(row)
        column.addWidget(self.message)
        column.addWidget(self.restore_button)
        column.addSpacing(8)
        new = QHBoxLayout()  # the button at its own width, on the left
        new.addWidget(self.new_button)
        new.addStretch(1)
        column.addLayout(new)
        column.addWidget(links)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 4)
        outer.addStretch(1)

    def refresh(self) -> None:
        """Reload the list of profiles (in the background)."""
        list_profiles(parent=self, ctx=self.ctx, on_done=self._on_profiles_listed,
                      on_error=self._on_list_failed)

    def after_first_list(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the first list of profiles is shown, or failed to load
        (then the error is shown): at once if that has happened."""
        if self._first_list_done:
            callback()
        else:
            self._after_first_list.append(callback)

    def _first_list_over(self) -> None:
        self._first_list_done = True
        waiting, self._after_first_list = self._after_first_list, []
        for callback in waiting:
            callback()

    def _on_list_failed(self, error: Exception) -> None:
        self._on_failed(error)
        self._first_list_over()

    def selected(self) -> ProfileCard | None:
        item = self.people.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _on_profiles_listed(self, entries: list[ProfileCard]) -> None:
        chosen = self.selected()
        # Rebuilding the list must not count as choosing someone else: that would wipe
        # a message the learner has not read yet (e.g. "wrong passphrase").
        self.people.blockSignals(True)
        self.people.clear()
        for entry in entries:
            item = QListWidgetItem(avatar_icon(entry.avatar, entry.nickname, AVATAR_PX),
                                   entry.nickname)
            item.setData(ID_ROLE, entry)
            item.setToolTip(avatar_label(entry.avatar))
            self.people.addItem(item)
            if chosen is not None and entry.id == chosen.id:
                self.people.setCurrentItem(item)
        self.people.blockSignals(False)
        if self.people.currentItem() is None and entries:
            self.people.setCurrentRow(0)
        if not entries:
            self.message.show_note(self.tr("No profiles yet. Press “I'm new here” to "
                                           "make yours."))
        self.profiles_listed.emit()
        self._first_list_over()

    def _on_person_changed(self) -> None:
        self.passphrase.clear()
        self.message.hide()
        self.restore_button.hide()

    def select(self, profile_id: ProfileId) -> None:
        for row in range(self.people.count()):
            if self.people.item(row).data(ID_ROLE).id == profile_id:
                self.people.setCurrentRow(row)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.people, self.passphrase, self.sign_in_button, self.new_button,
                       self.forgot_button, self.change_button, self.restore_button):
            widget.setEnabled(not busy)
        if busy:
            self.message.show_note(self.tr("Opening your profile…"))

    def _on_sign_in_clicked(self) -> None:
        entry = self.selected()
        if entry is None:
            self.message.show_error(self.tr("Choose your name first."))
            return
        if not self.passphrase.text():
            self.message.show_error(self.tr("Type your passphrase."))
            return
        from app.ops import profiles as ops

        self._set_busy(True)
        ops.sign_in(parent=self, ctx=self.ctx, profile_id=entry.id,
                    passphrase=self.passphrase.text(), on_done=self._on_signed_in,
                    on_error=self._on_failed)

    def _on_signed_in(self, entry: ProfileEntry) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.message.hide()
        self.signed_in.emit(entry)

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.passphrase.setFocus()
        self.message.show_error(message_for(error))
        corrupt = isinstance(error, ProfileCorrupt) and error.backup_available
        self.restore_button.setVisible(corrupt)

    def _on_restore_clicked(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        from app.ops import profiles as ops

        self._set_busy(True)
        ops.restore_backup(parent=self, ctx=self.ctx, profile_id=entry.id,
                           on_done=self._on_restored, on_error=self._on_failed)

    def _on_restored(self) -> None:
        self._set_busy(False)
        self.restore_button.hide()
        self.message.show_note(self.tr("Your backup is back in place. Type your passphrase "
                                       "to sign in."))

    def _on_new_clicked(self) -> None:
        from app.ui.signin.dialogs import NewProfileDialog

        dialog = NewProfileDialog(self.ctx, self)
        dialog.created.connect(self._on_signed_in)
        dialog.created.connect(lambda _entry: self.refresh())
        dialog.open()

    def _on_forgot_clicked(self) -> None:
        from app.ui.signin.dialogs import RecoveryDialog

        entry = self.selected()
        if entry is None:
            self.message.show_error(self.tr("Choose your name first."))
            return
        dialog = RecoveryDialog(self.ctx, entry, self)
        dialog.reset_done.connect(lambda: self.message.show_note(
            self.tr("Your teacher gave you a new passphrase. Sign in with it.")))
        dialog.open()

    def _on_change_clicked(self) -> None:
        from app.ui.signin.dialogs import ChangePassphraseDialog

        entry = self.selected()
        if entry is None:
            self.message.show_error(self.tr("Choose your name first."))
            return
        dialog = ChangePassphraseDialog(self.ctx, entry, self)
        dialog.changed.connect(lambda: self.message.show_note(
            self.tr("Your passphrase is changed. Sign in with the new one.")))
        dialog.open()

    def _on_teacher_clicked(self) -> None:
        from app.ui.signin.dialogs import ClassKeyDialog

        ClassKeyDialog(self.ctx, self).open()
