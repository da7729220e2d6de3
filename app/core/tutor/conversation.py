"""The tutor conversation: the messages sent to the chat model and the history kept.

Plain Python, no Qt: the app's ops run :meth:`Conversation.stream_reply` on the
inference worker and relay its pieces to the screen.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from app.core.prompts import load_prompt
from inference.cancel import CancelToken
from inference.chat_template import Message
from inference.params import GenerationParams

Role = Literal["user", "assistant"]
MAX_HISTORY_TURNS = 4  # a 135M model keeps little in mind; old turns only dilute the prompt


class ChatModel(Protocol):
    """What the tutor needs from a chat engine (a fake one in fast UI tests)."""

    def stream_chat(self, messages: Sequence[Message], params: GenerationParams | None = None,
                    cancel: CancelToken | None = None) -> Iterator[str]: ...


@dataclass(frozen=True)
class Turn:
    role: Role
    text: str


@dataclass
class Conversation:
    """One chat with the tutor. Mutated only on the inference worker."""

    turns: list[Turn] = field(default_factory=list)

    def messages_for(self, question: str, *, system: str | None = None) -> list[Message]:
        """The prompt: ``system`` (default: the plain tutor prompt), recent turns, question."""
        if system is None:
            system, _version = load_prompt("tutor_system")
        recent = self.turns[-2 * MAX_HISTORY_TURNS:]
        messages: list[Message] = [{"role": "system", "content": system}]
        messages += [{"role": t.role, "content": t.text} for t in recent]
        messages.append({"role": "user", "content": question.strip()})
        return messages

    def stream_reply(self, model: ChatModel, question: str, *,
                     params: GenerationParams | None = None,
                     cancel: CancelToken | None = None,
                     system: str | None = None) -> Generator[str, None, None]:
        """Yield the reply piece by piece; the exchange is recorded when the stream ends.

        A stopped reply is kept as far as it got, so the next question has its context.
        """
        messages = self.messages_for(question, system=system)
        pieces: list[str] = []
        try:
            for piece in model.stream_chat(messages, params, cancel):
                pieces.append(piece)
                yield piece
        finally:
            self.turns.append(Turn("user", question.strip()))
            self.turns.append(Turn("assistant", "".join(pieces).strip()))

    def forget_last(self) -> None:
        """Drop the last exchange (a reply the safety filter replaced must not be context)."""
        del self.turns[-2:]

    def restore(self, turns: Sequence[Turn]) -> None:
        """Continue a kept chat: its turns replace this conversation's."""
        self.turns[:] = turns

    def clear(self) -> None:
        self.turns.clear()
