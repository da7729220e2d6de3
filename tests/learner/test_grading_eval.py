# ruff: noqa: E501  (a SemEval file as it is written)
"""Short-answer grading measured on SemEval-2013 Task 7 files, and its calibration."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from app.core.learner import grading_eval
from app.core.learner.grading import Verdict
from app.core.learner.text_grading import (
    DEFAULT,
    Calibration,
    grade_short_text,
    load_calibration,
    reference_coverage,
)
from inference.embed import EmbedEngine

QUESTION = """<?xml version="1.0"?>
<question id="EM_45b" module="EM">
  <questionText>How did you separate the salt from the water?</questionText>
  <referenceAnswers>
    <referenceAnswer id="EM_45b-a1">The water was evaporated, leaving the salt.</referenceAnswer>
  </referenceAnswers>
  <studentAnswers>
    <studentAnswer id="1" accuracy="incorrect">By letting it sit in a dish for a day.</studentAnswer>
    <studentAnswer id="2" accuracy="correct">Let the water evaporate and the salt is left behind.</studentAnswer>
    <studentAnswer id="3" accuracy="correct">The water evaporated and left salt crystals.</studentAnswer>
    <studentAnswer id="4" accuracy="contradictory">The salt was evaporated, leaving the water.</studentAnswer>
    <studentAnswer id="5" accuracy="incorrect">I saw a pinkish grayish color.</studentAnswer>
  </studentAnswers>
</question>
"""


@pytest.fixture
def semeval(tmp_path: Path) -> Path:
    folder = tmp_path / "training" / "2way" / "sciEntsBank"
    folder.mkdir(parents=True)
    (folder / "EM-post-45b.xml").write_text(QUESTION.replace('"contradictory"', '"incorrect"'),
                                            "utf-8")
    three = tmp_path / "training" / "3way" / "sciEntsBank"
    three.mkdir(parents=True)
    (three / "EM-post-45b.xml").write_text(QUESTION, "utf-8")
    return tmp_path


def test_the_files_are_read_with_their_labels(semeval: Path) -> None:
    answers = grading_eval.load(semeval, "3way")
    assert [a.label for a in answers] == ["incorrect", "correct", "correct", "contradictory",
                                          "incorrect"]
    assert grading_eval.gold(answers, "2way").count("correct") == 2


def test_reference_words_count_what_the_answer_says() -> None:
    references = ["The water was evaporated, leaving the salt."]
    assert reference_coverage("the water evaporates and leaves salt", references) == 1.0
    assert reference_coverage("a pinkish color", references) == 0.0


def test_a_missing_calibration_is_the_default(tmp_path: Path) -> None:
    assert load_calibration("no-such-model", tmp_path / "none.json") == DEFAULT
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps({"m": {"calibration": {"sim_floor": 0.2, "sim_full": 0.6,
                                                      "correct_at": 0.5, "partial_at": 0.25,
                                                      "rubric_weight": 0.3}}}), "utf-8")
    assert load_calibration("m", path) == Calibration(0.2, 0.6, 0.5, 0.25, 0.3)


def test_the_pruned_default_embedder_uses_its_parent_s_calibration(tmp_path: Path) -> None:
    # Its vectors are the parent's on English and Chinese text (tests/inference/
    # test_vocab_prune.py), so the fit on the parent is its fit; its own entry would win.
    fitted = {"sim_floor": 0.6, "sim_full": 1.1, "correct_at": 0.4, "partial_at": 0.2,
              "rubric_weight": 0.7}
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps({"use-multilingual-v3-int8": {"calibration": fitted}}), "utf-8")
    assert load_calibration("use-multilingual-v3-int8-en-zh", path) == Calibration(**fitted)
    own = dict(fitted, correct_at=0.5)
    path.write_text(json.dumps({"use-multilingual-v3-int8": {"calibration": fitted},
                                "use-multilingual-v3-int8-en-zh": {"calibration": own}}),
                    "utf-8")
    assert load_calibration("use-multilingual-v3-int8-en-zh", path) == Calibration(**own)
    assert load_calibration("use-multilingual-v3-int8-en-zh") == load_calibration(
        "use-multilingual-v3-int8")  # the committed file


def test_macro_f1_and_majority() -> None:
    truth = ["correct", "incorrect", "incorrect", "incorrect"]
    result = grading_eval.figures(truth, ["correct", "incorrect", "correct", "incorrect"],
                                  "2way")
    assert result["value"] == 0.75 and result["majority_baseline"] == 0.75
    assert result["macro_f1"] == pytest.approx((2 / 3 + 0.8) / 2, abs=1e-4)


@pytest.mark.slow
def test_the_evaluation_grades_as_the_app_does(semeval: Path, embed_engine: EmbedEngine,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    answers = grading_eval.load(semeval, "2way")
    features = grading_eval.features(answers, embed_engine)
    calibration = Calibration(0.3, 0.7, 0.5, 0.25, 0.5)
    predicted = grading_eval.predict(features, calibration, "2way")
    for answer, label in zip(answers, predicted, strict=True):
        grade = grade_short_text(embed_engine, answer.answer, references=answer.references,
                                 calibration=calibration)
        assert (grade.verdict is Verdict.CORRECT) == (label == "correct"), answer.answer
    truth = np.array([a.label == "correct" for a in answers])
    fitted = grading_eval.calibrate(features, grading_eval.gold(answers, "2way"))

    def accuracy(c: Calibration) -> float:
        return float(np.mean((grading_eval.score_parts_array(features, c) >= c.correct_at)
                             == truth))

    assert accuracy(fitted) >= max(accuracy(DEFAULT), 0.8)
    assert grading_eval.main([str(semeval), "--labels", "3way"]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last["metric"] == "grading_accuracy" and last["n"] == 5 and "macro_f1" in last
