"""The tutor service with scripted model replies (fast) and with the real model (slow)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from app.core.content.index import RetrievalIndex
from app.core.content.model import Pack
from app.core.tutor.conversation import Conversation
from app.core.tutor.hints import HintRequest, authored_hint
from app.core.tutor.policy import AIPolicy
from app.core.tutor.safe_stream import Streamed
from app.core.tutor.safety import SAFE_MESSAGE, SafetyFilter
from app.core.tutor.service import FREE_CHAT_OFF, NOT_IN_LESSONS, Setting, Tutor, TutorReply
from inference.embed import EmbedEngine
from inference.errors import ContextFull
from inference.llm import ChatEngine

pytestmark = pytest.mark.slow


class ScriptedChat:
    """Replies with the next scripted text, token by token, and records the prompts."""

    def __init__(self, *replies: str) -> None:
        self.replies = list(replies)
        self.prompts: list[Sequence[dict[str, str]]] = []

    def stream_chat(self, messages, params=None, cancel=None) -> Iterator[str]:  # type: ignore[no-untyped-def]
        self.prompts.append(messages)
        text = self.replies.pop(0) if self.replies else "Let's think."
        for word in text.split(" "):
            yield word + " "


def ask(chat: object, question: str, index: RetrievalIndex, embed_engine: EmbedEngine,
        emit: Callable[[Streamed], None] = lambda _s: None) -> TutorReply:
    """``question`` on Ask the tutor, in English, a fresh conversation, ``chat`` as the model."""
    tutor = Tutor(chat, embed_engine, SafetyFilter(embed_engine))  # type: ignore[arg-type]
    return tutor.answer(question, Setting(index, "en"), Conversation(), emit=emit)


def _numeric_question(pack: Pack):  # type: ignore[no-untyped-def]
    return next(q for q in pack.questions if q.type.value == "numeric")


def test_a_revealing_hint_is_regenerated_then_replaced_by_the_authored_one(
        fractions: Pack, fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    question = _numeric_question(fractions)
    answer = question.answer
    chat = ScriptedChat(f"The answer is {answer}.", f"It is {answer}, easy!")
    tutor = Tutor(chat, embed_engine, SafetyFilter(embed_engine))
    hint = tutor.hint(HintRequest(question, 0.9, 0, 0), Setting(fractions_index))
    assert hint.source == "authored" and hint.rejected == 2
    assert hint.text == question.hints[0]
    assert len(chat.prompts) == 2


def test_a_faithful_rewording_is_used(fractions: Pack, fractions_index: RetrievalIndex,
                                      embed_engine: EmbedEngine) -> None:
    question = _numeric_question(fractions)
    authored = question.hints[1]
    chat = ScriptedChat(f"Good try! {authored}")
    tutor = Tutor(chat, embed_engine, SafetyFilter(embed_engine))
    hint = tutor.hint(HintRequest(question, 0.2, 1, 0), Setting(fractions_index))
    assert (hint.source, hint.level_name) == ("model", "scaffold")
    assert hint.text == f"Good try! {authored}"
    assert authored in chat.prompts[0][-1]["content"]  # the authored hint is the seed


@pytest.mark.parametrize("reply", [
    # What SmolLM2-135M really wrote for hints with the v1 prompt (docs/tutor.md).
    "I'm sorry for the confusion. I'll be happy to help you with your math homework!",
    "Think about what the bottom numbers tell you. What stays the same?",
])
def test_a_rewording_that_drifts_from_the_hint_is_replaced_by_the_authored_one(
        reply: str, fractions: Pack, fractions_index: RetrievalIndex,
        embed_engine: EmbedEngine) -> None:
    question = _numeric_question(fractions)
    tutor = Tutor(ScriptedChat(reply), embed_engine, SafetyFilter(embed_engine))
    hint = tutor.hint(HintRequest(question, 0.2, 0, 0), Setting(fractions_index))
    assert (hint.source, hint.rejected) == ("authored", 1)
    assert hint.text == authored_hint(question, hint.level)


def test_a_rewording_that_changes_a_number_is_replaced(
        fractions: Pack, fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    # "One whole is the same as 7/7." came back as "... 7/8." (cosine 0.95).
    question, level = next((q, i) for q in fractions.questions
                           for i, h in enumerate(q.hints) if "7/7" in h)
    authored = question.hints[level]
    tutor = Tutor(ScriptedChat(authored.replace("7/7", "7/8")), embed_engine,
                  SafetyFilter(embed_engine))
    hint = tutor.hint(HintRequest(question, 0.9, 2 * level, level), Setting(fractions_index))
    assert (hint.source, hint.text) == ("authored", authored)


def test_after_the_allowed_attempts_the_answer_may_be_given(
        fractions: Pack, fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    question = _numeric_question(fractions)
    chat = ScriptedChat(f"Look again: it is {question.answer}.")
    setting = Setting(fractions_index, policy=AIPolicy(reveal_after_attempts=2))
    reply = Tutor(chat, embed_engine, SafetyFilter(embed_engine)).practice_reply(
        "Tell me", HintRequest(question, 0.5, 2, 0), setting)
    assert question.answer in reply.text


def test_off_topic_questions_get_ask_your_teacher(fractions_index: RetrievalIndex,
                                                  embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("Paris.")
    reply = Tutor(chat, embed_engine, SafetyFilter(embed_engine)).answer(
        "What is the capital of France?", Setting(fractions_index), Conversation(),
        emit=lambda _s: None)
    assert reply.text == NOT_IN_LESSONS and chat.prompts == []


def test_free_chat_off_is_enforced(fractions_index: RetrievalIndex,
                                   embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat()
    reply = Tutor(chat, embed_engine, SafetyFilter(embed_engine)).answer(
        "What is a fraction?", Setting(fractions_index, policy=AIPolicy(free_chat=False)),
        Conversation(), emit=lambda _s: None)
    assert reply.text == FREE_CHAT_OFF and chat.prompts == []


def test_free_chat_off_also_closes_questions_during_practice(
        fractions: Pack, fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("Let's look at the bottom numbers.")
    setting = Setting(fractions_index, policy=AIPolicy(free_chat=False))
    reply = Tutor(chat, embed_engine, SafetyFilter(embed_engine)).practice_reply(
        "Why?", HintRequest(_numeric_question(fractions), 0.5, 0, 0), setting)
    assert reply.text == FREE_CHAT_OFF and chat.prompts == []


def test_an_unsafe_sentence_stops_the_stream_and_is_replaced(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("A fraction is a part of a whole. You are stupid and worthless. More.")
    shown: list[Streamed] = []
    conversation = Conversation()
    reply = Tutor(chat, embed_engine, SafetyFilter(embed_engine)).answer(
        "What is a fraction?", Setting(fractions_index), conversation, emit=shown.append)
    assert reply.text == SAFE_MESSAGE and reply.flagged
    # The bad sentence never became part of the reply (its draft is replaced at once).
    assert [u.sentence for u in shown if u.sentence] == ["A fraction is a part of a whole. "]
    assert conversation.turns == []


def test_the_real_model_answers_with_a_citation(
        chat_engine: ChatEngine, fractions_index: RetrievalIndex,
        embed_engine: EmbedEngine) -> None:
    tutor = Tutor(chat_engine, embed_engine, SafetyFilter(embed_engine))
    shown: list[Streamed] = []
    reply = tutor.answer("What is a numerator?", Setting(fractions_index), Conversation(),
                         emit=shown.append)
    assert reply.grounded and reply.cited is not None and reply.cited.cited
    assert "".join(u.sentence for u in shown).strip()
    assert any(f"[{s.number}]" in reply.text for s in reply.cited.cited)


class SmallContextChat(ScriptedChat):
    """Refuses a prompt of more than ``words`` words before generating anything, as the
    real engine refuses one over its context window."""

    def __init__(self, *replies: str) -> None:
        super().__init__(*replies)
        self.words: int | None = None

    def stream_chat(self, messages, params=None, cancel=None) -> Iterator[str]:  # type: ignore[no-untyped-def]
        if self.words is not None and _words(messages) > self.words:
            raise ContextFull("The conversation is too long for the model.")
        return super().stream_chat(messages, params, cancel)


def _words(messages: Sequence[dict[str, str]]) -> int:
    return sum(len(m["content"].split()) for m in messages)


def test_a_conversation_too_long_for_the_context_drops_its_older_half(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = SmallContextChat("A numerator counts the parts you have.",
                            "Find a common denominator first.")
    tutor = Tutor(chat, embed_engine, SafetyFilter(embed_engine))
    conversation = Conversation()
    first = "What is a numerator?"
    tutor.answer(first, Setting(fractions_index), conversation, emit=lambda _u: None)
    chat.words = _words(chat.prompts[0]) + 40  # one exchange with its passages, no more
    second = "How do I add fractions with different denominators?"
    reply = tutor.answer(second, Setting(fractions_index), conversation, emit=lambda _u: None)
    assert "common denominator" in reply.text
    prompt = chat.prompts[-1]
    assert not any(first in m["content"] for m in prompt)  # the older exchange went
    assert second in prompt[-1]["content"] and "Lesson passages:" in prompt[-1]["content"]
    assert len(conversation.recent) == 2  # the new exchange alone


def test_a_prompt_that_cannot_fit_even_alone_is_an_error_not_a_crash(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = SmallContextChat("Never shown.")
    chat.words = 5
    tutor = Tutor(chat, embed_engine, SafetyFilter(embed_engine))
    conversation = Conversation()
    with pytest.raises(ContextFull):
        tutor.answer("What is a numerator?", Setting(fractions_index), conversation,
                     emit=lambda _u: None)
    assert conversation.turns == [] and chat.prompts == []


def _index_of(pack: Pack, embed_engine: EmbedEngine, folder: Path) -> RetrievalIndex:
    from app.core.content.index_cache import load_or_build
    from inference.cancel import CancelToken

    return load_or_build(pack, embedder=embed_engine, model_sha256="test", cache_dir=folder,
                         progress=lambda _m, _f: None, cancel=CancelToken())


def test_a_question_code_answers_near_a_maths_pack_is_answered_under_only_the_lessons(
        fractions_zh: Pack, photosynthesis: Pack, embed_engine: EmbedEngine,
        tmp_path: Path) -> None:
    chat = ScriptedChat("因为分母相同，分子大的分数大。")
    tutor = Tutor(chat, embed_engine, SafetyFilter(embed_engine))
    zh = Setting(_index_of(fractions_zh, embed_engine, tmp_path / "zh"), "zh-Hans",
                 policy=AIPolicy(limit_to_pack=True))
    reply = tutor.answer("在 ○ 里应该填什么符号？ 5/11 ○ 8/11", zh, Conversation(),
                         emit=lambda _u: None)
    assert reply.text.startswith("5/11 < 8/11") and not reply.grounded
    science = Setting(_index_of(photosynthesis, embed_engine, tmp_path / "science"), "en",
                      policy=AIPolicy(limit_to_pack=True))
    refused = tutor.answer("Is 3/4 bigger than 2/3?", science, Conversation(),
                           emit=lambda _u: None)
    assert refused.text == NOT_IN_LESSONS and len(chat.prompts) == 1
