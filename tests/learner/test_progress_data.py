"""The Progress page's data from attempts, skill states and review cards."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from fsrs import Rating

from app.core.learner.activities import Skill, SkillState
from app.core.learner.progress import Attempt, compute_progress, streaks
from app.core.learner.reviews import Reviews

TODAY = date(2026, 3, 10)


def at(days_ago: int) -> datetime:
    day = TODAY - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, 16, tzinfo=timezone.utc)


def test_streaks_current_and_best() -> None:
    days = {TODAY - timedelta(days=d) for d in (1, 2, 3, 7, 8, 9, 10, 11)}
    assert streaks(days, TODAY) == (3, 5)  # yesterday still counts: today isn't over
    assert streaks({TODAY - timedelta(days=3)}, TODAY) == (0, 1)
    assert streaks(set(), TODAY) == (0, 0)


def test_compute_progress() -> None:
    skills = [Skill("a", "Adding"), Skill("b", "Taking away", ("a",))]
    attempts = [Attempt(at(0), "a", True), Attempt(at(0), "a", False), Attempt(at(2), "b", True)]
    reviews = Reviews()
    card = reviews.review(reviews.new_card("a"), Rating.Good, at(0))
    data = compute_progress(skills=skills, states={"a": SkillState("a", 0.8, 2)},
                            attempts=attempts, cards=[card], reviews=reviews, today=TODAY)
    assert [(s.title, s.mastery, s.attempts) for s in data.skills] == [
        ("Adding", 0.8, 2), ("Taking away", 0.0, 0)]
    assert len(data.forecast) == 14 and sum(data.forecast) == 1
    assert len(data.activity) == 28 and data.activity[-1].day == TODAY
    assert (data.activity[-1].answers, data.activity[-1].right) == (2, 1)
    assert data.total_answers == 3
    assert data.streak == 1 and data.best_streak == 1
