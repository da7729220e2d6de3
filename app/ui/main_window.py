"""The main window: sign-in first; then navigation on the left, the page, the status bar.

The window shows at once; models load in the background afterwards (also while the
learner signs in), with their progress in the status bar. Building it needs no settings
model and no profile store (see docs/architecture.md, "Start-up"): this module imports
what the sign-in screen shows, and the rest where it is used. Pages register with
:meth:`MainWindow.add_page`. Signing out (the button, the idle timer, or closing) locks
the profile and drops what the previous learner saw.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
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

from app.ui.banner import Banner
from app.ui.errors import describe_error, show_error
from app.ui.first_paint import after_first_paint
from app.ui.page_stack import PageStack, scrolling
from app.ui.roles import ACCESSIBLE_DESCRIPTION_ROLE
from app.ui.signin.idle import IdleWatcher
from app.ui.signin.page import SignInPage
from app.ui.status import ModelStatusBar
from app.ui.style import nav_point_size
from app.ui.warmup import warm_up

if TYPE_CHECKING:
    from app.core.content.library import LibraryPack
    from app.ops.context import AppContext
    from app.ops.handle import TaskHandle
    from app.store import ProfileEntry
    from app.ui.content.page import ContentPage
    from app.ui.navigation import LearningScreens
    from app.ui.settings.device_page import DevicePage
    from app.ui.settings_page import SettingsPage
    from app.ui.teacher.page import TeacherPage
    from app.ui.tutor.panel import TutorPanel
    from inference.params import GenerationParams

log = logging.getLogger(__name__)

LEARNING_PAGES = ("home", "learn", "practice", "progress")
OTHER_PAGES = ("tutor", "settings", "device", "teacher")


class _OtherPages:
    """The pages built on first use. A plain class (the tutor page is replaced at each
    sign-out), not a dataclass: see app.paths.AppPaths."""

    def __init__(self, tutor: TutorPanel, content: ContentPage, teacher: TeacherPage,
                 device_page: DevicePage, settings: SettingsPage) -> None:
        self.tutor, self.content, self.teacher = tutor, content, teacher
        self.device_page, self.settings = device_page, settings


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
        self.idle = IdleWatcher(ctx.look.idle_lock_minutes * 60_000, self)
        self.idle.idle.connect(self.sign_out)
        self.learner = QLabel()
        self.learner.setObjectName("signedInAs")
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.clicked.connect(self.sign_out)
        self.banner = Banner()
        self.class_key_note = Banner()  # what sign-in found about the class key
        self.class_key_note.setObjectName("classKeyNote")
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setFixedWidth(170)
        self.pages = PageStack()
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.status = ModelStatusBar()
        self.setStatusBar(self.status)
        self._learning: LearningScreens | None = None
        self._left: QWidget | None = None
        self._others: _OtherPages | None = None
        # The pages behind the sign-in screen are built after the first paint (see
        # `learning` and `_other_pages`): they pull in charts, the learner model, the
        # content library and the sync code, and the sign-in screen needs none of them.
        self._placeholders = {name: QWidget() for name in (*LEARNING_PAGES, *OTHER_PAGES)}
        self._add_pages()
        self.screens = QStackedWidget()
        self.screens.addWidget(self.signin)  # the learner's side: build_learner_side
        self.setCentralWidget(self.screens)
        self.nav.setCurrentRow(0)
        self.signin.refresh()

    def _add_pages(self) -> None:
        """Home first, then the learner's pages in the order they use them; teachers last."""
        later = self._placeholders
        pages: list[tuple[str, str, QWidget]] = [
            (self.tr("Home"), self.tr("Today's plan: what to do next"), later["home"]),
            (self.tr("Learn"), self.tr("Read the lessons"), later["learn"]),
            (self.tr("Practice"), self.tr("Answer questions, get hints"), later["practice"]),
            (self.tr("Ask the tutor"), self.tr("Ask questions about your lessons"),
             later["tutor"]),
            (self.tr("Progress"), self.tr("See how you are doing"), later["progress"]),
            (self.tr("Settings"), self.tr("Text size, colours, idle lock"), later["settings"]),
            (self.tr("This laptop"), self.tr("The tutor's model, device and threads"),
             later["device"]),
            (self.tr("For teachers"),
             self.tr("For teachers: subjects, the tutor's AI policy, class summaries"),
             later["teacher"]),
        ]
        for title, tip, page in pages:
            self.add_page(title, page, description=tip)

    @property
    def learning(self) -> LearningScreens:
        """Home, Learn, Practice and Progress; built on first use."""
        if self._learning is None:
            from app.ui.navigation import LearningScreens  # deferred: a faster first window

            learning = LearningScreens(self.ctx, go_to=self.show_page, parent=self,
                                       params=self._params)
            for name in LEARNING_PAGES:
                self._swap(self._placeholders.pop(name), getattr(learning, name))
            self._learning = learning
            learning.set_packs(self._packs)
        return self._learning

    def _other_pages(self) -> _OtherPages:
        """Ask the tutor, Settings, This laptop and For teachers; built on first use."""
        if self._others is None:
            # Deferred imports: a faster first window.
            from app.ui.content.page import ContentPage
            from app.ui.settings.device_page import DevicePage
            from app.ui.settings_page import SettingsPage
            from app.ui.teacher.page import TeacherPage

            content = ContentPage(self.ctx)
            content.packs_changed.connect(self._on_packs_changed)
            settings = SettingsPage(self.ctx)
            settings.settings_changed.connect(
                lambda s: self.idle.set_timeout(s.idle_lock_minutes * 60_000))
            settings.settings_changed.connect(lambda _s: self.fit_navigation())
            settings.about_me.saved.connect(lambda _s: self.learning.home.refresh())
            settings.about_me.chats_cleared.connect(lambda _n: self.tutor.forget_chat())
            teacher = TeacherPage(self.ctx, content)
            others = _OtherPages(self._new_tutor(), content, teacher,
                                 DevicePage(self.ctx, mode=teacher.mode), settings)
            for name, page in (("tutor", others.tutor), ("settings", settings),
                               ("device", others.device_page), ("teacher", others.teacher)):
                self._swap(self._placeholders.pop(name), page)
            self._others = others
        return self._others

    @property
    def tutor(self) -> TutorPanel:
        return self._other_pages().tutor

    @property
    def content(self) -> ContentPage:
        return self._other_pages().content

    @property
    def teacher(self) -> TeacherPage:
        return self._other_pages().teacher

    @property
    def device_page(self) -> DevicePage:
        return self._other_pages().device_page

    @property
    def settings(self) -> SettingsPage:
        return self._other_pages().settings

    def _swap(self, old: QWidget, new: QWidget) -> None:
        row = self.nav.currentRow()
        self.pages.insertWidget(self.pages.indexOf(old), new)
        self.pages.removeWidget(old)
        old.deleteLater()
        self.pages.setCurrentIndex(row)

    def _on_packs_changed(self, packs: list[LibraryPack]) -> None:
        self._packs = list(packs)
        self.tutor.set_packs(self._packs)
        self.settings.about_me.set_packs(self._packs)
        if self._learning is not None:
            self._learning.set_packs(packs)

    def fit_navigation(self) -> None:
        """Size the navigation to its longest label at the current text size (no clipping)."""
        font = QFont(QApplication.font())
        font.setPointSizeF(nav_point_size(self.ctx.look))
        metrics = QFontMetrics(font)
        labels = [self.nav.item(row).text() for row in range(self.nav.count())]
        width = max([170, *(metrics.horizontalAdvance(text) + 56 for text in labels)])
        self.nav.setFixedWidth(width)
        if self._left is not None:  # built with the learner's side
            self._left.setFixedWidth(width)

    def show_page(self, page: QWidget) -> None:
        """Switch to ``page`` and select it in the navigation."""
        self.nav.setCurrentRow(self.pages.indexOf(page))

    def build_learner_side(self) -> None:
        """Put together what is behind the sign-in screen: the navigation, the banners
        and the pages. Nobody sees it before signing in, so show_main_window does this
        just after the first paint (laid out under the style sheet, it was about 3 ms of
        the first window). Called again, it does nothing."""
        if self.screens.count() == 1:
            self.screens.addWidget(self._central())

    def show_learner_side(self) -> None:
        self.build_learner_side()
        self.screens.setCurrentIndex(1)

    def _central(self) -> QWidget:
        left = self._left = QWidget()
        self.fit_navigation()
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 6, 6)
        side.addWidget(self.nav, 1)
        side.addWidget(self.learner)
        side.addWidget(self.sign_out_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.banner)
        column.addWidget(self.class_key_note)
        column.addWidget(scrolling(self.pages), 1)  # pages scroll, never squeeze
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
        self.show_learner_side()
        self.nav.setCurrentRow(0)
        self.nav.setFocus()
        self.learning.signed_in()
        self.settings.about_me.signed_in()
        self.tutor.restore_chat()
        self.teacher.signed_in([s.id for e in self._packs for s in e.pack.skills])
        self._tell_class_key()
        self.idle.start()

    def _tell_class_key(self) -> None:
        """Tell the learner when the class key changed (never a silent move)."""
        from app.store.pin import ClassKeyStatus

        status = self.ctx.class_key_status
        if status is ClassKeyStatus.MOVED:
            self.class_key_note.show_message(self.tr(
                "Your teacher set up a new class key on this laptop and signed it with the "
                "old one. Your teacher can still reset your passphrase if you forget it."))
        elif status is ClassKeyStatus.UNTRUSTED:
            self.class_key_note.show_message(self.tr(
                "The teacher key on this laptop is not the one your profile trusts, and "
                "your teacher did not sign the change. Your profile was not handed to it, "
                "and the tutor follows its most careful settings for now. Please tell "
                "your teacher."))
        else:
            self.class_key_note.hide()

    def sign_out(self) -> None:
        """Show the sign-in screen at once, drop the learner's pages, lock in the background."""
        from app.ops import profiles as profile_ops

        if not self.signed_in:
            return
        self.idle.stop()
        self.teacher.signed_out()
        self.settings.about_me.signed_out()
        self.class_key_note.hide()
        self.ctx.end_session()
        self.screens.setCurrentWidget(self.signin)
        self._replace_tutor()
        if self._learning is not None:
            self._learning.signed_out()
        profile_ops.sign_out(parent=self, ctx=self.ctx, on_done=self.signin.refresh,
                             on_error=lambda error: show_error(self, error))
        self.signed_out.emit()

    def _replace_tutor(self) -> None:
        """A fresh tutor page: the next learner must not see this one's conversation."""
        others = self._other_pages()
        old = others.tutor
        old.shutdown()
        others.tutor = self._new_tutor()
        others.tutor.set_packs(self._packs)
        self.pages.insertWidget(self.pages.indexOf(old), others.tutor)
        self.pages.removeWidget(old)
        old.deleteLater()
        # The conversation is used on the inference lane; clear it there, after any
        # answer that was just stopped.
        self.ctx.runner.submit("inference", self.ctx.conversation.clear)

    def _new_tutor(self) -> TutorPanel:
        from app.ui.tutor.panel import TutorPanel  # deferred: a faster first window

        tutor = TutorPanel(self.ctx, params=self._params)
        tutor.source_opened.connect(self.open_lesson)
        return tutor

    def open_lesson(self, pack_id: str, lesson_id: str, heading: str) -> bool:
        """Show a lesson in Learn, scrolled to ``heading`` (a tutor citation)."""
        learn = self.learning.learn
        if not learn.show_lesson(pack_id, lesson_id, heading):
            return False
        self.show_page(learn)
        return True

    def add_page(self, title: str, page: QWidget, *, description: str = "") -> None:
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(0, 40))
        item.setToolTip(description)
        item.setData(ACCESSIBLE_DESCRIPTION_ROLE, description)
        self.nav.addItem(item)
        self.pages.addWidget(page)

    def start_loading_models(self) -> None:
        """Begin the background load; call after ``show()`` so the window appears first."""
        from app.ops import models as model_ops

        self.status.show_progress(self.tr("Starting the tutor…"), 0.0)
        self._load_handle = model_ops.load_models(
            parent=self, ctx=self.ctx, on_progress=self.status.show_progress,
            on_done=self._on_models_loaded, on_error=self._on_models_error)

    def build_pages(self) -> None:
        """Build the pages behind the sign-in screen now, not at their first use.

        Called after the first paint, once their modules are imported (app.ui.warmup),
        so the pages are ready before sign-in ends.
        """
        QTimer.singleShot(0, self, self._build_pages)

    def _build_pages(self) -> None:
        """One group of pages per turn of the event loop: the sign-in screen answers between."""
        if self._others is None:
            self._other_pages()
            QTimer.singleShot(0, self, self._build_pages)
        else:
            _ = self.learning

    def _on_models_loaded(self) -> None:
        from app.core.models import LoadState

        self._load_handle = None
        self.status.show_models(self.ctx.models)
        chat = self.ctx.models.status("chat")
        if chat.state is LoadState.FAILED and chat.error is not None:
            self.banner.show_message(
                self.tr("The tutor can't answer questions right now. {reason}").format(
                    reason=describe_error(chat.error)))
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
        if self._others is not None:
            self._others.teacher.mode.leave()
            self._others.tutor.shutdown()
            self._others.content.shutdown()
        if self._load_handle is not None:
            self._load_handle.cancel()
        super().closeEvent(event)


def show_main_window(ctx: AppContext, *, before_show: Callable[[], None] | None = None,
                     models_ready: Callable[[], None] | None = None,
                     pages_ready: Callable[[], None] | None = None) -> MainWindow:
    """Build and show the window (``before_show`` runs in between). Once it is interactive
    (painted, the profiles listed), warm up (app.ui.warmup): then start the model load
    (after ``models_ready``), then build the pages (after ``pages_ready``)."""
    window = MainWindow(ctx, measure_on_first_start=True)
    window.resize(960, 680)
    if before_show is not None:
        before_show()
    window.show()

    def load_models() -> None:
        window.signin.point_links()
        if models_ready is not None:
            models_ready()
        window.start_loading_models()

    def build_pages() -> None:
        if pages_ready is not None:
            pages_ready()
        window.build_pages()

    def start() -> None:
        warm_up(ctx, parent=window, models_ready=load_models, pages_ready=build_pages)

    def interactive() -> None:
        window.build_learner_side()
        window.signin.after_first_list(start)

    after_first_paint(window, interactive)
    return window
