"""Short-answer grading on real, graded student answers (SemEval-2013 Task 7 XML).

``python -m app.core.learner.grading_eval DIR --labels 2way|3way [--calibrate] [--sample N]``

Reads every question file under ``DIR`` (``DIR/training/2way/…`` when that exists, the
layout of the SemEval release), grades each student answer against the question's
reference answers with the app's own grader (:func:`text_grading.grade_short_text`, the
default embedding model and its calibration) and prints accuracy and macro-F1; the last
line is ``{"metric": "grading_accuracy", "value": X, "macro_f1": Y, "n": N, ...}``.

Labels: 2-way, "correct" against everything else; 3-way adds "contradictory", which the
grader predicts for a non-correct answer that shares most of a reference answer's words
but negates it.

``--calibrate`` first fits the grader's :class:`~text_grading.Calibration` for the
default embedding model on ``DIR`` (a grid search for the best 2-way accuracy) and saves
it in ``assets/grading/calibration.json`` under the model's id: run it again after
changing the embedding model.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.atomic import write_text_atomic
from app.core.learner.text_grading import (
    NEGATIONS,
    Calibration,
    Embedder,
    calibration_file,
    load_calibration,
    reference_coverage,
    score_parts,
)
from inference.registry import load_registry

log = logging.getLogger(__name__)
LABELS = {"2way": ("correct", "incorrect"), "3way": ("correct", "contradictory", "incorrect")}


@dataclass(frozen=True)
class Graded:
    """One student answer with its human label, and what the grader needs."""

    question: str
    answer: str
    label: str
    references: tuple[str, ...]


def question_files(root: Path, labels: str) -> list[Path]:
    for candidate in (root / "training" / labels, root / labels, root):
        if candidate.is_dir() and any(candidate.rglob("*.xml")):
            return sorted(candidate.rglob("*.xml"))
    raise FileNotFoundError(f"no SemEval question files (*.xml) under {root}")


def read_answers(path: Path) -> Iterator[Graded]:
    root = ET.parse(path).getroot()
    references = tuple((r.text or "").strip() for r in root.iter("referenceAnswer")
                       if (r.text or "").strip())
    if not references:
        return
    for student in root.iter("studentAnswer"):
        text = (student.text or "").strip()
        if text:
            yield Graded(root.get("id", path.stem), text,
                         student.get("accuracy", "").lower(), references)


def load(root: Path, labels: str, sample: int | None = None) -> list[Graded]:
    answers = [a for path in question_files(root, labels) for a in read_answers(path)]
    return answers[::max(1, len(answers) // sample)][:sample] if sample else answers


@dataclass
class Features:
    """Per answer: best cosine with a reference, reference-word coverage, negation."""

    similarity: np.ndarray
    coverage: np.ndarray
    negates: np.ndarray


def features(answers: list[Graded], embedder: Embedder) -> Features:
    texts = sorted({a.answer for a in answers} | {r for a in answers for r in a.references})
    index = {t: i for i, t in enumerate(texts)}
    vectors = np.asarray(embedder.embed(texts), dtype=np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-12)
    sims = [max(float(vectors[index[a.answer]] @ vectors[index[r]]) for r in a.references)
            for a in answers]
    coverage = [reference_coverage(a.answer, a.references) for a in answers]
    negates = [_negates(a) for a in answers]
    return Features(np.array(sims), np.array(coverage), np.array(negates))


def _negates(answer: Graded) -> bool:
    words = set(answer.answer.lower().replace("n't", " not").split())
    said = bool(words & NEGATIONS)
    return any(said != bool(set(r.lower().replace("n't", " not").split()) & NEGATIONS)
               for r in answer.references)


def predict(f: Features, calibration: Calibration, labels: str) -> list[str]:
    scores = score_parts_array(f, calibration)
    correct = scores >= calibration.correct_at
    if labels == "2way":
        return ["correct" if c else "incorrect" for c in correct]
    contradicts = ~correct & f.negates & (f.coverage >= 0.5)
    return ["correct" if c else "contradictory" if x else "incorrect"
            for c, x in zip(correct, contradicts, strict=True)]


def score_parts_array(f: Features, calibration: Calibration) -> np.ndarray:
    return np.array([score_parts(s, c, calibration)
                     for s, c in zip(f.similarity, f.coverage, strict=True)])


def gold(answers: list[Graded], labels: str) -> list[str]:
    if labels == "2way":
        return ["correct" if a.label == "correct" else "incorrect" for a in answers]
    return [a.label if a.label in ("correct", "contradictory") else "incorrect"
            for a in answers]


def macro_f1(truth: list[str], predicted: list[str], classes: tuple[str, ...]) -> float:
    scores = []
    for cls in classes:
        tp = sum(t == p == cls for t, p in zip(truth, predicted, strict=True))
        fp = sum(p == cls != t for t, p in zip(truth, predicted, strict=True))
        fn = sum(t == cls != p for t, p in zip(truth, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def figures(truth: list[str], predicted: list[str], labels: str) -> dict[str, Any]:
    n = len(truth)
    majority = max(truth.count(c) for c in set(truth)) / n if n else 0.0
    return {"metric": "grading_accuracy",
            "value": round(sum(t == p for t, p in zip(truth, predicted, strict=True)) / n, 4),
            "macro_f1": round(macro_f1(truth, predicted, LABELS[labels]), 4), "n": n,
            "labels": labels, "majority_baseline": round(majority, 4)}


def calibrate(f: Features, truth: list[str]) -> Calibration:
    """The calibration with the best 2-way accuracy on these answers (grid search)."""
    y = np.array([t == "correct" for t in truth])
    best, best_accuracy = load_calibration(None), -1.0
    for floor, span, weight in itertools.product(np.arange(0.1, 0.65, 0.05),
                                                 (0.2, 0.3, 0.4, 0.5),
                                                 np.arange(0.0, 1.01, 0.1)):
        trial = Calibration(float(floor), float(floor + span), 0.5, 0.25, float(weight))
        scores = score_parts_array(f, trial)
        for threshold in np.arange(0.2, 0.95, 0.025):
            accuracy = float(np.mean((scores >= threshold) == y))
            if accuracy > best_accuracy:
                best_accuracy = accuracy
                best = Calibration(round(float(floor), 3), round(float(floor + span), 3),
                                   round(float(threshold), 3), round(float(threshold) / 2, 3),
                                   round(float(weight), 2))
    return best


def save_calibration(model_id: str, calibration: Calibration, result: dict[str, Any]) -> None:
    path = calibration_file()
    try:
        entries = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        entries = {}
    entries[model_id] = {"calibration": asdict(calibration),
                         "fitted_on": {k: result[k] for k in ("value", "macro_f1", "n")}}
    write_text_atomic(path, json.dumps(entries, indent=2, sort_keys=True) + "\n")


def default_embedder() -> tuple[str, Embedder]:
    """The app's default embedder, loaded as the app loads it (on the CPU)."""
    from inference.loader import load_cpu_embed  # ONNX Runtime: only when grading

    return load_registry().default("embed").id, load_cpu_embed()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.core.learner.grading_eval",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--labels", choices=sorted(LABELS), default="2way")
    parser.add_argument("--calibrate", action="store_true",
                        help="fit and save the calibration for the default embedding model")
    parser.add_argument("--sample", type=int, help="only N answers, spread over the files")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        answers = load(args.dir, args.labels, args.sample)
    except (OSError, ET.ParseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    model_id, embedder = default_embedder()
    f = features(answers, embedder)
    truth = gold(answers, args.labels)
    if args.calibrate:
        calibration = calibrate(f, gold(answers, "2way"))
        result = figures(gold(answers, "2way"), predict(f, calibration, "2way"), "2way")
        save_calibration(model_id, calibration, result)
        print(json.dumps({"calibrated": model_id, **asdict(calibration)}))
    result = figures(truth, predict(f, load_calibration(model_id), args.labels), args.labels)
    print(json.dumps({**result, "embed_model": model_id}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
