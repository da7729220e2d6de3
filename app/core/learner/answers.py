"""Grade a pack question from what the learner entered, whatever its type.

The practice screen collects an :data:`Answer` suited to the question type (an index for
multiple choice, a set of indices for multiple answer, a bool for true/false, text for
numeric and short text, a tuple of item indices in the learner's order for ordering);
:func:`grade_answer` picks the right grader and :func:`answer_text` turns the answer into
the words stored in the profile and read by
:func:`app.core.tutor.feedback.wrong_answer_feedback`.

Pitfall: short text needs the embedding model; call :func:`grade_answer` for it on the
``inference`` lane only (see :func:`needs_embedder`).
"""

from __future__ import annotations

from collections.abc import Set

from app.core.content.model import Question, QuestionType
from app.core.learner.grading import (
    Grade,
    grade_choice,
    grade_multiple_answer,
    grade_numeric,
    grade_ordering,
    grade_true_false,
)
from app.core.learner.text_grading import DEFAULT, Calibration, Embedder, grade_short_text

Answer = int | Set[int] | tuple[int, ...] | bool | str | None


def needs_embedder(question: Question) -> bool:
    """True when grading ``question`` uses the embedding model (short text)."""
    return question.type is QuestionType.SHORT_TEXT


def correct_indices(question: Question) -> list[int]:
    return [i for i, choice in enumerate(question.choices) if choice.correct]


def grade_answer(question: Question, answer: Answer, *, language: str = "en",
                 embedder: Embedder | None = None,
                 calibration: Calibration = DEFAULT) -> Grade:
    """Grade ``answer`` to ``question``; an answer of the wrong shape is UNREADABLE.

    Raises:
        ValueError: a short-text question without ``embedder``.
    """
    kind = question.type
    if kind is QuestionType.MULTIPLE_CHOICE:
        right = correct_indices(question)
        return grade_choice(answer if isinstance(answer, int) and not isinstance(
            answer, bool) else None, right[0] if right else -1)
    if kind is QuestionType.MULTIPLE_ANSWER:
        return grade_multiple_answer(answer if isinstance(answer, Set) else set(),
                                     correct_indices(question))
    if kind is QuestionType.ORDERING:
        return grade_ordering(answer if isinstance(answer, tuple) else (),
                              len(question.items))
    if kind is QuestionType.TRUE_FALSE:
        given = answer if isinstance(answer, bool | str) else None
        return grade_true_false(given, question.answer.strip().lower() == "true")
    text = answer if isinstance(answer, str) else ""
    if kind is QuestionType.NUMERIC:
        return grade_numeric(text, question.answer, tolerance=question.tolerance,
                             unit=question.unit, language=language)
    if embedder is None:
        raise ValueError("short-text questions are graded with the embedding model")
    # The prompt too: its words are no evidence that the learner knows the answer.
    return grade_short_text(embedder, text, references=question.answers,
                            question=question.prompt, keywords=question.keywords,
                            calibration=calibration)


def answer_text(question: Question, answer: Answer) -> str:
    """The answer in words: choice or item texts one per line, "true"/"false", or the
    text."""
    if isinstance(answer, bool):
        return "true" if answer else "false"
    if isinstance(answer, int):
        choices = question.choices
        return choices[answer].text if 0 <= answer < len(choices) else ""
    if isinstance(answer, tuple):  # ordering: the items as the learner placed them
        return "\n".join(question.items[i] for i in answer if 0 <= i < len(question.items))
    if isinstance(answer, Set):
        return "\n".join(question.choices[i].text for i in sorted(answer)
                         if 0 <= i < len(question.choices))
    return answer or ""
