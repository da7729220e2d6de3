"""What the Progress page shows, computed from attempts, skill states and review cards.

:func:`compute_progress` is a plain function (run it on the db lane); the page only
draws the :class:`ProgressData` it returns. Days are calendar days in the learner's local
time: pass ``today`` and attempts with local or UTC datetimes consistently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.core.learner.activities import Skill, SkillState
from app.core.learner.reviews import ReviewCard, Reviews

FORECAST_DAYS = 14
ACTIVITY_DAYS = 28


@dataclass(frozen=True)
class Attempt:
    """One graded answer: when, on which skill, right or not."""

    at: datetime
    skill_id: str
    correct: bool


@dataclass(frozen=True)
class SkillMastery:
    skill_id: str
    title: str
    mastery: float
    attempts: int


@dataclass(frozen=True)
class DayActivity:
    day: date
    answers: int
    right: int


@dataclass(frozen=True)
class ProgressData:
    """Attributes:
    skills: mastery per skill, in the pack's skill order.
    forecast: reviews due on each of the next 14 days (day 0 includes overdue ones).
    activity: answers per day for the last 28 days, oldest first.
    streak: consecutive days with at least one answer, ending today (or yesterday,
        so a streak is not lost before today's practice).
    best_streak: the longest such run ever.
    today: the day the figures are for.
    """

    skills: tuple[SkillMastery, ...]
    forecast: tuple[int, ...]
    activity: tuple[DayActivity, ...]
    streak: int
    best_streak: int
    today: date

    @property
    def total_answers(self) -> int:
        return sum(d.answers for d in self.activity)


def _runs(days: set[date]) -> Iterable[tuple[date, int]]:
    """(last day, length) of each run of consecutive days."""
    for day in sorted(days):
        if day + timedelta(days=1) not in days:
            length = 1
            while day - timedelta(days=length) in days:
                length += 1
            yield day, length


def streaks(days: set[date], today: date) -> tuple[int, int]:
    """(current streak, best streak) over the set of days with activity."""
    current, best = 0, 0
    for end, length in _runs(days):
        best = max(best, length)
        if end >= today - timedelta(days=1) and end <= today:
            current = length
    return current, best


def _activity(attempts: Sequence[Attempt], today: date) -> tuple[DayActivity, ...]:
    answers = Counter(a.at.date() for a in attempts)
    right = Counter(a.at.date() for a in attempts if a.correct)
    first = today - timedelta(days=ACTIVITY_DAYS - 1)
    return tuple(DayActivity(first + timedelta(days=i), answers[first + timedelta(days=i)],
                             right[first + timedelta(days=i)]) for i in range(ACTIVITY_DAYS))


def compute_progress(*, skills: Sequence[Skill], states: dict[str, SkillState],
                     attempts: Sequence[Attempt], cards: Sequence[ReviewCard],
                     reviews: Reviews, today: date) -> ProgressData:
    """Build the page's data. ``states`` may lack skills never practised (mastery 0)."""
    mastery = tuple(SkillMastery(s.id, s.title, states[s.id].mastery if s.id in states
                                 else 0.0, states[s.id].attempts if s.id in states else 0)
                    for s in skills)
    current, best = streaks({a.at.date() for a in attempts}, today)
    return ProgressData(mastery, tuple(reviews.forecast(cards, today, FORECAST_DAYS)),
                        _activity(attempts, today), current, best, today)
