"""The tutor's three jobs, each checked before the learner sees anything.

- :meth:`Tutor.answer`: a grounded answer to a free question, streamed sentence by
  sentence through the safety filter, then cited. Nothing relevant in the lessons →
  "ask your teacher" instead of an invented answer (when the policy limits to the pack).
- :meth:`Tutor.hint`: the hint ladder; the model may rephrase the authored hint, but a
  rephrasing that gives the answer away is regenerated once and then replaced by the
  authored hint itself.
- :meth:`Tutor.practice_reply`: chat during practice, under the same Socratic guard and
  the practice guard's allow-list (no verdicts, no option named, no new numbers).

Every text the tutor shows is also read for arithmetic claims (:mod:`claims`): a reply
with a false one is regenerated once with the correction in the prompt; if that one is
wrong too, the false sentences are dropped and a note says a step was removed. A claim
the learner states is checked first and the verdict goes into the prompt, so the model
neither confirms a false claim nor "corrects" a true one.

Runs on the inference lane (plain Python, no Qt).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field, replace

from app.core.content.index import Embedder, RetrievalIndex
from app.core.content.model import Question
from app.core.prompts import render_prompt
from app.core.tutor.calculation import calculated, word_problem
from app.core.tutor.choice import ChoiceScorer, Closed, choose, closed_question
from app.core.tutor.claims import (
    REMOVED_ALL,
    REMOVED_NOTE,
    Claim,
    correction_prompt,
    drop_false,
    false_claims,
    split_claim_sentences,
    verdict_note,
    with_removed_note,
)
from app.core.tutor.conversation import ChatModel, Conversation, Turn
from app.core.tutor.grounding import RELEVANCE_FLOOR, CitedAnswer, Grounding, cite, ground
from app.core.tutor.hints import (
    LEVEL_NAMES,
    HintRequest,
    authored_hint,
    faithful_rewording,
    generic_hint,
    hint_level,
)
from app.core.tutor.policy import LANGUAGE_INSTRUCTION, AIPolicy
from app.core.tutor.practice_guard import violation
from app.core.tutor.safe_stream import (
    Flagged,
    SentenceCheck,
    Streamed,
    checked_stream,
    hold_numbers,
    safety_check,
)
from app.core.tutor.safety import SAFE_MESSAGE, SafetyFilter
from app.core.tutor.socratic import AnswerKey, answer_key, candidate_answers, find_reveal
from app.core.tutor.stated import Stated, echoes_note, stated_note, stated_result
from app.core.tutor.turns import LearnerTurn, learner_turn
from app.core.tutor.worked import worked_facts, worked_solution
from app.messages import QT_TRANSLATE_NOOP
from inference.cancel import CancelToken
from inference.chat_template import Message
from inference.errors import ContextFull
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
    false_claims: tuple[Claim, ...] = ()  # caught by the arithmetic check, never shown
    regenerated: bool = False  # a first reply was rejected (false claim, guard)
    stated: bool = False  # began with the result stated by code (stated.py)
    chosen: bool = False  # began with the model's choice for a closed question (choice.py)
    calculated: bool = False  # began with a word problem's calculation (calculation.py)
    contradicted: int = 0  # model sentences dropped for contradicting that result


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
        # Where code alone decides the answer, the reply begins with it, written by code
        # (shown at once) and the model explains; see stated.py.
        stated = stated_result(question, setting.language)
        if grounding is None or not grounding.relevant:
            if setting.policy.limit_to_pack and not _decided_near(grounding, stated):
                return TutorReply(NOT_IN_LESSONS, grounding=grounding)
            grounding = None
        read = None if stated else self._read_by_model(question, conversation, grounding,
                                                       setting, cancel)
        reply = self._stream(question, conversation, grounding, stated or read, setting,
                             emit, cancel)
        return replace(reply, stated=bool(stated), chosen=bool(read and not read.calculation),
                       calculated=bool(read and read.calculation))

    def _read_by_model(self, question: str, conversation: Conversation,
                       grounding: Grounding | None, setting: Setting,
                       cancel: CancelToken | None) -> Stated | None:
        """What the reply begins with where code cannot decide the question alone: a word
        problem's calculation, written by the model and worked out by code (calculation.py),
        else a closed question's choice from the model's scores (choice.py)."""
        closed = closed_question(question, setting.language)
        if word_problem(question) and (closed is None or closed.options):
            worked = calculated(self._chat, question, setting.language, cancel)
            if worked is not None:
                return worked
        if closed is None or grounding is None:
            return None
        return self._choice(closed, question, conversation, grounding, setting)

    def _choice(self, closed: Closed, question: str, conversation: Conversation,
                grounding: Grounding, setting: Setting) -> Stated | None:
        """The option (or true or false) the model scores highest over the passages, where
        the engine gives scores."""
        if not isinstance(self._chat, ChoiceScorer):
            return None
        turn = learner_turn(question, grounding, conversation)
        if not turn.text.endswith(turn.question):  # no other order can be asked: read freely
            return None
        system = self._system_prompt(grounding, setting)
        try:
            return choose(self._chat, lambda asked: conversation.messages_for(
                turn.asking(asked), system=system), closed)
        except ContextFull:  # the reply itself makes room (older history dropped)
            return None

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
                stated: Stated | None, setting: Setting, emit: Callable[[Streamed], None],
                cancel: CancelToken | None) -> TutorReply:
        params = setting.params or GenerationParams(max_tokens=setting.policy.max_answer_tokens)
        turn, messages, pieces = self._open_reply(question, conversation, grounding, stated,
                                                  setting, params, cancel)
        lead = _lead(stated, setting.language)
        if lead:
            emit(Streamed(sentence=lead))
        shown: list[str] = []
        wrong: list[Claim] = []
        contradicted = 0
        try:
            for update in checked_stream(pieces, self._checks, max_tokens=params.max_tokens):
                bad = false_claims(update.sentence) if update.sentence else []
                if bad:  # held back; the reply is regenerated or the step dropped below
                    wrong += bad
                    update = replace(update, sentence="")
                if stated and update.sentence and _off(update.sentence, stated, setting):
                    contradicted += 1  # says the opposite of the result code stated
                    update = replace(update, sentence="")
                elif stated and update.sentence:
                    update = replace(update, sentence=stated.without_repeat(update.sentence))
                shown.append(update.sentence)  # the model's own labels: kept as context
                # With a stated result a draft is not shown: "No, they are not…" must not
                # flash on screen before its sentence is found to contradict it.
                draft = "" if stated else hold_numbers(update.draft)
                emit(replace(update, sentence=turn.renumber(update.sentence),
                             draft=turn.renumber(draft)))
                if stated and _explained(shown):
                    break
        except Flagged as flagged:
            log.warning("tutor reply replaced by the safety filter: %s", flagged.verdict.reason)
            pieces.close()  # records the exchange now, so it can be forgotten at once
            conversation.forget_last()
            return TutorReply(SAFE_MESSAGE, grounding=grounding, flagged=flagged.verdict.reason)
        answer, note = "".join(shown).strip(), False
        pieces.close()  # ended at a sentence near the cap: stop generating, record it
        if not wrong:  # a claim across lines: each line alone passed as it streamed
            wrong = false_claims(answer)
        if wrong and not (cancel is not None and cancel.cancelled):
            answer, note = self._corrected(messages, wrong, answer, params, setting, cancel)
            if stated:
                answer, dropped = _without_contradictions(answer, stated, setting)
                contradicted += dropped
            solution = worked_solution(question, setting.language) if note else None
            if solution:  # the method, worked by code, where the model's step was wrong
                answer, note = solution, False
        answer = _joined(lead, answer)
        # What the learner saw, not a cut sentence nor a claim it was stopped from making.
        conversation.amend_last_reply(with_removed_note(answer, setting.language)
                                      if note else answer)
        reply = self._finish(turn.renumber(answer), grounding, tuple(wrong), note=note,
                             language=setting.language)
        return replace(reply, contradicted=contradicted)

    def _open_reply(self, question: str, conversation: Conversation,
                    grounding: Grounding | None, stated: Stated | None, setting: Setting,
                    params: GenerationParams, cancel: CancelToken | None,
                    ) -> tuple[LearnerTurn, list[Message], Generator[str, None, None]]:
        """The learner's turn, the prompt and the started stream of the reply.

        When the prompt would not fit the model's context, the older half of the history
        is dropped and the turn built again: passages that were only in the dropped turns
        are sent again with it.
        """
        system = self._system_prompt(grounding, setting)
        # Whether the learner's own claims hold goes in their turn, not the system prompt:
        # the instructions stay one cached prefix for every question.
        # So is what code worked out of the question (1/5 + 2/5 = 3/5): the model explains
        # a result it was given instead of computing one.
        notes = [verdict_note(question, language=setting.language),
                 worked_facts(question, setting.language),
                 stated_note(stated, setting.language)]
        while True:
            turn = learner_turn(question, grounding, conversation)
            said = "\n".join([turn.text, *(n for n in notes if n)])
            try:
                pieces = conversation.stream_reply(self._chat, said, params=params,
                                                   cancel=cancel, system=system,
                                                   labels=turn.new_labels)
            except ContextFull:
                if not conversation.drop_older_half():
                    raise
                log.info("the prompt did not fit the context; older history dropped")
                continue
            return turn, conversation.messages_for(said, system=system), pieces

    def _corrected(self, messages: list[Message], wrong: list[Claim], kept: str,
                   params: GenerationParams, setting: Setting,
                   cancel: CancelToken | None) -> tuple[str, bool]:
        """A reply whose first version had a false claim: regenerated once with the
        correction in the prompt; if that is wrong or unsafe too, the first version
        without its false sentences (and True: the learner is told a step was removed)."""
        log.info("tutor reply had %d false arithmetic claim(s); regenerating", len(wrong))
        retry = _with_note(messages, correction_prompt(wrong, setting.language))
        try:
            text = "".join(self._chat.stream_chat(retry, replace(params, seed=params.seed + 1),
                                                  cancel)).strip()
        except ContextFull:  # no room for the correction note: the steps are dropped
            text = ""
        if text and not false_claims(text) and self._safety.check(text).safe:
            return text, False
        return _without_false(kept), True

    def _finish(self, answer: str, grounding: Grounding | None, wrong: tuple[Claim, ...], *,
                note: bool, language: str) -> TutorReply:
        """Cite the answer; the note that a step was removed comes after (it cites nothing)."""
        def noted(text: str) -> str:
            return with_removed_note(text, language) if note else text

        if grounding is None:
            return TutorReply(noted(answer), false_claims=wrong, regenerated=bool(wrong))
        cited = cite(answer, grounding, self._embedder)
        return TutorReply(noted(cited.text), cited=cited, grounding=grounding, grounded=True,
                          false_claims=wrong, regenerated=bool(wrong))

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
        # The hint being reworded is shown now: its numbers may be in the rewording.
        guard = _Guard(request, key, setting.language, reveal_allowed=key is None,
                       showing=authored)
        text, rejected = self._guarded(render_prompt("tutor_system"), guard, cancel,
                                       max_tokens=80, user=request_text)
        if text is not None and not faithful_rewording(text, authored, self._embedder):
            log.info("hint rewording rejected: it does not keep the authored hint's meaning")
            text, rejected = None, rejected + 1
        if text is None:
            return Hint(self._fallback(authored, key, level, setting), level, "authored",
                        rejected)
        return Hint(text, level, "model", rejected)

    def practice_reply(self, message: str, request: HintRequest, setting: Setting, *,
                       cancel: CancelToken | None = None,
                       history: Sequence[Turn] = ()) -> TutorReply:
        """A reply to the learner's message while practising; never gives the answer.

        With free chat off (the teacher's policy) the reply says so: hints still work.
        The model is told whether the learner's stated answer and claims are right (it
        must know to help), but no verdict of its own reaches the learner. ``history``:
        the earlier turns about this question, oldest first.
        """
        if not setting.policy.free_chat:
            return TutorReply(FREE_CHAT_OFF)
        level = hint_level(request)
        authored = authored_hint(request.question, level, language=setting.language)
        key = self._key(request.question, request.wrong_attempts, setting)
        system = render_prompt("tutor_practice", question=request.question.prompt,
                               hint=authored, language=LANGUAGE_INSTRUCTION[setting.language])
        notes = practice_notes(message, request.question, setting.language)
        guard = _Guard(request, key, setting.language, reveal_allowed=key is None)
        text, rejected = self._guarded(f"{system}\n{notes}".strip(), guard, cancel,
                                       max_tokens=120, user=message, history=history)
        if text is None:
            return TutorReply(self._fallback(authored, key, level, setting),
                              regenerated=rejected > 0)
        return TutorReply(text, regenerated=rejected > 0)

    def _key(self, question: Question, wrong_attempts: int, setting: Setting) -> AnswerKey | None:
        """The answer to hide, or None once the teacher's policy allows revealing it."""
        return None if setting.policy.may_reveal(wrong_attempts) else answer_key(question)

    def _guarded(self, system: str, guard: _Guard, cancel: CancelToken | None, *,
                 max_tokens: int, user: str = "Please help me.",
                 history: Sequence[Turn] = ()) -> tuple[str | None, int]:
        """Generate (up to twice) until the text is safe, reveals nothing, breaks no
        practice rule and states no false arithmetic; the second try is told why."""
        messages: list[Message] = [{"role": "system", "content": system}]
        messages += [{"role": t.role, "content": t.text} for t in history]
        messages.append({"role": "user", "content": user})
        rejected = 0
        for attempt in range(2):
            params = replace(GenerationParams(max_tokens=max_tokens), seed=1234 + attempt)
            text = "".join(self._chat.stream_chat(messages, params, cancel)).strip()
            if cancel is not None and cancel.cancelled:
                return None, rejected
            problem, note = guard.problem(text, self._safety)
            if problem is None:
                return text, rejected
            rejected += 1
            log.info("tutor text rejected (%s)", problem)
            messages = _with_note(messages, note)
        return None, rejected

    def _fallback(self, authored: str, key: AnswerKey | None, level: int,
                  setting: Setting) -> str:
        if key is None or find_reveal(authored, key) is None:
            return authored
        return generic_hint(level, setting.language)  # an imported hint that tells too much


