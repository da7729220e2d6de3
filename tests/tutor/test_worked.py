# ruff: noqa: RUF001  (full-width punctuation in Chinese questions)
"""What code works out of a learner's question before the model answers it."""

from __future__ import annotations

import pytest

from app.core.tutor.claims import false_claims
from app.core.tutor.worked import worked_facts, worked_solution


@pytest.mark.parametrize(("question", "language", "fact"), [
    ("Add these fractions: 1/5 + 2/5.", "en", "1/5 + 2/5 = 3/5"),
    ("Work out 3 − 1 1/4.", "en", "3 - 1 1/4 = 7/4 = 1 3/4"),
    ("What is 25% of 80?", "en", "25% of 80 = 20"),
    ("6/10减2/10等于多少？", "zh-Hans", "6/10减2/10 = 2/5"),
    ("Which is bigger, 2/3 or 3/4?", "en", "2/3 < 3/4"),
    ("三分之二和四分之三哪个大？", "zh-Hans", "三分之二（2/3） < 四分之三（3/4）"),
    ("Is 2/4 the same as 1/2?", "en", "2/4 = 1/2"),
    ("Simplify 6/8.", "en", "6/8 in simplest form is 3/4"),
    ("把6/8化成最简分数。", "zh-Hans", "6/8化成最简分数是3/4"),
    ("Write 7/4 as a mixed number.", "en", "7/4 = 1 3/4"),
    ("What is the lowest common denominator of 3/4 and 5/6?", "en",
     "the lowest common denominator of 3/4 and 5/6 is 12"),
    ("3/4和5/6的最小公分母是多少？", "zh-Hans", "3/4和5/6的最小公分母是12"),
])
def test_the_arithmetic_a_question_asks_for_is_worked_out(
        question: str, language: str, fact: str) -> None:
    assert fact in worked_facts(question, language)


@pytest.mark.parametrize("question", [
    "What is a fraction?",
    "Sam has 3 apples and gets 2 more.",  # a count, not a comparison to settle
    "2/4 is not the same as 1/2, is it?",  # a claim: the verdict note judges it
    "How does the Calvin cycle use 12 ATP?",
])
def test_nothing_is_added_where_there_is_nothing_to_work_out(question: str) -> None:
    assert worked_facts(question) == ""


def test_the_note_is_in_the_learners_language() -> None:
    assert worked_facts("1/5加2/5等于多少？", "zh-Hans").startswith("程序已经精确算出")
    assert worked_facts("What is 1/5 + 2/5?", "en").startswith("Worked out exactly by the app")


@pytest.mark.parametrize(("question", "language", "steps"), [
    ("What is 5/6 - 2/9?", "en", "5/6 = 15/18 and 2/9 = 4/18. Then take away the numerators "
     "and keep the denominator: 15/18 - 4/18 = 11/18."),
    ("Work out 3 − 1 1/4.", "en", "3 = 12/4 and 1 1/4 = 5/4. Then take away the numerators "
     "and keep the denominator: 12/4 - 5/4 = 7/4; 7/4 = 1 3/4."),
    ("4/8减2/8等于多少？", "zh-Hans", "两个分数的分母已经相同，都是8。分母不变，分子相减："
     "4/8 - 2/8 = 2/8；2/8 = 1/4。"),
])
def test_a_fraction_sum_is_worked_step_by_step(question: str, language: str,
                                               steps: str) -> None:
    solution = worked_solution(question, language)
    assert solution is not None and steps in solution and not false_claims(solution)


@pytest.mark.parametrize("question", ["What is 2 + 3?", "What is 1/2 + 1/3 + 1/6?",
                                      "What is 1/4 - 3/4?", "What is a fraction?"])
def test_no_worked_steps_where_the_pattern_does_not_fit(question: str) -> None:
    assert worked_solution(question) is None
