"""The distributed Skellam mechanism: each laptop adds a slice of the noise, the class
sum carries Skellam noise of a known size, and its (ε, δ) comes from a published bound.

Skellam(μ) here is Poisson(μ) - Poisson(μ) (symmetric, variance 2μ). Sums of independent
Skellam variables are Skellam with the μs added, so ``t`` laptops adding Skellam(μ/t) each
give the class sum exactly Skellam(μ): the central mechanism, although nobody ever saw a
single learner's figures.

Privacy bound (Agarwal, Kairouz, Liu, "The Skellam Mechanism for Differentially Private
Federated Learning", NeurIPS 2021, Theorem 3.5): for an integer vector query with L1
sensitivity Δ1 and L2 sensitivity Δ2, adding Skellam(μ) to every coordinate is
(alpha, ε(alpha))-Rényi-DP for every integer alpha > 1 with

    ε(alpha) = alpha·Δ2²/(4μ) + min( ((2alpha - 1)·Δ2² + 6·Δ1) / (16μ²),  3·Δ1/(4μ) ).

Rényi-DP composes by adding (our two figure groups have their own μ), and is converted
to (ε, δ)-DP with Canonne, Kamath, Steinke 2020 (Proposition 12):
ε = ε(alpha) + log((alpha - 1)/alpha) - (log δ + log alpha)/(alpha - 1), minimised over alpha.

Neighbouring inputs: one learner's whole week changed arbitrarily (the add-or-change of
one laptop's vector), which is what the Δs below bound.
"""

from __future__ import annotations

import functools
import math
import secrets
from dataclasses import dataclass

import numpy as np

DELTA = 1e-5  # far below 1/n for any class: the chance the ε guarantee does not hold
ORDERS = range(2, 513)
BUCKET_SHARE = 0.75  # of the Rényi budget: mastery buckets are the figure teachers act on
SCORE_LEVELS = 4  # share correct is sent in quarters: 0, 1/4, ..., 1


@dataclass(frozen=True)
class Group:
    """One figure group: its coordinates per skill and its sensitivities per skill."""

    name: str
    per_skill: int
    l1: float
    l2_squared: float


# Buckets: one-hot over 4 mastery levels; moving a learner changes two coordinates by 1.
# Practice: "tried this skill this week" (0/1) and the share correct in quarters (0..4).
BUCKETS = Group("buckets", 4, 2.0, 2.0)
PRACTICE = Group("practice", 2, 1.0 + SCORE_LEVELS, 1.0 + SCORE_LEVELS**2)
GROUPS = (BUCKETS, PRACTICE)
WEIGHTS = {BUCKETS.name: BUCKET_SHARE, PRACTICE.name: 1.0 - BUCKET_SHARE}


@dataclass(frozen=True)
class Noise:
    """μ per group for the whole class sum, and the (ε, δ) this buys."""

    mu: dict[str, float]
    epsilon: float
    delta: float

    def per_laptop(self, threshold: int) -> dict[str, float]:
        """What each laptop adds: with at least ``threshold`` reporting, the sum has ≥ μ."""
        return {name: mu / threshold for name, mu in self.mu.items()}

    def variance(self, group: str, reporting: int, threshold: int) -> float:
        """Variance of one coordinate of the sum when ``reporting`` laptops added noise."""
        return 2.0 * self.mu[group] * reporting / threshold


def rdp(alpha: int, *, l1: float, l2_squared: float, mu: float) -> float:
    """Theorem 3.5 of Agarwal, Kairouz, Liu 2021 (integer alpha ≥ 2)."""
    return (alpha * l2_squared / (4 * mu)
            + min(((2 * alpha - 1) * l2_squared + 6 * l1) / (16 * mu**2), 3 * l1 / (4 * mu)))


def epsilon_of(mu: dict[str, float], n_skills: int, delta: float = DELTA) -> float:
    """(ε, δ) of releasing both groups' sums with these μ, minimised over alpha."""
    best = math.inf
    for alpha in ORDERS:
        total = sum(rdp(alpha, l1=g.l1 * n_skills, l2_squared=g.l2_squared * n_skills,
                        mu=mu[g.name]) for g in GROUPS)
        eps = (total + math.log((alpha - 1) / alpha)
               - (math.log(delta) + math.log(alpha)) / (alpha - 1))
        best = min(best, eps)
    return best


@functools.lru_cache(maxsize=64)  # pure, and called for every laptop of a round
def calibrate(epsilon: float, n_skills: int, delta: float = DELTA) -> Noise:
    """The smallest noise (by bisection on a common scale) whose ε is at most ``epsilon``."""

    def mus(scale: float) -> dict[str, float]:
        return {g.name: scale * g.l2_squared * n_skills / WEIGHTS[g.name] for g in GROUPS}

    low, high = 1e-6, 1e9
    for _ in range(200):
        mid = math.sqrt(low * high)
        if epsilon_of(mus(mid), n_skills, delta) > epsilon:
            low = mid
        else:
            high = mid
        if high / low < 1 + 1e-9:
            break
    chosen = mus(high)
    return Noise(mu=chosen, epsilon=epsilon_of(chosen, n_skills, delta), delta=delta)


def sample(mu: float, size: int, rng: np.random.Generator | None = None) -> np.ndarray:
    """``size`` independent Skellam(μ) draws (int64).

    The generator is seeded with 128 bits from the OS's secure source each time, never
    from anything guessable: whoever knew the seed could subtract the noise.
    """
    gen = rng or np.random.default_rng(secrets.randbits(128))
    return (gen.poisson(mu, size) - gen.poisson(mu, size)).astype(np.int64)
