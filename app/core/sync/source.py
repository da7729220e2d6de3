"""The thin adapter from an unlocked profile to what sync reads (:class:`SyncSource`).

Only the skill, correctness, time taken and date of each attempt are read out; the
question and answer texts stay in the profile.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.core.sync.records import AttemptRecord, MasteryRecord
from app.store import Profile


class ProfileSource:
    """Reads a profile on the thread that owns it (the ``db`` lane).

    Args:
        skills: every skill of the installed content, practised or not (see
            :func:`app.core.sync.aggregate.aggregate_week` for why).
    """

    def __init__(self, profile: Profile, skills: Sequence[str]) -> None:
        self._profile = profile
        self._skills = tuple(skills)

    def skills(self) -> Sequence[str]:
        return self._skills

    def attempts(self) -> Sequence[AttemptRecord]:
        return [AttemptRecord(skill_id=a.skill_id, correct=a.correct, time_s=a.time_taken_s,
                              at=dt.datetime.fromisoformat(a.created_at))
                for a in self._profile.attempts()]

    def mastery(self) -> Sequence[MasteryRecord]:
        # A skill id may live in several packs (one state each): the class figure takes
        # the one the learner worked on last (states come oldest update first).
        latest = {s.skill_id: s for s in self._profile.skill_states()
                  if s.skill_id in self._skills}
        return [MasteryRecord(skill, latest[skill].mastery) for skill in self._skills
                if skill in latest]
