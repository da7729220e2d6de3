# ruff: noqa: E501  (a SemEval file as it is written)
"""Short-answer grading measured on SemEval-2013 Task 7 files, and its calibration."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from app.core.learner import grading_eval
from app.core.learner.answer_features import (
    MEANING_FEATURES,
    WORD_FEATURES,
    Reading,
    agreement,
    features,
)
from app.core.learner.grading import Verdict
from app.core.learner.text_grading import (
    DEFAULT,
    Calibration,
    LogisticModel,
    calibration_file,
    grade_short_text,
    load_calibration,
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
    assert answers[0].prompt == "How did you separate the salt from the water?"
    assert answers[0].corpus == "sciEntsBank"
    assert grading_eval.gold(answers, "2way").count("correct") == 2


class Fixed:
    """Embeddings that make every cosine 1: only the word features vary."""

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 4), dtype=np.float32)


def word_features(answer: str, question: str = "") -> dict[str, float]:
    reading = Reading(answer, ("The water was evaporated, leaving the salt.",), question)
    return features(reading, Fixed().embed(reading.texts()))


def test_reference_words_count_what_the_answer_says() -> None:
    assert word_features("the water evaporates and leaves salt")["recall"] == 1.0
    assert word_features("a pinkish color")["recall"] == 0.0
    assert word_features("the water was evaperated")["recall"] == 0.5  # a typo still counts
    assert word_features("the salt evaporated leaving the water")["pair_recall"] < 1.0


def test_the_questions_words_are_no_evidence() -> None:
    question = "How did you separate the salt from the water?"
    echo = word_features("I separated the salt from the water", question)
    assert echo["only_question"] == 1.0 and echo["recall"] == 0.0
    # Of "The water was evaporated, leaving the salt." only "evaporated" and "leaving" count.
    assert word_features("the water evaporated", question)["recall"] == 0.5
    said = word_features("it evaporated, leaving it behind", question)
    assert said["only_question"] == 0.0 and said["recall"] == 1.0
    demoted = Reading("The salt stays behind.", ("x",), question).texts()[-2]
    assert demoted == "the stays behind"  # what the embedding model sees as well


def test_negation_against_the_reference() -> None:
    assert word_features("the water was not evaporated")["negated_word"] > 0
    assert word_features("the water was not evaporated")["negation_mismatch"] == 1.0
    assert word_features("the water was evaporated")["negation_mismatch"] == 0.0


def test_text_without_spaces_is_graded_by_meaning() -> None:
    reading = Reading("水蒸发了，留下了盐。", ("水被蒸发，留下盐。",), "你怎么把盐和水分开？")
    values = features(reading, Fixed().embed(reading.texts()))
    assert set(values) == set(MEANING_FEATURES)
    assert agreement(reading, Fixed().embed(reading.texts())) is None
    assert DEFAULT.probability(values) == DEFAULT.meaning.probability(values)
    fitted = load_calibration("use-multilingual-v3-int8")
    assert fitted.probability(values) == fitted.meaning.probability(values)  # no vector asked


def test_agreement_compares_the_demoted_answer_with_the_closest_demoted_reference() -> None:
    reading = Reading("salt stays", ("water evaporates", "salt is left"), "How?")
    # Rows in texts() order: answer, question, two references, then the demoted three.
    vectors = np.array([[9, 9, 9], [9, 9, 9], [9, 9, 9], [9, 9, 9],
                        [1, 0, 0],  # the demoted answer
                        [0, 1, 0],  # the first demoted reference: far
                        [3, 1, 0]], dtype=np.float64)  # the second: closest
    closest = np.array([3, 1, 0]) / np.sqrt(10)
    assert agreement(reading, vectors) == pytest.approx(
        np.concatenate([[1, 0, 0] * closest, np.abs([1, 0, 0] - closest)]))


def test_agreement_weights_are_read_with_their_vector() -> None:
    model = LogisticModel({"similarity": 1.0}, -1.0, (2.0, -1.0))
    assert model.probability({"similarity": 1.0}, [0.5, 1.0]) == 0.5  # -1 + 1 + 1 - 1 = 0
    assert LogisticModel.from_json(model.to_json(), ("similarity",)) == model
    with pytest.raises(ValueError, match="2 numbers"):
        model.probability({"similarity": 1.0})  # weights fitted on vectors, given none
    with pytest.raises(ValueError, match="2 numbers"):
        model.probability({"similarity": 1.0}, [0.5, 1.0, 0.0])  # another model's vectors
    assert "agreement" not in LogisticModel({"similarity": 1.0}, 0.0).to_json()


def test_a_missing_calibration_is_the_default(tmp_path: Path) -> None:
    assert load_calibration("no-such-model", tmp_path / "none.json") == DEFAULT
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps({"old": {"calibration": {"sim_floor": 0.2, "correct_at": 0.5}},
                                "m": {"calibration": DEFAULT.to_json()}}), "utf-8")
    assert load_calibration("old", path) == DEFAULT  # an older format: the default
    assert load_calibration("m", path) == DEFAULT


def test_the_app_has_a_calibration_for_every_embedding_model() -> None:
    from inference.registry import load_registry

    for spec in (m for m in load_registry().models if m.role == "embed"):
        fitted = load_calibration(spec.id)
        assert fitted != DEFAULT, spec.id
        assert set(fitted.words.weights) == set(WORD_FEATURES)
        assert len(fitted.words.agreement) == 2 * (spec.dimension or 0) and not fitted.meaning.agreement
        assert 0 < fitted.partial_at < fitted.correct_at < 1


def test_fitting_finds_the_rule_in_the_features() -> None:
    rng = np.random.default_rng(1)
    x = rng.uniform(0, 1, (400, 2))
    y = x[:, 0] + 0.2 * rng.normal(size=400) > 0.5
    model = grading_eval.fit_logistic(x, y, ("similarity", "recall"))
    assert model.weights["similarity"] > 3 and abs(model.weights["recall"]) < 1
    assert isinstance(model, LogisticModel) and not model.agreement
    assert model.probability({"similarity": 0.9, "recall": 0.5}) > 0.8
    # A rule in one number of the agreement vector is found there, not in the noise (the
    # weights are pulled hard to 0, so they are compared, not read as they are).
    vectors = rng.uniform(0, 1, (400, 3))
    y = vectors[:, 1] + 0.2 * rng.normal(size=400) > 0.5
    model = grading_eval.fit_logistic(x, y, ("similarity", "recall"), agreement=vectors)
    assert model.agreement[1] > 5 * max(abs(model.agreement[0]), abs(model.agreement[2]))
    plain = {"similarity": 0.5, "recall": 0.5}
    assert (model.probability(plain, [0.5, 0.9, 0.5]) > 0.6
            > 0.4 > model.probability(plain, [0.5, 0.1, 0.5]))


def test_the_pruned_default_embedder_uses_its_parent_s_calibration(tmp_path: Path) -> None:
    # Its vectors are the parent's on English and Chinese text (tests/inference/
    # test_vocab_prune.py), so the fit on the parent is its fit; its own entry would win.
    committed = json.loads(calibration_file().read_text("utf-8"))
    fitted = committed["use-multilingual-v3-int8"]["calibration"]
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps({"use-multilingual-v3-int8": {"calibration": fitted}}), "utf-8")
    assert load_calibration("use-multilingual-v3-int8-en-zh", path) == Calibration.from_json(
        fitted)
    own = dict(fitted, correct_at=0.5)
    path.write_text(json.dumps({"use-multilingual-v3-int8": {"calibration": fitted},
                                "use-multilingual-v3-int8-en-zh": {"calibration": own}}),
                    "utf-8")
    assert load_calibration("use-multilingual-v3-int8-en-zh", path) == Calibration.from_json(
        own)
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
    truth = grading_eval.gold(answers, "2way")
    fitted = grading_eval.calibrate(features, truth)
    for calibration in (DEFAULT, fitted):
        predicted = grading_eval.predict(features, calibration, "2way")
        for answer, label in zip(answers, predicted, strict=True):
            grade = grade_short_text(embed_engine, answer.answer, references=answer.references,
                                     question=answer.prompt, calibration=calibration)
            assert (grade.verdict is Verdict.CORRECT) == (label == "correct"), answer.answer

    def accuracy(c: Calibration) -> float:
        return float(np.mean(np.array(grading_eval.predict(features, c, "2way")) ==
                             np.array(truth)))

    assert accuracy(fitted) >= max(accuracy(DEFAULT), 0.8)
    assert grading_eval.main([str(semeval), "--labels", "3way"]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last["metric"] == "grading_accuracy" and last["n"] == 5 and "macro_f1" in last
