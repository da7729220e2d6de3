"""Local differential privacy: clamp every figure to its declared range, then add exact
discrete Laplace noise (:mod:`.dlaplace`) on the device, before anything is queued to
leave.

Neighbouring inputs are *any* two weeks of one learner (local DP): the sensitivity of a
figure is the width of its range, and of the one-hot mastery buckets it is 2 (moving
the learner from one bucket to another changes two counts by 1). The week's ε is split
evenly over every skill and every figure group, so the whole release costs exactly ε by
basic composition, whatever the learner did.

Pitfall: the noise is drawn from the operating system's secure random source and cannot
be seeded. That is deliberate (a seeded generator would let anyone who knows the seed
subtract the noise); tests check the noise statistically over many draws instead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from app.core.sync import dlaplace
from app.core.sync.records import SkillFigures
from app.messages import QT_TRANSLATE_NOOP, message

# Declared ranges of the scalar figures, per learner, per skill, per week. A week of
# practice on one skill above these is clamped: the hub sees "at least" the bound.
RANGES: dict[str, tuple[float, float]] = {
    "attempts": (0.0, 20.0),
    "correct": (0.0, 20.0),
    "minutes": (0.0, 60.0),
}
BUCKET_SENSITIVITY = 2.0
GROUPS = (*RANGES, "buckets")

DEFAULT_EPSILON = 1.0
MIN_EPSILON, MAX_EPSILON = 0.1, 10.0


class PrivacyError(ValueError):
    """A release was asked for with settings that would not protect the learner."""


@dataclass(frozen=True)
class NoisyFigures:
    """What leaves the device for one skill: noised values and the noise scales used."""

    skill_id: str
    values: dict[str, float]  # attempts, correct, minutes
    buckets: tuple[float, ...]
    scales: dict[str, float]  # Laplace scale b per group: the hub's confidence intervals


@dataclass(frozen=True)
class Release:
    epsilon: float
    skills: tuple[NoisyFigures, ...]


def clamp(value: float, bounds: tuple[float, float]) -> float:
    low, high = bounds
    if math.isnan(value):
        return low
    return min(high, max(low, value))


def epsilon_per_group(epsilon: float, n_skills: int) -> float:
    return epsilon / (n_skills * len(GROUPS))


def _scale(sensitivity: float, eps: float) -> Fraction:
    scale = dlaplace.scale_for(sensitivity, eps)
    # The accounting is exact (fractions); this guards the code above against a slip.
    if dlaplace.spent(sensitivity, scale) > Fraction(eps):
        raise PrivacyError(f"noise of scale {float(scale)} would spend more than ε = {eps}")
    return scale


def validate_epsilon(epsilon: float) -> None:
    if not (MIN_EPSILON <= epsilon <= MAX_EPSILON) or math.isnan(epsilon):
        raise PrivacyError(message(QT_TRANSLATE_NOOP(
            "Sync", "The privacy setting ε must be between {low} and {high} (it was "
            "{value}). Choose a value in that range in the sync settings."),
            low=MIN_EPSILON, high=MAX_EPSILON, value=epsilon))


def release(figures: Sequence[SkillFigures], epsilon: float) -> Release:
    """Clamp and noise ``figures``; the whole release costs exactly ``epsilon``.

    Raises:
        PrivacyError: ``epsilon`` outside the allowed range, or no skills.
    """
    validate_epsilon(epsilon)
    if not figures:
        raise PrivacyError(QT_TRANSLATE_NOOP("Sync", "There is nothing to send: no skills "
                                             "were given."))
    eps = epsilon_per_group(epsilon, len(figures))
    # Per figure group, in grid steps. The buckets are one vector with L1 sensitivity 2:
    # independent noise of that scale on each coordinate is the L1 geometric mechanism.
    steps = {name: _scale(high - low, eps) for name, (low, high) in RANGES.items()}
    steps["buckets"] = _scale(BUCKET_SENSITIVITY, eps)
    scales = {name: float(scale) / dlaplace.GRID for name, scale in steps.items()}
    return Release(epsilon=epsilon, skills=tuple(_noised(f, steps, scales) for f in figures))


def _noised(fig: SkillFigures, steps: dict[str, Fraction],
            scales: dict[str, float]) -> NoisyFigures:
    values = {name: dlaplace.noised(clamp(getattr(fig, name), RANGES[name]), steps[name])
              for name in RANGES}
    buckets = tuple(dlaplace.noised(clamp(b, (0.0, 1.0)), steps["buckets"])
                    for b in fig.buckets)
    return NoisyFigures(skill_id=fig.skill_id, values=values, buckets=buckets, scales=scales)
