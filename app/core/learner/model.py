"""The full learner model: BKT with forgetting per skill, plus the learner's own history.

Typical use in the app (all O(1) per answer, no Qt, safe on the db lane)::

    model = LearnerModel.fit(responses)          # or LearnerModel.default()
    state = model.new_state()                    # one per learner, persisted as JSON
    p = model.p_correct(state, "fractions.equivalent")
    model.record(state, "fractions.equivalent", correct=True)
    state.mastery("fractions.equivalent")        # P(known) for the progress page

A teacher refits from the class's local history with :meth:`LearnerModel.fit` on
:func:`app.core.learner.responses.from_attempts`; nothing leaves the laptop.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from app.core.learner import bkt
from app.core.learner.ability import (
    AbilityState,
    fit_logistic,
    history_features,
    sigmoid,
)
from app.core.learner.bkt import DEFAULT_PARAMS, BKTParams
from app.core.learner.fit import Floats, Progress, fit_bkt, predict
from app.core.learner.responses import Responses
from inference.cancel import CancelToken

# Weights that reproduce plain BKT: used before any fit (no class history yet).
PLAIN_BKT_WEIGHTS = (1.0, 0.0, 0.0, 0.0, 0.0)
FORMAT_VERSION = 1


@dataclass
class LearnerState:
    """One learner's model state: P(known) per skill and running history counts.

    ``p_known[skill]`` is P(known) *before* the next answer; a skill never answered is
    absent and starts at its ``prior``.
    """

    p_known: dict[str, float] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)
    ability: AbilityState = field(default_factory=AbilityState)

    def to_dict(self) -> dict[str, Any]:
        return {"p_known": self.p_known, "attempts": self.attempts,
                "answers": self.ability.answers, "right": self.ability.right,
                "recent": list(self.ability.recent)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LearnerState:
        ability = AbilityState(int(data["answers"]), int(data["right"]))
        ability.recent.extend(int(v) for v in data["recent"])
        return cls(dict(data["p_known"]), dict(data["attempts"]), ability)


@dataclass(frozen=True)
class LearnerModel:
    """Fitted parameters: BKT per skill and the logistic weights that combine features.

    Attributes:
        params: BKT parameters per skill id; others use ``default``.
        weights: five logistic weights (see :mod:`app.core.learner.ability`).
        class_mean: the class's share of right answers, for smoothing.
    """

    params: dict[str, BKTParams]
    weights: tuple[float, ...] = PLAIN_BKT_WEIGHTS
    class_mean: float = 0.7
    default: BKTParams = DEFAULT_PARAMS

    @classmethod
    def fit(cls, data: Responses, *, cancel: CancelToken | None = None,
            progress: Progress | None = None) -> LearnerModel:
        """Fit BKT with forgetting by EM, then the combining weights, on ``data``."""
        fitted = fit_bkt(data, forgetting=True, cancel=cancel, progress=progress)
        class_mean = float(data.correct.mean()) if len(data) else 0.7
        features = history_features(data, predict(data, fitted.params), class_mean)
        weights = fit_logistic(features, data.correct.astype(np.float64))
        return cls(fitted.params, tuple(float(w) for w in weights), class_mean)

    def skill_params(self, skill: str) -> BKTParams:
        return self.params.get(skill, self.default)

    def new_state(self) -> LearnerState:
        return LearnerState()

    def mastery(self, state: LearnerState, skill: str) -> float:
        """P(the learner knows ``skill``) now."""
        return state.p_known.get(skill, self.skill_params(skill).prior)

    def p_correct(self, state: LearnerState, skill: str) -> float:
        """P(the next answer on ``skill`` is right), from all the learner's evidence."""
        p = bkt.p_correct(self.mastery(state, skill), self.skill_params(skill))
        x = state.ability.features(p, self.class_mean)
        return float(sigmoid(np.dot(np.asarray(self.weights), x)))

    def record(self, state: LearnerState, skill: str, correct: bool) -> None:
        """Consume one graded answer. O(1): a few multiplications and counters."""
        params = self.skill_params(skill)
        state.p_known[skill] = bkt.update(self.mastery(state, skill), correct, params)
        state.attempts[skill] = state.attempts.get(skill, 0) + 1
        state.ability.record(correct)

    def predict(self, data: Responses) -> Floats:
        """P(correct) for every response of ``data`` from the answers before it."""
        p_bkt = predict(data, self.params)
        features = history_features(data, p_bkt, self.class_mean)
        return sigmoid(features @ np.asarray(self.weights))

    def to_json(self) -> str:
        return json.dumps({"version": FORMAT_VERSION, "weights": list(self.weights),
                           "class_mean": self.class_mean, "default": asdict(self.default),
                           "params": {k: asdict(v) for k, v in self.params.items()}})

    @classmethod
    def from_json(cls, text: str) -> LearnerModel:
        data = json.loads(text)
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"Unsupported learner model version {data.get('version')!r}")
        return cls({k: BKTParams(**v) for k, v in data["params"].items()},
                   tuple(data["weights"]), float(data["class_mean"]),
                   BKTParams(**data["default"]))
