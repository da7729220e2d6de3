"""The status bar: which models run where, and model loading progress."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from app.core.models import LoadState, ModelHost


class ModelStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chat_label = QLabel()
        self.chat_label.setAccessibleName(self.tr("Tutor model and device"))
        self.embed_label = QLabel()
        self.embed_label.setAccessibleName(self.tr("Search model and device"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Model loading progress"))
        self.addWidget(self.chat_label)
        self.addPermanentWidget(self.embed_label)
        self.addPermanentWidget(self.progress)

    def show_progress(self, message: str, fraction: float) -> None:
        self.progress.setVisible(fraction < 1.0)
        self.progress.setValue(int(fraction * 100))
        self.chat_label.setText(message)

    def show_models(self, host: ModelHost) -> None:
        self.progress.hide()
        for role, label in (("chat", self.chat_label), ("embed", self.embed_label)):
            status = host.status(role)
            if status.state is LoadState.READY:
                label.setText(status.summary)
                label.setToolTip(status.detail)
            else:
                label.setText(self.tr("{name}: not available").format(name=status.spec.name))
                label.setToolTip(status.error.user_message() if status.error else "")
