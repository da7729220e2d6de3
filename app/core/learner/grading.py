"""Grade an answer: choice types exactly, numbers with tolerance, short text by meaning.

Every grader returns a :class:`Grade`. An answer that cannot be read (``"abc"`` for a
number, an empty text) is :attr:`Verdict.UNREADABLE`: the learner gets a hint, and the
caller must not count it as an attempt (nothing is lost, nothing is penalised).

Short text is graded in :mod:`app.core.learner.text_grading`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

from app.core.learner.numbers import Reading, UnreadableNumber, read_number, uses_decimal_comma
from app.messages import QT_TRANSLATE_NOOP, message


class Verdict(Enum):
    CORRECT = "correct"
    PARTIAL = "partial"
    INCORRECT = "incorrect"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Grade:
    """The outcome of grading one answer.

    Attributes:
        verdict: see :class:`Verdict`; only UNREADABLE is not an attempt.
        score: 0..1 (1 for a right answer).
        message: what the learner is told (never contains the reference answer).
        matched / missing: rubric items the answer covered / did not (short text only),
            as written in the pack (``"absorb|capture"``).
        similarity: cosine similarity to the closest reference answer (short text only).
    """

    verdict: Verdict
    score: float
    message: str = ""
    matched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    similarity: float | None = None

    @property
    def correct(self) -> bool:
        return self.verdict is Verdict.CORRECT

    @property
    def counts_as_attempt(self) -> bool:
        return self.verdict is not Verdict.UNREADABLE


def _right(message: str = "") -> Grade:
    return Grade(Verdict.CORRECT, 1.0, message)


def _wrong(message: str = "") -> Grade:
    return Grade(Verdict.INCORRECT, 0.0, message)


def grade_choice(chosen: int | None, correct: int) -> Grade:
    """Multiple choice: ``chosen`` is the index of the picked choice (None if none)."""
    if chosen is None:
        return Grade(Verdict.UNREADABLE, 0.0,
                     QT_TRANSLATE_NOOP("Grading", "Pick one of the answers."))
    return _right() if chosen == correct else _wrong()


def grade_multiple_answer(chosen: Collection[int], correct: Collection[int]) -> Grade:
    """Multiple answer: right only if exactly the correct set is picked."""
    picked, wanted = set(chosen), set(correct)
    if not picked:
        return Grade(Verdict.UNREADABLE, 0.0,
                     QT_TRANSLATE_NOOP("Grading", "Pick at least one answer."))
    if picked == wanted:
        return _right()
    missing, extra = len(wanted - picked), len(picked - wanted)
    parts = []
    if missing:
        parts.append(message(QT_TRANSLATE_NOOP("Grading", "{n} right answer not picked")
                             if missing == 1 else
                             QT_TRANSLATE_NOOP("Grading", "{n} right answers not picked"),
                             n=missing))
    if extra:
        parts.append(message(QT_TRANSLATE_NOOP("Grading", "{n} picked answer is not right")
                             if extra == 1 else
                             QT_TRANSLATE_NOOP("Grading", "{n} picked answers are not right"),
                             n=extra))
    if len(parts) == 2:
        return _wrong(message(QT_TRANSLATE_NOOP("Grading", "Not quite: {first} and {second}."),
                              first=parts[0], second=parts[1]))
    return _wrong(message(QT_TRANSLATE_NOOP("Grading", "Not quite: {first}."), first=parts[0]))


def grade_ordering(order: Sequence[int], count: int) -> Grade:
    """Ordering: ``order`` lists the item indices as the learner placed them; right only
    when every item is in its place (the right order is 0, 1, …, ``count`` - 1)."""
    if sorted(order) != list(range(count)) or count < 2:
        return Grade(Verdict.UNREADABLE, 0.0,
                     QT_TRANSLATE_NOOP("Grading", "Put every item in the list in order."))
    misplaced = sum(item != place for place, item in enumerate(order))
    if not misplaced:
        return _right()
    # A permutation never has exactly one item out of place: n is 2 or more.
    return _wrong(message(QT_TRANSLATE_NOOP("Grading", "Not quite: {n} items are not in "
                                            "their place."), n=misplaced))


_TRUE = {"true", "t", "yes", "y", "1", "vrai", "wahr", "verdadero", "对", "是"}
_FALSE = {"false", "f", "no", "n", "0", "faux", "falsch", "falso", "错", "否"}


def grade_true_false(given: bool | str | None, answer: bool) -> Grade:
    """True/false; accepts a bool or a typed word such as "true", "no", "vrai"."""
    if isinstance(given, str):
        word = given.strip().casefold()
        given = True if word in _TRUE else False if word in _FALSE else None
    if given is None:
        return Grade(Verdict.UNREADABLE, 0.0,
                     QT_TRANSLATE_NOOP("Grading", "Choose True or False."))
    return _right() if given == answer else _wrong()


def _strip_unit(text: str, unit: str) -> str:
    stripped = text.strip()
    if unit and stripped.casefold().endswith(unit.casefold()):
        return stripped[: -len(unit)].strip()
    return stripped


def _close(given: Fraction, expected: Fraction, tolerance: float) -> bool:
    if tolerance <= 0:
        return given == expected
    # The tiny slack absorbs binary rounding of the tolerance itself (0.1 is not exact).
    return abs(float(given - expected)) <= tolerance * (1 + 1e-9) + 1e-12


def grade_numeric(given: str, answer: str, *, tolerance: float = 0.0, unit: str = "",
                  language: str = "en") -> Grade:
    """Numeric answers in any equivalent form (see :mod:`app.core.learner.numbers`).

    ``answer`` is the pack's string (always read with a decimal point, as the pack
    format specifies); ``given`` is read with the pack language's decimal separator.
    If the pack's answer is a percentage, the bare number is accepted too ("75" for
    "75%"), because the question already asks for a percentage.
    """
    expected = read_number(answer)
    try:
        reading = read_number(_strip_unit(given, unit),
                              decimal_comma=uses_decimal_comma(language))
    except UnreadableNumber as exc:
        return Grade(Verdict.UNREADABLE, 0.0, str(exc))
    if _close(reading.value, expected.value, tolerance) or _percent_match(
            reading, expected, tolerance):
        return _right()
    return _wrong()


def _percent_match(reading: Reading, expected: Reading, tolerance: float) -> bool:
    return expected.percent and not reading.percent and _close(
        reading.value / 100, expected.value, tolerance)
