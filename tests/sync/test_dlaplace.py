"""The exact discrete Laplace sampler: its distribution, its accounting, its grid."""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction

import pytest

from app.core.sync import dlaplace

DRAWS = 20_000


def test_small_scale_matches_the_discrete_laplace_probabilities() -> None:
    # P(Z = z) = (1 - q)/(1 + q) · q^|z| with q = exp(-1/scale). Scale 1: P(0) = 0.4621,
    # P(±1) = 0.1700 each. Tolerances are 6 standard errors (about 0.021 at 20,000 draws).
    counts = Counter(dlaplace.discrete_laplace(Fraction(1)) for _ in range(DRAWS))
    q = math.exp(-1)
    for z in (-2, -1, 0, 1, 2):
        expected = (1 - q) / (1 + q) * q ** abs(z)
        assert counts[z] / DRAWS == pytest.approx(expected, abs=6 * math.sqrt(
            expected * (1 - expected) / DRAWS))


def test_a_fractional_scale_has_the_right_spread() -> None:
    scale = Fraction(7, 3)
    draws = [dlaplace.discrete_laplace(scale) for _ in range(DRAWS)]
    q = math.exp(-1 / float(scale))
    mean_abs = 2 * q / ((1 - q) * (1 + q))  # E|Z| of the discrete Laplace
    assert sum(abs(d) for d in draws) / DRAWS == pytest.approx(mean_abs, rel=0.05)
    assert abs(sum(draws) / DRAWS) < 0.1


@pytest.mark.parametrize(("sensitivity", "epsilon"), [(20.0, 0.1 / 7), (2.0, 1.0),
                                                      (60.0, 10.0 / 3)])
def test_the_scale_never_spends_more_than_epsilon(sensitivity: float, epsilon: float) -> None:
    scale = dlaplace.scale_for(sensitivity, epsilon)
    assert dlaplace.spent(sensitivity, scale) <= Fraction(epsilon)
    assert float(dlaplace.spent(sensitivity, scale)) == pytest.approx(epsilon, rel=1e-4)


def test_values_leave_on_the_grid() -> None:
    for value in (0.0, 3.3, 20.0):
        noisy = dlaplace.noised(value, Fraction(16))
        assert (noisy * dlaplace.GRID).is_integer()
