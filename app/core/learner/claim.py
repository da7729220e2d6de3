"""Hand answers stored before packs were told apart to the pack they were given in.

Profiles before schema version 3 stored attempts by skill id alone, so after the English
and the Chinese fractions packs were both practised, their "fraction-meaning" answers
were one pile. The migration keeps those rows with pack id '' (nothing is dropped); this
module decides, once the installed packs are known, which pack each one belongs to:

1. the packs that have a question with the attempt's question id on the attempt's skill;
2. if several do, those whose question text is the one stored with the attempt;
3. if none do (the question was edited since), the packs that have the skill at all.

One candidate left: the attempt moves to that pack (in one transaction, with the skill's
stored mastery and review card). Still several (two copies of the same pack): the first
by pack id, so the outcome does not depend on the order packs were read. None: the
attempt stays as it is until its pack is installed again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from app.core.content.model import Pack
from app.store import Profile
from app.store.records import Attempt, AttemptId

log = logging.getLogger(__name__)


def owner(attempt: Attempt, packs: Sequence[Pack]) -> str | None:
    """The id of the pack ``attempt`` was most likely given in, or None."""
    by_question = [p for p in packs if any(
        q.id == attempt.question_id and q.skill == attempt.skill_id for q in p.questions)]
    if len(by_question) > 1:
        same_text = [p for p in by_question if any(
            q.id == attempt.question_id and q.prompt == attempt.question for q in p.questions)]
        by_question = same_text or by_question
    found = by_question or [p for p in packs if any(s.id == attempt.skill_id
                                                    for s in p.skills)]
    return min(p.info.id for p in found) if found else None


def claim_attempts(profile: Profile, packs: Sequence[Pack]) -> int:
    """Give every attempt without a pack the pack it belongs to; returns how many moved.

    Cheap when there is nothing to do (one indexed query), so it runs at every sign-in
    and whenever the installed packs change. Call it on the profile's (db) thread.
    """
    loose = profile.attempts(pack_id="")
    if not loose:
        return 0
    owners: dict[AttemptId, str] = {}
    for attempt in loose:
        pack_id = owner(attempt, packs)
        if pack_id is not None:
            owners[attempt.id] = pack_id
    moved = profile.hand_to_packs(owners) if owners else 0
    log.info("%d earlier answers given their pack; %d wait for a pack to be installed",
             moved, len(loose) - moved)
    return moved
