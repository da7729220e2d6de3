"""The tutor's three jobs, each checked before the learner sees anything.

- :meth:`Tutor.answer`: a grounded answer to a free question, streamed sentence by
  sentence through the safety filter, then cited. Nothing relevant in the lessons →
  "ask your teacher" instead of an invented answer (when the policy limits to the pack).
- :meth:`Tutor.hint`: the hint ladder; the model may rephrase the authored hint, but a
  rephrasing that gives the answer away is regenerated once and then replaced by the
  authored hint itself.
- :meth:`Tutor.practice_reply`: chat during practice, under the same Socratic guard.

Runs on the inference lane (plain Python, no Qt).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from app.core.content.index import Embedder, RetrievalIndex
from app.core.content.model import Question
from app.core.prompts import render_prompt
from app.core.tutor.conversation import ChatModel, Conversation
from app.core.tutor.grounding import CitedAnswer, Grounding, cite, ground
from app.core.tutor.hints import (
    LEVEL_NAMES,
    HintRequest,
    authored_hint,
    faithful_rewording,
    generic_hint,
    hint_level,
)
from app.core.tutor.policy import LANGUAGE_INSTRUCTION, AIPolicy
from app.core.tutor.safe_stream import (
    Flagged,
    SentenceCheck,
    Streamed,
    checked_stream,
    safety_check,
)
from app.core.tutor.safety import SAFE_MESSAGE, SafetyFilter
from app.core.tutor.socratic import AnswerKey, answer_key, find_reveal
from app.core.tutor.turns import learner_turn
from app.messages import QT_TRANSLATE_NOOP
from inference.cancel import CancelToken
from inference.params import GenerationParams

log = logging.getLogger(__name__)

# Refusals are Lantern's own words, so they come in the UI's language (the panel
# translates these messages), whatever the language of the lessons.
NOT_IN_LESSONS = QT_TRANSLATE_NOOP(
    "Tutor", "I couldn't find that in your lessons, so I'd rather not guess. "
    "Try asking your teacher!")
FREE_CHAT_OFF = QT_TRANSLATE_NOOP(
    "Tutor", "Your teacher has turned off free questions. Use Hint while you practise.")



@dataclass(frozen=True)
class Setting:
    """What the tutor knows about where the learner is."""

    index: RetrievalIndex | None
    pack_language: str = "en"
    open_lesson: str | None = None
    policy: AIPolicy = field(default_factory=AIPolicy)
    learner_note: str = ""  # LearnerFeatures.tutor_note(): grade, interests, pace
    interests: tuple[str, ...] = ()  # the learner's own words, from "About me"
    params: GenerationParams | None = None  # None: sampling from the policy's length

    @property
    def language(self) -> str:
        return self.policy.language_for(self.pack_language)

    def for_question(self, question: str) -> Setting:
        """This setting with an "auto" answer language resolved for ``question``: a
        learner who asks in English on a Chinese pack is answered in English."""
        language = self.policy.language_for(self.pack_language, question)
        return replace(self, policy=replace(self.policy, answer_language=language))


@dataclass(frozen=True)
class TutorReply:
    text: str
    cited: CitedAnswer | None = None
    grounding: Grounding | None = None
    flagged: str = ""  # why the safety filter replaced the reply (for the teacher's log)
    grounded: bool = False


@dataclass(frozen=True)
class Hint:
    text: str
    level: int
    source: str  # "model", or "authored" (the rewording revealed, was unsafe, or drifted)
    rejected: int = 0  # model rewordings rejected (Socratic guard, safety, fidelity)

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]


class Tutor:
    def __init__(self, chat: ChatModel, embedder: Embedder, safety: SafetyFilter,
                 sentence_checks: Sequence[SentenceCheck] = ()) -> None:
        """``sentence_checks`` run on each finished sentence of an answer, after the
        safety filter (see :mod:`app.core.tutor.safe_stream`)."""
        self._chat, self._embedder, self._safety = chat, embedder, safety
        self._checks = (safety_check(safety), *sentence_checks)

    def answer(self, question: str, setting: Setting, conversation: Conversation, *,
               emit: Callable[[Streamed], None],
               cancel: CancelToken | None = None) -> TutorReply:
        """Answer a free question; ``emit`` receives the text as it is written and each
        sentence once checked (:class:`Streamed`)."""
        setting = setting.for_question(question)
        if not setting.policy.free_chat:
            return TutorReply(FREE_CHAT_OFF)
        grounding = self._ground_in(conversation, question, setting)
        if grounding is None or not grounding.relevant:
            if setting.policy.limit_to_pack:
                return TutorReply(NOT_IN_LESSONS, grounding=grounding)
            return self._stream(question, conversation, None, setting, emit, cancel)
        return self._stream(question, conversation, grounding, setting, emit, cancel)

    def _ground_in(self, conversation: Conversation, question: str,
                   setting: Setting) -> Grounding | None:
        """Ground ``question``; a follow-up that finds nothing on its own ("Can you give
        me another example?") is searched together with the previous grounded question,
        so it stays on that topic (and reuses its passages, already in the context)."""
        own = self._ground(question, setting)
        if own is not None and own.relevant:
            conversation.last_grounded_question = question
            return own
        previous = conversation.last_grounded_question
        if previous:
            together = self._ground(f"{previous} {question}", setting)
            if together is not None and together.relevant:
                return together
        return own

    def _ground(self, question: str, setting: Setting) -> Grounding | None:
        if setting.index is None:
            return None
        return ground(question, setting.index, self._embedder, open_lesson=setting.open_lesson)

    def _stream(self, question: str, conversation: Conversation, grounding: Grounding | None,
                setting: Setting, emit: Callable[[Streamed], None],
                cancel: CancelToken | None) -> TutorReply:
        system = self._system_prompt(grounding, setting)
        turn = learner_turn(question, grounding, conversation)
        params = setting.params or GenerationParams(max_tokens=setting.policy.max_answer_tokens)
        pieces = conversation.stream_reply(self._chat, turn.text, params=params, cancel=cancel,
                                           system=system, labels=turn.new_labels)
        shown: list[str] = []
        try:
            for update in checked_stream(pieces, self._checks, max_tokens=params.max_tokens):
                shown.append(update.sentence)  # the model's own labels: kept as context
                emit(replace(update, sentence=turn.renumber(update.sentence),
                             draft=turn.renumber(update.draft)))
        except Flagged as flagged:
            log.warning("tutor reply replaced by the safety filter: %s", flagged.verdict.reason)
            pieces.close()  # records the exchange now, so it can be forgotten at once
            conversation.forget_last()
            return TutorReply(SAFE_MESSAGE, grounding=grounding, flagged=flagged.verdict.reason)
        answer = "".join(shown).strip()
        pieces.close()  # ended at a sentence near the cap: stop generating, record it
        conversation.amend_last_reply(answer)  # what the learner saw, not a cut sentence
        if grounding is None:
            return TutorReply(answer)
        cited = cite(turn.renumber(answer), grounding, self._embedder)
        return TutorReply(cited.text, cited=cited, grounding=grounding, grounded=True)

    def _system_prompt(self, grounding: Grounding | None, setting: Setting) -> str | None:
        if grounding is None:
            return None
        return render_prompt("tutor_grounded", language=LANGUAGE_INSTRUCTION[setting.language],
                             learner=setting.learner_note)

    def hint(self, request: HintRequest, setting: Setting, *,
             cancel: CancelToken | None = None) -> Hint:
        level = hint_level(request)
        authored = authored_hint(request.question, level, language=setting.language)
        key = self._key(request.question, request.wrong_attempts, setting)
        # The rewording task goes in the learner's turn: with it in the system prompt and
        # "Please help me." as the turn, the small model answered with chatter.
        request_text = render_prompt("tutor_hint", interest=_interest(setting.interests),
                                     language=LANGUAGE_INSTRUCTION[setting.language],
                                     hint=authored)
        text, rejected = self._guarded(render_prompt("tutor_system"), key, setting, cancel,
                                       max_tokens=80, user=request_text)
        if text is not None and not faithful_rewording(text, authored, self._embedder):
            log.info("hint rewording rejected: it does not keep the authored hint's meaning")
            text, rejected = None, rejected + 1
        if text is None:
            return Hint(self._fallback(authored, key, level, setting), level, "authored",
                        rejected)
        return Hint(text, level, "model", rejected)

    def practice_reply(self, message: str, request: HintRequest, setting: Setting, *,
                       cancel: CancelToken | None = None) -> TutorReply:
        """A reply to the learner's message while practising; never gives the answer.

        With free chat off (the teacher's policy) the reply says so: hints still work.
        """
        if not setting.policy.free_chat:
            return TutorReply(FREE_CHAT_OFF)
        level = hint_level(request)
        authored = authored_hint(request.question, level, language=setting.language)
        key = self._key(request.question, request.wrong_attempts, setting)
        system = render_prompt("tutor_practice", question=request.question.prompt,
                               hint=authored, language=LANGUAGE_INSTRUCTION[setting.language])
        text, _rejected = self._guarded(system, key, setting, cancel, max_tokens=120,
                                        user=message)
        return TutorReply(text if text is not None else self._fallback(authored, key, level,
                                                                        setting))

    def _key(self, question: Question, wrong_attempts: int, setting: Setting) -> AnswerKey | None:
        """The answer to hide, or None once the teacher's policy allows revealing it."""
        return None if setting.policy.may_reveal(wrong_attempts) else answer_key(question)

    def _guarded(self, system: str, key: AnswerKey | None, setting: Setting,
                 cancel: CancelToken | None, *, max_tokens: int,
                 user: str = "Please help me.") -> tuple[str | None, int]:
        """Generate (up to twice) until the text is safe and reveals nothing."""
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        rejected = 0
        for attempt in range(2):
            params = replace(GenerationParams(max_tokens=max_tokens), seed=1234 + attempt)
            text = "".join(self._chat.stream_chat(messages, params, cancel)).strip()
            if cancel is not None and cancel.cancelled:
                return None, rejected
            reveal = find_reveal(text, key) if key else None
            if text and reveal is None and self._safety.check(text).safe:
                return text, rejected
            rejected += 1
            log.info("tutor text rejected (%s)", reveal.kind if reveal else "empty or unsafe")
        return None, rejected

    def _fallback(self, authored: str, key: AnswerKey | None, level: int,
                  setting: Setting) -> str:
        if key is None or find_reveal(authored, key) is None:
            return authored
        return generic_hint(level, setting.language)  # an imported hint that tells too much


def _interest(interests: tuple[str, ...]) -> str:
    if not interests:
        return ""
    return f", using an example about {' or '.join(interests[:2])} if it fits"


