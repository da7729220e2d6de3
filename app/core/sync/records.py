"""Plain values sync works on: what the learner model hands over, and what leaves.

The adapters from the profile store and the learner model build these; nothing in
``app.core.sync`` reads the profile's own rows, so sync survives schema changes there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NewType

Week = NewType("Week", str)  # ISO week, "2026-W47"

# Mastery buckets, lower bounds inclusive. Every learner is in exactly one bucket for
# every skill (a skill never practised has mastery 0, "not yet"), so the set of skills
# sent says nothing about what the learner did.
BUCKETS: tuple[tuple[str, float], ...] = (
    ("not_yet", 0.0), ("developing", 0.4), ("secure", 0.7), ("mastered", 0.95))


@dataclass(frozen=True)
class AttemptRecord:
    """One answered question: no text, no answer, only what the aggregates need."""

    skill_id: str
    correct: bool
    time_s: float
    at: dt.datetime  # timezone-aware


@dataclass(frozen=True)
class MasteryRecord:
    skill_id: str
    mastery: float  # probability the skill is known, 0..1


@dataclass(frozen=True)
class SkillFigures:
    """The true (un-noised) figures of one learner, one skill, one week."""

    skill_id: str
    attempts: float
    correct: float  # count, not share: the hub divides noisy sums (see docs/sync.md)
    buckets: tuple[float, ...]  # one-hot over BUCKETS
    minutes: float


def week_of(moment: dt.datetime) -> Week:
    year, week, _ = moment.isocalendar()
    return Week(f"{year}-W{week:02d}")


def bucket_of(mastery: float) -> int:
    """Index in :data:`BUCKETS` of ``mastery`` (clamped to 0..1 first)."""
    value = min(1.0, max(0.0, mastery))
    index = 0
    for i, (_, lower) in enumerate(BUCKETS):
        if value >= lower:
            index = i
    return index
