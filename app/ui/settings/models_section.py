"""Settings → Tutor models (teacher mode): add a model file, switch versions, go back.

Adding runs every check of :mod:`inference.sideload` in the background with progress and
a Cancel button; a refused file gets its reason in plain words and nothing is kept.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ops import model_files
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from app.ui.button_row import ButtonRow
from app.ui.errors import describe_error
from app.ui.i18n import translated
from app.ui.style import narrow_combo
from app.ui.wrap_button import WrapButton
from inference.registry import ModelSpec


class ModelsSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Tutor models (teacher)"))
        self.ctx = ctx
        self._adding: TaskHandle | None = None
        self.models = narrow_combo(QComboBox())
        self.models.setAccessibleName(self.tr("Tutor model to use"))
        self.use_button = QPushButton(self.tr("Use this model"))
        self.use_button.clicked.connect(self._on_use_clicked)
        self.back_button = WrapButton(self.tr("Go back to the previous one"))
        self.back_button.clicked.connect(self._on_back_clicked)
        self.add_button = QPushButton(self.tr("Add a model file…"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        # Rows that become columns in a narrow window (200 % text at 720 pixels).
        row = ButtonRow.header(self.models, self.use_button)
        buttons = ButtonRow([self.back_button, self.add_button, self.cancel_button])
        column = QVBoxLayout(self)
        column.addWidget(row)
        column.addWidget(buttons)
        column.addWidget(self.progress)
        column.addWidget(self.status)

    def refresh(self) -> None:
        model_files.list_models(parent=self, ctx=self.ctx, role="chat", on_done=self._on_listed)

    def _on_listed(self, listing: tuple[list[ModelSpec], str]) -> None:
        specs, active = listing
        self.models.clear()
        for spec in specs:
            mark = self.tr(" (in use)") if spec.id == active else ""
            self.models.addItem(f"{spec.name}{mark}", spec.id)
            if spec.id == active:
                self.models.setCurrentIndex(self.models.count() - 1)

    def add_file(self, path: Path) -> None:
        """Check and add ``path`` in the background (the file dialog calls this)."""
        self.add_button.setEnabled(False)
        self.cancel_button.show()
        self.progress.show()
        self._adding = model_files.add_model_file(
            parent=self, ctx=self.ctx, path=path, on_progress=self._on_add_progress,
            on_done=self._on_added, on_error=self._on_add_failed, on_cancel=self._on_add_ended)

    def _on_add_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a model file"), str(Path.home()),
            self.tr("Models (*.gguf *.onnx)"))
        if name:
            self.add_file(Path(name))

    def _on_add_progress(self, message: str, fraction: float) -> None:
        self.status.setText(translated(message))
        self.progress.setValue(int(fraction * 100))

    def _on_added(self, spec: ModelSpec) -> None:
        self._on_add_ended()
        self.status.setText(self.tr("Added {name}. Choose it above and press 'Use this "
                                    "model'.").format(name=spec.name))
        self.refresh()

    def _on_add_failed(self, error: Exception) -> None:
        self._on_add_ended()
        self.status.setText(describe_error(error))

    def _on_add_ended(self) -> None:
        self._adding = None
        self.add_button.setEnabled(True)
        self.cancel_button.hide()
        self.progress.hide()

    def _on_cancel_clicked(self) -> None:
        if self._adding is not None:
            self._adding.cancel()
            self.status.setText(self.tr("Stopped. Nothing was added."))

    def _on_use_clicked(self) -> None:
        model_id = self.models.currentData()
        if model_id:
            model_files.use_model(parent=self, ctx=self.ctx, model_id=str(model_id),
                                  on_done=self._on_switched, on_error=self._on_add_failed)

    def _on_back_clicked(self) -> None:
        model_files.roll_back(parent=self, ctx=self.ctx, role="chat",
                              on_done=self._on_switched, on_error=self._on_add_failed)

    def _on_switched(self, model_id: str) -> None:
        self.status.setText(self.tr("Switched to {id}. Lantern uses it the next time it "
                                    "starts.").format(id=model_id))
        self.refresh()
