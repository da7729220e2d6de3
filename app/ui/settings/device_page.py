"""Settings: what this laptop can do (hardware fit) and where the tutor's answers come from.

Three small sections (teacher-added models, the middle one, are in ``models_section``).
"This laptop" shows the saved hardware-fit sentence, or measures it
(first start) once the models are loaded, and which model runs where. "Tutor answers"
chooses this laptop or a school server (OpenAI-compatible), with a connection test; the
choice applies at the next start.

The models and the server choice are teacher controls: while teacher mode
(:mod:`app.ui.teacher.gate`) is locked, learners see a note in their place; the
"This laptop" box stays readable.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.models import LoadState
from app.ops import hardware as hardware_ops
from app.ops.context import AppContext
from app.ui.button_row import ButtonRow
from app.ui.errors import describe_error
from app.ui.i18n import translated
from app.ui.prompt_fit import prompted
from app.ui.settings.fit_text import fit_details, fit_sentence
from app.ui.settings.models_section import ModelsSection
from app.ui.teacher.gate import LockedNote, TeacherMode
from app.ui.wrap_button import WrapRadioButton, box_title
from inference.hardware import HardwareFit

log = logging.getLogger(__name__)


class DevicePage(QWidget):
    def __init__(self, ctx: AppContext, *, mode: TeacherMode,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = mode
        self.models_section = ModelsSection(ctx)
        self.locked = LockedNote(mode, self.tr(
            "Only a teacher can change the tutor's model or where its answers come from. "
            "Ask your teacher."))
        self.teacher_view = self._teacher_view()
        mode.changed.connect(self._on_mode_changed)
        self._on_mode_changed(mode.unlocked)
        layout = QVBoxLayout(self)
        layout.addWidget(self._laptop_box())
        layout.addWidget(self.locked)
        layout.addWidget(self.teacher_view)
        layout.addStretch(1)
        self._fit_known: bool | None = None  # None until the saved result has been read
        ctx.runner.submit("io", lambda: hardware_ops.saved_fit(ctx), parent=self,
                          on_success=self._on_saved_fit)

    def _teacher_view(self) -> QWidget:
        view = QWidget()
        column = QVBoxLayout(view)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.models_section)
        column.addWidget(self._server_box())
        return view

    @property
    def unlocked(self) -> bool:
        """True while the model and server controls are shown (teacher mode is on)."""
        return not self.teacher_view.isHidden()

    def _on_mode_changed(self, unlocked: bool) -> None:
        self.teacher_view.setVisible(unlocked)
        self.locked.setVisible(not unlocked)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.show_models_in_use()

    def show_models_in_use(self) -> None:
        """Which model runs where, readable by everyone (the status bar says the same)."""
        chat = self.ctx.models.status("chat")
        if chat.state is LoadState.READY:
            self.in_use.setText(self.tr("The tutor uses {summary}.").format(
                summary=translated(chat.summary)))
        elif chat.state is LoadState.FAILED:
            self.in_use.setText(self.tr("The tutor's model is not available."))
        else:
            self.in_use.setText(self.tr("The tutor's model is starting…"))

    def _on_saved_fit(self, fit: HardwareFit | None) -> None:
        self._fit_known = fit is not None
        if fit is not None:
            self._on_fit_done(fit)

    def on_models_ready(self) -> None:
        """First start: measure once the models are loaded (called by the main window)."""
        self.show_models_in_use()
        if self._fit_known is False and self.ctx.models.status("chat").error is None:
            self._fit_known = True
            self.start_check()

    def _laptop_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This laptop"))
        self.fit_label = QLabel(self.tr("Lantern has not measured this laptop yet."))
        self.fit_label.setWordWrap(True)
        self.fit_details = QLabel()
        self.fit_details.setWordWrap(True)
        self.in_use = QLabel()
        self.in_use.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Measure again"))
        self.check_button.clicked.connect(self.start_check)
        column = QVBoxLayout(box)
        for widget in (self.in_use, self.fit_label, self.fit_details, self.check_button):
            column.addWidget(widget)
        return box

    def _server_box(self) -> QGroupBox:
        box = QGroupBox()
        self.local_radio = QRadioButton(self.tr("This laptop"))
        self.lan_radio = WrapRadioButton(self.tr("A tutor server on the school network"))
        group = QButtonGroup(box)
        group.addButton(self.local_radio)
        group.addButton(self.lan_radio)
        settings = self.ctx.settings
        (self.lan_radio if settings.tutor_backend == "lan" else self.local_radio).setChecked(True)
        self.url_edit = QLineEdit(settings.lan_server_url)
        self.model_edit = QLineEdit(settings.lan_server_model)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self._on_test_clicked)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.server_status = QLabel()
        self.server_status.setWordWrap(True)
        form = QFormLayout()
        # Each field below its label: an address needs the whole width to be read.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        # The examples go above the boxes where they would be cut (200 % text).
        form.addRow(self.tr("Server address"),
                    prompted(self.url_edit, "http://192.168.1.20:8080"))
        form.addRow(self.tr("Model name"),
                    prompted(self.model_edit, self.tr("(the server's model)")))
        buttons = ButtonRow([self.test_button, self.save_button])
        column = QVBoxLayout(box)
        column.addWidget(box_title(self.tr("Tutor answers come from")))
        column.addWidget(self.local_radio)
        column.addWidget(self.lan_radio)
        column.addLayout(form)
        column.addWidget(buttons)
        column.addWidget(self.server_status)
        return box

    def start_check(self) -> None:
        """Measure this laptop (waits for the models on the inference lane)."""
        self.check_button.setEnabled(False)
        self.fit_label.setText(self.tr("Measuring how fast this laptop writes…"))
        hardware_ops.check_hardware(parent=self, ctx=self.ctx, on_done=self._on_fit_done,
                                    on_error=self._on_fit_error)

    def _on_fit_done(self, fit: HardwareFit) -> None:
        self.check_button.setEnabled(True)
        self.fit_label.setText(fit_sentence(fit))
        self.fit_details.setText(fit_details(fit))

    def _on_fit_error(self, error: Exception) -> None:
        self.check_button.setEnabled(True)
        self.fit_label.setText(describe_error(error))

    def _on_test_clicked(self) -> None:
        self.server_status.setText(self.tr("Connecting…"))
        hardware_ops.test_server(parent=self, ctx=self.ctx, url=self.url_edit.text().strip(),
                                 model=self.model_edit.text().strip(),
                                 on_done=self._on_test_done, on_error=self._on_test_error)

    def _on_test_done(self, model: str) -> None:
        self.server_status.setText(
            self.tr("Connected. The server answers with the model {model}.").format(model=model))

    def _on_test_error(self, error: Exception) -> None:
        self.server_status.setText(describe_error(error))

    def _on_save_clicked(self) -> None:
        url = self.url_edit.text().strip()
        if self.lan_radio.isChecked() and not url:
            self.server_status.setText(self.tr(
                "Type the server's address first, for example http://192.168.1.20:8080"))
            return
        settings = self.ctx.settings
        settings.tutor_backend = "lan" if self.lan_radio.isChecked() else "local"
        settings.lan_server_url, settings.lan_server_model = url, self.model_edit.text().strip()
        self.ctx.runner.submit("io", self.ctx.save_settings, parent=self,
                               on_success=self._on_saved, on_error=self._on_test_error)

    def _on_saved(self, _none: None) -> None:
        self.server_status.setText(self.tr(
            "Saved. Lantern uses this the next time it starts; if the server cannot be "
            "reached then, the tutor answers from this laptop."))
