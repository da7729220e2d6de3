"""Misconceptions recognised by value, in the feedback and on the MaE dataset's examples."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from app.core.content.model import Question, QuestionId, QuestionType, SkillId
from app.core.tutor.feedback import misconception, wrong_answer_feedback
from app.core.tutor.misconception_eval import final_answer, main
from app.core.tutor.misconceptions import misconception as named

MAE = Path(__file__).resolve().parents[3] / "shared" / "data" / "tutor" / "mae_misconceptions"


@pytest.mark.parametrize(("prompt", "given", "name"), [
    ("1/4+2/3=", "3/7", "added_denominators"),
    ("Find the sum of 5/12 and 3/8", "8/20", "added_denominators"),
    ("Add 2/5+1/2=?", "3/10", "kept_numerators"),
    ("Solve 6-1 1/4=", "5 1/4", "no_regrouping"),
    ("Subtract 1/3 from 1", "1 1/3", "no_regrouping"),
    ("4 5/8-1 3/4=", "3 2/4", "mixed_parts"),
    ("1/4*6=", "6/24", "scaled_both"),
    ("7/5÷3/2=?", "2/2", "divided_parts"),
    ("2/5÷1/3=?", "5/6", "inverted_dividend"),
    ("Simplify the fraction 6/8", "3/8", "one_term"),
    ("Reduce 4/9", "2/3", "not_equivalent"),
])
def test_each_mistake_is_named_by_value(prompt: str, given: str, name: str) -> None:
    value, written = final_answer(given) or (Fraction(0), "")
    assert named(prompt, value, written) == name


def question(prompt: str, answer: str) -> Question:
    return Question(id=QuestionId("q"), skill=SkillId("s"), type=QuestionType.NUMERIC,
                    prompt=prompt, difficulty=1, path="", line=0, answer=answer)


def test_the_feedback_names_the_mistake_in_the_learners_language() -> None:
    q = question("What is 3/4 + 1/2?", "5/4")
    assert misconception(q, "4/4") == "kept_numerators"
    english = wrong_answer_feedback(q, "4/4", may_reveal=False).message
    chinese = wrong_answer_feedback(q, "4/4", may_reveal=False, language="zh-Hans").message
    assert "common denominator" in english and "公分母" in chinese
    assert misconception(q, "5/4") == "" and misconception(q, "7/3") == ""


def test_the_dataset_evaluation_prints_a_summary_last(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    data = [{"Misconception ID": "MaE08", "Example Number": 1, "Question": "1/4+2/3=",
             "Incorrect Answer": "1/4+2/3=3/7"},
            {"Misconception ID": "MaE15", "Example Number": 1, "Question": "2/5÷1/3=?",
             "Incorrect Answer": "2/5÷1/3=5/2*1/3=5/6"},
            {"Misconception ID": "MaE40", "Question": "not fractions", "Incorrect Answer": "2"}]
    path = tmp_path / "data.json"
    path.write_text(json.dumps(data), "utf-8")
    assert main([str(path)]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last == {"metric": "misconception_accuracy", "value": 1.0, "n": 2, "right": 2,
                    "named": 2}


@pytest.mark.skipif(not MAE.is_dir(), reason="the MaE dataset is in ../shared only")
def test_most_of_the_datasets_fraction_examples_are_named(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(MAE / "data" / "data.json")]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last["n"] == 40 and last["right"] >= 30
