"""Weekly per-skill figures from plain records and from a real profile."""

from __future__ import annotations

import datetime as dt

from app.core.sync.aggregate import aggregate_week
from app.core.sync.records import AttemptRecord, MasteryRecord, Week, bucket_of, week_of
from app.core.sync.source import ProfileSource
from app.store import Profile, SkillState

MONDAY = dt.datetime(2026, 11, 16, 9, 0, tzinfo=dt.timezone.utc)  # 2026-W47


def _attempt(skill: str, correct: bool, seconds: float, days: int = 0) -> AttemptRecord:
    return AttemptRecord(skill, correct, seconds, MONDAY + dt.timedelta(days=days))


def test_counts_only_the_week_and_the_listed_skills() -> None:
    attempts = [_attempt("fractions", True, 60), _attempt("fractions", False, 120, days=3),
                _attempt("fractions", True, 30, days=7),  # next week
                _attempt("unlisted", True, 10)]
    figures = aggregate_week(week=Week("2026-W47"), skills=["fractions", "decimals"],
                             attempts=attempts,
                             mastery=[MasteryRecord("fractions", 0.75)])
    fractions, decimals = figures
    assert (fractions.attempts, fractions.correct, fractions.minutes) == (2, 1, 3.0)
    assert fractions.buckets == (0.0, 0.0, 1.0, 0.0)
    # A skill never practised is still reported (all zero, bucket "not yet"): the set
    # of skills sent must not reveal what the learner did.
    assert (decimals.attempts, decimals.correct, decimals.minutes) == (0, 0, 0.0)
    assert decimals.buckets == (1.0, 0.0, 0.0, 0.0)


def test_weeks_and_buckets() -> None:
    assert week_of(MONDAY) == "2026-W47"
    assert week_of(dt.datetime(2027, 1, 1, tzinfo=dt.timezone.utc)) == "2026-W53"
    assert [bucket_of(m) for m in (-1, 0.39, 0.4, 0.7, 0.95, 2)] == [0, 0, 1, 2, 3, 3]


def test_profile_adapter_reads_real_attempts(profile: Profile) -> None:
    for correct in (True, True, False):
        profile.record_attempt(skill_id="fractions", question_id="q", question="1/2+1/4?",
                               answer="3/4", correct=correct, score=float(correct),
                               time_taken_s=30.0)
    profile.set_skill_state(SkillState("fractions", 0.96, None, ""))
    source = ProfileSource(profile, ["fractions", "decimals"])
    week = week_of(dt.datetime.now(dt.timezone.utc))
    figures = aggregate_week(week=week, skills=source.skills(), attempts=source.attempts(),
                             mastery=source.mastery())
    assert (figures[0].attempts, figures[0].correct, figures[0].minutes) == (3, 2, 1.5)
    assert figures[0].buckets == (0.0, 0.0, 0.0, 1.0)
    assert figures[1].attempts == 0
