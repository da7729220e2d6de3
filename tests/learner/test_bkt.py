"""BKT with forgetting against values worked out by hand."""

from __future__ import annotations

import pytest

from app.core.learner.bkt import BKTParams, p_correct, posterior, trace, transition, update

PARAMS = BKTParams(prior=0.3, learn=0.1, guess=0.2, slip=0.1, forget=0.05)


def test_p_correct_mixes_slip_and_guess() -> None:
    # 0.3 * (1 - 0.1) + 0.7 * 0.2 = 0.27 + 0.14
    assert p_correct(0.3, PARAMS) == pytest.approx(0.41)


def test_update_after_a_right_answer() -> None:
    # posterior = 0.27 / 0.41 = 0.658537; then 0.658537 * 0.95 + 0.341463 * 0.1
    assert posterior(0.3, True, PARAMS) == pytest.approx(0.27 / 0.41)
    assert update(0.3, True, PARAMS) == pytest.approx(0.659756098, abs=1e-9)


def test_update_after_a_wrong_answer() -> None:
    # posterior = 0.03 / (0.03 + 0.56) = 0.050847; then * 0.95 + 0.949153 * 0.1
    assert posterior(0.3, False, PARAMS) == pytest.approx(0.03 / 0.59)
    assert update(0.3, False, PARAMS) == pytest.approx(0.143220339, abs=1e-9)


def test_forgetting_pulls_mastery_down_without_practice() -> None:
    standard = BKTParams(prior=0.3, learn=0.1, guess=0.2, slip=0.1, forget=0.0)
    assert transition(0.99, standard) > transition(0.99, PARAMS)
    assert transition(1.0, PARAMS) == pytest.approx(0.95)


def test_trace_has_one_value_per_answer_plus_the_next() -> None:
    values = trace([True, True, False], PARAMS)
    assert len(values) == 4
    assert values[0] == PARAMS.prior
    assert values[1] == pytest.approx(update(0.3, True, PARAMS))
    assert values[2] > values[1] > values[3]


@pytest.mark.parametrize("fields", [
    {"prior": 1.2}, {"learn": -0.1}, {"guess": 0.6, "slip": 0.5}])
def test_invalid_parameters_are_refused(fields: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        BKTParams(**fields)
