"""The Tutor panel: the conversation, a question box, Ask and Stop."""

from __future__ import annotations

import functools
import logging

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ops import tutor as tutor_ops
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from app.ui.errors import describe_error
from app.ui.tutor.chat_delegate import BubbleDelegate
from app.ui.tutor.chat_model import ChatListModel, Sender
from inference.llm import GenerationParams

log = logging.getLogger(__name__)

EXAMPLE_QUESTION = "What is a fraction?"
SUGGESTIONS = (EXAMPLE_QUESTION, "Why are leaves green?", "How do I compare 2/3 and 3/4?")


class TutorPanel(QWidget):
    """Ask the tutor a question and watch the answer arrive.

    Signals:
        answer_finished: emitted with the whole answer (also after Stop).
    """

    answer_finished = Signal(str)

    def __init__(self, ctx: AppContext, *, params: GenerationParams | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._params = params
        self._handle: TaskHandle | None = None
        self.model = ChatListModel()
        self._build()

    def _build(self) -> None:
        title = QLabel(self.tr("Ask the tutor"))
        title.setObjectName("pageTitle")
        intro = QLabel(self.tr("Ask about anything you are learning. The tutor runs on this "
                               "laptop: nothing you type leaves it."))
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")

        self.view = QListView()
        self.view.setModel(self.model)
        self._delegate = BubbleDelegate(self.view)
        self.view.setItemDelegate(self._delegate)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setWordWrap(True)
        self.view.setAccessibleName(self.tr("Conversation with the tutor"))
        self.model.rowsInserted.connect(lambda *_: self.view.scrollToBottom())
        self.model.dataChanged.connect(self._on_model_changed)

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

        suggestions = QHBoxLayout()
        suggestions.addWidget(QLabel(self.tr("Try:")))
        for text in SUGGESTIONS:
            chip = QPushButton(self.tr(text))
            chip.setObjectName("suggestion")
            chip.setAccessibleName(self.tr("Ask: {question}").format(question=chip.text()))
            chip.clicked.connect(functools.partial(self.ask_text, chip.text()))
            suggestions.addWidget(chip)
        suggestions.addStretch(1)

        row = QHBoxLayout()
        row.addWidget(self.question, 1)
        row.addWidget(self.ask_button)
        row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(suggestions)
        layout.addLayout(row)
        self.setFocusProxy(self.question)
        self._update_buttons()

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

    def _on_answer_done(self, answer: str) -> None:
        stopped = self._handle is not None and self._handle.cancel_token.cancelled
        self.model.finish_last(stopped=stopped)
        self._handle = None
        self._update_buttons()
        self.answer_finished.emit(answer)

    def _on_answer_error(self, error: Exception) -> None:
        self.model.finish_last()
        if not self.model.message(self.model.rowCount() - 1).text:
            self.model.extend_last(self.tr("(no answer)"))
        self.add_notice(describe_error(error))
        self._handle = None
        self._update_buttons()

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