@dataclass(frozen=True)
class _Guard:
    """Everything a practice text must pass; the reason for a rejection, for the retry."""

    request: HintRequest
    key: AnswerKey | None
    language: str
    reveal_allowed: bool
    showing: str = ""  # an authored hint shown with this text (a rewording's source)

    def problem(self, text: str, safety: SafetyFilter) -> tuple[str | None, str]:
        """(why ``text`` may not be shown, a line for the retry's prompt), or (None, "")."""
        if not text or not safety.check(text).safe:
            return "empty or unsafe", ""
        wrong = false_claims(text)
        if wrong:
            return "false arithmetic claim", correction_prompt(wrong, self.language)
        reveal = find_reveal(text, self.key) if self.key else None
        if reveal is not None:
            return f"reveal: {reveal.kind}", _RULES[_lang(self.language)]
        question = self.request.question
        shown = (*question.hints[:self.request.hints_shown], self.showing)
        broken = violation(text, question, shown)
        if broken is not None and not (self.reveal_allowed and broken.rule == "number"):
            return f"practice rule: {broken.rule}", _RULES[_lang(self.language)]
        return None, ""


_RULES = {
    "en": ("Your last reply broke the rules. Do not say whether any answer is right or wrong, "
           "do not name any option, and use only the numbers in the question. Write only one "
           "question, starting with \"What\" or \"How\", that helps the student take the next "
           "step."),
    "zh-Hans": "你上一次的回答不合规则。不要说任何答案对或错，不要提到任何选项，只用题目里的数字。"
               "只写一个以“什么”或“怎样”提问的问题，帮助学生走下一步。",
}


