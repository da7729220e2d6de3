"""Learner profile features: interests, goals, pace and grade, for the recommender and tutor.

The profile store (issue 3) keeps these as plain fields; :meth:`LearnerFeatures.from_profile`
reads them from a mapping so the store's row type can be passed straight in. The tutor
gets :meth:`LearnerFeatures.tutor_note`, one short paragraph for its system prompt, so its
examples match what the learner cares about. Interests are the learner's own words and
go only into the local prompt, never into logs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Pace(Enum):
    """How fast the learner wants to move on; set by the learner or teacher."""

    GENTLE = "gentle"
    STEADY = "steady"
    FAST = "fast"

    @property
    def unlock_mastery(self) -> float:
        """P(known) a prerequisite needs before lessons built on it open."""
        return {Pace.GENTLE: 0.95, Pace.STEADY: 0.90, Pace.FAST: 0.85}[self]

    @property
    def new_bonus(self) -> float:
        """Added to new-lesson and stretch scores: fast learners see more new things."""
        return {Pace.GENTLE: -0.08, Pace.STEADY: 0.0, Pace.FAST: 0.08}[self]


# The profile store's word for a pace (LearnerSettings.pace), where it differs.
STORED_PACES = {"slow": Pace.GENTLE.value}


class ProfileError(ValueError):
    """A profile field has a value the recommender cannot use; the message says which."""


@dataclass(frozen=True)
class LearnerFeatures:
    """What the recommender and tutor know about the learner besides their answers.

    Attributes:
        interests: topics the learner likes ("football", "horses"), in their words.
        goals: skill ids the learner or teacher chose to focus on.
        goal_text: what the goal is, in the learner's words ("the test on Friday").
        pace: see :class:`Pace`.
        grade: school grade (year), if known.
    """

    interests: tuple[str, ...] = ()
    goals: frozenset[str] = frozenset()
    pace: Pace = Pace.STEADY
    grade: int | None = None
    goal_text: str = ""  # the goal in the learner's words, shown in "Why this?"

    @classmethod
    def from_profile(cls, profile: Mapping[str, Any]) -> LearnerFeatures:
        """Read ``interests``, ``goals``, ``pace`` and ``grade`` from a profile mapping."""
        pace_text = str(profile.get("pace") or Pace.STEADY.value).strip().lower()
        pace_text = STORED_PACES.get(pace_text, pace_text)
        try:
            pace = Pace(pace_text)
        except ValueError:
            raise ProfileError(
                f"The pace {pace_text!r} is not one of gentle, steady or fast. "
                "Choose one of those in the profile settings.") from None
        grade = profile.get("grade")
        if grade is not None and not (isinstance(grade, int) and 1 <= grade <= 13):
            raise ProfileError(f"The grade {grade!r} should be a school year from 1 to 13.")
        interests = tuple(str(i).strip() for i in profile.get("interests") or () if str(i).strip())
        goals = frozenset(str(g) for g in profile.get("goals") or ())
        return cls(interests, goals, pace, grade, str(profile.get("goal") or "").strip())

    def tutor_note(self) -> str:
        """A short paragraph for the tutor's system prompt (empty if nothing is known)."""
        parts = []
        if self.grade is not None:
            parts.append(f"The learner is in grade {self.grade}.")
        if self.interests:
            parts.append("They like " + ", ".join(self.interests[:3]) +
                         "; when you give an example, use one of these if it fits.")
        if self.pace is Pace.GENTLE:
            parts.append("Go in small steps and check understanding often.")
        elif self.pace is Pace.FAST:
            parts.append("They like to move quickly; keep explanations brief.")
        return " ".join(parts)
