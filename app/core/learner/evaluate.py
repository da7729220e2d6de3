"""Next-answer evaluation of the learner models on a real response log.

``python -m app.core.learner.evaluate --train FILE --test FILE --format pykt|3line
[--sample N] [--json]`` fits every model on the training file and scores P(correct) for
each test answer from the answers before it. As in pyKT, each test learner's first
answer is not scored (there is nothing to predict it from), so the AUC sits beside
pyKT's published figures on the same files.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from app.core.learner.fit import Floats, fit_bkt, predict
from app.core.learner.model import LearnerModel
from app.core.learner.responses import ResponseFormatError, Responses, load

log = logging.getLogger(__name__)
PYKT_DKT_AUC = 0.7271  # pyKT (NeurIPS 2022), DKT on exactly these assist2015 files


@dataclass(frozen=True)
class Score:
    """One model's next-answer figures on the test set."""

    model: str
    auc: float
    rmse: float
    log_loss: float
    fit_s: float


def auc(y: Floats, p: Floats) -> float:
    """Area under the ROC curve by the rank-sum formula; ties get their mean rank."""
    order = np.argsort(p, kind="mergesort")
    ranks = np.empty(p.size)
    sorted_p = p[order]
    _, first, counts = np.unique(sorted_p, return_index=True, return_counts=True)
    mean_rank = first + (counts + 1) / 2.0
    ranks[order] = np.repeat(mean_rank, counts)
    positives = float(y.sum())
    negatives = float(y.size) - positives
    if positives == 0 or negatives == 0:
        raise ValueError("AUC needs both right and wrong answers in the test set")
    return float((ranks[y == 1].sum() - positives * (positives + 1) / 2) /
                 (positives * negatives))


def rmse(y: Floats, p: Floats) -> float:
    return float(np.sqrt(np.mean((y - p) ** 2)))


def log_loss(y: Floats, p: Floats) -> float:
    q = np.clip(p, 1e-7, 1 - 1e-7)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def _score(name: str, test: Responses, p: Floats, fit_s: float) -> Score:
    keep = ~test.first_of_learner()
    y = test.correct[keep].astype(np.float64)
    return Score(name, auc(y, p[keep]), rmse(y, p[keep]), log_loss(y, p[keep]), fit_s)


def evaluate(train: Responses, test: Responses) -> list[Score]:
    """Fit and score the constant baseline, standard BKT, BKT+forgetting, the full model."""
    test = test.with_vocabulary(train.skill_names)
    scores = [_score("constant baseline", test,
                     np.full(len(test), float(train.correct.mean())), 0.0)]
    for name, forgetting in (("standard BKT", False), ("BKT + forgetting", True)):
        start = time.perf_counter()
        fitted = fit_bkt(train, forgetting=forgetting)
        seconds = time.perf_counter() - start
        scores.append(_score(name, test, predict(test, fitted.params), seconds))
    start = time.perf_counter()
    model = LearnerModel.fit(train)
    scores.append(_score("full model", test, model.predict(test),
                         time.perf_counter() - start))
    return scores


def run(train_path: Path, test_path: Path, fmt: str, sample: int | None) -> list[Score]:
    train, test = load(train_path, fmt), load(test_path, fmt)
    if sample is not None:
        train, test = train.take_learners(sample), test.take_learners(sample)
    log.info("evaluating on %d training and %d test answers", len(train), len(test))
    return evaluate(train, test)


def _table(scores: list[Score]) -> str:
    lines = [f"{'model':<20} {'AUC':>7} {'RMSE':>7} {'logloss':>8} {'fit s':>7}"]
    lines += [f"{s.model:<20} {s.auc:7.4f} {s.rmse:7.4f} {s.log_loss:8.4f} {s.fit_s:7.1f}"
              for s in scores]
    lines.append(f"{'pyKT DKT (published)':<20} {PYKT_DKT_AUC:7.4f} {'':>7} {'':>8}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.core.learner.evaluate",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, required=True)
    parser.add_argument("--test", type=Path, required=True)
    parser.add_argument("--format", choices=("pykt", "3line"), default="pykt")
    parser.add_argument("--sample", type=int, help="use only the first N learners of each")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        scores = run(args.train, args.test, args.format, args.sample)
    except (ResponseFormatError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps([asdict(s) for s in scores]) if args.json else _table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
