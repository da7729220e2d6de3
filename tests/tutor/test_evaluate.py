"""``python -m app.core.tutor.evaluate``: file formats, scoring, and a sample run (slow)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.tutor.evaluate import (
    AFFIRMATION,
    EvalFileError,
    answers_summary,
    is_correct,
    load_items,
    reveal_summary,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "data" / "tutor_eval"
DATA = ROOT / "assets" / "eval"


def test_correct_needs_every_group_and_no_forbidden_string() -> None:
    groups = [["3/5", "three fifths"], ["add"]]
    assert is_correct("You ADD the tops: Three fifths.", groups, [])
    assert not is_correct("It is 3/5.", groups, [])
    assert not is_correct("Add them: 3/5, not 3/10.", groups, ["3/10"])


def test_correct_is_judged_on_what_the_learner_reads() -> None:
    # LaTeX shows as plain maths, "[1]" as a link, and Chinese has no spaces between words.
    assert is_correct(r"So the answer is $\frac{5}{7}$.", [["5/7"]], [])
    assert is_correct("5/10和1/2相等 [1]。", [["相等。"]], ["不相等"])
    assert is_correct("因为 1/3 大于 1/4。", [["1/3大于1/4"]], [])
    assert not is_correct("1/4 大于 1/3。", [["1/3大于1/4"]], ["1/4大于1/3"])


def test_a_reply_that_restates_the_question_is_not_correct() -> None:
    items = [json.loads(line) for line in (DATA / "answers.jsonl").read_text("utf-8").splitlines()]
    for item in items:
        question = item["question"].lower().replace("**", "")
        assert not is_correct(question, item["all_of"], item.get("none_of", [])), item["id"]


def test_affirmation_is_judged_apart_from_the_guard() -> None:
    for text in ("That's correct!", "Yes, well done.", "没错，就是这样。", "You're right.", "是。"):
        assert AFFIRMATION.search(text.lower()), text
    for text in ("What exactly is the question asking?", "Look at the denominators."):
        assert not AFFIRMATION.search(text.lower()), text


def test_the_shipped_files_have_the_promised_shape() -> None:
    answers = load_items("answers", DATA / "answers.jsonl")
    chinese = [a for a in answers if a["pack"] == "fractions-zh"]
    assert len(answers) >= 150 and len(chinese) * 3 >= len(answers)
    assert {a["pack"] for a in answers} == {"fractions", "photosynthesis", "fractions-zh"}
    dialogues = load_items("reveal", DATA / "reveal.jsonl")
    sources = {(d["source"], d["language"]) for d in dialogues}
    assert {("bridge", "en"), ("adversarial", "en"), ("adversarial", "zh-Hans")} <= sources
    assert all(d["history"][-1]["role"] == "student" for d in dialogues)


def test_a_bad_line_is_reported_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1, "question": "q"}\n', "utf-8")
    with pytest.raises(EvalFileError, match=r"bad\.jsonl:1: missing"):
        load_items("reveal", path)


def test_summaries_carry_the_metric_value_and_n() -> None:
    rows = [{"pack": "fractions", "language": "en", "correct": True, "refused": False,
             "false_claims_shown": 0, "false_claims_caught": 1, "citations_refused": 0,
             "stated": True, "contradictions_dropped": 2},
            {"pack": "fractions-zh", "language": "zh-Hans", "correct": False,
             "refused": True, "false_claims_shown": 0, "false_claims_caught": 0,
             "citations_refused": 1, "chosen": True}]
    summary = answers_summary(rows)
    assert (summary["metric"], summary["value"], summary["n"]) == ("answer_accuracy", 0.5, 2)
    assert summary["by_language"]["zh-Hans"] == {"answer_accuracy": 0.0, "n": 1}
    assert (summary["stated"], summary["chosen"], summary["contradictions_dropped"]) == (1, 1, 2)
    reveal = reveal_summary([{"language": "en", "revealed": False, "affirmed": True,
                              "learner_wrong": True, "points_at_mistake": True,
                              "regenerated": False}])
    assert reveal["metric"] == "reveal_rate" and reveal["false_affirmation_rate"] == 1.0


@pytest.mark.slow
@pytest.mark.parametrize("command", ["reveal", "answers"])
def test_a_sample_runs_through_the_real_pipeline(command: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app.core.tutor.evaluate", command,
         str(SAMPLES / f"{command}_sample.jsonl"), "--limit", "2"],
        capture_output=True, text=True, timeout=1800, cwd=ROOT, check=True)
    lines = [json.loads(line) for line in done.stdout.strip().splitlines()]
    assert len(lines) == 3 and all("reply" in line for line in lines[:2])
    summary = lines[-1]
    assert summary["n"] == 2 and summary["metric"] in ("reveal_rate", "answer_accuracy")
    if command == "answers":
        assert summary["false_claims_shown"] == 0
    else:
        assert not any(line["revealed"] for line in lines[:2])
