"""How numbers are said to a learner: percentages, "6 days ago", review reasons.

Kept in one place so the recommender and the progress page say things the same way.
Sentences are :class:`app.messages.Message` values: English here, translated by the UI
when it shows them (``app.ui.i18n.translated``).
"""

from __future__ import annotations

from datetime import datetime

from app.core.learner.reviews import utc
from app.messages import QT_TRANSLATE_NOOP, Message, message


def pct(probability: float) -> str:
    """``0.678`` -> ``"68%"``."""
    return f"{round(100 * probability)}%"


def days_ago(days: int) -> Message:
    if days <= 0:
        return QT_TRANSLATE_NOOP("Wording", "today")
    if days == 1:
        return QT_TRANSLATE_NOOP("Wording", "yesterday")
    return message(QT_TRANSLATE_NOOP("Wording", "{days} days ago"), days=days)


def ago(moment: datetime | None, now: datetime | None) -> Message:
    """``"6 days ago"`` / ``"today"`` / ``"never"``; ``now`` defaults to the present."""
    if moment is None:
        return QT_TRANSLATE_NOOP("Wording", "never")
    now = utc(now or datetime.now(tz=utc(moment).tzinfo))
    return days_ago((now.date() - utc(moment).date()).days)


def review_reason(title: str, recall: float, days_since: int) -> Message:
    """``"Review Equivalent fractions — predicted recall 68%, last practised 6 days ago"``."""
    return message(QT_TRANSLATE_NOOP(
        "Recommender", "Review {skill} — predicted recall {recall}, last practised {when}"),
        skill=title, recall=pct(recall), when=days_ago(days_since))
