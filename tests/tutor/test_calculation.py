"""Word problems on Ask the tutor: the model writes the calculation, code works it out and
states it first. Reading the model's line with no model; the tutor with a scripted model,
the real embedding model and the real fractions pack; the calculation prompt with the
real default chat model."""

from __future__ import annotations

from fractions import Fraction

import pytest

from app.core.content.index import RetrievalIndex
from app.core.content.model import Pack
from app.core.tutor.calculation import calculated, read_calculation, word_problem
from app.core.tutor.hints import HintRequest
from app.core.tutor.policy import AIPolicy
from app.core.tutor.safe_stream import Streamed
from app.core.tutor.safety import SafetyFilter
from app.core.tutor.service import Setting, Tutor
from inference.embed import EmbedEngine
from inference.llm import ChatEngine
from tests.tutor.test_choice import ScoringChat
from tests.tutor.test_service import ScriptedChat, ask

JUG = ("A jug holds **3/4** of a litre of milk. You pour out **1/3** of a litre for a "
       "milkshake. How much milk is left in the jug?")
STICKERS = "You have 20 stickers and give away **3/4** of them. How many stickers do you give away?"


@pytest.mark.parametrize("question", [
    JUG, STICKERS,
    "A team has 11 players. 4 of them have blue laces. What fraction do not?",
    "On a number line each step is 1/4. You make 6 jumps from 0. Where do you land?",
    "小明有12个苹果，吃了其中的1/3，吃了几个？",
])
def test_a_question_asking_for_an_amount_of_its_numbers_is_a_word_problem(
        question: str) -> None:
    assert word_problem(question)


@pytest.mark.parametrize("question", [
    "What does the 4 in 3/4 mean?",  # asks for no amount
    "How many halves make 1 whole?",  # one number beyond 1: nothing to calculate with
    "Why is 1/2 bigger than 1/3?",
    "How many turns of the Calvin cycle make one glucose molecule?",
])
def test_other_questions_are_not(question: str) -> None:
    assert not word_problem(question)


@pytest.mark.parametrize(("reply", "value"), [
    ("answer = 3/4 - 1/3", Fraction(5, 12)),
    ("answer = (2/3) - (3/5)\n", Fraction(1, 15)),
    ("```python\nanswer = 20 * (3/4)\n```", Fraction(15)),
    ("answer = 1 - 4/11", Fraction(7, 11)),  # 1: the whole, not in the question
])
def test_the_models_calculation_is_worked_out_exactly(reply: str, value: Fraction) -> None:
    question = ("3/4 and 1/3 and 2/3 and 3/5, 20 stickers, 11 players, 4 with blue laces: "
                "how much?")
    found = read_calculation(reply, question)
    assert found is not None and found.value == value


@pytest.mark.parametrize("reply", [
    "answer = None",
    "answer = 5/12",  # the model's own result, not a calculation
    "answer = 7/4 * 60",  # 60: a number the question does not give
    "answer = 3 * 0.25",  # 0.25, likewise
    "answer = 1/3 - 3/4",  # negative: subtracted the wrong way round
    "answer = 3/4 - 1/3 litres",  # more than a calculation
    "The milk left is 5/12 of a litre.",  # no answer line
    "answer = 3/4 ** 1/3",
])
def test_anything_else_is_left_to_the_free_answer(reply: str) -> None:
    assert read_calculation(reply, "A jug holds 3/4 of a litre. You pour out 1/3. How much "
                                   "is left? Count 7 cups.") is None


def test_numbers_written_in_chinese_count_as_the_questions() -> None:
    found = read_calculation("answer = 1 - 2/3", "小明喝了这瓶牛奶的三分之二，还剩几分之几？")
    assert found is not None and found.value == Fraction(1, 3)


