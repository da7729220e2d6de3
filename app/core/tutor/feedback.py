"""Feedback on a wrong answer: the authored feedback, or the misconception the answer shows.

For numeric fraction questions we recognise the classic mistakes by value: adding the
denominators, swapping numerator and denominator, a percentage read as a whole number.
The worked solution is shown only when the teacher's policy allows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.content.model import Question, QuestionType
from app.core.content.numeric import parse_number
from app.core.tutor import misconceptions
from app.core.tutor.claims import drop_false


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
    if value == answer:
        return ""
    named = misconceptions.misconception(question.prompt, value, given)
    if named in _MESSAGES:
        return named
    if answer and value == 1 / answer:
        return "swapped"
    return "percent" if answer and value == answer * 100 else ""


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
    "kept_numerators": (
        "You found a common denominator, but the numerators must change with it: how many "
        "of the new, smaller parts is each fraction?",
        "你找到了公分母，但分子也要跟着变：每个分数是多少个新的小份？"),
    "no_regrouping": (
        "You took the smaller fraction from the bigger one. When the part you take away is "
        "bigger, first change one whole into parts.",
        "你用大的分数减了小的分数。要减去的部分更大时，先把一个整体换成同样大小的几份。"),
    "mixed_parts": (
        "You subtracted the bottom numbers too. Give both fractions the same denominator "
        "first; the denominator only names the size of the parts.",
        "你把分母也相减了。先把两个分数化成同分母；分母只表示每份的大小。"),
    "scaled_both": (
        "You multiplied the top and the bottom by the whole number, which leaves the "
        "fraction the same. Multiply only the numerator.",
        "你把分子和分母都乘了这个整数，分数的大小没有变。只要乘分子。"),
    "divided_parts": (
        "Dividing the tops and the bottoms separately loses the remainders. Turn the "
        "second fraction upside down and multiply.",
        "把分子和分母分别相除会丢掉余数。把除数倒过来，再相乘。"),
    "inverted_dividend": (
        "You turned the first fraction upside down. Keep the first one, turn the second "
        "one (the divisor) upside down, then multiply.",
        "你把第一个分数倒过来了。第一个不变，把第二个（除数）倒过来，再相乘。"),
    "one_term": (
        "You changed only one of the numbers. To simplify, divide the top and the bottom "
        "by the same number.",
        "你只改了一个数。约分时，分子和分母要同时除以同一个数。"),
    "not_equivalent": (
        "That fraction is not the same amount. Divide the top and the bottom by a number "
        "that goes into both exactly.",
        "这个分数和原来的大小不一样。分子和分母要同时除以它们的公因数。"),
}


def _translate(key: str, language: str) -> str:
    english, chinese = _MESSAGES[key]
    return chinese if language.startswith("zh") else english

