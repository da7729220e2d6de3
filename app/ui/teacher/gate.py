"""Teacher mode: the unlocked state, the passphrase dialogs, and the locked screen.

One :class:`TeacherMode` per window. The teacher pages (For teachers; the model and
server choice on This laptop) show their controls only while it is unlocked and a calm
:class:`LockedNote` otherwise. It locks again on "Leave teacher mode", at sign-out, and
after a few minutes without input (a teacher who walks away leaves no open door).

The passphrase is checked on the "db" lane (:mod:`app.ops.teacher`); the dialogs only
show progress and outcomes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.ops import teacher as ops
from app.ops.context import AppContext
from app.ui.signin.common import (
    MessageLabel,
    StrengthLabel,
    first_empty_field,
    message_for,
    passphrase_field,
    weak_passphrase_hint,
)
from app.ui.signin.idle import IdleWatcher
from app.ui.wrap_button import WrapButton

IDLE_MINUTES = 5  # teacher mode ends sooner than the learner's idle lock


class TeacherMode(QObject):
    """Whether the teacher pages are unlocked. Signals: changed(bool unlocked)."""

    changed = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._unlocked = False
        minutes = min(IDLE_MINUTES, ctx.settings.idle_lock_minutes)
        self.idle = IdleWatcher(minutes * 60_000, self)
        self.idle.idle.connect(self.leave)

    @property
    def unlocked(self) -> bool:
        return self._unlocked

    def enter(self) -> None:
        """Unlock; call only after the passphrase was checked (the dialogs do)."""
        self.idle.start()
        self._set(True)

    def leave(self) -> None:
        self.idle.stop()
        ops.forget(self.ctx)
        self._set(False)

    def _set(self, unlocked: bool) -> None:
        if unlocked != self._unlocked:
            self._unlocked = unlocked
            self.changed.emit(unlocked)


class _PassphraseDialog(QDialog):
    """An intro, a form, an inline message, OK/Cancel; OK runs :meth:`submit`."""

    def __init__(self, mode: TeacherMode, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.mode, self.ctx = mode, mode.ctx
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.message = MessageLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(self.form)
        column.addWidget(self.message)
        column.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        # The OK button exists before the fields, so it came first in the focus chain:
        # typing went nowhere and Enter submitted an empty form.
        super().showEvent(event)
        field = first_empty_field(self.form)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        raise NotImplementedError

    def _busy(self, note: str) -> None:
        self.ok_button.setEnabled(False)
        self.message.show_note(note)

    def _on_done(self) -> None:
        self.mode.enter()
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        self.message.show_error(message_for(error))


class UnlockDialog(_PassphraseDialog):
    """Type the teacher passphrase to enter teacher mode."""

    def __init__(self, mode: TeacherMode, parent: QWidget | None = None) -> None:
        super().__init__(mode, self.tr("Teacher mode"), parent)
        self.intro.setText(self.tr("Type this laptop's teacher passphrase. Teacher mode "
                                   "stays on until you leave it, sign out, or stop using "
                                   "Lantern for a few minutes."))
        self.passphrase = passphrase_field(self.tr("Teacher passphrase"))
        self.form.addRow(self.tr("Teacher passphrase"), self.passphrase)

    def submit(self) -> None:
        if not self.passphrase.text():
            self.message.show_error(self.tr("Type the teacher passphrase."))
            return
        self._busy(self.tr("Checking…"))
        ops.unlock(parent=self, ctx=self.ctx, passphrase=self.passphrase.text(),
                   on_done=self._on_done, on_error=self._on_wrong)

    def _on_wrong(self, error: Exception) -> None:
        self.passphrase.clear()
        self.passphrase.setFocus()
        self._on_failed(error)


class SetupDialog(_PassphraseDialog):
    """The first teacher passphrase of this laptop: whoever sets it becomes its teacher."""

    def __init__(self, mode: TeacherMode, parent: QWidget | None = None) -> None:
        super().__init__(mode, self.tr("Become the teacher of this laptop"), parent)
        self.intro.setText(self.tr(
            "No teacher has set up this laptop yet. The person who sets the teacher "
            "passphrase becomes the teacher of this laptop: only they can change the "
            "subjects, the tutor's AI policy, the models and class summaries, and reset a "
            "learner's forgotten passphrase. If you are a learner, press Cancel and ask "
            "your teacher."))
        self.passphrase = passphrase_field(self.tr("Teacher passphrase"))
        self.repeat = passphrase_field(self.tr("Teacher passphrase again"))
        self.form.addRow(self.tr("Teacher passphrase"), self.passphrase)
        self.form.addRow("", StrengthLabel(self.passphrase))
        self.form.addRow(self.tr("Again"), self.repeat)
        self.passphrase.editingFinished.connect(self._refused_weak)

    def _refused_weak(self) -> bool:
        """Say a too short or easy passphrase is refused before it is typed twice."""
        hint = weak_passphrase_hint(self.passphrase.text()) if self.passphrase.text() else ""
        if hint:
            self.message.show_error(hint)
            self.passphrase.setFocus()
        return bool(hint)

    def submit(self) -> None:
        if self._refused_weak():
            return
        if self.passphrase.text() != self.repeat.text():
            self.message.show_error(self.tr("The two passphrases are different. "
                                            "Type the same one twice."))
            return
        self._busy(self.tr("Setting the teacher passphrase…"))
        ops.set_first(parent=self, ctx=self.ctx, passphrase=self.passphrase.text(),
                      on_done=self._on_done, on_error=self._on_failed)


class LockedNote(QWidget):
    """What learners see instead of teacher controls, with the teacher's way in.

    It asks (on the db lane) whether a teacher passphrase is set each time it is shown,
    and words itself and its button for an unlock or a first setup.
    """

    def __init__(self, mode: TeacherMode, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setObjectName("lockedNote")
        self.button = WrapButton(self.tr("Teacher: unlock…"))
        self.button.clicked.connect(self._on_button_clicked)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        ops.is_set(parent=self, ctx=self.mode.ctx, on_done=self._on_checked,
                   on_error=lambda _error: self._on_checked(True))

    def _on_checked(self, is_set: bool) -> None:
        self.button.setText(self.tr("Teacher: unlock…") if is_set
                            else self.tr("Teacher: set up teacher mode…"))

    def _on_button_clicked(self) -> None:
        # Asked again: the passphrase may have been set (e.g. on the command line) since.
        self.button.setEnabled(False)
        ops.is_set(parent=self, ctx=self.mode.ctx, on_done=self._open_dialog,
                   on_error=lambda _error: self._open_dialog(True))

    def _open_dialog(self, is_set: bool) -> None:
        self._on_checked(is_set)
        self.button.setEnabled(True)
        dialog = (UnlockDialog if is_set else SetupDialog)(self.mode, self)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
