"""Values read from and written to a profile: plain, typed, no database handles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Literal, NewType

from pydantic import BaseModel, Field

from app.store.ids import ProfileId as ProfileId  # re-exported: where callers look for it

AttemptId = NewType("AttemptId", int)
MessageId = NewType("MessageId", int)

Role = Literal["user", "assistant", "system"]


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class Accessibility(BaseModel):
    font_scale: int = Field(default=100, ge=100, le=200)
    high_contrast: bool = False
    read_aloud: bool = False
    reduce_motion: bool = False
    extra_time: bool = False


MAX_INTERESTS = 5
MAX_INTEREST_CHARS = 40
MAX_GOAL_CHARS = 120


class LearnerSettings(BaseModel):
    """What the learner told Lantern about themselves. Private: stored encrypted only."""

    version: int = 1
    grade: int | None = Field(default=None, ge=1, le=12)
    language: str = "en"
    interests: list[str] = Field(default_factory=list, max_length=MAX_INTERESTS)
    goals: list[str] = Field(default_factory=list)  # skill ids the goal is about
    # The goal in the learner's own words ("get ready for the test on Friday"); added
    # with "About me" (issue 16). Older rows lack it and read as "": no migration needed.
    goal: str = Field(default="", max_length=MAX_GOAL_CHARS)
    pace: Literal["slow", "steady", "fast"] = "steady"
    accessibility: Accessibility = Field(default_factory=Accessibility)


@dataclass(frozen=True)
class Attempt:
    id: AttemptId
    skill_id: str
    question_id: str
    question: str
    answer: str
    correct: bool
    score: float
    time_taken_s: float
    hints_used: int
    created_at: str
    pack_id: str = ""  # '' only for answers stored before packs were told apart


@dataclass(frozen=True)
class TutorMessage:
    id: MessageId
    conversation_id: str
    role: Role
    content: str
    created_at: str


@dataclass(frozen=True)
class SkillState:
    """A skill's mastery and review card; a skill belongs to a pack (``pack_id``)."""

    skill_id: str
    mastery: float
    card: str | None = None  # the review scheduler's card, serialised by its owner
    updated_at: str = ""
    pack_id: str = ""  # '' only for states stored before packs were told apart
