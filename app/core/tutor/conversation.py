"""The tutor conversation: the messages sent to the chat model and the history kept.

Plain Python, no Qt: the app's ops run :meth:`Conversation.stream_reply` on the
inference worker and relay its pieces to the screen.

The prompt is laid out so that llama.cpp can reuse what it has already read. A 1.5B
model reads about 130 tokens a second on two cores, so re-reading a 1,000-token
conversation for every question would take seconds. llama.cpp keeps the evaluated
tokens and re-evaluates a new prompt only from the first token that differs, so:

- the system prompt (the tutor's instructions) comes first and never changes within a
  conversation, and is the same for every conversation in the same language;
- lesson passages travel in the learner's turns, each passage once per conversation with
  a label that stays its own (``[1]``, ``[2]``, …): a follow-up that needs the same
  passages sends only its question;
- the history is trimmed by halves, not one exchange at a time: every trim changes the
  prompt's start and costs one full re-read, so it happens every few questions, not at
  every one.
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
# Exchanges kept before a trim; a trim keeps the newer half. A prompt that would not fit
# the model's context is trimmed the same way before that (``drop_older_half``).
MAX_HISTORY_TURNS = 8

PassageKey = tuple[str, str, int]  # (pack id, lesson id, line)


class ChatModel(Protocol):
    """What the tutor needs from a chat engine (a fake one in fast UI tests)."""

    def stream_chat(self, messages: Sequence[Message], params: GenerationParams | None = None,
                    cancel: CancelToken | None = None) -> Iterator[str]: ...


@dataclass(frozen=True)
class Turn:
    role: Role
    text: str  # exactly as sent to (or written by) the model
    labels: tuple[int, ...] = ()  # passage labels this turn introduced


@dataclass
class Conversation:
    """One chat with the tutor. Mutated only on the inference worker."""

    turns: list[Turn] = field(default_factory=list)
    _start: int = 0  # the first turn still sent to the model
    _labels: dict[PassageKey, int] = field(default_factory=dict)
    # The learner's last grounded question, in their words: a follow-up such as "Can you
    # give me another example?" names no lesson words and is searched together with it.
    last_grounded_question: str = ""

    @property
    def recent(self) -> list[Turn]:
        """The turns the next prompt will carry."""
        return self.turns[self._start:]

    def label_for(self, key: PassageKey) -> int:
        """The passage's label in this conversation (a new one the first time)."""
        return self._labels.setdefault(key, len(self._labels) + 1)

    def labels_in_context(self) -> set[int]:
        """Labels whose passage text is in a turn the next prompt carries."""
        return {label for turn in self.recent for label in turn.labels}

    def messages_for(self, question: str, *, system: str | None = None) -> list[Message]:
        """The prompt: ``system`` (default: the plain tutor prompt), recent turns, question."""
        if system is None:
            system, _version = load_prompt("tutor_system")
        messages: list[Message] = [{"role": "system", "content": system}]
        messages += [{"role": t.role, "content": t.text} for t in self.recent]
        messages.append({"role": "user", "content": question.strip()})
        return messages

    def stream_reply(self, model: ChatModel, question: str, *,
                     params: GenerationParams | None = None,
                     cancel: CancelToken | None = None,
                     system: str | None = None,
                     labels: tuple[int, ...] = ()) -> Generator[str, None, None]:
        """Start the reply; the generator yields it piece by piece and the exchange is
        recorded when it ends.

        ``question`` is the learner's whole turn as the model sees it (with any passages
        it introduces, whose labels are ``labels``). A stopped reply is kept as far as it
        got, so the next question has its context. The model is asked here, not at the
        first piece, so that a prompt too long for its context raises
        :class:`~inference.errors.ContextFull` at once and records nothing.
        """
        stream = model.stream_chat(self.messages_for(question, system=system), params, cancel)
        return self._recorded(stream, question, labels)

    def _recorded(self, stream: Iterator[str], question: str,
                  labels: tuple[int, ...]) -> Generator[str, None, None]:
        pieces: list[str] = []
        try:
            for piece in stream:
                pieces.append(piece)
                yield piece
        finally:
            self.turns.append(Turn("user", question.strip(), labels))
            self.turns.append(Turn("assistant", "".join(pieces).strip()))
            self._trim()

    def _trim(self) -> None:
        if len(self.recent) >= 2 * MAX_HISTORY_TURNS:
            self.drop_older_half()

    def drop_older_half(self) -> bool:
        """Stop sending the older half of the exchanges the prompt carries (all of them
        when there is one); False when there was nothing left to drop."""
        exchanges = len(self.recent) // 2
        if not exchanges:
            return False
        self._start = len(self.turns) - 2 * (exchanges // 2)
        return True

    def amend_last_reply(self, text: str) -> None:
        """Replace the last reply with what was shown (the checks may end or amend it)."""
        if self.turns and self.turns[-1].role == "assistant":
            self.turns[-1] = Turn("assistant", text)

    def replace_last_reply(self, text: str) -> None:
        """The reply the learner saw replaces the one generated (a checked correction):
        the model must not build on a claim it was stopped from making."""
        if self.turns and self.turns[-1].role == "assistant":
            self.turns[-1] = Turn("assistant", text.strip())

    def forget_last(self) -> None:
        """Drop the last exchange (a reply the safety filter replaced must not be context)."""
        del self.turns[-2:]
        self._start = min(self._start, len(self.turns))

    def restore(self, turns: Sequence[Turn]) -> None:
        """Continue a kept chat: its turns replace this conversation's.

        Kept chats hold what the learner saw, not the passages their turns carried, so
        restored turns carry no labels: the next grounded question sends its passages
        again under fresh labels.
        """
        self.clear()
        self.turns[:] = turns
        self._trim()

    def clear(self) -> None:
        self.turns.clear()
        self._start = 0
        self._labels.clear()
        self.last_grounded_question = ""