def _decided_near(grounding: Grounding | None, stated: Stated | None) -> bool:
    """A question code answers (stated.py) that is near the pack, if not near enough to
    be grounded: "在 ○ 里应该填什么符号？ 5/11 ○ 8/11" on the Chinese fractions pack (best
    cosine 0.23: its symbols are no lesson's words) is answered under "only the lessons",
    unsupported by passages. No everyday question is decided by code (none of the 92 in
    assets/eval/off_topic.toml), so the teacher's limit still refuses them, and fractions
    asked on the photosynthesis pack stay below the floor (0.12-0.17)."""
    return (grounding is not None and grounding.best_similarity >= RELEVANCE_FLOOR
            and stated is not None)


def _lead(stated: Stated | None, language: str) -> str:
    """The stated result as the reply's first sentence, spaced for what follows."""
    if stated is None:
        return ""
    return stated.sentence if language.startswith("zh") else stated.sentence + " "


# After a stated result the model is asked for one to three sentences of why; it went on
# ("To explain this to a 12-year-old:", a story of jars and cookies) and the length is
# where unchecked slips gathered: "3/4 is just another way of saying half", "It does not
# reflect any colors". A line that only introduces what follows ("…in simple terms:")
# does not count.
EXPLANATION_SENTENCES = 3


