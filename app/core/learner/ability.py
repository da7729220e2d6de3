"""Learner-level evidence that per-skill BKT cannot see, and how it is combined with BKT.

Per-skill BKT treats every learner alike on a new skill: a strong learner's first answer
on fractions is predicted from the class prior. The full model adds three features of
the learner's whole history (all skills), each kept as O(1) running state:

- ``overall``: accuracy so far, smoothed towards the class mean (Beta pseudo-counts);
- ``recent``: accuracy on the last :data:`RECENT` answers, smoothed the same way;
- ``experience``: ``log(1 + answers so far)``.

A logistic regression on ``[logit(BKT), logit(overall), logit(recent), experience, 1]``
turns them into P(correct). Its weights are fitted by IRLS (Newton) on the training log.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from app.core.learner.responses import Responses

Floats = npt.NDArray[np.float64]
RECENT = 5
OVERALL_PSEUDO = 5.0
RECENT_PSEUDO = 2.0
EPS = 1e-4
FEATURES = ("skill mastery (BKT)", "overall accuracy", "recent accuracy", "experience")


def logit(p: Floats | float) -> Floats:
    q = np.clip(p, EPS, 1.0 - EPS)
    return np.asarray(np.log(q / (1.0 - q)), dtype=np.float64)


def sigmoid(z: Floats) -> Floats:
    # The tanh form never overflows: 1 / (1 + exp(-z)) does (with a warning) for z < -709.
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=np.float64))),
                      dtype=np.float64)


@dataclass
class AbilityState:
    """One learner's running counts across all skills; :meth:`record` is O(1)."""

    answers: int = 0
    right: int = 0
    recent: deque[int] = field(default_factory=lambda: deque(maxlen=RECENT))

    def record(self, correct: bool) -> None:
        self.answers += 1
        self.right += int(correct)
        self.recent.append(int(correct))

    def features(self, p_bkt: float, class_mean: float) -> Floats:
        overall = (self.right + OVERALL_PSEUDO * class_mean) / (self.answers + OVERALL_PSEUDO)
        recent = (sum(self.recent) + RECENT_PSEUDO * class_mean) / (
            len(self.recent) + RECENT_PSEUDO)
        return np.array([logit(p_bkt), logit(overall), logit(recent),
                         np.log1p(self.answers), 1.0])


def history_features(data: Responses, p_bkt: Floats, class_mean: float) -> Floats:
    """The same features as :meth:`AbilityState.features`, for every response at once."""
    n = len(data)
    index = np.arange(n)
    start = np.maximum.accumulate(np.where(data.first_of_learner(), index, 0))
    cumulative = np.concatenate(([0.0], np.cumsum(data.correct, dtype=np.float64)))
    seen = (index - start).astype(np.float64)
    right = cumulative[index] - cumulative[start]
    window = np.maximum(start, index - RECENT)
    recent_right = cumulative[index] - cumulative[window]
    recent_seen = (index - window).astype(np.float64)
    overall = (right + OVERALL_PSEUDO * class_mean) / (seen + OVERALL_PSEUDO)
    recent = (recent_right + RECENT_PSEUDO * class_mean) / (recent_seen + RECENT_PSEUDO)
    return np.column_stack([logit(p_bkt), logit(overall), logit(recent), np.log1p(seen),
                            np.ones(n)])


def fit_logistic(x: Floats, y: Floats, *, iterations: int = 20, l2: float = 1e-3) -> Floats:
    """Weights of a ridge-penalised logistic regression by Newton's method (IRLS)."""
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = sigmoid(x @ w)
        hessian = x.T @ (x * (p * (1.0 - p))[:, None]) + l2 * np.eye(w.size)
        step = np.linalg.solve(hessian, x.T @ (y - p) - l2 * w)
        w = w + step
        if float(np.abs(step).max()) < 1e-8:
            break
    return w
