"""Secure aggregation's pieces: Shamir sharing, the Skellam noise of a class sum, the
privacy bound, masks that cancel, and masked vectors that look uniformly random.

The noise generator is seeded from the OS's secure source and cannot be seeded by a test
(on purpose), so the distribution checks are statistical, with thresholds that a correct
mechanism crosses with probability far below one in a million.
"""

from __future__ import annotations

import json
import math
import secrets

import numpy as np
import pytest

from app.core.sync import masking, shamir, skellam
from app.core.sync.records import SkillFigures
from app.core.sync.secure import (
    RoundError,
    RoundInfo,
    RoundSecrets,
    encode,
    input_body,
    reveal_body,
    unmask,
)
from app.core.sync.secure import noise as laptop_noise


# --- Shamir -------------------------------------------------------------------------------
def test_any_t_shares_give_the_secret_back_and_fewer_do_not() -> None:
    secret = secrets.token_bytes(32)
    shares = shamir.split(secret, n=7, t=5)
    for start in range(3):
        subset = {x: shares[x] for x in list(shares)[start:start + 5]}
        assert shamir.combine(subset, t=5) == secret
    with pytest.raises(shamir.ShamirError, match="fewer than the threshold"):
        shamir.combine({x: shares[x] for x in (1, 2, 3, 4)}, t=5)
    # Four shares and a fifth made up: a different secret (or no 32-byte secret at all).
    forged = {**{x: shares[x] for x in (1, 2, 3, 4)}, 5: (shares[5] + 1) % shamir.PRIME}
    try:
        got: bytes | None = shamir.combine(forged, t=5)
    except shamir.ShamirError:
        got = None  # not even a 32-byte secret: the usual outcome
    assert got != secret


def test_fewer_than_t_shares_are_uniform_whatever_the_secret() -> None:
    # Share 1 of a t = 2 sharing is secret + r·1 with r uniform: its top bits are uniform
    # for the all-zero and the all-one secret alike.
    for secret in (bytes(32), b"\xff" * 32):
        tops = [shamir.split(secret, n=3, t=2)[1] >> 513 for _ in range(2000)]
        counts = np.bincount(tops, minlength=256)
        chi2 = float(np.sum((counts - 2000 / 256) ** 2 / (2000 / 256)))
        assert chi2 < 255 + 5 * math.sqrt(2 * 255)


# --- the privacy bound ------------------------------------------------------------------------
def test_calibrated_noise_meets_epsilon_and_follows_the_published_bound() -> None:
    noise = skellam.calibrate(1.0, 3)
    assert noise.epsilon <= 1.0 and noise.delta == 1e-5
    assert skellam.epsilon_of({k: v * 0.9 for k, v in noise.mu.items()}, 3) > 1.0  # tight
    # Theorem 3.5 by hand at alpha = 10 for the bucket group (Δ1 = Δ2² = 2 per skill, 3 skills).
    mu = noise.mu["buckets"]
    by_hand = 10 * 6 / (4 * mu) + min((19 * 6 + 36) / (16 * mu**2), 18 / (4 * mu))
    assert skellam.rdp(10, l1=6, l2_squared=6, mu=mu) == pytest.approx(by_hand)
    # Never below the Gaussian mechanism's RDP with the same variance (2μ).
    assert by_hand >= 10 * 6 / (2 * 2 * mu)
    assert skellam.calibrate(4.0, 3).mu["buckets"] < mu  # more ε, less noise


def _skellam_pmf(mu: float, support: np.ndarray) -> np.ndarray:
    """Exact P(Poisson(μ) - Poisson(μ) = k), summing over the second Poisson."""
    j = np.arange(0, int(mu + 20 * math.sqrt(mu) + 50))
    log_pois = j * math.log(mu) - mu - np.array([math.lgamma(x + 1) for x in j])
    pois = np.exp(log_pois)
    return np.array([float(np.sum(pois[abs(k):] * pois[:len(j) - abs(k)]))
                     for k in support])


