"""EM recovers known parameters from synthetic learners; fitting can be cancelled."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from app.core.learner.bkt import DEFAULT_PARAMS, BKTParams
from app.core.learner.fit import fit_bkt, predict
from app.core.learner.model import LearnerModel
from app.core.learner.responses import build, from_attempts
from inference.cancel import CancelToken
from inference.errors import Cancelled

TRUE = {"a": BKTParams(prior=0.25, learn=0.15, guess=0.2, slip=0.08, forget=0.0),
        "b": BKTParams(prior=0.5, learn=0.08, guess=0.3, slip=0.15, forget=0.0)}
TRUE_FORGET = BKTParams(prior=0.3, learn=0.2, guess=0.15, slip=0.1, forget=0.1)


def simulate(params: dict[str, BKTParams], learners: int, length: int,
             seed: int = 7) -> list[tuple[list[str], list[int]]]:
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(learners):
        skills, answers = [], []
        for skill, p in params.items():
            known = rng.random() < p.prior
            for _ in range(length):
                chance = 1 - p.slip if known else p.guess
                answers.append(int(rng.random() < chance))
                skills.append(skill)
                known = rng.random() >= p.forget if known else rng.random() < p.learn
        rows.append((skills, answers))
    return rows


def close(fitted: BKTParams, true: BKTParams, tol: float) -> None:
    for name in ("prior", "learn", "guess", "slip", "forget"):
        assert getattr(fitted, name) == pytest.approx(getattr(true, name), abs=tol), name


def test_em_recovers_standard_bkt_parameters() -> None:
    data = build(simulate(TRUE, learners=1500, length=12))
    result = fit_bkt(data, forgetting=False)
    assert result.converged
    for skill, true in TRUE.items():
        close(result.params[skill], true, tol=0.04)


def test_em_recovers_a_forgetting_rate() -> None:
    data = build(simulate({"f": TRUE_FORGET}, learners=2500, length=15, seed=3))
    fitted = fit_bkt(data, forgetting=True, max_iterations=200, tolerance=1e-7).params["f"]
    close(fitted, TRUE_FORGET, tol=0.05)


def test_standard_bkt_never_forgets() -> None:
    data = build(simulate(TRUE, learners=50, length=5))
    assert all(p.forget == 0.0 for p in fit_bkt(data, forgetting=False).params.values())


def test_skills_with_little_data_stay_near_the_defaults() -> None:
    data = build([(["rare"], [1])])
    fitted = fit_bkt(data).params["rare"]
    close(fitted, DEFAULT_PARAMS, tol=0.15)


def test_teacher_refit_from_local_attempts() -> None:
    attempts = [(f"learner-{i}", skill, bool(right))
                for i, (skills, answers) in enumerate(simulate(TRUE, learners=200, length=8))
                for skill, right in zip(skills, answers, strict=True)]
    data = from_attempts(attempts)
    result = fit_bkt(data)
    assert set(result.params) == {"a", "b"}
    p = predict(data, result.params)
    assert p.shape == (len(attempts),) and np.all((p > 0) & (p < 1))


def extreme_log(length: int = 10_000) -> list[tuple[list[str], list[int]]]:
    """Chains of ``length`` answers, all-right and all-wrong chains, a one-learner skill,
    and answers that guess = slip = 0 would call impossible."""
    rng = np.random.default_rng(11)
    right = length * 3 // 5
    rows = [(["long"] * length, [1] * right + [0] * (length - right)),
            (["long-noisy"] * length, (rng.random(length) < 0.9).astype(int).tolist()),
            (["all-right"] * 400, [1] * 400), (["all-wrong"] * 400, [0] * 400),
            (["one-learner"] * 3, [0, 1, 1])]
    rows += [(["all-right"] * 30, [1] * 30) for _ in range(20)]
    rows += [(["all-wrong"] * 30, [0] * 30) for _ in range(20)]
    return rows


@pytest.mark.parametrize("forgetting", [False, True])
def test_fitting_a_log_with_extreme_chains_gives_probabilities(forgetting: bool) -> None:
    data = build(extreme_log())
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow or 0/0 fails the test
        result = fit_bkt(data, forgetting=forgetting, max_iterations=6)
        p = predict(data, result.params)
    assert np.isfinite(result.log_likelihood)
    assert set(result.params) == {"long", "long-noisy", "all-right", "all-wrong",
                                  "one-learner"}
    for skill, params in result.params.items():
        for name in ("prior", "learn", "guess", "slip", "forget"):
            value = getattr(params, name)
            assert math.isfinite(value) and 0.0 <= value <= 1.0, (skill, name, value)
    assert np.all(np.isfinite(p)) and np.all((p > 0) & (p < 1))


def test_prediction_with_guess_and_slip_at_their_bounds() -> None:
    data = build([(["s"] * 50, [1] * 25 + [0] * 25)])
    edge = {"s": BKTParams(prior=0.0, learn=0.0, guess=0.0, slip=0.0, forget=0.0)}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = predict(data, edge)
    assert np.all(np.isfinite(p)) and np.all((p >= 0) & (p <= 1))


def test_full_model_on_the_extreme_log_predicts_probabilities() -> None:
    data = build(extreme_log(length=1_000))  # the full fit runs EM to convergence
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = LearnerModel.fit(data).predict(data)
    assert np.all(np.isfinite(p)) and np.all((p > 0) & (p < 1))


def test_fitting_stops_when_cancelled() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        fit_bkt(build(simulate(TRUE, learners=10, length=3)), cancel=token)


def test_progress_is_reported_per_iteration() -> None:
    seen: list[float] = []
    fit_bkt(build(simulate(TRUE, learners=20, length=4)), max_iterations=5,
            progress=lambda _msg, fraction: seen.append(fraction))
    assert seen and seen == sorted(seen) and seen[-1] <= 1.0
