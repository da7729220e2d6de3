# ruff: noqa: RUF001  (full-width and look-alike characters are the point)
"""Grading, table-driven: choice types, numbers in every equivalent form, short text."""

from __future__ import annotations

import pytest

from app.core.learner.grading import (
    Verdict,
    grade_choice,
    grade_multiple_answer,
    grade_numeric,
    grade_true_false,
)
from app.core.learner.text_grading import grade_short_text, keyword_matches, load_calibration
from inference.embed import EmbedEngine
from inference.registry import load_registry

C, W, U = Verdict.CORRECT, Verdict.INCORRECT, Verdict.UNREADABLE

# (learner's answer, pack answer, tolerance, unit, language, expected verdict)
NUMERIC = [
    ("3/4", "3/4", 0, "", "en", C),
    ("0.75", "3/4", 0, "", "en", C),
    ("6/8", "3/4", 0, "", "en", C),
    ("75%", "3/4", 0, "", "en", C),
    ("75 %", "0.75", 0, "", "en", C),
    (".75", "3/4", 0, "", "en", C),
    ("  3 / 4 ", "3/4", 0, "", "en", C),
    ("1 1/2", "3/2", 0, "", "en", C),
    ("1.5", "1 1/2", 0, "", "en", C),
    ("1½", "1.5", 0, "", "en", C),
    ("½", "0.5", 0, "", "en", C),
    ("11/2", "1 1/2", 0, "", "en", W),  # eleven halves, not one and a half
    ("３／４", "3/4", 0, "", "en", C),  # full-width digits and slash
    ("０．７５", "0.75", 0, "", "zh-Hans", C),
    ("７５％", "3/4", 0, "", "zh-Hans", C),
    ("0,75", "0.75", 0, "", "fr", C),
    ("0，75", "0.75", 0, "", "fr", C),  # full-width comma as the decimal comma
    ("1.000,5", "1000.5", 0, "", "de", C),
    ("1 000,5", "1000.5", 0, "", "fr", C),
    ("0,75", "0.75", 0, "", "en", U),  # not silently read as 75
    ("1,000", "1000", 0, "", "en", C),
    ("1,000", "1", 0, "", "fr", C),  # in French this is one
    ("−2", "-2", 0, "", "en", C),  # Unicode minus sign
    ("-1 1/2", "-1.5", 0, "", "en", C),
    ("+4", "4", 0, "", "en", C),
    ("0.33", "1/3", 0, "", "en", W),
    ("0.33", "1/3", 0.01, "", "en", C),
    ("0.3", "1/3", 0.01, "", "en", W),
    ("3.14", "3.14159", 0.01, "", "en", C),
    ("3.1", "3.14159", 0.01, "", "en", W),
    ("2.5", "2.4", 0.1, "", "en", C),  # exactly at the tolerance edge
    ("12 cm", "12", 0, "cm", "en", C),
    ("12cm", "12", 0, "cm", "en", C),
    ("12 kg", "12", 0, "cm", "en", U),
    ("75", "75%", 0, "", "en", C),  # the question already asks for a percentage
    ("0.75", "75%", 0, "", "en", C),
    ("74%", "75%", 0, "", "en", W),
    ("74%", "75%", 0.01, "", "en", C),
    ("3/0", "3", 0, "", "en", U),
    ("three", "3", 0, "", "en", U),
    ("", "3", 0, "", "en", U),
    ("1/2/3", "1", 0, "", "en", U),
    ("4/3", "3/4", 0, "", "en", W),
    ("0.750000", "3/4", 0, "", "en", C),
    ("1e3", "1000", 0, "", "en", U),  # scientific notation is beyond these grades
]


@pytest.mark.parametrize(("given", "answer", "tolerance", "unit", "language", "verdict"),
                         NUMERIC, ids=[f"{c[0]!r}~{c[1]}" for c in NUMERIC])
def test_numeric(given: str, answer: str, tolerance: float, unit: str, language: str,
                 verdict: Verdict) -> None:
    grade = grade_numeric(given, answer, tolerance=tolerance, unit=unit, language=language)
    assert grade.verdict is verdict
    assert grade.counts_as_attempt is (verdict is not U)
    if verdict is U:
        assert grade.message, "an unreadable answer must tell the learner what to do"


def test_table_has_at_least_forty_tricky_cases() -> None:
    assert len(NUMERIC) + len(CHOICE) >= 40


CHOICE = [
    (grade_choice(2, 2), C), (grade_choice(0, 2), W), (grade_choice(None, 2), U),
    (grade_multiple_answer({0, 2}, {0, 2}), C), (grade_multiple_answer({0}, {0, 2}), W),
    (grade_multiple_answer({0, 1, 2}, {0, 2}), W), (grade_multiple_answer(set(), {0}), U),
    (grade_true_false(True, True), C), (grade_true_false("False", False), C),
    (grade_true_false(" yes ", True), C), (grade_true_false("vrai", True), C),
    (grade_true_false("no", True), W), (grade_true_false("maybe", True), U),
]


