"""A class's figures per week and skill, with DP confidence intervals, k-hidden cells.

Every submission is one learner-week, noised on the device with Laplace noise of a
known scale b (variance 2b²). Sums of many submissions are close to normal, so a 95 %
interval is ``sum ± 1.96·sqrt(Σ 2b²)``. Share correct is the ratio of the two noisy
sums, its interval from the delta method. The intervals cover the noise added for
privacy only, not which learners happened to sync.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from app.hub.db import BUCKET_NAMES

Z95 = 1.96
DEFAULT_K = 5


@dataclass(frozen=True)
class Estimate:
    value: float
    low: float
    high: float


@dataclass(frozen=True)
class Cell:
    week: str
    skill: str
    n: int
    hidden: bool  # fewer than k submissions: nothing but n is shown
    attempts: Estimate | None = None
    share_correct: Estimate | None = None
    minutes: Estimate | None = None
    buckets: dict[str, Estimate] | None = None


def _estimate(total: float, variance: float, *, low: float = 0.0,
              high: float = math.inf) -> Estimate:
    half = Z95 * math.sqrt(max(variance, 0.0))

    def clip(x: float) -> float:  # a true count or share can't leave its range
        return min(high, max(low, x))

    return Estimate(clip(total), clip(total - half), clip(total + half))


def _share(row: dict[str, Any]) -> Estimate | None:
    attempts, correct = row["attempts"], row["correct"]
    if attempts <= 1.0:
        return None  # too few (noisy) attempts for a ratio to mean anything
    ratio = correct / attempts
    variance = (row["var_correct"] + ratio**2 * row["var_attempts"]) / attempts**2
    return _estimate(ratio, variance, high=1.0)


def cell(row: dict[str, Any], k: int) -> Cell:
    n = int(row["n"])
    if n < k:
        return Cell(week=row["week"], skill=row["skill"], n=n, hidden=True)
    return Cell(
        week=row["week"], skill=row["skill"], n=n, hidden=False,
        attempts=_estimate(row["attempts"], row["var_attempts"]),
        share_correct=_share(row),
        minutes=_estimate(row["minutes"], row["var_minutes"]),
        buckets={name: _estimate(row[name], row["var_buckets"], high=n)
                 for name in BUCKET_NAMES})


def cells(rows: list[dict[str, Any]], k: int = DEFAULT_K) -> list[Cell]:
    return [cell(row, k) for row in rows]


def csv_rows(report: list[Cell]) -> list[list[str]]:
    """Header plus one row per cell; hidden cells keep only week, skill and n."""
    head = ["week", "skill", "submissions", "attempts", "attempts_low", "attempts_high",
            "share_correct", "share_low", "share_high", "minutes", "minutes_low",
            "minutes_high", *(f"learners_{b}" for b in BUCKET_NAMES)]
    out = [head]
    for c in report:
        row = [c.week, c.skill, str(c.n)]
        for est in (c.attempts, c.share_correct, c.minutes):
            row += ["", "", ""] if est is None else [f"{est.value:.3f}", f"{est.low:.3f}",
                                                     f"{est.high:.3f}"]
        row += ["" if c.buckets is None else f"{c.buckets[b].value:.1f}"
                for b in BUCKET_NAMES]
        out.append(row)
    return out
