"""When to review: FSRS-6 (the ``fsrs`` package, default parameters) over skills or items.

A review card is kept per learned skill (or per question for fact decks). Grading turns
an answer into an FSRS rating (:func:`rating_for`); :meth:`Reviews.review` reschedules.
Scheduling is day-level: learning happens in lessons and practice, so the minute-level
"learning steps" of flash-card apps are switched off and a first review goes straight
to a day interval.

Pitfall: ``fsrs`` requires timezone-aware UTC datetimes; :func:`utc` converts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone

from fsrs import Card, Rating, Scheduler, State

DEFAULT_RETENTION = 0.9


class ReviewSettingsError(ValueError):
    """The desired retention is outside what FSRS can schedule sensibly."""


def utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC datetime (naive values are taken to be UTC already)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def rating_for(*, correct: bool, hints_used: int = 0, score: float | None = None) -> Rating:
    """FSRS rating for a graded answer.

    Wrong -> Again; right after hints or only partly right (score below 0.8) -> Hard;
    right -> Good. Easy is never inferred: learners rate themselves poorly at 10-14.
    """
    if not correct:
        return Rating.Again
    if hints_used > 0 or (score is not None and score < 0.8):
        return Rating.Hard
    return Rating.Good


@dataclass(frozen=True)
class ReviewCard:
    """One item's FSRS memory state.

    Attributes:
        item_id: a skill id or question id.
        card: the ``fsrs.Card`` (stability, difficulty, due, last review).
    """

    item_id: str
    card: Card

    def to_dict(self) -> dict[str, object]:
        return {"item_id": self.item_id, "card": dict(self.card.to_dict())}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ReviewCard:
        return cls(str(data["item_id"]), Card.from_dict(data["card"]))  # type: ignore[arg-type]


@dataclass(frozen=True)
class DueReview:
    """A review that is due, with the numbers the recommender quotes."""

    item_id: str
    recall: float  # predicted probability of recalling it now
    days_since: int  # whole days since the last review
    overdue_days: int


class Reviews:
    """FSRS scheduling with a configurable desired retention (0.70-0.97)."""

    def __init__(self, desired_retention: float = DEFAULT_RETENTION) -> None:
        if not 0.7 <= desired_retention <= 0.97:
            raise ReviewSettingsError(
                f"Desired retention {desired_retention:.0%} is outside 70%-97%. Choose a "
                "value in that range: higher means more reviews, lower means more forgetting.")
        self.scheduler = Scheduler(desired_retention=desired_retention, learning_steps=(),
                                   relearning_steps=(), enable_fuzzing=False)

    def new_card(self, item_id: str, *, card_id: int = 0) -> ReviewCard:
        # An explicit card_id: fsrs otherwise sleeps 1 ms per card to make ids unique.
        return ReviewCard(item_id, Card(card_id=card_id, state=State.Learning))

    def review(self, card: ReviewCard, rating: Rating, at: datetime) -> ReviewCard:
        """The card after a review with ``rating`` at ``at``."""
        updated, _ = self.scheduler.review_card(card.card, rating, review_datetime=utc(at))
        return ReviewCard(card.item_id, updated)

    def recall(self, card: ReviewCard, at: datetime) -> float:
        """Predicted probability of recall at ``at`` (0 for a never-reviewed card)."""
        return float(self.scheduler.get_card_retrievability(card.card, utc(at)))

    def due(self, cards: Iterable[ReviewCard], now: datetime) -> list[DueReview]:
        """Cards due by ``now``, lowest predicted recall first."""
        now = utc(now)
        result = []
        for card in cards:
            if card.card.last_review is None or card.card.due > now:
                continue
            result.append(DueReview(
                card.item_id, self.recall(card, now),
                (now - card.card.last_review).days, (now - card.card.due).days))
        return sorted(result, key=lambda d: d.recall)

    def forecast(self, cards: Iterable[ReviewCard], today: date, days: int = 14) -> list[int]:
        """Number of reviews falling due on each of the next ``days`` days.

        Day 0 also counts everything already overdue.
        """
        counts = [0] * days
        for card in cards:
            if card.card.last_review is None:
                continue
            offset = (card.card.due.date() - today).days
            if offset < days:
                counts[max(offset, 0)] += 1
        return counts
