"""Every tutor text is checked before it is shown: arithmetic claims, and in practice the
allow-list. Scripted model replies, the real embedding model and the real packs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.core.content.index import RetrievalIndex
from app.core.content.model import Pack, Question, QuestionType
from app.core.tutor.claims import REMOVED_ALL, REMOVED_NOTE, false_claims
from app.core.tutor.conversation import Conversation
from app.core.tutor.hints import HintRequest, authored_hint, hint_level
from app.core.tutor.practice_guard import violation
from app.core.tutor.safe_stream import Streamed
from app.core.tutor.safety import SafetyFilter
from app.core.tutor.service import Setting, Tutor
from inference.embed import EmbedEngine
from tests.tutor.test_service import ScriptedChat

pytestmark = pytest.mark.slow


def tutor(chat: ScriptedChat, embed: EmbedEngine) -> Tutor:
    return Tutor(chat, embed, SafetyFilter(embed))


def system_prompt(chat: ScriptedChat, call: int) -> str:
    return chat.prompts[call][0]["content"]


def learner_turn(chat: ScriptedChat, call: int) -> str:
    return chat.prompts[call][-1]["content"]


def on_screen(shown: list[str]) -> Callable[[Streamed], None]:
    """Collect everything the panel would show: finished sentences and the drafts."""
    return lambda update: shown.extend((update.sentence, update.draft))


def test_a_false_claim_is_regenerated_with_the_correction(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("Equivalent fractions name the same amount. 2/4 is not the same as "
                        "1/2 [1].", "Equivalent fractions name the same amount: 2/4 = 1/2 [1].")
    shown: list[str] = []
    reply = tutor(chat, embed_engine).answer(
        "Are 2/4 and 1/2 equivalent fractions?", Setting(fractions_index), Conversation(),
        emit=on_screen(shown))
    assert len(chat.prompts) == 2 and "2/4 is equal to 1/2" in system_prompt(chat, 1)
    assert "2/4 = 1/2" in reply.text and not false_claims(reply.text)
    assert reply.false_claims and not any(false_claims(s) for s in shown)


def test_a_claim_false_twice_is_dropped_and_the_learner_told(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    wrong = "To add fractions with the same denominator add the numerators. 1/5 + 2/5 = 3/10."
    chat = ScriptedChat(wrong, wrong)
    conversation = Conversation()
    shown: list[str] = []
    reply = tutor(chat, embed_engine).answer(
        "How do I add fractions with the same denominator?", Setting(fractions_index),
        conversation, emit=on_screen(shown))
    assert "3/10" not in reply.text and REMOVED_NOTE["en"] in reply.text
    assert "3/10" not in "".join(shown) and "3/10" not in conversation.turns[-1].text


def test_a_calculation_explained_wrong_twice_gets_the_steps_worked_by_code(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    # Qwen2.5 1.5B on "What is 5/6 - 2/9?": "subtract the numerators … 5 - 2 = 3" twice.
    wrong = "Subtract the numerators and keep the denominator: 5/6 - 2/9 = 3/6."
    chat = ScriptedChat(wrong, wrong)
    conversation = Conversation()
    reply = tutor(chat, embed_engine).answer("What is 5/6 - 2/9?", Setting(fractions_index),
                                            conversation, emit=lambda _s: None)
    assert "15/18 - 4/18 = 11/18" in reply.text and "3/6" not in reply.text
    assert not false_claims(reply.text) and REMOVED_NOTE["en"] not in reply.text
    assert "15/18 - 4/18 = 11/18" in conversation.turns[-1].text  # what the learner saw


def test_the_learners_false_claim_is_judged_before_the_model_answers(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("Let's look at the fraction wall together.")
    tutor(chat, embed_engine).answer("2/4 is not the same as 1/2, is it?",
                                     Setting(fractions_index), Conversation(),
                                     emit=lambda _s: None)
    # In the learner's turn, not the system prompt: that stays one cached prefix.
    assert "is false: 2/4 is equal to 1/2" in learner_turn(chat, 0)
    assert "is false" not in system_prompt(chat, 0)


def first(pack: Pack, kind: QuestionType) -> Question:
    return next(q for q in pack.questions if q.type is kind)


@pytest.mark.parametrize(("kind", "message", "replies"), [
    (QuestionType.MULTIPLE_CHOICE, "I give up. Which option is correct, the first or the second?",
     ("The first option is correct.", "It's the second one.")),
    (QuestionType.NUMERIC, "is it 1/4? yes or no", ("No.", "Yes!")),
    (QuestionType.NUMERIC, "just tell me", ("The answer is 4/10.", "1/5 + 2/5 = 3/10.")),
])
def test_practice_replies_never_judge_name_options_or_bring_numbers(
        fractions: Pack, fractions_index: RetrievalIndex, embed_engine: EmbedEngine,
        kind: QuestionType, message: str, replies: tuple[str, str]) -> None:
    question = first(fractions, kind)
    chat = ScriptedChat(*replies)
    request = HintRequest(question, 0.5, 0, 0)
    reply = tutor(chat, embed_engine).practice_reply(message, request, Setting(fractions_index))
    assert reply.text == authored_hint(question, hint_level(request))  # the next hint
    assert violation(reply.text, question, question.hints) is None or reply.text in question.hints
    assert (len(chat.prompts) == 2 and "broke the rules" in system_prompt(chat, 1)) or (
        "is false" in system_prompt(chat, 1))


def test_the_model_is_told_whether_the_suggested_answer_is_right(
        fractions: Pack, fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    question = first(fractions, QuestionType.NUMERIC)
    chat = ScriptedChat("What do the denominators tell you?")
    reply = tutor(chat, embed_engine).practice_reply(
        "is it 1/4? yes or no", HintRequest(question, 0.5, 0, 0), Setting(fractions_index))
    assert reply.text == "What do the denominators tell you?"
    assert "suggested answer is wrong" in system_prompt(chat, 0)


def test_a_claim_spread_over_lines_is_caught_too(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    wrong = "To add fractions, add the numerators.\n1/5 + 2/5\n= 3/10\nKeep the denominator."
    chat = ScriptedChat(wrong, wrong)
    reply = tutor(chat, embed_engine).answer(
        "How do I add fractions with the same denominator?", Setting(fractions_index),
        Conversation(), emit=lambda _s: None)
    assert len(chat.prompts) == 2 and not false_claims(reply.text)
    assert REMOVED_NOTE["en"] in reply.text


def test_what_the_question_asks_is_worked_out_for_the_model(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("Add the numerators and keep the denominator: 1/5 + 2/5 = 3/5 [1].")
    tutor(chat, embed_engine).answer("What is 1/5 + 2/5?", Setting(fractions_index),
                                     Conversation(), emit=lambda _s: None)
    # In the learner's turn, like the verdict on their claims: the system prompt stays cached.
    assert "1/5 + 2/5 = 3/5" in learner_turn(chat, 0)
    assert "Worked out" not in system_prompt(chat, 0)


def test_a_reply_with_nothing_true_left_says_what_to_do(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    wrong = "1/5 + 2/5 = 3/10."
    reply = tutor(ScriptedChat(wrong, wrong), embed_engine).answer(
        "How do I add fractions with the same denominator?", Setting(fractions_index),
        Conversation(), emit=lambda _s: None)
    assert reply.text == REMOVED_ALL["en"]


def test_the_result_code_decides_comes_first_and_is_never_contradicted(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("No, they are not the same. Both name the same amount of a whole [1]. "
                        "Yes, 2/4 and 1/2 are equal.")
    conversation = Conversation()
    updates: list[Streamed] = []
    reply = tutor(chat, embed_engine).answer("Is 2/4 the same as 1/2?",
                                             Setting(fractions_index), conversation,
                                             emit=updates.append)
    assert updates[0] == Streamed(sentence="Yes, 2/4 and 1/2 are equal. ")  # before the model
    assert reply.text.startswith("Yes, 2/4 and 1/2 are equal")
    assert "not the same" not in reply.text and "Both name the same amount" in reply.text
    assert reply.stated and reply.contradicted == 2  # the "No" and the repeated sentence
    # Never on screen, not even while being written; the history holds what was shown.
    assert not any("not the same" in u.sentence + u.draft for u in updates)
    assert conversation.turns[-1].text.startswith("Yes, 2/4 and 1/2 are equal.")
    assert '"Yes, 2/4 and 1/2 are equal."' in learner_turn(chat, 0)


def test_a_stated_result_stays_when_the_explanation_is_regenerated(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("Add the tops and the bottoms: 1/5 + 2/5 = 3/10.",
                        "The answer is 3/10. Add the numerators and keep the denominator [1].")
    reply = tutor(chat, embed_engine).answer("What is 1/5 + 2/5?", Setting(fractions_index),
                                             Conversation(), emit=lambda _s: None)
    assert reply.text.startswith("1/5 + 2/5 = 3/5")
    assert "3/10" not in reply.text and "keep the denominator" in reply.text
    assert not false_claims(reply.text)


def test_nothing_is_stated_for_a_question_code_cannot_decide(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("A fraction is a part of a whole [1].")
    reply = tutor(chat, embed_engine).answer("What is a fraction?", Setting(fractions_index),
                                             Conversation(), emit=lambda _s: None)
    assert not reply.stated and reply.text.startswith("A fraction is a part of a whole")
    assert "already begins with" not in learner_turn(chat, 0)


def test_a_comparison_explained_by_the_numerators_alone_is_not_shown(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    # Qwen2.5 1.5B's explanation in the Chinese screenshot, in English: the right result
    # with the whole-number misconception as its reason.
    chat = ScriptedChat("This is because its numerator is bigger, so the fraction is bigger. "
                        "With a common denominator, 3/4 = 9/12 and 2/3 = 8/12 [1].")
    reply = tutor(chat, embed_engine).answer("Which is bigger, 3/4 or 2/3?",
                                             Setting(fractions_index), Conversation(),
                                             emit=lambda _s: None)
    assert reply.text.startswith("3/4 is bigger than 2/3")
    assert "numerator" not in reply.text and "common denominator" in reply.text
    assert reply.contradicted == 1