def _explained(shown: list[str]) -> bool:
    """Whether the model has written as many sentences after a stated result as asked."""
    said = [s for s in shown if s.strip() and not s.strip().endswith((":", "："))]
    return len(said) >= EXPLANATION_SENTENCES


def _joined(lead: str, answer: str) -> str:
    return (lead + answer).strip()


def _off(sentence: str, stated: Stated, setting: Setting) -> bool:
    """A model sentence not to show after a stated result: it contradicts (or repeats)
    the result, explains a comparison by one part of the fractions alone, names a number
    outside a calculation's, or repeats the note about it."""
    return (stated.contradicted_by(sentence) or stated.misreasons(sentence)
            or stated.strays(sentence) or echoes_note(sentence, stated, setting.language))


def _without_contradictions(text: str, stated: Stated,
                            setting: Setting) -> tuple[str, int]:
    """``text`` without the sentences :func:`_off` refuses, and how many."""
    kept = [stated.without_repeat(s) for s in split_claim_sentences(text)
            if not _off(s, stated, setting)]
    dropped = sum(1 for _s in split_claim_sentences(text)) - len(kept)
    return "".join(kept).strip(), dropped


def _without_false(text: str) -> str:
    """``text`` without the sentences or lines that make up a false claim (no note)."""
    cleaned, wrong = drop_false(text)
    if not wrong:
        return text
    body = cleaned.removesuffix(REMOVED_NOTE["en"]).strip()
    return "" if body == REMOVED_ALL["en"] else body


