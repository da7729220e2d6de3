"""Class rounds (secure aggregation) in the teacher's sync settings: one button per
transport, the preview before the first round, and what happened, in plain words.

A round has three steps (keys, masked summary, unmask); each press does whatever step
the round is at (the hub's class page shows it; the teacher starts rounds and closes
steps on the hub's teacher page). Over the LAN that is all; with a USB stick the teacher
carries the hub's round file to the class and the laptops' answer files back, so the
box says exactly that.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.sync.secure_service import (
    RoundFileError,
    StepReport,
    preview_words,
    secure_shape,
)
from app.core.sync.service import NotEnrolled
from app.ops import sync as ops
from app.ui.button_row import ButtonRow
from app.ui.errors import show_error
from app.ui.i18n import translated
from app.ui.wrap_button import WrapButton, box_title

if TYPE_CHECKING:
    from app.ui.sync.settings import SyncSettingsWidget


class SecurePreviewDialog(QDialog):
    """What a class round shares, what the class sees and what nobody can see."""

    def __init__(self, words: Sequence[str], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Class rounds: what is shared"))
        self.resize(600, 480)
        layout = QVBoxLayout(self)
        self.words = QLabel("\n\n".join(f"• {translated(line)}" for line in words))
        self.words.setWordWrap(True)
        layout.addWidget(self.words)
        buttons = QDialogButtonBox()
        self.join_button = buttons.addButton(self.tr("Take part"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class SecureRoundBox(QGroupBox):
    """Emits ``status_changed(text)`` after every step (for tests too)."""

    status_changed = Signal(str)
    preview_opened = Signal(object)

    def __init__(self, owner: SyncSettingsWidget) -> None:
        super().__init__(owner)
        self.owner = owner
        intro = QLabel(self.tr(
            "The class's figures are added up with every laptop's summary masked, and "
            "the privacy noise is added once for the whole class, so the teacher's "
            "figures are far sharper. Each round has three steps; the hub's class page "
            "says which one is open. Press the button once per step on every laptop."))
        intro.setWordWrap(True)
        usb = QLabel(self.tr(
            "With a USB stick: on the hub's teacher page, download the class's round "
            "file onto the stick; carry it to the class and press “Class round with USB "
            "stick…” on every laptop; carry the stick back and import its answer files "
            "on the teacher page (or with lantern-hub import). That is one trip per "
            "step; step 3 of one week can travel with step 1 of the next."))
        usb.setWordWrap(True)
        self.lan_button = WrapButton(self.tr("Class round: next step"))
        self.usb_button = WrapButton(self.tr("Class round with USB stick…"))
        self.status = QLabel(wordWrap=True)
        row = ButtonRow([self.lan_button, self.usb_button])
        layout = QVBoxLayout(self)
        layout.addWidget(box_title(self.tr("Class rounds (secure aggregation)")))
        for widget in (intro, usb):
            layout.addWidget(widget)
        layout.addWidget(row)
        layout.addWidget(self.status)
        self.lan_button.clicked.connect(lambda: self.step(None))
        self.usb_button.clicked.connect(self._on_usb_clicked)

    def refresh(self) -> None:
        config = self.owner.config
        self.lan_button.setEnabled(config.enabled and config.enrolled
                                   and bool(config.hub_url))
        self.usb_button.setEnabled(config.enabled and config.enrolled)

    def _on_usb_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB stick"))
        if folder:
            self.step(Path(folder))

    def step(self, folder: Path | None) -> None:
        """Do this laptop's step; first show the preview if it was never approved."""
        config = self.owner.config
        skills = list(self.owner.session.source.skills())
        shape = secure_shape(config, skills)
        if config.approved_secure == shape:
            self._run(folder)
            return
        dialog = SecurePreviewDialog(preview_words(config, skills), parent=self)
        dialog.accepted.connect(lambda: self._approved(shape, folder))
        dialog.rejected.connect(lambda: self._say(self.tr("Nothing was sent.")))
        self.preview_opened.emit(dialog)
        dialog.open()

    def _approved(self, shape: str, folder: Path | None) -> None:
        self.owner.apply_config(self.owner.config.model_copy(
            update={"approved_secure": shape}))
        self.owner.config = self.owner.config.model_copy(update={"approved_secure": shape})
        self._run(folder)

    def _run(self, folder: Path | None) -> None:
        self.lan_button.setEnabled(False)
        self.usb_button.setEnabled(False)
        self._say(self.tr("Working on the class round…"))
        ops.round_step(parent=self, ctx=self.owner.ctx, session=self.owner.session,
                       config=self.owner.config, folder=folder, on_done=self._on_done,
                       on_error=self._on_error)

    def _on_done(self, result: tuple[StepReport, Path | None]) -> None:
        report, written = result
        self.refresh()
        lines = [translated(note) for note in report.notes]
        if written is not None:
            lines.append(self.tr("Wrote {file} to the stick: take it back to the hub and "
                                 "import it.").replace("{file}", written.name))
        for reason in report.refused:
            lines.append(self.tr("The hub refused an answer: {reason}")
                         .replace("{reason}", reason))
        if not lines:
            lines.append(self.tr("Nothing to do: no class round is waiting for this "
                                 "laptop."))
        self._say("\n".join(lines))

    def _on_error(self, error: Exception) -> None:
        self.refresh()
        if isinstance(error, RoundFileError | NotEnrolled | FileNotFoundError):
            self._say(translated(error.args[0]) if error.args else str(error))
        elif isinstance(error, OSError):
            self._say(self.tr("The school hub could not be reached. Check that this laptop "
                              "is on the school network, then press the button again; "
                              "nothing was lost."))
        else:
            self._say(self.tr("Something went wrong; nothing was lost."))
            show_error(self, error)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status_changed.emit(text)
