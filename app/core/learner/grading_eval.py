"""Short-answer grading on real, graded student answers (SemEval-2013 Task 7 XML).

``python -m app.core.learner.grading_eval DIR --labels 2way|3way [--calibrate] [--sample N]``

Reads every question file under ``DIR`` (``DIR/training/2way/…`` when that exists, the
layout of the SemEval release), grades each student answer against the question's
reference answers with the app's own grader (:func:`text_grading.grade_short_text`, the
default embedding model and its calibration) and prints accuracy and macro-F1; the last
line is ``{"metric": "grading_accuracy", "value": X, "macro_f1": Y, "n": N, ...}``.

Labels: 2-way, "correct" against everything else; 3-way adds "contradictory", which the
grader predicts for a non-correct answer that says most of a reference answer's words but
negates it.

``--calibrate`` first fits the grader's :class:`~text_grading.Calibration` for the
embedding model on ``DIR`` (the logistic models' weights, by maximum likelihood, and the
threshold with the best 2-way accuracy) and saves it in ``assets/grading/calibration.json``
under the model's id, with the fitted accuracy and three held-out ones: fitted on one corpus
and measured on the other (Beetle, SciEntsBank), a 5-fold split by question (no question's
answers in both the fitting and the measuring part) and one module left out at a time (no
topic in both: "EM", "LF"… of SciEntsBank, Beetle's circuit modules). ``--model ID`` grades with
another registered embedding model than the default; run ``--calibrate`` again after
changing the embedding model.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.atomic import write_text_atomic
from app.core.learner.answer_features import (
    MEANING_FEATURES,
    WORD_FEATURES,
    Evidence,
    Reading,
    evidence,
)
from app.core.learner.text_grading import (
    Calibration,
    Embedder,
    LogisticModel,
    calibration_file,
    load_calibration,
)
from inference.registry import load_registry

log = logging.getLogger(__name__)
LABELS = {"2way": ("correct", "incorrect"), "3way": ("correct", "contradictory", "incorrect")}


@dataclass(frozen=True)
class Graded:
    """One student answer with its human label, and what the grader needs."""

    question: str  # the question's id
    answer: str
    label: str
    references: tuple[str, ...]
    prompt: str = ""  # the question's text
    corpus: str = ""  # the folder it came from (beetle, sciEntsBank): held-out figures only
    module: str = ""  # the question's topic ("EM", "FaultFinding"): held-out figures only

    def reading(self) -> Reading:
        return Reading(self.answer, self.references, self.prompt)


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
    prompt = (root.findtext("questionText") or "").strip()
    for student in root.iter("studentAnswer"):
        text = (student.text or "").strip()
        if text:
            yield Graded(root.get("id", path.stem), text, student.get("accuracy", "").lower(),
                         references, prompt, path.parent.name, root.get("module", ""))


def load(root: Path, labels: str, sample: int | None = None) -> list[Graded]:
    answers = [a for path in question_files(root, labels) for a in read_answers(path)]
    return answers[::max(1, len(answers) // sample)][:sample] if sample else answers


Features = list[Evidence]  # per answer


def features(answers: Sequence[Graded], embedder: Embedder) -> Features:
    """The grader's features of every answer, each distinct text embedded once."""
    readings = [a.reading() for a in answers]
    texts = sorted({t for r in readings for t in r.texts()})
    vectors = np.asarray(embedder.embed(texts), dtype=np.float64)
    index = {t: i for i, t in enumerate(texts)}
    return [evidence(r, vectors[[index[t] for t in r.texts()]]) for r in readings]


def predict(f: Features, calibration: Calibration, labels: str) -> list[str]:
    correct = [calibration.probability(e.values, e.agreement) >= calibration.correct_at
               for e in f]
    if labels == "2way":
        return ["correct" if c else "incorrect" for c in correct]
    return ["correct" if c else "contradictory" if _contradicts(e.values) else "incorrect"
            for c, e in zip(correct, f, strict=True)]


def _contradicts(values: dict[str, float]) -> bool:
    return values.get("negation_mismatch", 0.0) > 0 and values.get("recall", 0.0) >= 0.5


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


def _matrix(f: Features, names: Sequence[str]) -> npt.NDArray[np.float64]:
    return np.array([[e.values[n] for n in names] for e in f],
                    dtype=np.float64).reshape(-1, len(names))


# How strongly the agreement weights are pulled to 0 (L2 on standardised features, per
# answer). Of 0.5, 1, 2 and 4, the strongest whose accuracy on questions left out is within
# half a point of the best (docs/tutor.md): weaker, the weights learn the training
# questions' own topics, which say nothing of a pack's questions.
AGREEMENT_L2 = 1.0


