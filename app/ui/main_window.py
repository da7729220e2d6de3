"""The main window: sign-in first; then navigation on the left, the page, the status bar.

The window shows at once; models load in the background afterwards (also while the
learner signs in), with their progress in the status bar. Pages register with
:meth:`MainWindow.add_page`. Signing out (the button, the idle timer, or closing) locks
the profile and drops what the previous learner saw.
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
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.content.library import LibraryPack
from app.core.models import LoadState
from app.ops import models as model_ops
from app.ops import profiles as profile_ops
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from app.store import ProfileEntry
from app.ui.content.page import ContentPage
from app.ui.content.subjects import SubjectsPage
from app.ui.errors import show_error
from app.ui.settings.device_page import DevicePage
from app.ui.signin.idle import IdleWatcher
from app.ui.signin.page import SignInPage
from app.ui.status import ModelStatusBar
from app.ui.tutor.lesson_dialog import LessonDialog
from app.ui.tutor.panel import TutorPanel
from inference.params import GenerationParams

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
    signed_out: the learner's pages were closed and the profile is being locked.
    """

    models_ready = Signal()
    signed_out = Signal()

    def __init__(self, ctx: AppContext, *, params: GenerationParams | None = None,
                 measure_on_first_start: bool = False) -> None:
        super().__init__()
        self.ctx = ctx
        self._measure_on_first_start = measure_on_first_start
        self.setWindowTitle(self.tr("Lantern — your offline tutor"))
        self.setMinimumSize(QSize(720, 480))
        self._load_handle: TaskHandle | None = None
        self._params = params
        self._packs: list[LibraryPack] = []
        self.signin = SignInPage(ctx)
        self.signin.signed_in.connect(self._on_signed_in)
        self.idle = IdleWatcher(ctx.settings.idle_lock_minutes * 60_000, self)
        self.idle.idle.connect(self.sign_out)
        self.learner = QLabel()
        self.learner.setObjectName("signedInAs")
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.clicked.connect(self.sign_out)
        self.banner = Banner()
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setFixedWidth(170)
        self.pages = QStackedWidget()
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.status = ModelStatusBar()
        self.setStatusBar(self.status)
        self.tutor = self._new_tutor()
        self.add_page(self.tr("Ask the tutor"), self.tutor)
        self.subjects = SubjectsPage()
        self.add_page(self.tr("Subjects"), self.subjects)
        self.content = ContentPage(ctx)
        self.content.packs_changed.connect(self.subjects.set_packs)
        self.content.packs_changed.connect(self._on_packs_changed)
        self.add_page(self.tr("Content (teachers)"), self.content)
        self.device_page = DevicePage(ctx)
        self.add_page(self.tr("This laptop"), self.device_page)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.signin)
        self.screens.addWidget(self._central())
        self.setCentralWidget(self.screens)
        self.nav.setCurrentRow(0)
        self.signin.refresh()

    def _central(self) -> QWidget:
        left = QWidget()
        left.setFixedWidth(self.nav.width())
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 6, 6)
        side.addWidget(self.nav, 1)
        side.addWidget(self.learner)
        side.addWidget(self.sign_out_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.banner)
        column.addWidget(self.pages, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(left)
        row.addWidget(right, 1)
        return central

    @property
    def signed_in(self) -> bool:
        return self.screens.currentWidget() is not self.signin

    def _on_signed_in(self, entry: ProfileEntry) -> None:
        self.learner.setText(self.tr("Signed in as {name}").format(name=entry.nickname))
        self.screens.setCurrentIndex(1)
        self.nav.setCurrentRow(0)
        self.tutor.setFocus()
        self.idle.start()

    def sign_out(self) -> None:
        """Show the sign-in screen at once, drop the learner's pages, lock in the background."""
        if not self.signed_in:
            return
        self.idle.stop()
        self.screens.setCurrentWidget(self.signin)
        self._replace_tutor()
        profile_ops.sign_out(parent=self, ctx=self.ctx, on_done=self.signin.refresh,
                             on_error=lambda error: show_error(self, error))
        self.signed_out.emit()

    def _replace_tutor(self) -> None:
        """A fresh tutor page: the next learner must not see this one's conversation."""
        old = self.tutor
        old.shutdown()
        self.tutor = self._new_tutor()
        self.tutor.set_packs(self._packs)
        self.pages.insertWidget(self.pages.indexOf(old), self.tutor)
        self.pages.removeWidget(old)
        old.deleteLater()
        # The conversation is used on the inference lane; clear it there, after any
        # answer that was just stopped.
        self.ctx.runner.submit("inference", self.ctx.conversation.clear)

    def _new_tutor(self) -> TutorPanel:
        tutor = TutorPanel(self.ctx, params=self._params)
        tutor.source_opened.connect(self.open_lesson)
        return tutor

    def _on_packs_changed(self, packs: list[LibraryPack]) -> None:
        self._packs = list(packs)
        self.tutor.set_packs(self._packs)

    def open_lesson(self, pack_id: str, lesson_id: str, heading: str) -> LessonDialog | None:
        """Show a lesson at ``heading`` (a tutor citation)."""
        pack = next((e.pack for e in self._packs if e.pack.info.id == pack_id), None)
        lesson = pack.lesson(lesson_id) if pack else None
        if lesson is None:
            return None
        dialog = LessonDialog(lesson, heading, self)
        dialog.open()
        return dialog

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
        # The profile itself is locked by AppContext.close(), after the lanes finish.
        self.idle.stop()
        self.tutor.shutdown()
        self.content.shutdown()
        if self._load_handle is not None:
            self._load_handle.cancel()
        super().closeEvent(event)


def show_main_window(ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx, measure_on_first_start=True)
    window.resize(960, 680)
    window.show()
    QTimer.singleShot(0, window.start_loading_models)
    return window
