"""The content-pack model: plain, frozen values read from a pack (see docs/content-packs.md).

A :class:`Pack` is only built by :func:`app.core.content.loader.load_pack`, which also
returns every problem it found; a pack with errors is never handed to the rest of the app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NewType

PackId = NewType("PackId", str)
SkillId = NewType("SkillId", str)
LessonId = NewType("LessonId", str)
QuestionId = NewType("QuestionId", str)


class QuestionType(str, Enum):
    MULTIPLE_CHOICE = "multiple_choice"
    MULTIPLE_ANSWER = "multiple_answer"
    TRUE_FALSE = "true_false"
    NUMERIC = "numeric"
    SHORT_TEXT = "short_text"
    ORDERING = "ordering"  # put ``items`` in order (imported QTI orderInteraction)


QUESTION_TYPES = tuple(t.value for t in QuestionType)


@dataclass(frozen=True)
class Skill:
    id: SkillId
    name: str
    description: str = ""
    prerequisites: tuple[SkillId, ...] = ()
    line: int = 0  # in pack.toml
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # key -> line


@dataclass(frozen=True)
class Lesson:
    id: LessonId
    title: str
    skills: tuple[SkillId, ...]
    body: str  # Markdown, without the front matter
    path: str  # relative to the pack root, e.g. "lessons/01-what.md"
    body_line: int  # 1-based line of the body's first line in that file (for citations)
    reading_level: str = ""
    order: int = 0
    lines: dict[str, int] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    """One question; which answer fields are set depends on ``type``.

    ``answer`` holds the numeric answer string (``"3/4"``, ``"75%"``) or, for
    ``true_false``, ``"true"``/``"false"``. Use :func:`app.core.content.numeric.parse_number`
    to read a numeric answer.
    """

    id: QuestionId
    skill: SkillId
    type: QuestionType
    prompt: str
    difficulty: int
    path: str
    line: int
    lesson: LessonId | None = None
    hints: tuple[str, ...] = ()
    solution: str = ""
    source: str = ""
    choices: tuple[Choice, ...] = ()
    answer: str = ""
    tolerance: float = 0.0
    unit: str = ""
    answers: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    feedback_true: str = ""
    feedback_false: str = ""
    items: tuple[str, ...] = ()  # ordering: the items in the right order
    lines: dict[str, int] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class PackInfo:
    """What ``pack.toml`` says about the pack (everything but the skill graph)."""

    id: PackId
    version: str
    title: str
    language: str
    licence: str
    subject: str = ""
    authors: tuple[str, ...] = ()
    attribution: str = ""
    description: str = ""

    @property
    def key(self) -> str:
        """``id@version``: one retrieval index and one install folder per key."""
        return f"{self.id}@{self.version}"


@dataclass(frozen=True)
class Pack:
    info: PackInfo
    skills: tuple[Skill, ...] = ()
    lessons: tuple[Lesson, ...] = ()
    questions: tuple[Question, ...] = ()
    media: tuple[str, ...] = field(default=())  # relative paths under media/

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)
