"""A Qt list model over the chat messages shown in the tutor panel.

Streaming appends to the last row and emits ``dataChanged`` for that row only, so the
view never re-lays out the whole conversation while a reply arrives. A streaming row
holds its checked sentences (``text``) and the sentence being written (``draft``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import TypeAlias

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.core.tutor.safe_stream import Streamed

ModelIndex: TypeAlias = QModelIndex | QPersistentModelIndex


class Sender(IntEnum):
    LEARNER = 0
    TUTOR = 1
    NOTICE = 2  # a message from Lantern itself (e.g. "the model is missing")


@dataclass(frozen=True)
class SourceRef:
    """A passage a tutor answer cites, as the learner sees it: "[1] Lesson — Heading"."""

    number: int
    pack_id: str
    lesson_id: str
    lesson_title: str
    heading: str

    @property
    def label(self) -> str:
        return f"[{self.number}] {self.lesson_title} — {self.heading}"


@dataclass
class ChatMessage:
    sender: Sender
    text: str
    streaming: bool = False
    stopped: bool = False
    sources: tuple[SourceRef, ...] = ()
    label: str = ""  # shown above the text, e.g. "Hint 1 of 3 · nudge"
    draft: str = ""  # the sentence being written, shown after the checked text
    waiting: bool = False  # nothing new for a while: the bubble says "Still thinking…"

    @property
    def shown(self) -> str:
        return self.text + self.draft


class ChatRoles(IntEnum):
    SENDER = Qt.ItemDataRole.UserRole + 1
    STREAMING = Qt.ItemDataRole.UserRole + 2
    STOPPED = Qt.ItemDataRole.UserRole + 3
    SOURCES = Qt.ItemDataRole.UserRole + 4
    LABEL = Qt.ItemDataRole.UserRole + 5
    WAITING = Qt.ItemDataRole.UserRole + 6


_SPEAKER = {Sender.LEARNER: "You", Sender.TUTOR: "Tutor", Sender.NOTICE: "Lantern"}


class ChatListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._messages: list[ChatMessage] = []

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._messages)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._messages):
            return None
        msg = self._messages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return msg.shown
        if role == Qt.ItemDataRole.AccessibleTextRole:
            sources = " ".join(s.label for s in msg.sources)
            label = f"{msg.label}: " if msg.label else ""
            return f"{_SPEAKER[msg.sender]}: {label}{msg.shown or 'thinking'} {sources}".strip()
        if role == ChatRoles.SOURCES:
            return msg.sources
        if role == ChatRoles.SENDER:
            return msg.sender
        if role == ChatRoles.STREAMING:
            return msg.streaming
        if role == ChatRoles.STOPPED:
            return msg.stopped
        if role == ChatRoles.LABEL:
            return msg.label
        if role == ChatRoles.WAITING:
            return msg.waiting
        return None

    def message(self, row: int) -> ChatMessage:
        return self._messages[row]

    def append(self, sender: Sender, text: str = "", *, streaming: bool = False,
               label: str = "") -> int:
        row = len(self._messages)
        self.beginInsertRows(QModelIndex(), row, row)
        self._messages.append(ChatMessage(sender, text, streaming=streaming, label=label))
        self.endInsertRows()
        return row

    def extend_last(self, text: str) -> None:
        """Append streamed text to the last message."""
        if self._messages:
            self._messages[-1].text += text
            self._changed(len(self._messages) - 1)

    def stream_last(self, update: Streamed) -> None:
        """Show a streaming reply's update: a checked sentence, and the one being written."""
        if self._messages:
            last = self._messages[-1]
            last.text += update.sentence
            last.draft, last.waiting = update.draft, False
            self._changed(len(self._messages) - 1)

    def set_waiting(self, waiting: bool) -> None:
        """Say (or stop saying) that the last, streaming reply is still being thought of."""
        if self._messages and self._messages[-1].waiting != waiting:
            self._messages[-1].waiting = waiting
            self._changed(len(self._messages) - 1)

    def finish_last(self, *, stopped: bool = False, text: str | None = None,
                    sources: tuple[SourceRef, ...] = (), label: str = "") -> None:
        """End the streaming message; ``text`` replaces what streamed (e.g. with citations)."""
        if self._messages:
            last = self._messages[-1]
            last.streaming, last.stopped, last.sources = False, stopped, sources
            last.draft, last.waiting = "", False
            last.label = label or last.label
            if text:
                last.text = text
            self._changed(len(self._messages) - 1)

    def clear(self) -> None:
        """Forget every message (a new question, or the next learner)."""
        self.beginResetModel()
        self._messages.clear()
        self.endResetModel()

    def _changed(self, row: int) -> None:
        index = self.index(row)
        self.dataChanged.emit(index, index)
