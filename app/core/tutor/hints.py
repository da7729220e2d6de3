"""The hint ladder during practice: nudge → scaffold → worked step.

Every question's ladder starts at the nudge ("Hint 1 of 3": a first hint that said "2 of
3" left learners looking for the one they missed). The level then follows the learner:
wrong attempts on the question move it up, every one on a skill they have not mastered
yet and every two on one they nearly have; each press of Hint goes one step further, and
a hint already shown is never repeated at a lower level.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from app.core.content.model import Question
from app.core.tutor.numbers import numbers_in
from app.core.tutor.socratic import answer_key, find_reveal

if TYPE_CHECKING:
    from app.core.content.index import Embedder

LEVEL_NAMES = ("nudge", "scaffold", "worked step")
WEAK_MASTERY = 0.4
GENERIC_HINTS = (
    "Read the question again slowly. What exactly is it asking you to find?",
    "Look back at the lesson section this question is about. Which idea there fits here?",
    "Try one small step on paper first, then check it against the lesson's example.",
)
GENERIC_HINTS_ZH = (
    "再慢慢读一遍题目。题目到底要你求什么？",
    "回到这道题对应的课文小节看一看。哪个方法用得上？",
    "先在纸上做一小步，再和课文里的例子对照一下。",
)


@dataclass(frozen=True)
class HintRequest:
    question: Question
    mastery: float  # P(known) of the question's skill, 0..1
    wrong_attempts: int  # on this question, in this session
    hints_shown: int  # hints already shown for this question


def hint_level(request: HintRequest) -> int:
    """0 = nudge, 1 = scaffold, 2 = worked step."""
    wrong_per_step = 1 if request.mastery < WEAK_MASTERY else 2
    level = request.wrong_attempts // wrong_per_step
    level = max(level, request.hints_shown)  # each press of Hint goes up the ladder
    return min(level, len(LEVEL_NAMES) - 1)


def authored_hint(question: Question, level: int, *, language: str = "en") -> str:
    """The teacher's hint at ``level``; the question's own help, or a generic hint.

    A full ladder (one hint per level) is used as written. An imported question brings
    fewer: its hints and its worked solution (Moodle's general feedback) fill the top of
    the ladder, so the worked step is the question's own explanation and the generic
    hints only open it; any of them that would give the answer away is left out.
    """
    if len(question.hints) == len(LEVEL_NAMES):
        return question.hints[level]
    own = _own_help(question)
    first = len(LEVEL_NAMES) - len(own)
    if level >= first:
        return own[level - first]
    return generic_hint(level, language)


def _own_help(question: Question) -> tuple[str, ...]:
    """Up to three steps from the question itself, least telling first."""
    key = answer_key(question)
    steps = [text for text in (*question.hints, question.solution)
             if text.strip() and find_reveal(text, key) is None]
    return tuple(steps[-len(LEVEL_NAMES):])


def generic_hint(level: int, language: str = "en") -> str:
    """A hint that fits any question (imported quizzes come without hints)."""
    return (GENERIC_HINTS_ZH if language.startswith("zh") else GENERIC_HINTS)[level]


# A model rewording of an authored hint is shown only when it keeps the hint's meaning
# and its numbers. Calibrated with USE multilingual v3 (`python -m benchmarks calibration`,
# "hint_fidelity"): two *different* hints of the same lesson score 0.71 to 0.81 at their
# 99th percentile (per starter pack), so a rewording must be closer to its hint than
# that. Cosine cannot see a swap of words ("multiply the top" vs "the bottom": 0.99),
# which is why the authored hint stays the default and numbers are checked on their own.
HINT_FIDELITY = 0.85


def faithful_rewording(text: str, authored: str, embedder: Embedder) -> bool:
    """Whether ``text`` says what ``authored`` says: close in meaning, no new numbers."""
    if not numbers_in(text) <= numbers_in(authored):
        return False
    vectors = np.asarray(embedder.embed([text, authored]), dtype=np.float32)
    return float(vectors[0] @ vectors[1]) >= HINT_FIDELITY
