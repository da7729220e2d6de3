"""FSRS integration: ratings, due dates, recall, forecast, settings."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from fsrs import Rating

from app.core.learner.reviews import (
    ReviewCard,
    Reviews,
    ReviewSettingsError,
    rating_for,
)

T0 = datetime(2026, 3, 2, 16, 0, tzinfo=timezone.utc)


def reviewed(reviews: Reviews, *ratings: Rating, start: datetime = T0) -> ReviewCard:
    card, at = reviews.new_card("fractions.equivalent"), start
    for rating in ratings:
        card = reviews.review(card, rating, at)
        at = card.card.due
    return card


def test_again_is_due_sooner_than_good() -> None:
    reviews = Reviews()
    good = reviewed(reviews, Rating.Good, Rating.Good)
    again = reviewed(reviews, Rating.Good, Rating.Again)
    assert again.card.due < good.card.due


def test_higher_desired_retention_means_earlier_reviews() -> None:
    strict, relaxed = Reviews(0.95), Reviews(0.8)
    assert reviewed(strict, Rating.Good).card.due < reviewed(relaxed, Rating.Good).card.due


def test_recall_falls_with_time_and_due_lists_weakest_first() -> None:
    reviews = Reviews()
    weak = reviewed(reviews, Rating.Again)
    strong = ReviewCard("decimals", reviewed(reviews, Rating.Good, Rating.Good).card)
    later = T0 + timedelta(days=60)
    assert reviews.recall(weak, T0 + timedelta(days=1)) > reviews.recall(weak, later)
    due = reviews.due([strong, weak], later)
    assert [d.item_id for d in due] == ["fractions.equivalent", "decimals"]
    assert due[0].days_since >= 59 and 0 < due[0].recall < 1


def test_never_reviewed_cards_are_not_due_and_not_forecast() -> None:
    reviews = Reviews()
    card = reviews.new_card("x")
    assert reviews.due([card], T0) == []
    assert reviews.forecast([card], T0.date()) == [0] * 14


def test_forecast_counts_reviews_per_day_including_overdue() -> None:
    reviews = Reviews()
    cards = [reviewed(reviews, Rating.Good), reviewed(reviews, Rating.Again),
             reviewed(reviews, Rating.Good, start=T0 - timedelta(days=40))]
    forecast = reviews.forecast(cards, date(2026, 3, 2))
    assert len(forecast) == 14
    assert sum(forecast) == 3
    assert forecast[0] >= 1  # the old card is overdue


def test_naive_datetimes_are_taken_as_utc() -> None:
    reviews = Reviews()
    card = reviews.review(reviews.new_card("x"), Rating.Good, T0.replace(tzinfo=None))
    assert card.card.last_review == T0


def test_card_survives_a_dict_round_trip() -> None:
    card = reviewed(Reviews(), Rating.Good)
    again = ReviewCard.from_dict(card.to_dict())
    assert again.item_id == card.item_id and again.card.due == card.card.due


@pytest.mark.parametrize(("kwargs", "rating"), [
    ({"correct": False}, Rating.Again), ({"correct": True}, Rating.Good),
    ({"correct": True, "hints_used": 2}, Rating.Hard),
    ({"correct": True, "score": 0.7}, Rating.Hard)])
def test_rating_for_answers(kwargs: dict[str, object], rating: Rating) -> None:
    assert rating_for(**kwargs) is rating  # type: ignore[arg-type]


def test_retention_out_of_range_says_what_to_do() -> None:
    with pytest.raises(ReviewSettingsError, match="Choose a value"):
        Reviews(0.5)
