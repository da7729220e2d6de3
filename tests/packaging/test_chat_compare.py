"""chat-compare's key-fact check: facts present, contradictions and wrong languages refused."""

from __future__ import annotations

from packaging.models.chat_compare import CASES, Case, correct


def _case(question: str) -> Case:
    return next(c for c in CASES if c.question == question)


def test_an_answer_with_the_key_fact_is_correct() -> None:
    case = _case("Is 2/4 the same as 1/2?")
    assert correct("Yes! 2/4 and 1/2 are equivalent fractions [1].", case)


def test_a_contradiction_fails_even_with_the_key_words() -> None:
    case = _case("Is 2/4 the same as 1/2?")
    assert not correct("No, 2/4 is not the same as 1/2, they are not equal.", case)
    assert not correct("2/3 is bigger than 3/4.", _case("Which is bigger, 3/4 or 2/3?"))


def test_a_chinese_question_needs_a_chinese_answer() -> None:
    case = _case("3/4和2/3哪个大？")
    assert correct("3/4 比 2/3 大，因为 9/12 大于 8/12。", case)
    assert not correct("3/4 is bigger than 2/3.", case)
    assert not correct("2/3更大。", case)


def test_cases_cover_both_languages_and_all_starter_packs() -> None:
    assert {c.pack for c in CASES} == {"fractions", "photosynthesis", "fractions-zh"}
