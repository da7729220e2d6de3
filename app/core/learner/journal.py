"""Join a content pack, a learner's profile and the learner model: record and summarise.

Plain functions for the ``db`` lane (the profile belongs to that thread):

- :func:`record_answer` stores one graded answer in the encrypted profile, updates BKT
  mastery and the skill's FSRS review card, and returns the new mastery.
- :func:`snapshot` computes what Home and Progress show: the progress figures and the
  recommender's picks for one pack.

The learner model's running state is rebuilt by replaying the profile's attempts (a few
microseconds per answer), so the attempts stay the one source of truth; the skill's
mastery and card are also stored in ``skill_state`` for reports and for sync. Skills
belong to their pack: attempts, mastery and review cards are all read and written under
(pack id, skill id), so two packs that both have a skill "fraction-meaning" never share
its figures.
A lesson counts as done once any of its skills has been practised.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from app.core.content.model import Pack, Question
from app.core.learner.activities import Lesson, Recommendation, Skill, SkillState
from app.core.learner.features import LearnerFeatures
from app.core.learner.grading import Grade
from app.core.learner.model import LearnerModel, LearnerState
from app.core.learner.progress import Attempt, ProgressData, compute_progress
from app.core.learner.recommender import Situation, recommend
from app.core.learner.reviews import DueReview, ReviewCard, Reviews, rating_for, utc
from app.store import Profile
from app.store import SkillState as StoredSkill

RECENT = 5


@dataclass(frozen=True)
class Recorded:
    """What :func:`record_answer` stored: the attempt counted, the mastery after it."""

    counted: bool
    mastery: float


def activities(pack: Pack) -> tuple[list[Skill], list[Lesson]]:
    """The pack's skills and lessons as the recommender's values, in pack order."""
    skills = [Skill(s.id, s.name, tuple(s.prerequisites)) for s in pack.skills]
    lessons = [Lesson(lesson.id, lesson.title, tuple(lesson.skills))
               for lesson in sorted(pack.lessons, key=lambda x: (x.order, x.id))]
    return skills, lessons


def learner_state(profile: Profile, pack_id: str, model: LearnerModel) -> LearnerState:
    """The model's state after every answer on ``pack_id``'s skills, in the order given."""
    state = model.new_state()
    for attempt in profile.attempts(pack_id=pack_id):
        model.record(state, attempt.skill_id, attempt.correct)
    return state


def _card(profile: Profile, pack_id: str, skill_id: str, reviews: Reviews) -> ReviewCard:
    stored = profile.skill_state(skill_id, pack_id=pack_id)
    if stored is not None and stored.card:
        return ReviewCard.from_dict(json.loads(stored.card))
    return reviews.new_card(skill_id)


def record_answer(profile: Profile, *, pack_id: str, question: Question, answer: str,
                  grade: Grade, hints_used: int, time_taken_s: float, now: datetime,
                  model: LearnerModel, reviews: Reviews) -> Recorded:
    """Store a graded answer on ``pack_id``'s skill and update the learner model; one
    transaction per write.

    An unreadable answer (``grade.counts_as_attempt`` false) stores nothing.
    """
    skill = question.skill
    if not grade.counts_as_attempt:
        return Recorded(False, skill_mastery(profile, pack_id, skill, model))
    profile.record_attempt(pack_id=pack_id, skill_id=skill, question_id=question.id,
                           question=question.prompt, answer=answer, correct=grade.correct,
                           score=grade.score, time_taken_s=time_taken_s,
                           hints_used=hints_used)
    mastery = skill_mastery(profile, pack_id, skill, model)
    rating = rating_for(correct=grade.correct, hints_used=hints_used, score=grade.score)
    card = reviews.review(_card(profile, pack_id, skill, reviews), rating, now)
    profile.set_skill_state(StoredSkill(skill, mastery, json.dumps(card.to_dict()),
                                        pack_id=pack_id))
    return Recorded(True, mastery)


def skill_mastery(profile: Profile, pack_id: str, skill_id: str, model: LearnerModel) -> float:
    return model.mastery(learner_state(profile, pack_id, model), skill_id)


def _states(profile: Profile, pack_id: str, skills: Sequence[Skill], model: LearnerModel
            ) -> dict[str, SkillState]:
    state = learner_state(profile, pack_id, model)
    result = {}
    for skill in skills:
        tries = profile.attempts(pack_id=pack_id, skill_id=skill.id)
        if not tries:
            continue
        recent = tries[-RECENT:]
        result[skill.id] = SkillState(
            skill.id, model.mastery(state, skill.id), len(tries),
            utc(datetime.fromisoformat(tries[-1].created_at)),
            sum(a.correct for a in recent), len(recent))
    return result


def _features(profile: Profile) -> LearnerFeatures:
    return LearnerFeatures.from_profile(profile.learner_settings().model_dump())


def snapshot(profile: Profile, pack: Pack, *, model: LearnerModel, reviews: Reviews,
             now: datetime, today: date, count: int = 3
             ) -> tuple[ProgressData, list[Recommendation]]:
    """Progress figures and recommendations for ``pack`` (``today`` in local time)."""
    skills, lessons = activities(pack)
    pack_id = pack.info.id
    states = _states(profile, pack_id, skills, model)
    cards = [_card(profile, pack_id, s.id, reviews) for s in skills if s.id in states]
    attempts = [Attempt(datetime.fromisoformat(a.created_at).astimezone(), a.skill_id,
                        a.correct) for a in profile.attempts(pack_id=pack_id)]
    done = frozenset(lesson.id for lesson in lessons
                     if any(s in states for s in lesson.skills))
    progress = compute_progress(skills=skills, states=states, attempts=attempts,
                                cards=cards, reviews=reviews, today=today)
    situation = _situation(pack, states, reviews.due(cards, now), _features(profile), done,
                           now)
    return progress, recommend(situation, count)


def _situation(pack: Pack, states: dict[str, SkillState], due: Sequence[DueReview],
               features: LearnerFeatures, done: frozenset[str], now: datetime) -> Situation:
    skills, lessons = activities(pack)
    return Situation(skills, lessons, states, due, features, done, now=utc(now),
                     practisable=frozenset(q.skill for q in pack.questions))


def first_plan(pack: Pack, *, now: datetime, count: int = 3) -> list[Recommendation]:
    """The plan a learner who has never answered anything in ``pack`` sees on Home."""
    return recommend(_situation(pack, {}, (), LearnerFeatures(), frozenset(), now), count)
