"""How numbers are said to a learner: percentages, "6 days ago", review reasons.

Kept in one place so the recommender and the progress page say things the same way.
English only for now; the UI translates the words around these sentences with ``tr()``.
"""

from __future__ import annotations

from datetime import datetime

from app.core.learner.reviews import utc


def pct(probability: float) -> str:
    """``0.678`` -> ``"68%"``."""
    return f"{round(100 * probability)}%"


def days_ago(days: int) -> str:
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def ago(moment: datetime | None, now: datetime | None) -> str:
    """``"6 days ago"`` / ``"today"`` / ``"never"``; ``now`` defaults to the present."""
    if moment is None:
        return "never"
    now = utc(now or datetime.now(tz=utc(moment).tzinfo))
    return days_ago((now.date() - utc(moment).date()).days)


def review_reason(title: str, recall: float, days_since: int) -> str:
    """``"Review Equivalent fractions — predicted recall 68%, last practised 6 days ago"``."""
    return f"Review {title} — predicted recall {pct(recall)}, last practised {days_ago(days_since)}"
