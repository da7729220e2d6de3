"""Local DP: the noise scale matches ε, values are clamped, bad ε is refused.

The discrete Laplace sampler reads the OS's secure random source and cannot be seeded
(on purpose: a known seed would let anyone remove the noise), so these checks are
statistical over many draws, with tolerances of several standard errors: a correct
mechanism fails them with a probability far below one in a million.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from app.core.sync.privacy import (
    BUCKET_SENSITIVITY,
    GROUPS,
    RANGES,
    PrivacyError,
    clamp,
    release,
)
from app.core.sync.records import SkillFigures

SKILLS = 1500  # one release over many skills: 1,500 independent draws per figure


def _figures(n: int, attempts: float = 5.0) -> list[SkillFigures]:
    return [SkillFigures(f"s{i}", attempts, 3.0, (0.0, 1.0, 0.0, 0.0), 12.0) for i in range(n)]


@pytest.mark.parametrize("epsilon", [0.5, 2.0])
def test_noise_scale_matches_epsilon(epsilon: float) -> None:
    out = release(_figures(SKILLS), epsilon)
    noise = np.array([s.values["attempts"] - 5.0 for s in out.skills])
    width = RANGES["attempts"][1] - RANGES["attempts"][0]
    expected_b = width * SKILLS * len(GROUPS) / epsilon
    assert out.skills[0].scales["attempts"] == pytest.approx(expected_b)
    # Laplace(b): E|X| = b (std error b/sqrt(n) = 2.6 %), P(|X| < b) = 1 - 1/e (std
    # error 1.25 %), mean 0. Tolerances are about 6 standard errors.
    b_hat = float(np.mean(np.abs(noise)))
    assert b_hat == pytest.approx(expected_b, rel=0.15)
    epsilon_hat = width * SKILLS * len(GROUPS) / b_hat
    assert epsilon_hat == pytest.approx(epsilon, rel=0.15)
    assert float(np.mean(np.abs(noise) < expected_b)) == pytest.approx(1 - math.exp(-1),
                                                                       abs=0.075)
    assert abs(float(np.mean(noise))) < 6 * expected_b * math.sqrt(2 / SKILLS)


def test_bucket_noise_uses_l1_sensitivity_two() -> None:
    out = release(_figures(SKILLS), 1.0)
    expected_b = BUCKET_SENSITIVITY * SKILLS * len(GROUPS) / 1.0
    noise = np.array([s.buckets[0] - 0.0 for s in out.skills])
    assert out.skills[0].scales["buckets"] == pytest.approx(expected_b)
    assert float(np.mean(np.abs(noise))) == pytest.approx(expected_b, rel=0.15)


def test_values_are_clamped_before_noise() -> None:
    # 1,000 attempts in a week is clamped to the declared 20: the noisy values centre on
    # 20, not 1,000 (30 releases of 10 skills: the standard error of the mean is 7).
    outs = [release(_figures(10, attempts=1000.0), 10.0) for _ in range(30)]
    values = [s.values["attempts"] for out in outs for s in out.skills]
    scale = outs[0].skills[0].scales["attempts"]
    mean = float(np.mean(values))
    assert abs(mean - RANGES["attempts"][1]) < 6 * scale * math.sqrt(2 / len(values)) < 100
    assert clamp(-5.0, (0.0, 30.0)) == 0.0
    assert clamp(float("nan"), (0.0, 30.0)) == 0.0
    assert clamp(1e300, (0.0, 30.0)) == 30.0


@pytest.mark.parametrize("epsilon", [0.0, 0.05, 11.0, float("nan"), float("inf")])
def test_unsafe_epsilon_is_refused_with_a_clear_message(epsilon: float) -> None:
    with pytest.raises(PrivacyError, match=r"must be between 0\.1 and 10"):
        release(_figures(1), epsilon)


def test_nothing_to_send_is_refused() -> None:
    with pytest.raises(PrivacyError, match="nothing to send"):
        release([], 1.0)
