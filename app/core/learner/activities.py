"""The recommender's inputs and outputs: small frozen values the app maps its data onto.

Mapping for the lead:

- :class:`Skill` <- a content pack's skills (id, title, prerequisites).
- :class:`Lesson` <- a pack's lessons (id, title, the skills it teaches).
- :class:`SkillState` <- the learner model: ``LearnerModel.mastery(state, skill)``,
  ``state.attempts[skill]`` and the time of the last attempt on it from the profile.
- :class:`~app.core.learner.reviews.DueReview` <- ``Reviews.due(cards, now)``.
- :class:`~app.core.learner.features.LearnerFeatures` <- the profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


@dataclass(frozen=True)
class Skill:
    """A skill of a content pack; ``prerequisites`` are skill ids that must come first."""

    id: str
    title: str
    prerequisites: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lesson:
    """A lesson; ``skills`` are the skill ids it teaches (usually one)."""

    id: str
    title: str
    skills: tuple[str, ...]


@dataclass(frozen=True)
class SkillState:
    """The learner's state on one skill.

    Attributes:
        mastery: P(known) from the learner model, 0..1.
        attempts: graded answers on this skill so far.
        last_practised: when the learner last answered on it (None if never).
        recent_right / recent_total: right answers among the last few, for stretch reasons.
    """

    skill_id: str
    mastery: float
    attempts: int = 0
    last_practised: datetime | None = None
    recent_right: int = 0
    recent_total: int = 0


class Kind(Enum):
    NEW_LESSON = "new lesson"
    NEW_SKILL = "new skill"  # first questions on a skill no lesson teaches (imported quizzes)
    PRACTICE = "practice"
    REVIEW = "review"
    STRETCH = "stretch"


@dataclass(frozen=True)
class Factor:
    """One reason behind a recommendation, with its weight in the score.

    ``label`` is short ("Predicted recall"), ``value`` is the number in words ("68%"),
    ``weight`` is how much it added to the score (for ordering and the "Why this?" bars).
    """

    label: str
    value: str
    weight: float


@dataclass(frozen=True)
class Recommendation:
    """What to do next, and why.

    Attributes:
        kind: new lesson, new skill, practice, review or stretch challenge.
        target_id: the lesson id (new lesson) or skill id (the others).
        skill_id: the skill it works on.
        title: what the learner sees ("Equivalent fractions").
        score: the ranking score (higher is more useful now).
        reason: one sentence in words and numbers.
        factors: the top factors behind the score, largest first.
    """

    kind: Kind
    target_id: str
    skill_id: str
    title: str
    score: float
    reason: str
    factors: tuple[Factor, ...]
