"""Feedback on a wrong answer: the authored feedback, or the misconception the answer shows.

For numeric fraction questions we recognise the classic mistakes by value: adding the
denominators, swapping numerator and denominator, a percentage read as a whole number.
The worked solution is shown only when the teacher's policy allows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from app.core.content.model import Question, QuestionType
from app.core.content.numeric import parse_number
from app.core.tutor.claims import drop_false

_SUM = re.compile(r"(\d+)\s*/\s*(\d+)\s*\+\s*(\d+)\s*/\s*(\d+)")


@dataclass(frozen=True)
class Feedback:
    message: str  # what was wrong, in the learner's words
    solution: str = ""  # the worked solution, only when the policy allows it


def wrong_answer_feedback(question: Question, given: str, *, may_reveal: bool,
                          language: str = "en") -> Feedback:
    # Pack text is checked like the model's: an imported quiz's feedback or solution with
    # a false sum loses that sentence (and says so).
    authored = drop_false(_authored(question, given), language)[0]
    message = authored or _misconception(question, given, language)
    if not message:
        message = ("还不对。看看提示，或者回到课文再想一想。" if language.startswith("zh")
                   else "Not quite. Have a look at a hint, or go back to the lesson.")
    solution = drop_false(question.solution, language)[0] if may_reveal else ""
    return Feedback(message, solution)


def misconception(question: Question, given: str) -> str:
    """The key of the misconception a wrong numeric answer shows, or ""."""
    value, answer = parse_number(given), parse_number(question.answer)
    if question.type is not QuestionType.NUMERIC or value is None or answer is None:
        return ""
    for check in MISCONCEPTION_CHECKS:
        found = check(question, value, answer)
        if found:
            return found
    return ""


def _authored(question: Question, given: str) -> str:
    if question.type is QuestionType.TRUE_FALSE:
        return question.feedback_true if given.strip().lower() == "true" else (
            question.feedback_false)
    chosen = {part.strip() for part in given.split("\n") if part.strip()}
    texts = [c.feedback for c in question.choices if c.text in chosen and c.feedback]
    return " ".join(texts)


def _misconception(question: Question, given: str, language: str) -> str:
    key = misconception(question, given)
    return _translate(key, language) if key else ""


def _added_denominators(question: Question, value: Fraction, answer: Fraction) -> str:
    match = _SUM.search(question.prompt)
    if match:
        a, b, c, d = (int(x) for x in match.groups())
        if b + d and value == Fraction(a + c, b + d):
            return "added_denominators"
    return ""


def _swapped(_q: Question, value: Fraction, answer: Fraction) -> str:
    return "swapped" if answer and value == 1 / answer and value != answer else ""


def _percent_as_whole(_q: Question, value: Fraction, answer: Fraction) -> str:
    return "percent" if answer and value == answer * 100 else ""


_MESSAGES = {
    "added_denominators": (
        "It looks like you added the bottom numbers too. The denominator says what size "
        "the parts are; adding parts does not change their size.",
        "你好像把分母也加起来了。分母表示每一份有多大，把几份加在一起，每份的大小不会变。"),
    "swapped": ("Your numbers are upside down: the bottom number counts the equal parts in "
                "the whole, the top number counts the parts you take.",
                "分子和分母写反了：分母表示平均分成几份，分子表示取了几份。"),
    "percent": ("That number is 100 times too big: a percentage means 'out of 100'.",
                "这个数大了100倍：百分数的意思是“每一百份里的几份”。"),
}


def _translate(key: str, language: str) -> str:
    english, chinese = _MESSAGES[key]
    return chinese if language.startswith("zh") else english


MISCONCEPTION_CHECKS = (_added_denominators, _swapped, _percent_as_whole)
