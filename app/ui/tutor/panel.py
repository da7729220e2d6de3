"""The Tutor panel: ask, watch a cited answer arrive ("Thinking…" first), Stop, open a source.

One widget serves three places. As the "Ask the tutor" page it has a title, an intro,
a subject list and suggested questions, and asks :func:`app.ops.tutor.ask` about the
chosen subject. ``compact=True`` makes it a side panel for another page (Learn,
Practice): a small heading and one line of help; the host page decides what a question
is about by passing an ``asker`` (e.g. the open lesson, or the practice question) and can
run its own tasks in the conversation with :meth:`TutorPanel.run` (Practice's hints).

The Ask-the-tutor page keeps its chats in the learner's encrypted profile, per subject
(``app.ops.learner``): choosing a subject, or signing in, shows that subject's chat again
and the tutor continues it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeySequence, QShortcut, QShowEvent
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
from app.core.tutor.conversation import Turn
from app.core.tutor.safe_stream import Streamed
from app.core.tutor.service import TutorReply
from app.ops import learner as learner_ops
from app.ops import tutor as tutor_ops
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from app.store.records import TutorMessage
from app.ui.button_row import ButtonRow
from app.ui.errors import describe_error
from app.ui.i18n import translated
from app.ui.prompt_fit import PromptFit
from app.ui.style import narrow_combo
from app.ui.tutor.chat_delegate import BubbleDelegate
from app.ui.tutor.chat_model import ChatListModel, ChatRoles, Sender, SourceRef
from app.ui.wrap_button import WrapButton
from inference.params import GenerationParams

log = logging.getLogger(__name__)

MAX_SUGGESTIONS = 3
SILENCE_MS = 1000  # no new text for this long: the reply says "Still thinking…"


@dataclass(frozen=True)
class PanelReply:
    """What a task shows when it ends: its text, the passages it cites, a label on top."""

    text: str
    sources: tuple[SourceRef, ...] = ()
    label: str = ""


OnText = Callable[[Streamed], None]
OnReply = Callable[[PanelReply], None]
OnError = Callable[[Exception], None]
# Starts a task: streamed text, the final reply and an error go to the three callbacks.
Starter = Callable[[OnText, OnReply, OnError], TaskHandle]
# Starts answering a typed question (the question comes first).
Asker = Callable[[str, OnText, OnReply, OnError], TaskHandle]


def reply_of(reply: TutorReply) -> PanelReply:
    """The panel's view of a tutor reply: its text and numbered sources."""
    if reply.cited is None:
        return PanelReply(translated(reply.text))  # refusals are Lantern's own words
    sources = tuple(SourceRef(s.number, s.passage.pack_id, s.passage.lesson_id,
                              s.passage.lesson_title, s.passage.heading)
                    for s in sorted(reply.cited.cited, key=lambda s: s.number))
    return PanelReply(reply.text, sources)


