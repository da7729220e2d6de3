"""The main window: navigation on the left, the current page, and the status bar.

The window shows at once; models load in the background afterwards, with their
progress in the status bar. Pages register with :meth:`MainWindow.add_page`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.models import LoadState
from app.ops import models as model_ops
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from app.ui.errors import show_error
from app.ui.settings.device_page import DevicePage
from app.ui.status import ModelStatusBar
from app.ui.tutor.panel import TutorPanel
from inference.llm import GenerationParams

log = logging.getLogger(__name__)


class Banner(QFrame):
    """A calm, non-modal message at the top of the window (e.g. a missing model)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(self.tr("Message from Lantern"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.label)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class MainWindow(QMainWindow):
    """Signals:
    models_ready: the background model load finished (successfully or not).
    """

    models_ready = Signal()

    def __init__(self, ctx: AppContext, *, params: GenerationParams | None = None,
                 measure_on_first_start: bool = False) -> None:
        super().__init__()
        self.ctx = ctx
        self._measure_on_first_start = measure_on_first_start
        self.setWindowTitle(self.tr("Lantern — your offline tutor"))
        self.setMinimumSize(QSize(720, 480))
        self._load_handle: TaskHandle | None = None
        self.banner = Banner()
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setFixedWidth(170)
        self.pages = QStackedWidget()
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.status = ModelStatusBar()
        self.setStatusBar(self.status)
        self.tutor = TutorPanel(ctx, params=params)
        self.add_page(self.tr("Ask the tutor"), self.tutor)
        self.device_page = DevicePage(ctx)
        self.add_page(self.tr("This laptop"), self.device_page)
        self.setCentralWidget(self._central())
        self.nav.setCurrentRow(0)

    def _central(self) -> QWidget:
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.banner)
        column.addWidget(self.pages, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(right, 1)
        return central

    def add_page(self, title: str, page: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(0, 40))
        self.nav.addItem(item)
        self.pages.addWidget(page)

    def start_loading_models(self) -> None:
        """Begin the background load; call after ``show()`` so the window appears first."""
        self.status.show_progress(self.tr("Starting the tutor…"), 0.0)
        self._load_handle = model_ops.load_models(
            parent=self, ctx=self.ctx, on_progress=self.status.show_progress,
            on_done=self._on_models_loaded, on_error=self._on_models_error)

    def _on_models_loaded(self) -> None:
        self._load_handle = None
        self.status.show_models(self.ctx.models)
        chat = self.ctx.models.status("chat")
        if chat.state is LoadState.FAILED and chat.error is not None:
            self.banner.show_message(
                self.tr("The tutor can't answer questions right now. {reason}").format(
                    reason=chat.error.user_message()))
        if self._measure_on_first_start:
            self.device_page.on_models_ready()
        self.models_ready.emit()

    def _on_models_error(self, error: Exception) -> None:
        self._load_handle = None
        self.status.show_models(self.ctx.models)
        show_error(self, error)
        self.models_ready.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tutor.shutdown()
        if self._load_handle is not None:
            self._load_handle.cancel()
        super().closeEvent(event)


def show_main_window(ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx, measure_on_first_start=True)
    window.resize(960, 680)
    window.show()
    QTimer.singleShot(0, window.start_loading_models)
    return window
