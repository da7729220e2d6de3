"""The Socratic guard finds the answer in its many disguises, and lets honest hints pass."""

from __future__ import annotations

import pytest

from app.core.content.model import Choice, Question, QuestionId, QuestionType, SkillId
from app.core.tutor.socratic import answer_key, find_reveal


def _question(qtype: QuestionType, **fields: object) -> Question:
    base: dict[str, object] = {"id": QuestionId("q"), "skill": SkillId("s"), "type": qtype,
                               "prompt": "Work out 1/4 + 2/4.", "difficulty": 2,
                               "path": "questions/q.toml", "line": 1}
    base.update(fields)
    return Question(**base)  # type: ignore[arg-type]


NUMERIC = _question(QuestionType.NUMERIC, answer="3/4")


@pytest.mark.parametrize("text", [
    "The answer is 3/4.", "It makes 6/8 of the pizza.", "That's 0.75", "You get 0,75.",
    "75% of the pizza", "seventy five... no: 75 percent", "three quarters", "three-fourths",
    "Three fourths of it", "¾", "３/４", "四分之三", "百分之七十五",
    "It's 9/12 when simplified wrong",
    "= 3 / 4",
])
def test_numeric_answer_in_disguise_is_caught(text: str) -> None:
    assert find_reveal(text, answer_key(NUMERIC)) is not None


@pytest.mark.parametrize("text", [
    "Add the numerators and keep the denominator.",
    "Look at 1/4 + 2/4 again: what stays the same?",  # numbers stated in the question
    "How many quarters do you have altogether? Count them.",
    "Try drawing a rectangle split into 4 equal parts.",
])
def test_honest_hints_pass(text: str) -> None:
    assert find_reveal(text, answer_key(NUMERIC)) is None


def test_tolerance_widens_what_counts_as_the_answer() -> None:
    q = _question(QuestionType.NUMERIC, prompt="Measure the line.", answer="2.5",
                  tolerance=0.1)
    assert find_reveal("about 2.45 cm", answer_key(q)) is not None
    assert find_reveal("more than 3 cm", answer_key(q)) is None


MC = _question(QuestionType.MULTIPLE_CHOICE, prompt="Which fraction is the largest?",
               choices=(Choice("2/3", False), Choice("3/4", True), Choice("1/2", False)))


@pytest.mark.parametrize("text", [
    "The answer is B.", "Choose (b).", "b is correct", "Option B", "B",
    "3/4 is biggest", "0.75 beats the others",
])
def test_choice_letter_or_value_is_caught(text: str) -> None:
    assert find_reveal(text, answer_key(MC)) is not None


def test_comparing_strategies_without_a_verdict_passes() -> None:
    assert find_reveal("Turn each into twelfths, then compare the numerators.",
                       answer_key(MC)) is None


def test_text_choice_is_caught_by_its_words() -> None:
    q = _question(QuestionType.MULTIPLE_CHOICE, prompt="Where does photosynthesis happen?",
                  choices=(Choice("in the chloroplasts", True), Choice("in the roots", False)))
    assert find_reveal("It happens In the Chloroplasts!", answer_key(q)) is not None
    assert find_reveal("Think about which part of the cell is green.", answer_key(q)) is None


def test_true_false_verdicts_in_english_and_chinese() -> None:
    q = _question(QuestionType.TRUE_FALSE, prompt="2/4 equals 1/2.", answer="true")
    key = answer_key(q)
    for text in ("That's true.", "This statement is correct", "这句话是正确的", "你说得对的"):
        assert find_reveal(text, key) is not None, text
    assert find_reveal("Try simplifying 2/4 first.", key) is None


def test_short_answer_is_caught_when_every_rubric_item_is_stated() -> None:
    q = _question(QuestionType.SHORT_TEXT, prompt="What does chlorophyll do?",
                  answers=("Chlorophyll absorbs light energy.",),
                  keywords=("absorb|capture", "light"))
    key = answer_key(q)
    assert find_reveal("It captures the light so the plant can use it", key) is not None
    assert find_reveal("chlorophyll absorbs light energy.", key) is not None
    assert find_reveal("What does a green pigment do with sunshine?", key) is None