class TutorPanel(QWidget):
    """Ask the tutor a question and watch the answer arrive.

    Signals:
        answer_finished: the whole answer text (also after Stop).
        source_opened: a cited passage to show — (pack id, lesson id, heading).
        busy_changed: a task started (True) or ended (False).
    """

    answer_finished = Signal(str)
    source_opened = Signal(str, str, str)
    busy_changed = Signal(bool)

    def __init__(self, ctx: AppContext, *, params: GenerationParams | None = None,
                 compact: bool = False, asker: Asker | None = None, title: str = "",
                 intro: str = "", closed_reason: str = "",
                 parent: QWidget | None = None) -> None:
        """``title``/``intro``/``closed_reason`` replace the defaults (compact hosts set them);
        ``closed_reason`` is shown instead of the box when the teacher turned free chat off.
        """
        super().__init__(parent)
        self._ctx = ctx
        self._params = params
        self.compact = compact
        self._asker: Asker = asker or self._ask_subject
        self._handle: TaskHandle | None = None
        self._generation = 0  # bumped by clear(): late results of older tasks are dropped
        self._packs: list[LibraryPack] = []
        self.subject: QComboBox | None = None
        self._chat_of: str | None = None  # the subject whose kept chat is on screen
        self._restore_pending = False  # signed in before any subject was chosen
        self.model = ChatListModel()
        self.silence = QTimer(self)  # restarted by every update of a streaming reply
        self.silence.setSingleShot(True)
        self.silence.setInterval(SILENCE_MS)
        self.silence.timeout.connect(lambda: self.model.set_waiting(True))
        self._build(title, intro, closed_reason)

    def _build(self, title: str, intro: str, closed_reason: str) -> None:
        layout = QVBoxLayout(self)
        if self.compact:
            layout.setContentsMargins(6, 0, 0, 0)
            layout.addWidget(self._compact_title(title or self.tr("Tutor")))
        else:
            layout.addLayout(self._header())
        intro_label = QLabel(intro or self.tr(
            "Ask about your lessons. The tutor answers from them and shows where it found "
            "the answer. It runs on this laptop: nothing you type leaves it."))
        intro_label.setWordWrap(True)
        intro_label.setObjectName("pageIntro")
        layout.addWidget(intro_label)
        layout.addWidget(self._conversation_view(), 1)
        self.suggestions = QVBoxLayout()  # "Try:" over a row of chips (a column if narrow)
        layout.addLayout(self.suggestions)
        self.status = self._note(self.tr("The tutor is thinking… Stop (Esc) ends it."))
        self.closed = self._note(closed_reason or self.tr(
            "Your teacher has turned off questions to the tutor."))
        layout.addWidget(self.status)
        layout.addWidget(self.closed)
        layout.addLayout(self._question_row())
        # No focus proxy on the panel: Qt would Tab from the widget before it straight to
        # the proxy (the box), jumping over the conversation.
        self.refresh_policy()

    def _compact_title(self, text: str) -> QLabel:
        label = QLabel(text)
        # Bold by style sheet, not by a QFont: the size keeps following the text-size setting.
        label.setStyleSheet("font-weight: 600;")
        return label

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setObjectName("pageIntro")
        label.hide()
        return label

    def _header(self) -> QHBoxLayout:
        title = QLabel(self.tr("Ask the tutor"))
        title.setObjectName("pageTitle")
        self.subject = narrow_combo(QComboBox())
        self.subject.setAccessibleName(self.tr("Subject the tutor answers from"))
        self.subject.currentIndexChanged.connect(self._on_subject_changed)
        label = QLabel(self.tr("Subject:"))
        label.setBuddy(self.subject)
        # Title and subject side by side when there is room, else the subject below.
        self.header = ButtonRow.header(title, label, self.subject)
        row = QHBoxLayout()
        row.addWidget(self.header)
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
        self.view.setMinimumHeight(140)  # a few lines of the reply, even when stacked
        self.view.setAccessibleName(self.tr("Conversation with the tutor"))
        self.view.setAccessibleDescription(self.tr(
            "Press Enter on an answer to open the lesson it cites"))
        self.view.activated.connect(self._on_message_activated)
        self.view.clicked.connect(self._on_message_activated)
        self.model.rowsInserted.connect(lambda *_: self.view.scrollToBottom())
        self.model.dataChanged.connect(self._on_model_changed)
        return self.view

    def _question_row(self) -> QVBoxLayout:
        self.question = QLineEdit()
        # A wrapping label says it instead when the placeholder would be cut (set_prompt).
        self.prompt_label = QLabel()
        self._prompt = PromptFit(self.question, self.prompt_label)
        # One sentence with its example, so the example is in the UI's language too.
        self.set_prompt(self.tr("Type a question, e.g. What is a fraction?"))
        self.question.setAccessibleName(self.tr("Your question"))
        self.question.setClearButtonEnabled(True)
        self.question.returnPressed.connect(self.ask)
        self.question.textChanged.connect(self._update_buttons)
        self.ask_button = QPushButton(self.tr("Ask"))
        self.ask_button.setDefault(not self.compact)  # a host page has its own default
        self.ask_button.setAccessibleName(self.tr("Ask the tutor"))
        self.ask_button.clicked.connect(self.ask)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the answer"))
        self.stop_button.setToolTip(self.tr("Stop the tutor's answer (Esc)"))
        self.stop_button.clicked.connect(self.stop)
        # Esc stops the answer of the panel the learner is in: Learn, Practice and the
        # tutor page each have a panel, and one window-wide Esc on every Stop button
        # would be an ambiguous shortcut that Qt fires for none of them.
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.stop,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        buttons = QHBoxLayout()
        if self.compact:
            buttons.addStretch(1)
        else:
            buttons.addWidget(self.question, 1)
        buttons.addWidget(self.ask_button)
        buttons.addWidget(self.stop_button)
        column = QVBoxLayout()
        column.addWidget(self.prompt_label)
        if self.compact:
            column.addWidget(self.question)  # a narrow panel: the box gets the whole width
        column.addLayout(buttons)
        return column

    def set_prompt(self, text: str) -> None:
        """What the question box asks for: its placeholder where it fits, else a label."""
        self._prompt.set_text(text)

    def tab_chain(self) -> list[QWidget]:
        """The panel's controls in Tab order, for the host page's own chain."""
        return [self.view, self.question, self.ask_button, self.stop_button]

    def set_packs(self, packs: list[LibraryPack]) -> None:
        """The subjects to choose from (the Content page's list); keeps the current one."""
        if self.subject is None:
            return  # a side panel: its host page decides the subject
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
        if pack is None or pack.info.id == self._chat_of:
            return
        if self._chat_of is None and not self._restore_pending:
            self._chat_of = pack.info.id  # the first subject: keep what is on screen
        else:
            self.restore_chat()

    # Kept chats (the Ask-the-tutor page only; a side panel's chat is about one lesson).

    def restore_chat(self) -> None:
        """Show the current subject's kept chat, and continue it (after sign-in too)."""
        if self.compact:
            return
        self._restore_pending = self._ctx.subject is None  # then: when a subject comes
        if self._ctx.subject is None:
            return
        pack_id = self._chat_of = self._ctx.subject.info.id
        self.clear()
        generation = self._generation
        learner_ops.load_chat(parent=self, ctx=self._ctx, pack_id=pack_id,
                              on_done=self._current(generation, self._show_kept),
                              on_error=lambda error: log.warning("chat not restored: %s",
                                                                 error))

    def _show_kept(self, messages: list[TutorMessage]) -> None:
        for kept in messages:
            self.model.append(Sender.LEARNER if kept.role == "user" else Sender.TUTOR,
                              kept.content)
        turns = [Turn("user" if m.role == "user" else "assistant", m.content)
                 for m in messages]
        conversation = self._ctx.conversation  # used on the inference lane only
        self._ctx.runner.submit("inference", lambda: conversation.restore(turns))

    def forget_chat(self) -> None:
        """The learner cleared their kept chats: clear this one on screen and in context."""
        self.clear()
        if not self.compact:
            self._ctx.runner.submit("inference", self._ctx.conversation.clear)

    def _keep(self, pack_id: str, question: str, generation: int) -> None:
        """Store the question and the answer as shown (stopped ones as far as they got)."""
        if generation != self._generation or not self.model.rowCount():
            return  # the chat was cleared meanwhile (another subject, a sign-out)
        answer = self.model.message(self.model.rowCount() - 1).text.strip()
        if not answer:
            return
        learner_ops.keep_exchange(
            parent=self, ctx=self._ctx, pack_id=pack_id, question=question, answer=answer,
            on_error=lambda error: self.add_notice(describe_error(error)))

    def _show_suggestions(self, questions: list[str]) -> None:
        while self.suggestions.count():
            item = self.suggestions.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not questions:
            return
        chips = []
        for text in questions:
            chip = WrapButton(text)
            chip.setObjectName("suggestion")
            chip.setAccessibleName(self.tr("Ask: {question}").format(question=text))
            chip.clicked.connect(functools.partial(self.ask_text, text))
            chips.append(chip)
        self.suggestions.addWidget(QLabel(self.tr("Try:")))
        self.suggestions.addWidget(ButtonRow(chips))

    @property
    def busy(self) -> bool:
        return self._handle is not None

    @property
    def typing_allowed(self) -> bool:
        """Whether the teacher's policy lets the learner type questions (free chat)."""
        return self._ctx.policy().free_chat

    def refresh_policy(self) -> None:
        """Open or close the question box after the teacher's policy (free chat) changed."""
        allowed = self.typing_allowed
        self.question.setEnabled(allowed)
        self.closed.setVisible(not allowed)
        for chip in self.findChildren(QPushButton, "suggestion"):
            chip.setEnabled(allowed)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_policy()  # the teacher may have changed it on their page meanwhile
        super().showEvent(event)

    def ask(self) -> None:
        text = self.question.text().strip()
        if not text or self.busy or not self.typing_allowed:
            return
        self.question.clear()
        self.run(functools.partial(self._asker, text), asked=text)

    def ask_text(self, text: str, _checked: bool = False) -> None:
        """Ask ``text`` as if the learner had typed it (the suggestion buttons)."""
        if not self.busy:
            self.question.setText(text)
            self.ask()

    def run(self, start: Starter, *, asked: str | None = None, label: str = "") -> bool:
        """Show ``asked`` (the learner's words), a "Thinking…" reply, and start the task.

        The reply fills as ``start``'s text arrives and ends with its :class:`PanelReply`.
        Returns False (and does nothing) while another task runs.
        """
        if self.busy:
            return False
        if asked:
            self.model.append(Sender.LEARNER, asked)
        self.model.append(Sender.TUTOR, "", streaming=True, label=label)
        generation = self._generation
        self._handle = start(self._current(generation, self._on_streamed),
                             self._current(generation, self._on_answer_done),
                             self._current(generation, self._on_answer_error))
        self._set_busy()
        return True

    def _on_streamed(self, update: Streamed) -> None:
        self.model.stream_last(update)
        self.silence.start()

    def _current(self, generation: int, slot: Callable[[Any], None]) -> Callable[[Any], None]:
        """``slot``, ignoring calls that belong to a conversation cleared since."""
        def call(value: Any) -> None:
            if generation == self._generation:
                slot(value)
        return call

    def _ask_subject(self, text: str, on_text: OnText, on_reply: OnReply,
                     on_error: OnError) -> TaskHandle:
        pack, generation = self._ctx.subject, self._generation

        def done(reply: TutorReply) -> None:
            on_reply(reply_of(reply))
            if pack is not None and not self.compact:
                self._keep(pack.info.id, text, generation)

        return tutor_ops.ask(parent=self, ctx=self._ctx, question=text, params=self._params,
                             on_text=on_text, on_done=done, on_error=on_error)

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def clear(self) -> None:
        """Stop what runs and forget the conversation (a new question; the next learner)."""
        self.stop()
        self._generation += 1
        self._handle = None
        self.model.clear()
        self._set_busy()

    def add_notice(self, text: str) -> None:
        """Show a message from Lantern itself in the conversation."""
        self.model.append(Sender.NOTICE, text)

    def _on_answer_done(self, reply: PanelReply) -> None:
        stopped = self._handle is not None and self._handle.cancel_token.cancelled
        self.model.finish_last(stopped=stopped, text=None if stopped else reply.text,
                               sources=reply.sources, label="" if stopped else reply.label)
        self._handle = None
        self._set_busy()
        self.answer_finished.emit(self.model.message(self.model.rowCount() - 1).text)

    def _on_answer_error(self, error: Exception) -> None:
        self.model.finish_last()
        if not self.model.message(self.model.rowCount() - 1).text:
            self.model.extend_last(self.tr("(no answer)"))
        self.add_notice(describe_error(error))
        self._handle = None
        self._set_busy()

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

    def _set_busy(self) -> None:
        if self.busy:
            self.silence.start()
        else:
            self.silence.stop()
        self.status.setVisible(self.busy)
        self._update_buttons()
        self.busy_changed.emit(self.busy)

    def _update_buttons(self) -> None:
        self.ask_button.setEnabled(not self.busy and self.typing_allowed
                                   and bool(self.question.text().strip()))
        self.stop_button.setEnabled(self.busy)

    def shutdown(self) -> None:
        """Stop a streaming answer (the window is closing)."""
        self.stop()
