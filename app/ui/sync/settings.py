"""The teacher's sync settings: on/off, ε, the hub, send now, or write to a USB stick."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.sync.config import SyncConfig
from app.core.sync.outbox import DeliveryReport, Rejected
from app.core.sync.privacy import MAX_EPSILON, MIN_EPSILON, PrivacyError
from app.core.sync.service import NotEnrolled, Prepared
from app.core.sync.transport import EnrolError
from app.ops import sync as ops
from app.ops.context import AppContext
from app.store.sync import BudgetExceeded
from app.ui.button_row import ButtonRow
from app.ui.errors import show_error
from app.ui.i18n import translated
from app.ui.prompt_fit import prompted
from app.ui.sync.preview import SyncPreviewDialog
from app.ui.sync.secure_round import SecureRoundBox
from app.ui.wrap_button import WrapCheckBox

# Errors whose message is already written for the teacher: shown inline, not as a crash.
EXPLAINED = (BudgetExceeded, NotEnrolled, EnrolError, PrivacyError, Rejected,
             FileNotFoundError, PermissionError)


class SyncSettingsWidget(QWidget):
    """Emits ``status_changed(text)`` whenever the status line changes (for tests too)."""

    status_changed = Signal(str)
    preview_opened = Signal(object)  # the SyncPreviewDialog, before it is shown

    def __init__(self, ctx: AppContext, session: ops.SyncSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session = ctx, session
        self.config = SyncConfig()
        self._usb_folder: Path | None = None  # set while a USB export is under way
        self._build()
        self.setEnabled(False)  # until the saved settings are loaded
        ops.load_config(parent=self, ctx=ctx, session=session,
                        on_done=self._on_config_loaded, on_error=self._on_error)

    def _build(self) -> None:
        self.enabled = WrapCheckBox(self.tr("Share anonymous weekly class summaries"))
        self.epsilon = QDoubleSpinBox(minimum=MIN_EPSILON, maximum=MAX_EPSILON,
                                      singleStep=0.1, decimals=1)
        self.epsilon.setToolTip(self.tr("Privacy setting ε per week: smaller hides more, "
                                        "larger gives the teacher clearer figures."))
        self.hub_url = QLineEdit()
        self.class_code = QLineEdit()
        self.connect_button = QPushButton(self.tr("Connect"))
        self.enrol_file_button = QPushButton(self.tr("Use enrolment file…"))
        self.send_button = QPushButton(self.tr("Send last week now"))
        self.usb_button = QPushButton(self.tr("Write to USB stick…"))
        self.status = QLabel(wordWrap=True)
        self.rounds = SecureRoundBox(self)
        form = QFormLayout()
        # Each field below its label: an address needs the whole width to be read.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.enabled)
        form.addRow(self.tr("Privacy (ε per week)"), self.epsilon)
        # The examples go above the boxes where they would be cut (200 % text).
        form.addRow(self.tr("School hub address"),
                    prompted(self.hub_url, "http://192.168.1.10:8765"))
        code_row = ButtonRow.header(
            prompted(self.class_code, self.tr("one-time code from the teacher")),
            self.connect_button,
                                    self.enrol_file_button)
        form.addRow(self.tr("Enrolment code"), code_row)
        actions = ButtonRow([self.send_button, self.usb_button])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.rounds)
        layout.addStretch(1)
        self.enabled.toggled.connect(self._on_enabled_toggled)
        self.epsilon.editingFinished.connect(self._on_epsilon_edited)
        self.connect_button.clicked.connect(self._on_connect_clicked)
        self.enrol_file_button.clicked.connect(self._on_enrol_file_clicked)
        self.send_button.clicked.connect(self._on_send_clicked)
        self.usb_button.clicked.connect(self._on_usb_clicked)

    # --- state -------------------------------------------------------------------------
    def _on_config_loaded(self, config: SyncConfig) -> None:
        self.config = config
        self.setEnabled(True)
        self.enabled.blockSignals(True)
        self.enabled.setChecked(config.enabled)
        self.enabled.blockSignals(False)
        self.epsilon.setValue(config.epsilon)
        self.hub_url.setText(config.hub_url)
        self._refresh()

    def _refresh(self) -> None:
        on = self.config.enabled
        for widget in (self.epsilon, self.hub_url, self.class_code, self.connect_button,
                       self.enrol_file_button):
            widget.setEnabled(on)
        self.send_button.setEnabled(on and self.config.enrolled and bool(self.config.hub_url))
        self.usb_button.setEnabled(on and self.config.enrolled)
        self.rounds.refresh()
        if not on:
            self._say(self.tr("Sync is off: nothing leaves this laptop."))
        elif not self.config.enrolled:
            self._say(self.tr("Type the hub's address and the enrolment code the teacher "
                              "gave you, then press Connect."))
        else:
            self._say(self.tr("Connected to class {name}.").replace(
                "{name}", self.config.class_name))

    def apply_config(self, config: SyncConfig) -> None:
        """Save ``config`` on the db lane and show it (used by the class-round box)."""
        self._save(config)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status_changed.emit(text)

    def _save(self, config: SyncConfig) -> None:
        ops.save_config(parent=self, ctx=self.ctx, session=self.session, config=config,
                        on_done=self._on_config_loaded, on_error=self._on_error)

    def _on_error(self, error: Exception) -> None:
        if self._usb_folder is not None and isinstance(error, BudgetExceeded):
            # Last week is already queued: still write what is waiting to the stick.
            self.write_usb_to(self._usb_folder)
            return
        self._usb_folder = None
        if isinstance(error, EXPLAINED):
            # The first argument keeps its Message (str() would make it plain English).
            said = error.args[0] if error.args and isinstance(error.args[0], str) else ""
            self._say(translated(said) or str(error))
        else:
            self._say(self.tr("Something went wrong; nothing was lost."))
            show_error(self, error)
        self.send_button.setEnabled(self.config.enabled and self.config.enrolled)

    # --- user actions ------------------------------------------------------------------
    def _on_enabled_toggled(self, checked: bool) -> None:
        self._save(self.config.model_copy(update={"enabled": checked}))

    def _on_epsilon_edited(self) -> None:
        if self.epsilon.value() != self.config.epsilon:
            self._save(self.config.model_copy(update={"epsilon": self.epsilon.value()}))

    def _on_connect_clicked(self) -> None:
        self._say(self.tr("Connecting to the hub…"))
        ops.connect_hub(parent=self, ctx=self.ctx, session=self.session, config=self.config,
                        hub_url=self.hub_url.text().strip(),
                        class_code=self.class_code.text(), on_done=self._on_config_loaded,
                        on_error=self._on_error)

    def _on_enrol_file_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Enrolment file"), "",
                                              "JSON (*.json)")
        if name:
            ops.connect_hub(parent=self, ctx=self.ctx, session=self.session,
                            config=self.config, hub_url="", class_code=None,
                            enrol_file=Path(name), on_done=self._on_config_loaded,
                            on_error=self._on_error)

    def _on_send_clicked(self) -> None:
        self.send_now()

    def send_now(self, kind: str = "hub") -> None:
        """Prepare last week's summary; preview it if needed; then queue and send."""
        self.send_button.setEnabled(False)
        self._say(self.tr("Preparing last week's summary…"))
        ops.prepare(parent=self, ctx=self.ctx, session=self.session, config=self.config,
                    on_ready=lambda prepared: self._on_prepared(prepared, kind),
                    on_error=self._on_error)

    def _on_prepared(self, prepared: Prepared, kind: str) -> None:
        if not prepared.needs_preview:
            self._commit(prepared, kind)
            return
        dialog = SyncPreviewDialog(prepared, class_name=self.config.class_name, parent=self)
        dialog.accepted.connect(lambda: self._commit(prepared, kind))
        dialog.rejected.connect(self._on_preview_rejected)
        self.preview_opened.emit(dialog)
        dialog.open()

    def _on_preview_rejected(self) -> None:
        self._usb_folder = None
        self._say(self.tr("Nothing was sent."))
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        self.send_button.setEnabled(self.config.enabled and self.config.enrolled)

    def _commit(self, prepared: Prepared, kind: str) -> None:
        self._say(self.tr("Sending…"))
        # The approved shape is saved by the commit; mirror it so the next send knows.
        self.config = self.config.model_copy(update={"approved_shape": prepared.shape})
        ops.send(parent=self, ctx=self.ctx, session=self.session, config=self.config,
                 prepared=prepared, kind=kind, on_done=self._on_sent,
                 on_error=self._on_error)

    def _on_sent(self, report: DeliveryReport) -> None:
        self._refresh_buttons()
        if self._usb_folder is not None:
            self.write_usb_to(self._usb_folder)
        elif report.failed:
            self._say(self.tr("The hub could not be reached. The summary is kept safe on "
                              "this laptop and will be sent later."))
        else:
            self._say(self.tr("Sent {n} summary(ies) to the hub.").replace(
                "{n}", str(report.delivered)))

    def _on_usb_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB stick"))
        if folder:
            self.export_to_usb(Path(folder))

    def export_to_usb(self, folder: Path) -> None:
        """Queue last week's summary (with its preview if needed), then write the file."""
        self._usb_folder = folder
        self.send_now(kind="usb")

    def write_usb_to(self, folder: Path) -> None:
        """Write everything waiting in the outbox to a new file in ``folder``."""
        self._usb_folder = None
        ops.write_usb(parent=self, ctx=self.ctx, session=self.session, folder=folder,
                      on_done=self._on_usb_written, on_error=self._on_error)

    def _on_usb_written(self, result: tuple[Path | None, int]) -> None:
        path, count = result
        if path is None:
            self._say(self.tr("There is nothing waiting to be written."))
        else:
            self._say(self.tr("Wrote {n} summary(ies) to {file}. Take the stick to the hub.")
                      .replace("{n}", str(count)).replace("{file}", path.name))
