"""The Tutor panel: pick a subject, ask, watch a cited answer arrive, Stop, open a source."""

from __future__ import annotations

import functools
import logging

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.content.library import LibraryPack
from app.core.tutor.service import TutorReply
from app.ops import tutor as tutor_ops
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from app.ui.errors import describe_error
from app.ui.tutor.chat_delegate import BubbleDelegate
from app.ui.tutor.chat_model import ChatListModel, ChatRoles, Sender, SourceRef
from inference.params import GenerationParams

log = logging.getLogger(__name__)

EXAMPLE_QUESTION = "What is a fraction?"
MAX_SUGGESTIONS = 3


class TutorPanel(QWidget):
    """Ask the tutor a question and watch the answer arrive.

    Signals:
        answer_finished: the whole answer text (also after Stop).
        source_opened: a cited passage to show — (pack id, lesson id, heading).
    """

    answer_finished = Signal(str)
    source_opened = Signal(str, str, str)

    def __init__(self, ctx: AppContext, *, params: GenerationParams | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._params = params
        self._handle: TaskHandle | None = None
        self._packs: list[LibraryPack] = []
        self.model = ChatListModel()
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        intro = QLabel(self.tr("Ask about your lessons. The tutor answers from them and shows "
                               "where it found the answer. It runs on this laptop: nothing "
                               "you type leaves it."))
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        layout.addWidget(intro)
        layout.addWidget(self._conversation_view(), 1)
        self.suggestions = QHBoxLayout()
        layout.addLayout(self.suggestions)
        layout.addLayout(self._question_row())
        self.setFocusProxy(self.question)
        self._update_buttons()

    def _header(self) -> QHBoxLayout:
        title = QLabel(self.tr("Ask the tutor"))
        title.setObjectName("pageTitle")
        self.subject = QComboBox()
        self.subject.setAccessibleName(self.tr("Subject the tutor answers from"))
        self.subject.currentIndexChanged.connect(self._on_subject_changed)
        label = QLabel(self.tr("Subject:"))
        label.setBuddy(self.subject)
        row = QHBoxLayout()
        row.addWidget(title, 1)
        row.addWidget(label)
        row.addWidget(self.subject)
        return row

    def _conversation_view(self) -> QListView:
        self.view = QListView()
        self.view.setModel(self.model)
        self._delegate = BubbleDelegate(self.view)
        self.view.setItemDelegate(self._delegate)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setWordWrap(True)
        self.view.setAccessibleName(self.tr("Conversation with the tutor"))
        self.view.activated.connect(self._on_message_activated)
        self.view.clicked.connect(self._on_message_activated)
        self.model.rowsInserted.connect(lambda *_: self.view.scrollToBottom())
        self.model.dataChanged.connect(self._on_model_changed)
        return self.view

    def _question_row(self) -> QHBoxLayout:
        self.question = QLineEdit()
        self.question.setPlaceholderText(self.tr("Type a question, e.g. {example}").format(
            example=EXAMPLE_QUESTION))
        self.question.setAccessibleName(self.tr("Your question"))
        self.question.setClearButtonEnabled(True)
        self.question.returnPressed.connect(self.ask)
        self.question.textChanged.connect(self._update_buttons)
        self.ask_button = QPushButton(self.tr("Ask"))
        self.ask_button.setDefault(True)
        self.ask_button.setAccessibleName(self.tr("Ask the tutor"))
        self.ask_button.clicked.connect(self.ask)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the answer"))
        self.stop_button.setToolTip(self.tr("Stop the tutor's answer (Esc)"))
        self.stop_button.setShortcut(Qt.Key.Key_Escape)
        self.stop_button.clicked.connect(self.stop)
        row = QHBoxLayout()
        row.addWidget(self.question, 1)
        row.addWidget(self.ask_button)
        row.addWidget(self.stop_button)
        return row

    def set_packs(self, packs: list[LibraryPack]) -> None:
        """The subjects to choose from (the Content page's list); keeps the current one."""
        current = self._ctx.subject.info.id if self._ctx.subject else None
        self._packs = list(packs)
        self.subject.blockSignals(True)
        self.subject.clear()
        for entry in self._packs:
            self.subject.addItem(entry.pack.info.title, entry.pack.info.id)
        ids = [entry.pack.info.id for entry in self._packs]
        self.subject.setCurrentIndex(ids.index(current) if current in ids else 0)
        self.subject.blockSignals(False)
        self._on_subject_changed(self.subject.currentIndex())

    def _on_subject_changed(self, row: int) -> None:
        pack = self._packs[row].pack if 0 <= row < len(self._packs) else None
        self._ctx.subject = pack
        titles = [lesson.title for lesson in sorted(pack.lessons, key=lambda x: x.order)
                  ] if pack else []
        self._show_suggestions(titles[:MAX_SUGGESTIONS])

    def _show_suggestions(self, questions: list[str]) -> None:
        while self.suggestions.count():
            item = self.suggestions.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if questions:
            self.suggestions.addWidget(QLabel(self.tr("Try:")))
        for text in questions:
            chip = QPushButton(text)
            chip.setObjectName("suggestion")
            chip.setAccessibleName(self.tr("Ask: {question}").format(question=text))
            chip.clicked.connect(functools.partial(self.ask_text, text))
            self.suggestions.addWidget(chip)
        self.suggestions.addStretch(1)

    @property
    def busy(self) -> bool:
        return self._handle is not None

    def ask(self) -> None:
        text = self.question.text().strip()
        if not text or self.busy:
            return
        self.question.clear()
        self.model.append(Sender.LEARNER, text)
        self.model.append(Sender.TUTOR, "", streaming=True)
        self._handle = tutor_ops.ask(
            parent=self, ctx=self._ctx, question=text, params=self._params,
            on_text=self.model.extend_last, on_done=self._on_answer_done,
            on_error=self._on_answer_error)
        self._update_buttons()

    def ask_text(self, text: str, _checked: bool = False) -> None:
        """Ask ``text`` as if the learner had typed it (the suggestion buttons)."""
        if not self.busy:
            self.question.setText(text)
            self.ask()

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def add_notice(self, text: str) -> None:
        """Show a message from Lantern itself in the conversation."""
        self.model.append(Sender.NOTICE, text)

    def _on_answer_done(self, reply: TutorReply) -> None:
        stopped = self._handle is not None and self._handle.cancel_token.cancelled
        self.model.finish_last(stopped=stopped, text=None if stopped else reply.text,
                               sources=_sources(reply))
        self._handle = None
        self._update_buttons()
        self.answer_finished.emit(self.model.message(self.model.rowCount() - 1).text)

    def _on_answer_error(self, error: Exception) -> None:
        self.model.finish_last()
        if not self.model.message(self.model.rowCount() - 1).text:
            self.model.extend_last(self.tr("(no answer)"))
        self.add_notice(describe_error(error))
        self._handle = None
        self._update_buttons()

    def _on_message_activated(self, index: QModelIndex) -> None:
        sources: tuple[SourceRef, ...] = index.data(ChatRoles.SOURCES) or ()
        if len(sources) == 1:
            self._open(sources[0])
        elif sources:
            self._choose_source(sources, self.view.visualRect(index).center())

    def _choose_source(self, sources: tuple[SourceRef, ...], at: QPoint) -> None:
        menu = QMenu(self)
        for source in sources:
            menu.addAction(source.label, functools.partial(self._open, source))
        menu.popup(self.view.viewport().mapToGlobal(at) if at else QCursor.pos())

    def _open(self, source: SourceRef) -> None:
        self.source_opened.emit(source.pack_id, source.lesson_id, source.heading)

    def _on_model_changed(self, top_left: QModelIndex, *_args: object) -> None:
        self._delegate.sizeHintChanged.emit(top_left)  # the bubble grew: lay out that row
        # Keep the newest text in sight while it streams, unless the learner scrolled up.
        bar = self.view.verticalScrollBar()
        if bar.value() >= bar.maximum() - 80:
            self.view.scrollToBottom()

    def _update_buttons(self) -> None:
        self.ask_button.setEnabled(not self.busy and bool(self.question.text().strip()))
        self.stop_button.setEnabled(self.busy)

    def shutdown(self) -> None:
        """Stop a streaming answer (the window is closing)."""
        self.stop()


def _sources(reply: TutorReply) -> tuple[SourceRef, ...]:
    if reply.cited is None:
        return ()
    return tuple(SourceRef(s.number, s.passage.pack_id, s.passage.lesson_id,
                           s.passage.lesson_title, s.passage.heading)
                 for s in sorted(reply.cited.cited, key=lambda s: s.number))