@pytest.mark.parametrize(("grade", "verdict"), CHOICE)
def test_choice_types_are_exact(grade: object, verdict: Verdict) -> None:
    assert grade.verdict is verdict  # type: ignore[attr-defined]


def test_multiple_answer_says_what_is_off_without_giving_it_away() -> None:
    message = grade_multiple_answer({0, 1}, {0, 2}).message
    assert "1 right answer not picked" in message and "1 picked answer is not right" in message


@pytest.mark.parametrize(("answer", "item", "matches"), [
    ("Chlorophyll absorbs light", "absorb|capture", True),
    ("It captured the energy", "absorb|capture", True),
    ("it uses sunlight", "light", True),
    ("it does not absorb light", "absorb", False),
    ("it doesn't capture anything", "absorb|capture", False),
    ("made of carbon dioxide and water", "carbon dioxide|CO2", True),
    ("co2 and water", "carbon dioxide|CO2", True),
    ("carbon and oxygen", "carbon dioxide", False),
    ("植物吸收光能", "光能", True),
])
def test_rubric_keywords(answer: str, item: str, matches: bool) -> None:
    assert keyword_matches(answer, item) is matches


REFS = ["Chlorophyll absorbs light energy so the plant can make food.",
        "It captures energy from sunlight for photosynthesis."]
KEYWORDS = ["absorb|capture", "light"]


@pytest.mark.slow
@pytest.mark.parametrize(("answer", "verdict", "missing"), [
    ("Chlorophyll absorbs light energy.", C, ()),
    ("it captures sunlight energy", C, ()),
    ("It soaks up sunlight to make food", Verdict.PARTIAL, ("absorb|capture",)),
    ("it makes the leaf green", W, ("absorb|capture", "light")),
    ("the mitochondria is the powerhouse of the cell", W, ("absorb|capture", "light")),
    ("light", W, ("absorb|capture",)),
])
def test_short_text_by_meaning_and_rubric(embed_engine: EmbedEngine, answer: str,
                                          verdict: Verdict, missing: tuple[str, ...]) -> None:
    grade = grade_short_text(embed_engine, answer, references=REFS, keywords=KEYWORDS)
    assert grade.verdict is verdict
    assert grade.missing == missing
    assert set(grade.matched) | set(missing) == set(KEYWORDS)
    if missing:
        assert "doesn't mention" in grade.message
        assert all((m.split("|")[0] in grade.message) for m in missing)


@pytest.mark.slow
def test_short_text_paraphrase_without_keywords(embed_engine: EmbedEngine) -> None:
    refs = ["Evaporation is when liquid water turns into water vapour because it is heated."]
    near = grade_short_text(embed_engine, "water turns into vapour when it is heated",
                            references=refs)
    far = grade_short_text(embed_engine, "when water freezes into ice", references=refs)
    assert near.score > far.score
    assert near.similarity is not None and near.similarity > 0.5


@pytest.mark.slow
@pytest.mark.parametrize(("answer", "verdict"), [
    ("分子和分母同时乘或除以同一个数，分数的大小不变。", C),
    ("分子分母一起乘同一个数，分数大小不变", C),
    ("我不知道", W),
    ("今天天气很好，我们去公园玩。", W),
])
def test_chinese_short_text_with_the_apps_calibration(embed_engine: EmbedEngine, answer: str,
                                                      verdict: Verdict) -> None:
    """No spaces, no words to count: the meaning model grades it, fitted per embedder."""
    calibration = load_calibration(load_registry().default("embed").id)
    grade = grade_short_text(
        embed_engine, answer, question="分数的基本性质是什么？",
        references=["分数的分子和分母同时乘或者同时除以相同的数（0除外），分数的大小不变。"],
        calibration=calibration)
    assert grade.verdict is verdict, grade


@pytest.mark.slow
@pytest.mark.parametrize(("answer", "verdict"), [
    ("The water evaporated and left the salt behind.", C),
    ("I separated the salt from the water.", W),  # the question's own words: no evidence
])
def test_english_short_text_with_the_apps_calibration(embed_engine: EmbedEngine, answer: str,
                                                      verdict: Verdict) -> None:
    calibration = load_calibration(load_registry().default("embed").id)
    grade = grade_short_text(embed_engine, answer,
                             question="How did you separate the salt from the water?",
                             references=["The water was evaporated, leaving the salt."],
                             calibration=calibration)
    assert grade.correct == (verdict is C), grade  # echoing the question: not correct


def test_empty_short_text_is_not_an_attempt() -> None:
    class Unused:
        def embed(self, texts: object) -> object:
            raise AssertionError("an empty answer must not reach the model")

    grade = grade_short_text(Unused(), "  ?! ", references=REFS)  # type: ignore[arg-type]
    assert grade.verdict is U and not grade.counts_as_attempt and grade.message
