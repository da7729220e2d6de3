"""Per-week, per-skill figures of one learner, from plain attempt and mastery records."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from app.core.sync.records import (
    BUCKETS,
    AttemptRecord,
    MasteryRecord,
    SkillFigures,
    Week,
    bucket_of,
    week_of,
)


def aggregate_week(*, week: Week, skills: Sequence[str], attempts: Iterable[AttemptRecord],
                   mastery: Iterable[MasteryRecord]) -> list[SkillFigures]:
    """Figures for every skill in ``skills`` (in that order) for ``week``.

    Args:
        skills: the full skill list of the installed content, not just the skills the
            learner practised: reporting only practised skills would leak which ones.
        attempts: any attempts; those outside ``week`` or outside ``skills`` are ignored.
        mastery: current mastery per skill; a missing skill counts as 0.

    Returns:
        Exact figures (not clamped, not noised): :func:`app.core.sync.privacy.release`
        does both before anything leaves.
    """
    wanted = set(skills)
    counts: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for attempt in attempts:
        if attempt.skill_id in wanted and week_of(attempt.at) == week:
            row = counts[attempt.skill_id]
            row[0] += 1
            row[1] += attempt.correct
            row[2] += max(0.0, attempt.time_s)
    level = {m.skill_id: m.mastery for m in mastery}
    return [_figures(skill, counts.get(skill), level.get(skill, 0.0)) for skill in skills]


def _figures(skill: str, row: list[float] | None, mastery: float) -> SkillFigures:
    n, right, seconds = row or (0.0, 0.0, 0.0)
    buckets = [0.0] * len(BUCKETS)
    buckets[bucket_of(mastery)] = 1.0
    return SkillFigures(skill_id=skill, attempts=n, correct=right, buckets=tuple(buckets),
                        minutes=seconds / 60.0)
