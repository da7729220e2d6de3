"""Service steps without Qt: preview only when the shape changes; not enrolled; budget."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.sync.config import SyncConfig
from app.core.sync.payload import plain_words
from app.core.sync.service import NotEnrolled, commit, prepare
from app.core.sync.source import ProfileSource
from app.store import Profile
from app.store.sync import BudgetExceeded

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)  # sends 2026-W47
CONFIG = SyncConfig(enabled=True, hub_url="http://127.0.0.1:9", key_id="a" * 32,
                    token="t" * 64, class_name="6B")


def test_preview_is_needed_first_and_when_the_shape_changes(profile: Profile) -> None:
    repo = profile.sync
    source = ProfileSource(profile, ["fractions", "decimals"])
    first = prepare(repo, source, CONFIG, now=NOW)
    assert first.week == "2026-W47" and first.needs_preview
    commit(repo, first, CONFIG)
    config = CONFIG.model_copy(update={"approved_shape": first.shape})
    next_week = prepare(repo, source, config, now=NOW + dt.timedelta(days=7))
    assert not next_week.needs_preview  # same skills, same ε: new values only
    assert next_week.body.text != first.body.text
    more_skills = ProfileSource(profile, ["fractions", "decimals", "percentages"])
    assert prepare(repo, more_skills, config, now=NOW + dt.timedelta(days=7)).needs_preview
    other_eps = config.model_copy(update={"epsilon": 2.0})
    assert prepare(repo, source, other_eps, now=NOW + dt.timedelta(days=7)).needs_preview


def test_the_body_holds_no_identity(profile: Profile) -> None:
    repo = profile.sync
    prepared = prepare(repo, ProfileSource(profile, ["fractions"]), CONFIG, now=NOW)
    data = prepared.body.data
    assert set(data) == {"format", "submission_id", "week", "epsilon", "skills"}
    assert "Mia" not in prepared.body.text and str(profile.id) not in prepared.body.text
    assert len(data["submission_id"]) == 32
    assert any("no date or time" in line for line in plain_words(prepared.body))


def test_a_second_send_in_a_week_is_refused_before_the_preview(profile: Profile) -> None:
    repo = profile.sync
    source = ProfileSource(profile, ["fractions"])
    commit(repo, prepare(repo, source, CONFIG, now=NOW), CONFIG)
    with pytest.raises(BudgetExceeded, match="used up"):
        prepare(repo, source, CONFIG, now=NOW)
    assert len(repo.pending()) == 1


def test_not_enrolled_is_explained(profile: Profile) -> None:
    repo = profile.sync
    prepared = prepare(repo, ProfileSource(profile, ["fractions"]), SyncConfig(), now=NOW)
    with pytest.raises(NotEnrolled, match="not connected to a school hub"):
        commit(repo, prepared, SyncConfig())
    assert repo.spent(prepared.week) == 0 and repo.pending() == []
