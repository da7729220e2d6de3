"""The full model: online updates agree with batch prediction; state survives JSON."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.learner.bkt import BKTParams
from app.core.learner.model import LearnerModel, LearnerState
from app.core.learner.responses import build

ROWS = [(["add", "add", "sub", "add", "sub", "sub", "add"], [0, 1, 1, 1, 0, 1, 1]),
        (["sub", "sub", "add", "add"], [1, 1, 0, 1]),
        (["add", "sub", "add", "sub", "add", "sub"], [1, 0, 1, 1, 1, 1])] * 30


@pytest.fixture(scope="module")
def model() -> LearnerModel:
    return LearnerModel.fit(build(ROWS))


def test_online_updates_match_batch_prediction(model: LearnerModel) -> None:
    skills, answers = ROWS[0]
    batch = model.predict(build([ROWS[0]]))
    state = model.new_state()
    online = []
    for skill, right in zip(skills, answers, strict=True):
        online.append(model.p_correct(state, skill))
        model.record(state, skill, bool(right))
    np.testing.assert_allclose(online, batch, rtol=1e-9)


def test_mastery_rises_with_right_answers(model: LearnerModel) -> None:
    state = model.new_state()
    before = model.mastery(state, "add")
    for _ in range(4):
        model.record(state, "add", True)
    assert model.mastery(state, "add") > before
    assert state.attempts["add"] == 4


def test_unknown_skill_uses_defaults(model: LearnerModel) -> None:
    state = model.new_state()
    assert model.mastery(state, "geometry") == model.default.prior
    assert 0 < model.p_correct(state, "geometry") < 1


def test_model_and_state_round_trip_through_json(model: LearnerModel) -> None:
    state = model.new_state()
    for skill, right in zip(*ROWS[2], strict=True):
        model.record(state, skill, bool(right))
    again = LearnerModel.from_json(model.to_json())
    restored = LearnerState.from_dict(state.to_dict())
    assert again == model
    assert again.p_correct(restored, "sub") == pytest.approx(model.p_correct(state, "sub"))


def test_unfitted_model_is_plain_bkt() -> None:
    params = BKTParams(prior=0.4, learn=0.1, guess=0.2, slip=0.1, forget=0.0)
    model = LearnerModel({"x": params})
    state = model.new_state()
    assert model.p_correct(state, "x") == pytest.approx(0.4 * 0.9 + 0.6 * 0.2, abs=1e-3)


def test_future_file_version_is_refused(model: LearnerModel) -> None:
    with pytest.raises(ValueError, match="Unsupported"):
        LearnerModel.from_json(model.to_json().replace('"version": 1', '"version": 99'))
