"""Recommender scenarios: locking, reviews vs new lessons, goals, pace, reasons."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.core.learner.activities import Kind, Lesson, Skill, SkillState
from app.core.learner.features import LearnerFeatures, Pace
from app.core.learner.recommender import Situation, candidates, recommend, unlocked
from app.core.learner.reviews import DueReview

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=timezone.utc)
SKILLS = [Skill("parts", "Parts of a whole"),
          Skill("equiv", "Equivalent fractions", ("parts",)),
          Skill("compare", "Comparing fractions", ("equiv",)),
          Skill("add", "Adding fractions", ("equiv",))]
LESSONS = [Lesson("l-parts", "Parts of a whole", ("parts",)),
           Lesson("l-equiv", "Equivalent fractions", ("equiv",)),
           Lesson("l-compare", "Comparing fractions", ("compare",)),
           Lesson("l-add", "Adding fractions", ("add",))]


def state(skill: str, mastery: float, attempts: int = 10, days_ago: int = 1) -> SkillState:
    return SkillState(skill, mastery, attempts, NOW - timedelta(days=days_ago), 4, 5)


def situation(**kwargs: object) -> Situation:
    base: dict[str, object] = {
        "skills": SKILLS, "lessons": LESSONS, "now": NOW,
        "states": {"parts": state("parts", 0.97)},
        "completed_lessons": frozenset({"l-parts"})}
    base.update(kwargs)
    return Situation(**base)  # type: ignore[arg-type]


def test_lessons_stay_locked_until_prerequisites_are_mastered() -> None:
    sit = situation(states={"parts": state("parts", 0.6)})
    assert not unlocked(sit, "equiv")
    assert all(r.target_id != "l-equiv" for r in candidates(sit))
    open_sit = situation()
    assert unlocked(open_sit, "equiv") and not unlocked(open_sit, "compare")
    new = [r.target_id for r in candidates(open_sit) if r.kind is Kind.NEW_LESSON]
    assert new == ["l-equiv"]


def test_due_review_beats_new_lesson_when_recall_is_low() -> None:
    sit = situation(due=[DueReview("parts", recall=0.55, days_since=12, overdue_days=4)])
    first = recommend(sit)[0]
    assert first.kind is Kind.REVIEW and first.target_id == "parts"
    assert first.reason == ("Review Parts of a whole — predicted recall 55%, "
                            "last practised 12 days ago")


def test_new_lesson_beats_a_review_that_is_barely_due() -> None:
    sit = situation(due=[DueReview("parts", recall=0.89, days_since=3, overdue_days=0)])
    assert recommend(sit)[0].kind is Kind.NEW_LESSON


def test_practice_goes_to_the_weakest_unlocked_skill() -> None:
    sit = situation(states={"parts": state("parts", 0.97), "equiv": state("equiv", 0.95),
                            "compare": state("compare", 0.3, days_ago=6),
                            "add": state("add", 0.6)},
                    completed_lessons=frozenset(lesson.id for lesson in LESSONS))
    practice = [r for r in candidates(sit) if r.kind is Kind.PRACTICE]
    assert practice[0].skill_id == "compare"
    assert practice[0].reason == ("Practise Comparing fractions — mastery 30%, your weakest "
                                  "unlocked skill, last practised 6 days ago")


def test_every_recommendation_has_reason_numbers_and_top_factors() -> None:
    sit = situation(states={"parts": state("parts", 0.97), "equiv": state("equiv", 0.5)},
                    completed_lessons=frozenset({"l-parts", "l-equiv"}),
                    due=[DueReview("parts", 0.7, 6, 1)])
    recs = recommend(sit, count=4)
    assert {r.kind for r in recs} >= {Kind.REVIEW, Kind.PRACTICE}
    for rec in recs:
        assert rec.reason and any(ch.isdigit() for ch in rec.reason)
        assert 1 <= len(rec.factors) <= 3
        weights = [f.weight for f in rec.factors]
        assert weights == sorted(weights, reverse=True)


def test_picks_are_interleaved_not_all_the_same_kind() -> None:
    due = [DueReview(s, 0.7, 5, 1) for s in ("parts", "equiv", "compare")]
    sit = situation(states={s.id: state(s.id, 0.97) for s in SKILLS[:3]}, due=due,
                    completed_lessons=frozenset({"l-parts", "l-equiv", "l-compare"}))
    kinds = [r.kind for r in recommend(sit, count=3)]
    assert kinds[0] is Kind.REVIEW and kinds[1] is not Kind.REVIEW


def test_goals_lift_the_lessons_that_lead_to_them() -> None:
    sit = situation(states={"parts": state("parts", 0.97), "equiv": state("equiv", 0.97)},
                    completed_lessons=frozenset({"l-parts", "l-equiv"}),
                    features=LearnerFeatures(goals=frozenset({"add"})))
    first = recommend(sit)[0]
    assert first.target_id == "l-add"
    assert any(f.label == "One of your goals" for f in first.factors)


def test_why_this_quotes_the_learners_goal_and_shows_a_gentle_pace() -> None:
    goal = "get ready for the test on Friday"
    sit = situation(states={"parts": state("parts", 0.97), "equiv": state("equiv", 0.97)},
                    completed_lessons=frozenset({"l-parts", "l-equiv"}),
                    features=LearnerFeatures(goals=frozenset({"add"}), goal_text=goal,
                                             pace=Pace.GENTLE))
    first = recommend(sit)[0]
    factors = {f.label: f for f in first.factors}
    assert factors["One of your goals"].value == f"“{goal}”: this skill"
    # A gentle pace lowers a new lesson's score, and "Why this?" says so (by size, not sign).
    assert factors["Your pace"].weight < 0 and factors["Your pace"].value == "gentle"


def test_pace_changes_when_a_prerequisite_counts_as_mastered() -> None:
    states = {"parts": state("parts", 0.88)}
    gentle = situation(states=states, features=LearnerFeatures(pace=Pace.GENTLE))
    fast = situation(states=states, features=LearnerFeatures(pace=Pace.FAST))
    assert not unlocked(gentle, "equiv") and unlocked(fast, "equiv")


def test_stretch_offered_to_a_learner_doing_well() -> None:
    sit = situation(features=LearnerFeatures(pace=Pace.FAST))
    stretch = [r for r in candidates(sit) if r.kind is Kind.STRETCH]
    assert stretch and "4 of your last 5 right" in stretch[0].reason


def test_nothing_to_recommend_is_an_empty_list() -> None:
    assert recommend(Situation(skills=[], lessons=[], states={})) == []


@pytest.mark.parametrize("count", [1, 2, 5])
def test_never_more_than_asked_and_no_duplicates(count: int) -> None:
    recs = recommend(situation(due=[DueReview("parts", 0.6, 9, 2)]), count=count)
    assert len(recs) <= count
    assert len({(r.kind, r.target_id) for r in recs}) == len(recs)


def test_last_activity_kind_is_not_repeated_when_close() -> None:
    due = [DueReview("parts", recall=0.81, days_since=4, overdue_days=0)]
    fresh = recommend(situation(due=due))
    after_new_lesson = recommend(situation(due=due, recent_kinds=[Kind.NEW_LESSON]))
    assert fresh[0].kind is Kind.NEW_LESSON
    assert after_new_lesson[0].kind is Kind.REVIEW


def test_a_pack_without_lessons_offers_its_untried_skills() -> None:
    """Every imported quiz: questions on skills, no lessons to start from."""
    sit = situation(lessons=[], states={}, completed_lessons=frozenset(),
                    practisable=frozenset({"parts", "equiv", "compare", "add"}))
    [first] = recommend(sit, 1)
    assert first.kind is Kind.NEW_SKILL and first.target_id == "parts"
    assert first.reason == "Try Parts of a whole — questions you haven't tried yet"
    started = situation(lessons=[], completed_lessons=frozenset(),
                        states={"parts": state("parts", 0.97), "equiv": state("equiv", 0.3)},
                        practisable=frozenset({"parts", "equiv", "compare", "add"}))
    kinds = {(r.kind, r.skill_id) for r in candidates(started)}
    assert (Kind.PRACTICE, "equiv") in kinds  # the weakest started skill
    assert (Kind.NEW_SKILL, "compare") not in kinds  # its prerequisite is not mastered
    assert (Kind.NEW_SKILL, "parts") not in kinds  # already tried


def test_a_skill_a_lesson_teaches_is_started_from_the_lesson() -> None:
    sit = situation(practisable=frozenset({"parts", "equiv"}))
    assert all(r.kind is not Kind.NEW_SKILL for r in candidates(sit))