def test_the_sum_of_the_laptops_noise_is_skellam_of_the_documented_size() -> None:
    """20 laptops each add their slice (threshold 20): the class sum is Skellam(μ)."""
    info = RoundInfo(round_id="r", week="2026-W10", epsilon=1.0, threshold=20,
                     phase="input")
    skills = 500  # 2,000 bucket coordinates per laptop
    total = sum(laptop_noise(info, skills) for _ in range(20))
    width = sum(g.per_skill for g in skellam.GROUPS)
    buckets = np.concatenate([total[i * width:i * width + 4] for i in range(skills)])
    mu = skellam.calibrate(1.0, skills).mu["buckets"]
    # Variance 2μ (std error about 3 %), mean 0.
    assert float(np.var(buckets)) == pytest.approx(2 * mu, rel=0.2)
    assert abs(float(np.mean(buckets))) < 6 * math.sqrt(2 * mu / len(buckets))
    # Pearson χ² against the exact pmf, in bins of equal width over ±3sigma plus two tails.
    sigma = math.sqrt(2 * mu)
    edges = np.linspace(-3 * sigma, 3 * sigma, 21).round().astype(int)
    support = np.arange(-int(12 * sigma), int(12 * sigma) + 1)
    pmf = _skellam_pmf(mu, support)
    observed, expected = [], []
    for low, high in zip([-10**9, *edges], [*edges, 10**9], strict=True):
        inside = (support >= low) & (support < high)
        expected.append(float(pmf[inside].sum()) * len(buckets))
        observed.append(int(np.sum((buckets >= low) & (buckets < high))))
    chi2 = sum((o - e) ** 2 / e for o, e in zip(observed, expected, strict=True) if e > 0)
    dof = len(observed) - 1
    assert chi2 < dof + 6 * math.sqrt(2 * dof), (observed, [round(e) for e in expected])


# --- the protocol -------------------------------------------------------------------------------
def _roster(states: list[RoundSecrets]) -> dict[str, list[str]]:
    return {str(i + 1): [masking.public_key(s.c_private).hex(),
                         masking.public_key(s.s_private).hex()] for i, s in enumerate(states)}


def _figures(skills: list[str], attempts: float, bucket: int) -> list[SkillFigures]:
    one_hot = tuple(1.0 if i == bucket else 0.0 for i in range(4))
    return [SkillFigures(s, attempts, attempts / 2, one_hot, 5.0) for s in skills]


def _round(states: list[RoundSecrets], skills: list[str], threshold: int,
           phase: str = "input", **extra: object) -> RoundInfo:
    return RoundInfo.from_dict({"round": "r1", "week": "2026-W10", "epsilon": 1.0,
                                "threshold": threshold, "phase": phase, "skills": skills,
                                "roster": _roster(states), **extra})


def test_masks_cancel_and_dropouts_are_recovered() -> None:
    skills = ["a", "b"]
    states = [RoundSecrets.new("r1") for _ in range(6)]
    info = _round(states, skills, threshold=4)
    sent = {i + 1: json.loads(input_body(s, info, _figures(skills, 4, i % 4)))
            for i, s in enumerate(states[:5])}  # slot 6 drops out
    shares = {str(to): {str(frm): sent[frm]["shares"][str(to)] for frm in sent}
              for to in sent}
    later = _round(states, skills, 4, "unmask", survivors=sorted(sent), shares=shares)
    reveals = {slot: json.loads(reveal_body(states[slot - 1], later)) for slot in sent}
    assert all(set(r["pair_seeds"]) == {"6"} for r in reveals.values())
    total = unmask(size=12, threshold=4, masked={k: v["masked"] for k, v in sent.items()},
                   reveals=reveals, dropped=[6])
    truth = sum(encode(_figures(skills, 4, i % 4)) for i in range(5))
    mu = skellam.calibrate(1.0, 2).mu
    assert np.all(np.abs(total - truth) < 6 * math.sqrt(2 * max(mu.values()) * 5 / 4))
    # Without every survivor's reveal the dropout's masks cannot be removed: refused.
    with pytest.raises(RoundError, match="pairwise seeds"):
        unmask(size=12, threshold=4, masked={k: v["masked"] for k, v in sent.items()},
               reveals={k: reveals[k] for k in (1, 2, 3, 4)}, dropped=[6])


def test_a_laptop_reveals_nothing_when_too_few_survive_or_it_was_not_counted() -> None:
    states = [RoundSecrets.new("r1") for _ in range(5)]
    info = _round(states, ["a"], threshold=4, phase="unmask", survivors=[1, 2, 3])
    with pytest.raises(RoundError, match="fewer laptops than the threshold"):
        reveal_body(states[0], info)
    with pytest.raises(RoundError, match="did not count"):
        reveal_body(states[4], info)
