"""Choose what the learner should do next, and say why in words and numbers.

Candidates come from five sources, each scored as a sum of named factors:

- **review**: an FSRS review that is due. Urgency grows with the gap between the desired
  retention and the predicted recall, so a badly forgotten skill beats a new lesson.
- **new lesson**: a lesson not yet done whose skills' prerequisites are all mastered
  (P(known) at least the pace's unlock level) and that still teaches something.
- **new skill**: an unlocked skill with practice questions that no lesson teaches and
  the learner has not tried yet (every imported quiz is such a pack: questions, no
  lessons), so a pack without lessons still has something new to offer.
- **practice**: an unlocked, started skill below mastery; the weaker, the higher.
- **stretch**: harder questions on a mastered skill, for a learner who is doing well.

Goals add to the score of a skill that is a goal or leads to one (and "Why this?" quotes
the goal in the learner's words, from "About me"); pace moves new lessons and stretch up
or down. :func:`recommend` then picks the best few with interleaving:
a pick of the same kind as the one before it, or of the same skill, loses points.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from app.core.learner.activities import (
    Factor,
    Kind,
    Lesson,
    Recommendation,
    Skill,
    SkillState,
)
from app.core.learner.features import LearnerFeatures
from app.core.learner.reviews import DEFAULT_RETENTION, DueReview
from app.core.learner.wording import ago, pct, review_reason
from app.messages import QT_TRANSLATE_NOOP, Message, message

GOAL_BONUS = 0.12
SAME_KIND_PENALTY = 0.15
SAME_SKILL_PENALTY = 0.30
LAST_KIND_PENALTY = 0.08

# Factor labels and the learner's pace, in words the UI translates (app.messages).
GOAL = QT_TRANSLATE_NOOP("Recommender", "One of your goals")
YOUR_PACE = QT_TRANSLATE_NOOP("Recommender", "Your pace")
MASTERY = QT_TRANSLATE_NOOP("Recommender", "Mastery")
PACE_WORDS = {"gentle": QT_TRANSLATE_NOOP("Recommender", "gentle"),
              "steady": QT_TRANSLATE_NOOP("Recommender", "steady"),
              "fast": QT_TRANSLATE_NOOP("Recommender", "fast")}


@dataclass(frozen=True)
class Situation:
    """Everything the recommender looks at, in one value (easy to build in tests)."""

    skills: Sequence[Skill]
    lessons: Sequence[Lesson]
    states: Mapping[str, SkillState]
    due: Sequence[DueReview] = ()
    features: LearnerFeatures = field(default_factory=LearnerFeatures)
    completed_lessons: frozenset[str] = frozenset()
    recent_kinds: Sequence[Kind] = ()  # most recent last
    practisable: frozenset[str] = frozenset()  # skills with practice questions
    now: datetime | None = None
    desired_retention: float = DEFAULT_RETENTION

    def mastery(self, skill_id: str) -> float:
        state = self.states.get(skill_id)
        return state.mastery if state is not None else 0.0

    def mastered(self, skill_id: str) -> bool:
        return self.mastery(skill_id) >= self.features.pace.unlock_mastery

    def title(self, skill_id: str) -> str:
        return next((s.title for s in self.skills if s.id == skill_id), skill_id)


def _prereqs(sit: Situation, skill_id: str) -> tuple[str, ...]:
    return next((s.prerequisites for s in sit.skills if s.id == skill_id), ())


def unlocked(sit: Situation, skill_id: str) -> bool:
    """True when every prerequisite of ``skill_id`` is mastered."""
    return all(sit.mastered(p) for p in _prereqs(sit, skill_id))


def _leads_to_goal(sit: Situation, skill_id: str) -> str | None:
    """The goal skill ``skill_id`` is or leads to (through prerequisites), if any."""
    for goal in sorted(sit.features.goals):
        stack, seen = [goal], set()
        while stack:
            current = stack.pop()
            if current == skill_id:
                return goal
            if current not in seen:
                seen.add(current)
                stack.extend(_prereqs(sit, current))
    return None


def _goal_factor(sit: Situation, skill_id: str) -> list[Factor]:
    goal = _leads_to_goal(sit, skill_id)
    if goal is None:
        return []
    value = (QT_TRANSLATE_NOOP("Recommender", "this skill") if goal == skill_id
             else message(QT_TRANSLATE_NOOP("Recommender", "leads to {skill}"),
                          skill=sit.title(goal)))
    if sit.features.goal_text:  # the learner's own words, from "About me"
        value = message(QT_TRANSLATE_NOOP("Recommender", "“{goal}”: {how}"),
                        goal=sit.features.goal_text, how=value)
    return [Factor(GOAL, value, GOAL_BONUS)]


def _pace(sit: Situation) -> list[Factor]:
    pace = sit.features.pace
    if not pace.new_bonus:
        return []
    return [Factor(YOUR_PACE, PACE_WORDS.get(pace.value, pace.value), pace.new_bonus)]


def _make(kind: Kind, target: str, skill: str, title: str, reason: Message,
          factors: list[Factor]) -> Recommendation:
    # By size, not sign: a gentle pace lowers a score, and "Why this?" must say so too.
    ordered = tuple(sorted(factors, key=lambda f: -abs(f.weight)))
    return Recommendation(kind, target, skill, title, round(sum(f.weight for f in factors), 4),
                          reason, ordered[:3])


def _reviews(sit: Situation) -> list[Recommendation]:
    out = []
    for item in sit.due:
        gap = max(0.0, sit.desired_retention - item.recall)
        title = sit.title(item.item_id)
        overdue = (message(QT_TRANSLATE_NOOP("Recommender", "{days} days overdue"),
                           days=item.overdue_days) if item.overdue_days
                   else QT_TRANSLATE_NOOP("Wording", "today"))
        factors = [Factor(QT_TRANSLATE_NOOP("Recommender", "Review due"), overdue, 0.40),
                   Factor(QT_TRANSLATE_NOOP("Recommender", "Predicted recall"), pct(item.recall),
                          round(1.5 * gap, 4)),
                   *_goal_factor(sit, item.item_id)]
        out.append(_make(Kind.REVIEW, item.item_id, item.item_id, title,
                         review_reason(title, item.recall, item.days_since), factors))
    return out


def _new_lessons(sit: Situation) -> list[Recommendation]:
    out = []
    for lesson in sit.lessons:
        if lesson.id in sit.completed_lessons or not lesson.skills:
            continue
        if not all(unlocked(sit, s) for s in lesson.skills):
            continue
        if all(sit.mastered(s) for s in lesson.skills):
            continue  # nothing left to learn here
        skill = lesson.skills[0]
        prereqs = [p for s in lesson.skills for p in _prereqs(sit, s)]
        built_on = ", ".join(f"{sit.title(p)} {pct(sit.mastery(p))}" for p in prereqs)
        ready = (message(QT_TRANSLATE_NOOP("Recommender", "prerequisites mastered ({skills})"),
                         skills=built_on) if prereqs
                 else QT_TRANSLATE_NOOP("Recommender", "no prerequisites"))
        factors = [Factor(QT_TRANSLATE_NOOP("Recommender", "New material"),
                          QT_TRANSLATE_NOOP("Recommender", "not started"), 0.55),
                   Factor(QT_TRANSLATE_NOOP("Recommender", "Ready for it"), ready, 0.05),
                   *_goal_factor(sit, skill), *_pace(sit)]
        reason = (message(QT_TRANSLATE_NOOP(
            "Recommender", "Start {lesson} — you've mastered what it builds on ({skills})"),
            lesson=lesson.title, skills=built_on) if prereqs else message(QT_TRANSLATE_NOOP(
                "Recommender", "Start {lesson} — it needs nothing you haven't done"),
                lesson=lesson.title))
        out.append(_make(Kind.NEW_LESSON, lesson.id, skill, lesson.title, reason, factors))
    return out


def _taught(sit: Situation) -> set[str]:
    return {skill for lesson in sit.lessons for skill in lesson.skills}


def _new_skills(sit: Situation) -> list[Recommendation]:
    """Untried skills that only questions cover; earlier in the pack scores a bit higher."""
    taught, out = _taught(sit), []
    fresh = [s for s in sit.skills if s.id in sit.practisable and s.id not in taught
             and s.id not in sit.states and unlocked(sit, s.id)]
    for position, skill in enumerate(fresh):
        built_on = ", ".join(f"{sit.title(p)} {pct(sit.mastery(p))}"
                             for p in skill.prerequisites)
        factors = [Factor(QT_TRANSLATE_NOOP("Recommender", "New material"),
                          QT_TRANSLATE_NOOP("Recommender", "not tried yet"), 0.55),
                   Factor(QT_TRANSLATE_NOOP("Recommender", "Ready for it"),
                          message(QT_TRANSLATE_NOOP(
                              "Recommender", "prerequisites mastered ({skills})"),
                              skills=built_on) if built_on
                          else QT_TRANSLATE_NOOP("Recommender", "no prerequisites"),
                          round(0.05 - 0.001 * min(position, 40), 4)),
                   *_goal_factor(sit, skill.id), *_pace(sit)]
        reason = (message(QT_TRANSLATE_NOOP(
            "Recommender", "Try {skill} — new questions, and you've mastered what they "
            "build on ({skills})"), skill=skill.title, skills=built_on) if built_on
            else message(QT_TRANSLATE_NOOP(
                "Recommender", "Try {skill} — questions you haven't tried yet"),
                skill=skill.title))
        out.append(_make(Kind.NEW_SKILL, skill.id, skill.id, skill.title, reason, factors))
    return out


def _practice(sit: Situation) -> list[Recommendation]:
    candidates = [s for s in sit.states.values()
                  if s.attempts > 0 and not sit.mastered(s.skill_id)
                  and unlocked(sit, s.skill_id)]
    weakest = min((s.mastery for s in candidates), default=None)
    out = []
    for state in candidates:
        title, gap = sit.title(state.skill_id), sit.features.pace.unlock_mastery - state.mastery
        factors = [Factor(QT_TRANSLATE_NOOP("Recommender", "Practice"),
                          message(QT_TRANSLATE_NOOP("Recommender", "{count} answers so far"),
                                  count=state.attempts), 0.45),
                   Factor(MASTERY, pct(state.mastery), round(0.5 * gap, 4)),
                   *_goal_factor(sit, state.skill_id)]
        template = (QT_TRANSLATE_NOOP("Recommender", "Practise {skill} — mastery {mastery}, "
                                      "your weakest unlocked skill, last practised {when}")
                    if state.mastery == weakest else QT_TRANSLATE_NOOP(
                        "Recommender", "Practise {skill} — mastery {mastery}, "
                        "last practised {when}"))
        reason = message(template, skill=title, mastery=pct(state.mastery),
                         when=ago(state.last_practised, sit.now))
        out.append(_make(Kind.PRACTICE, state.skill_id, state.skill_id, title, reason, factors))
    return out


def _stretch(sit: Situation) -> list[Recommendation]:
    mastered = [s for s in sit.states.values() if sit.mastered(s.skill_id) and s.attempts]
    if not mastered:
        return []
    best = max(mastered, key=lambda s: (s.recent_right / max(s.recent_total, 1), s.mastery))
    title = sit.title(best.skill_id)
    factors = [Factor(QT_TRANSLATE_NOOP("Recommender", "Stretch"),
                      QT_TRANSLATE_NOOP("Recommender", "harder questions"), 0.30),
               Factor(MASTERY, pct(best.mastery), 0.05),
               *_goal_factor(sit, best.skill_id), *_pace(sit)]
    template = (QT_TRANSLATE_NOOP("Recommender", "Challenge: harder questions on {skill} — "
                                  "mastery {mastery}, {right} of your last {total} right")
                if best.recent_total else QT_TRANSLATE_NOOP(
                    "Recommender", "Challenge: harder questions on {skill} — mastery {mastery}"))
    reason = message(template, skill=title, mastery=pct(best.mastery),
                     right=best.recent_right, total=best.recent_total)
    return [_make(Kind.STRETCH, best.skill_id, best.skill_id, title, reason, factors)]


def candidates(sit: Situation) -> list[Recommendation]:
    """Every scored option, best first (before interleaving)."""
    found = (_reviews(sit) + _new_lessons(sit) + _new_skills(sit) + _practice(sit)
             + _stretch(sit))
    return sorted(found, key=lambda r: -r.score)


def _adjusted(rec: Recommendation, picked: list[Recommendation],
              last_kind: Kind | None) -> float:
    score = rec.score
    previous = picked[-1].kind if picked else last_kind
    if rec.kind is previous:
        score -= SAME_KIND_PENALTY if picked else LAST_KIND_PENALTY
    if any(p.skill_id == rec.skill_id for p in picked):
        score -= SAME_SKILL_PENALTY
    return score


def recommend(sit: Situation, count: int = 3) -> list[Recommendation]:
    """The best ``count`` activities, interleaved; empty if there is nothing to do."""
    pool = candidates(sit)
    last_kind = sit.recent_kinds[-1] if sit.recent_kinds else None
    picked: list[Recommendation] = []
    while pool and len(picked) < count:
        best = max(pool, key=lambda r: _adjusted(r, picked, last_kind))
        pool.remove(best)
        picked.append(replace(best, score=round(_adjusted(best, picked, last_kind), 4)))
    return picked