@pytest.mark.slow
def test_the_calculation_comes_first_and_is_never_contradicted(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("answer = 3/4 - 1/3",
                        "The answer is 2/4 [1]. You take the milk you poured out away from "
                        "the milk in the jug [1].")
    updates: list[Streamed] = []
    reply = ask(chat, JUG, fractions_index, embed_engine, updates.append)
    assert updates[0] == Streamed(sentence="The calculation is 3/4 - 1/3 = 5/12. ")  # at once
    assert reply.text.startswith("The calculation is 3/4 - 1/3 = 5/12")  # then its citation
    assert "2/4" not in reply.text and "You take the milk" in reply.text
    assert reply.calculated and not reply.stated and not reply.chosen
    assert reply.contradicted == 1
    # The calculation was asked on its own, not in the tutor's conversation.
    assert chat.prompts[0][-1]["content"].startswith("A jug holds 3/4 of a litre")
    assert "answer = <the calculation>" in chat.prompts[0][-1]["content"]
    assert len(chat.prompts) == 2 and "3/4 - 1/3 = 5/12" in chat.prompts[1][-1]["content"]


@pytest.mark.slow
def test_a_calculation_it_cannot_take_leaves_the_question_to_the_free_answer(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("answer = 5/12", "Subtract the milk you poured out [1].")
    reply = ask(chat, JUG, fractions_index, embed_engine)
    assert not reply.calculated and reply.text.startswith("Subtract the milk")


@pytest.mark.slow
def test_practice_never_asks_for_the_calculation(fractions: Pack,
                                                 embed_engine: EmbedEngine) -> None:
    question = next(q for q in fractions.questions if q.type.value == "numeric")
    word_problem_asked = f"{JUG} Please just tell me."
    chat = ScriptedChat("What do you know about the milk in the jug?")
    Tutor(chat, embed_engine, SafetyFilter(embed_engine)).practice_reply(
        word_problem_asked, HintRequest(question, 0.5, 1, 0),
        Setting(None, "en", policy=AIPolicy()))
    assert "answer = <the calculation>" not in "".join(
        m["content"] for prompt in chat.prompts for m in prompt)


@pytest.mark.slow
def test_the_real_model_writes_the_calculation(chat_engine: ChatEngine) -> None:
    found = calculated(chat_engine, STICKERS, "en")
    assert found is not None and found.value == 15
    assert found.sentence == "The calculation is 20 × (3/4) = 15."


CAKE = ("A cake is cut into **6 equal pieces**. 2 pieces are eaten. What fraction of the cake "
        "is **left**?\nA) 4/6\nB) 2/6\nC) 6/4\nD) 2/4")


@pytest.mark.slow
def test_with_options_the_calculation_names_the_option_with_its_number(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    # Qwen2.5 1.5B's choice here was "B: 2/6" (the pieces eaten); its calculation is right.
    chat = ScoringChat({"2/6": 3.0, "4/6": 1.0}, "answer = (6 - 2)/6",
                       "The answer is B [1]. Four of the six pieces are still there [1].")
    reply = ask(chat, CAKE, fractions_index, embed_engine)
    assert reply.text.startswith(
        "The calculation is (6 - 2)/6 = 2/3, so the answer is A: 4/6")
    assert "answer is B" not in reply.text and "Four of the six pieces" in reply.text
    assert reply.calculated and not reply.chosen and not chat.scored
    assert "A) 4/6" not in chat.prompts[0][-1]["content"]  # the problem without its options


@pytest.mark.slow
def test_with_no_option_of_that_number_the_models_choice_decides(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScoringChat({"4/6": 3.0, "2/6": 1.0}, "answer = 6 - 2",
                       "Four of the six pieces are still there [1].")
    reply = ask(chat, CAKE, fractions_index, embed_engine)
    assert reply.text.startswith("The answer is A: 4/6")
    assert reply.chosen and not reply.calculated


@pytest.mark.slow
def test_the_explanation_after_a_stated_result_stops_at_three_sentences(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("answer = 20 * (3/4)",
                        "You take 3/4 of all 20 stickers [1]. To explain it simply: "
                        "- Split the 20 stickers into 4 equal groups [1]. - You give away "
                        "3 of the 4 groups. - Those 3 groups are 15 stickers.")
    reply = ask(chat, STICKERS, fractions_index, embed_engine)
    assert reply.text.startswith("The calculation is 20 × (3/4) = 15")
    assert "You give away 3 of the 4 groups" in reply.text  # the intro line did not count
    assert "Those 3 groups" not in reply.text


@pytest.mark.slow
def test_a_sentence_naming_a_number_outside_the_calculation_is_not_shown(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("answer = 20 * (3/4)",
                        "This means you give away half of your stickers, which is 15 "
                        "stickers [1]. You split the 20 stickers into 4 equal groups and "
                        "give away 3 of them, which is 15 stickers [1].")
    reply = ask(chat, STICKERS, fractions_index, embed_engine)
    assert "half" not in reply.text and reply.contradicted == 1
    assert "You split the 20 stickers into 4 equal groups" in reply.text