def fit_logistic(x: npt.NDArray[np.float64], y: npt.NDArray[np.bool_],
                 names: Sequence[str], l2: float = 1e-3,
                 agreement: npt.NDArray[np.float64] | None = None) -> LogisticModel:
    """Maximum likelihood (Newton steps) with L2 on standardised features: a little on the
    named features ``x``, :data:`AGREEMENT_L2` on the ``agreement`` vectors (one row each)."""
    extra = agreement if agreement is not None else np.zeros((len(x), 0))
    both = np.column_stack([x, extra])
    mean, scale = both.mean(axis=0), both.std(axis=0).clip(min=1e-9)
    z = np.column_stack([(both - mean) / scale, np.ones(len(both))])
    w = np.zeros(z.shape[1])
    shrink = [*np.full(len(names), l2), *np.full(extra.shape[1], AGREEMENT_L2), 0.0]
    penalty = len(x) * np.diag(shrink)  # the bias is not shrunk
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -60, 60)))
        step = np.linalg.solve((z * (p * (1 - p))[:, None]).T @ z + penalty,
                               z.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[:-1] / scale  # back to the features' own units: the app needs no scaler
    named, agrees = weights[:len(names)], weights[len(names):]
    return LogisticModel({n: round(float(v), 4) for n, v in zip(names, named, strict=True)},
                         round(float(w[-1] - weights @ mean), 4),
                         tuple(float(f"{v:.5g}") for v in agrees))


def calibrate(f: Features, truth: Sequence[str]) -> Calibration:
    """Both models fitted on these answers, and the threshold with the best accuracy."""
    y = np.array([t == "correct" for t in truth])
    has_words = np.array([e.agreement is not None for e in f])
    word_rows = [e for e, w in zip(f, has_words, strict=True) if w]
    words = (fit_logistic(_matrix(word_rows, WORD_FEATURES), y[has_words], WORD_FEATURES,
                          agreement=np.array([e.agreement for e in word_rows]))
             if word_rows else Calibration().words)
    meaning = fit_logistic(_matrix(f, MEANING_FEATURES), y, MEANING_FEATURES)
    fitted = Calibration(words, meaning)
    p = np.array([fitted.probability(e.values, e.agreement) for e in f])
    # The best accuracy; of equals, the threshold nearest 0.5 (the likelihood's own).
    _, _, correct_at = max((float(np.mean((p >= t) == y)), -abs(t - 0.5), round(float(t), 2))
                           for t in np.arange(0.3, 0.701, 0.01))
    return Calibration(words, meaning, correct_at, round(correct_at * 0.7, 2))


def held_out(answers: Sequence[Graded], f: Features) -> dict[str, float]:
    """2-way accuracy measured on answers the calibration was not fitted on."""
    truth = np.array(gold(list(answers), "2way"))
    corpus = np.array([a.corpus for a in answers])
    result: dict[str, float] = {}
    for fit_on in sorted(set(corpus)):
        rest = corpus != fit_on
        if rest.any() and (~rest).any():
            result[f"fitted_on_{fit_on}"] = _accuracy_apart(f, truth, ~rest, rest)
    questions = sorted({a.question for a in answers})
    fold_of = {q: i % 5 for i, q in enumerate(np.random.default_rng(0).permutation(questions))}
    splits: dict[str, list[object]] = {"by_question_5_fold": [fold_of[a.question] for a in answers],
                                       "by_module": [a.module for a in answers]}
    for name, groups in splits.items():
        if len(set(groups)) > 1:
            result[name] = _accuracy_by_group(f, truth, np.array(groups))
    return result


def _accuracy_by_group(f: Features, truth: npt.NDArray[np.str_],
                       groups: npt.NDArray[Any]) -> float:
    """Each group measured with a calibration fitted on all the others."""
    right = sum(_accuracy_apart(f, truth, groups != g, groups == g) * np.sum(groups == g)
                for g in sorted(set(groups)))
    return round(float(right) / len(truth), 4)


def _accuracy_apart(f: Features, truth: npt.NDArray[np.str_], fit: npt.NDArray[np.bool_],
                    measure: npt.NDArray[np.bool_]) -> float:
    calibration = calibrate([v for v, k in zip(f, fit, strict=True) if k], list(truth[fit]))
    predicted = predict([v for v, k in zip(f, measure, strict=True) if k], calibration, "2way")
    return round(float(np.mean(np.array(predicted) == truth[measure])), 4)


def save_calibration(model_id: str, calibration: Calibration, result: dict[str, Any],
                     apart: dict[str, float]) -> None:
    path = calibration_file()
    try:
        entries = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        entries = {}
    entries[model_id] = {"calibration": calibration.to_json(),
                         "fitted_on": {k: result[k] for k in ("value", "macro_f1", "n")},
                         "held_out": apart}
    write_text_atomic(path, json.dumps(entries, indent=2, sort_keys=True) + "\n")


def default_embedder(model_id: str | None = None) -> tuple[str, Embedder]:
    """The app's default embedder (or ``model_id``), loaded as the app loads it (CPU)."""
    from inference.loader import load_cpu_embed  # ONNX Runtime: only when grading

    model_id = model_id or load_registry().default("embed").id
    return model_id, load_cpu_embed(model_id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.core.learner.grading_eval",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--labels", choices=sorted(LABELS), default="2way")
    parser.add_argument("--calibrate", action="store_true",
                        help="fit and save the calibration for the embedding model")
    parser.add_argument("--model", help="a registered embedding model (default: the app's)")
    parser.add_argument("--sample", type=int, help="only N answers, spread over the files")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        answers = load(args.dir, args.labels, args.sample)
    except (OSError, ET.ParseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    model_id, embedder = default_embedder(args.model)
    f = features(answers, embedder)
    truth = gold(answers, args.labels)
    if args.calibrate:
        calibration = calibrate(f, gold(answers, "2way"))
        result = figures(gold(answers, "2way"), predict(f, calibration, "2way"), "2way")
        apart = held_out(answers, f)
        save_calibration(model_id, calibration, result, apart)
        print(json.dumps({"calibrated": model_id, **calibration.to_json(), "fitted": result,
                          "held_out": apart}))
    result = figures(truth, predict(f, load_calibration(model_id), args.labels), args.labels)
    print(json.dumps({**result, "embed_model": model_id}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
