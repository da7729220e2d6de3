"""A finished round's class figures with their 95 % intervals.

The sum of a coordinate carries Skellam noise of variance 2·μ·m/t (m laptops reported,
each adding Skellam(μ/t)); a Skellam sum of this size is close to normal, so the 95 %
interval is value ± 1.96·sigma. Shares divide by m, which the hub knows exactly. The class
share correct is Σ score / (4 · Σ tried), the mean over learners who practised the skill,
its interval by the delta method. Intervals cover the privacy noise, not which learners
happened to take part.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from app.core.sync.records import BUCKETS
from app.core.sync.skellam import BUCKETS as BUCKET_GROUP
from app.core.sync.skellam import GROUPS, PRACTICE, SCORE_LEVELS
from app.hub.report import Z95, Estimate


@dataclass(frozen=True)
class SkillResult:
    skill: str
    bucket_shares: dict[str, Estimate]  # share of learners per mastery bucket, 0..1
    tried: Estimate  # learners who practised the skill that week
    share_correct: Estimate | None  # None when too few practised for a ratio


def _clip(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


def _share(value: float, half: float, m: int) -> Estimate:
    return Estimate(_clip(value / m, 0, 1), _clip((value - half) / m, 0, 1),
                    _clip((value + half) / m, 0, 1))


def half_width(mu: float, reporting: int, threshold: int) -> float:
    """95 % half-width of one coordinate of the sum (a count of learners)."""
    return Z95 * math.sqrt(2.0 * mu * reporting / threshold)


def skill_results(skills: list[str], result: dict[str, Any]) -> list[SkillResult]:
    m, t = int(result["reporting"]), int(result["threshold"])
    mu, total = result["mu"], result["sum"]
    hb = half_width(mu[BUCKET_GROUP.name], m, t)
    var_p = 2.0 * mu[PRACTICE.name] * m / t
    width = sum(g.per_skill for g in GROUPS)
    out = []
    for i, skill in enumerate(skills):
        row = total[i * width:(i + 1) * width]
        buckets = {name: _share(row[j], hb, m) for j, (name, _) in enumerate(BUCKETS)}
        tried, score = float(row[4]), float(row[5])
        hp = Z95 * math.sqrt(var_p)
        tried_est = Estimate(_clip(tried, 0, m), _clip(tried - hp, 0, m),
                             _clip(tried + hp, 0, m))
        out.append(SkillResult(skill, buckets, tried_est, _correct(score, tried, var_p)))
    return out


def _correct(score: float, tried: float, variance: float) -> Estimate | None:
    if tried < 1.0:
        return None
    ratio = score / (SCORE_LEVELS * tried)
    var = variance / (SCORE_LEVELS * tried) ** 2 + ratio**2 * variance / tried**2
    half = Z95 * math.sqrt(var)
    return Estimate(_clip(ratio, 0, 1), _clip(ratio - half, 0, 1), _clip(ratio + half, 0, 1))