def _lang(language: str) -> str:
    return "zh-Hans" if language.startswith("zh") else "en"


def _with_note(messages: list[Message], note: str) -> list[Message]:
    """``messages`` with ``note`` added to the system prompt (for a retry)."""
    if not note:
        return messages
    first, *rest = messages
    if first["role"] != "system":
        return [{"role": "system", "content": note}, *messages]
    return [{"role": "system", "content": f"{first['content']}\n{note}"}, *rest]


def practice_notes(message: str, question: Question, language: str) -> str:
    """What the model must know about the learner's message: whether the answer they
    suggest is the answer (checked against the key) and whether their claims hold."""
    notes = [verdict_note(message, language=language)]
    right = candidate_answers(message, question)
    if right is not None:
        zh = language.startswith("zh")
        if zh:
            notes.append("学生提出的答案是对的。不要告诉他对不对，请他点“检查答案”。" if right else
                         "学生提出的答案是错的。不要告诉他对不对，也不要说正确答案；问一个"
                         "问题，帮他找到自己哪一步出了错。")
        else:
            notes.append("The student's suggested answer is right. Do not say so; ask them to "
                         "press Check my answer." if right else
                         "The student's suggested answer is wrong. Do not say so and do not "
                         "give the answer; ask one question that points at the step where "
                         "they went wrong.")
    return " ".join(n for n in notes if n)


def _interest(interests: tuple[str, ...]) -> str:
    if not interests:
        return ""
    return f", using an example about {' or '.join(interests[:2])} if it fits"


