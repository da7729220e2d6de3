"""Profile features for the recommender and the tutor."""

from __future__ import annotations

import pytest

from app.core.learner.features import LearnerFeatures, Pace, ProfileError


def test_reads_a_profile_mapping() -> None:
    features = LearnerFeatures.from_profile(
        {"interests": ["football", " ", "horses"], "goals": ["fractions.add"],
         "pace": "Fast", "grade": 6})
    assert features.interests == ("football", "horses")
    assert features.goals == frozenset({"fractions.add"})
    assert features.pace is Pace.FAST and features.grade == 6


def test_reads_the_profile_stores_own_settings_row() -> None:
    from app.store import LearnerSettings

    stored = LearnerSettings(interests=["space"], goal=" the test on Friday ",
                             goals=["fractions.add"], pace="slow")
    features = LearnerFeatures.from_profile(stored.model_dump())
    assert features.pace is Pace.GENTLE  # the store says "slow"
    assert features.goal_text == "the test on Friday" and features.interests == ("space",)


def test_empty_profile_gets_steady_defaults() -> None:
    features = LearnerFeatures.from_profile({})
    assert features == LearnerFeatures()
    assert features.tutor_note() == ""


def test_tutor_note_uses_interests_for_examples() -> None:
    note = LearnerFeatures(("football", "music"), pace=Pace.GENTLE, grade=5).tutor_note()
    assert "grade 5" in note and "football, music" in note and "small steps" in note


@pytest.mark.parametrize(("profile", "message"), [
    ({"pace": "turbo"}, "gentle, steady or fast"), ({"grade": 42}, "school year")])
def test_bad_profile_values_are_explained(profile: dict[str, object], message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        LearnerFeatures.from_profile(profile)
