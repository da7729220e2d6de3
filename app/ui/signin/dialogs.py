"""Dialogs of the sign-in screen: a new profile, and a teacher's passphrase reset."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ops import profiles as ops
from app.ops.context import AppContext
from app.store import ProfileEntry
from app.store.roster import ProfileCard
from app.ui.signin.avatars import AVATARS, avatar_icon, avatar_label
from app.ui.signin.common import (
    MessageLabel,
    StrengthLabel,
    first_empty_field,
    message_for,
    passphrase_field,
    weak_passphrase_hint,
)


class _FormDialog(QDialog):
    """A form, an inline message, and OK/Cancel; OK runs :meth:`submit`."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened anew each time
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self._last_weak = ""  # the weak-passphrase message on show, hidden once fixed
        self.form = QFormLayout()
        self.message = MessageLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.message)
        column.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def showEvent(self, event: QShowEvent) -> None:
        # The OK button comes first in the focus chain (it exists before the fields):
        # without this, typing went nowhere and Enter submitted an empty form.
        super().showEvent(event)
        field = first_empty_field(self.form)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def refuse_weak_on_leave(self, field: QLineEdit) -> None:
        """Say a new passphrase is too short or easy as soon as the learner leaves its
        field, before they type it a second time."""
        field.editingFinished.connect(lambda: self.refused_weak(field))

    def refused_weak(self, field: QLineEdit) -> bool:
        """Show why ``field``'s new passphrase would be refused; True if it would be."""
        hint = weak_passphrase_hint(field.text()) if field.text() else ""
        if hint:
            self.message.show_error(hint)
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.message.isVisible() and self.message.text() == self._last_weak:
            self.message.hide()
        self._last_weak = hint or self._last_weak
        return bool(hint)

    def submit(self) -> None:
        raise NotImplementedError

    def set_busy(self, busy: bool, note: str = "") -> None:
        self.ok_button.setEnabled(not busy)
        if busy:
            self.message.show_note(note)

    def _on_failed(self, error: Exception) -> None:
        self.set_busy(False)
        self.message.show_error(message_for(error))


class NewProfileDialog(_FormDialog):
    """Choose a nickname, an avatar and a passphrase; emits ``created`` when signed in."""

    created = Signal(object)  # ProfileEntry

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("A new profile"), parent)
        self.ctx = ctx
        self.nickname = QLineEdit()
        self.nickname.setPlaceholderText(self.tr("A nickname (not your full name)"))
        self.nickname.setMaxLength(30)
        self.avatar = QComboBox()
        self.avatar.setIconSize(QSize(24, 24))
        for choice in AVATARS:
            self.avatar.addItem(avatar_icon(choice.id, choice.label, 24), avatar_label(choice.id),
                                choice.id)
        self.passphrase = passphrase_field(self.tr("Passphrase"))
        self.repeat = passphrase_field(self.tr("Passphrase again"))
        self.form.addRow(self.tr("Nickname"), self.nickname)
        self.form.addRow(self.tr("Picture"), self.avatar)
        self.form.addRow(self.tr("Passphrase"), self.passphrase)
        self.form.addRow("", StrengthLabel(self.passphrase))
        self.form.addRow(self.tr("Again"), self.repeat)
        self.form.addRow("", QLabel(self.tr("Only you know it. If you forget it, your "
                                            "teacher can give you a new one.")))
        self.refuse_weak_on_leave(self.passphrase)

    def submit(self) -> None:
        if not self.nickname.text().strip():
            self.message.show_error(self.tr("Please choose a nickname."))
            self.nickname.setFocus()
            return
        if self.refused_weak(self.passphrase):
            return
        if self.passphrase.text() != self.repeat.text():
            self.message.show_error(self.tr("The two passphrases are different. "
                                            "Type the same one twice."))
            return
        self.set_busy(True, self.tr("Making your profile…"))
        ops.create_profile(parent=self, ctx=self.ctx, nickname=self.nickname.text(),
                           avatar=str(self.avatar.currentData()),
                           passphrase=self.passphrase.text(), on_done=self._on_created,
                           on_error=self._on_failed)

    def _on_created(self, entry: ProfileEntry) -> None:
        self.set_busy(False)
        self.created.emit(entry)
        self.accept()


class RecoveryDialog(_FormDialog):
    """A teacher sets a new passphrase for ``entry`` with the class recovery key."""

    reset_done = Signal()

    def __init__(self, ctx: AppContext, entry: ProfileCard,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Forgot your passphrase?"), parent)
        self.ctx, self.entry = ctx, entry
        intro = QLabel(self.tr("Ask your teacher. With the class recovery key they can "
                               "give {name} a new passphrase. They can't see your work.")
                       .format(name=entry.nickname))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.key_file = QLineEdit(str(ctx.profiles.class_key_path))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.key_file, 1)
        row.addWidget(browse)
        self.teacher = passphrase_field(self.tr("Teacher passphrase"))
        self.passphrase = passphrase_field(self.tr("New passphrase"))
        self.repeat = passphrase_field(self.tr("New passphrase again"))
        self.form.addRow(self.tr("Recovery key file"), row)
        self.form.addRow(self.tr("Teacher passphrase"), self.teacher)
        self.form.addRow(self.tr("New passphrase"), self.passphrase)
        self.form.addRow("", StrengthLabel(self.passphrase))
        self.form.addRow(self.tr("Again"), self.repeat)
        self.refuse_weak_on_leave(self.passphrase)

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Class recovery key"),
                                              self.key_file.text(),
                                              self.tr("Recovery key (*.json)"))
        if path:
            self.key_file.setText(path)

    def submit(self) -> None:
        if self.refused_weak(self.passphrase):
            return
        if self.passphrase.text() != self.repeat.text():
            self.message.show_error(self.tr("The two new passphrases are different."))
            return
        self.set_busy(True, self.tr("Checking the recovery key…"))
        ops.reset_passphrase(parent=self, ctx=self.ctx, profile_id=self.entry.id,
                             key_file=Path(self.key_file.text()),
                             teacher_passphrase=self.teacher.text(),
                             new_passphrase=self.passphrase.text(),
                             on_done=self._on_reset, on_error=self._on_failed)

    def _on_reset(self) -> None:
        self.set_busy(False)
        self.reset_done.emit()
        self.accept()


class ChangePassphraseDialog(_FormDialog):
    """A learner changes their own passphrase; the old one stops working for good."""

    changed = Signal()

    def __init__(self, ctx: AppContext, entry: ProfileCard,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change your passphrase"), parent)
        self.ctx, self.entry = ctx, entry
        intro = QLabel(self.tr("A new passphrase for {name}. Your work is locked again under "
                               "a new key, so the old passphrase stops working, even for "
                               "someone who saw it.").format(name=entry.nickname))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.current = passphrase_field(self.tr("Current passphrase"))
        self.passphrase = passphrase_field(self.tr("New passphrase"))
        self.repeat = passphrase_field(self.tr("New passphrase again"))
        self.form.addRow(self.tr("Current passphrase"), self.current)
        self.form.addRow(self.tr("New passphrase"), self.passphrase)
        self.form.addRow("", StrengthLabel(self.passphrase))
        self.form.addRow(self.tr("Again"), self.repeat)

    def submit(self) -> None:
        if self.passphrase.text() != self.repeat.text():
            self.message.show_error(self.tr("The two new passphrases are different."))
            return
        self.set_busy(True, self.tr("Locking your work under the new passphrase…"))
        ops.change_passphrase(parent=self, ctx=self.ctx, profile_id=self.entry.id,
                              old=self.current.text(), new=self.passphrase.text(),
                              on_done=self._on_changed, on_error=self._on_failed)

    def _on_changed(self) -> None:
        self.set_busy(False)
        self.changed.emit()
        self.accept()


class ClassKeyDialog(_FormDialog):
    """A teacher creates the class recovery key once and exports a copy (e.g. to USB)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Class recovery key (for teachers)"), parent)
        self.ctx = ctx
        intro = QLabel(self.tr("Create it once for your class. Profiles made (or signed "
                               "in to) afterwards can be reset with it. Keep the exported "
                               "file and your passphrase safe."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.teacher = passphrase_field(self.tr("Teacher passphrase"))
        self.repeat = passphrase_field(self.tr("Teacher passphrase again"))
        self.export_to = QLineEdit()
        self.export_to.setPlaceholderText(self.tr("Optional: a file on your USB stick"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.export_to, 1)
        row.addWidget(browse)
        # Its passphrase is the laptop's teacher passphrase: replacing it needs that.
        self.current = passphrase_field(self.tr("Current teacher passphrase"))
        if ctx.profiles.class_key_path.exists():
            self.message.show_note(self.tr(
                "This computer already has a class key. A new one replaces it (and the "
                "teacher passphrase); learners move to the new key the next time they "
                "sign in."))
            self.form.addRow(self.tr("Current teacher passphrase"), self.current)
        self.form.addRow(self.tr("Teacher passphrase"), self.teacher)
        self.form.addRow("", StrengthLabel(self.teacher))
        self.form.addRow(self.tr("Again"), self.repeat)
        self.form.addRow(self.tr("Export a copy to"), row)
        self.refuse_weak_on_leave(self.teacher)

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the class recovery key"),
                                              "lantern-class-recovery.json",
                                              self.tr("Recovery key (*.json)"))
        if path:
            self.export_to.setText(path)

    def submit(self) -> None:
        if self.refused_weak(self.teacher):
            return
        if self.teacher.text() != self.repeat.text():
            self.message.show_error(self.tr("The two passphrases are different."))
            return
        target = self.export_to.text().strip()
        self.set_busy(True, self.tr("Creating the key…"))
        ops.create_class_key(parent=self, ctx=self.ctx, teacher_passphrase=self.teacher.text(),
                             current_passphrase=self.current.text(),
                             export_to=Path(target) if target else None,
                             on_done=lambda _path: self.accept(), on_error=self._on_failed)
