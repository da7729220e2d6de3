"""A word problem's result: the model writes the calculation, code works it out.

Qwen2.5 1.5B, answering "A jug holds 3/4 of a litre of milk. You pour out 1/3 of a litre.
How much milk is left?" over the right lessons, wrote "There is 2/4 of a litre left";
for "Ana ran 2/3 km and Ben 3/5 km: how much further did Ana run?", "1/3"; for 3/4 of 20
stickers, "12". Asked instead, in a short prompt of its own, for the calculation as one
line of Python ("answer = 3/4 - 1/3"), it wrote the right calculation for all ten word
problems of ``assets/eval/answers.jsonl`` that code did not decide. A coding model reads
the problem well and does fraction arithmetic badly; exact arithmetic is code's job.

So on Ask the tutor, for a question that asks for an amount ("how much", "how many",
"what fraction", 多少, 几…) and gives at least two numbers, where :mod:`.stated` cannot
decide it, the reply begins with the calculation and its exact result, written by code:
"The calculation is 3/4 - 1/3 = 5/12." The model then explains; a sentence of it that
gives another result is not shown (:meth:`Stated.contradicted_by`), nor one that names a
number outside the problem and its calculation (:meth:`Stated.strays`: "you give away half
of your stickers" under "20 × (3/4) = 15"). Where the question
lists options, the model reads the problem without them and the reply names the one
option whose number is the result ("The calculation is (6 - 2)/6 = 2/3, so the answer is
A: 4/6."): for that cake, the model's choice (:mod:`.choice`) was "B: 2/6", the pieces
eaten. With no such option the choice decides, as before.

The calculation is the model's reading of the problem, shown so the learner can follow
it; only its arithmetic is code's. It is used only when it is nothing but arithmetic on
the question's own numbers (and 0 or 1: "1 - 4/11"), and the result is not negative. A
number the model brought in ("7/4 * 60" for minutes, "2 * 0.25" for "how many quarters
are in 2") or a bare result ("answer = 1/8", worked out by the model itself) leaves
the question to the free answer, as before. In the tutor's own grounded prompt the
model worked the answers out instead of writing calculations ("answer = 2/4"), which is
why this prompt is separate: after it, llama.cpp reads the tutor's instructions again,
while the calculation is already on screen (six word problems, cold: the first sentence
after 1.5 s instead of 8.0 s, the whole reply after 12.8 s against 12.9 s).

Never in Practice: there the result is the learner's to find.
"""

from __future__ import annotations

import re
from fractions import Fraction

from app.core.prompts import render_prompt
from app.core.tutor.claims import Expr, expressions, normalise
from app.core.tutor.conversation import ChatModel
from app.core.tutor.numbers import numbers_in
from app.core.tutor.stated import Option, Stated, result_forms, split_options
from inference.cancel import CancelToken
from inference.chat_template import Message
from inference.errors import ContextFull
from inference.params import GenerationParams

# What a question asking for an amount says. A question without it ("What does the 4 in
# 3/4 mean?") costs no model call.
_ASKS_AMOUNT = re.compile(
    r"\bhow (?:much|many|far|long|tall|heavy|old|big|wide)\b|\bwhat fraction\b|"
    r"\bwhere (?:do|does|will|would) (?:you|i|we|he|she|they|it) (?:land|end up|stop|finish)\b"
    r"|多少|几")
_ANSWER_LINE = re.compile(r"answer\s*=\s*(?P<calculation>[^\n`;]+)")
_INTEGER = re.compile(r"\d+")
_PARAMS = GenerationParams(max_tokens=40, temperature=0.0, seed=42, stop=("\n",))


def word_problem(question: str) -> bool:
    """Whether ``question`` asks for an amount and gives at least two numbers."""
    text = normalise(question).replace("*", "")
    return bool(_ASKS_AMOUNT.search(text)) and len(_question_integers(text) - {0, 1}) >= 2


def calculated(chat: ChatModel, question: str, language: str,
               cancel: CancelToken | None = None) -> Stated | None:
    """The calculation the model reads in ``question``, worked out by code, as the first
    sentence of the reply; None where it reads none that :func:`read_calculation` takes.

    Where the question lists options, the model reads the problem without them, and the
    reply names the one option whose number is the result ("…= 2/3, so the answer is A:
    4/6."); with no such option, or more than one, None (the model's choice decides)."""
    stem, options = split_options(question.replace("*", ""))
    try:
        reply = "".join(chat.stream_chat(calculation_messages(stem), _PARAMS, cancel))
    except ContextFull:  # a question longer than the whole context: answered freely
        return None
    if cancel is not None and cancel.cancelled:
        return None
    found = read_calculation(reply, stem)
    if found is None:
        return None
    zh = language.startswith("zh")
    if not options:
        return _stated(found, stem, zh)
    right = [o for o in options if _just_the_number(o, found.value)]
    return _stated(found, stem, zh, right[0]) if len(right) == 1 else None


def calculation_messages(question: str) -> list[Message]:
    return [{"role": "system", "content": render_prompt("calculation_system")},
            {"role": "user", "content": render_prompt("calculation",
                                                      question=question.replace("*", ""))}]


def read_calculation(reply: str, question: str) -> Expr | None:
    """The calculation in the model's ``answer = …`` line: one expression with an
    operator, every whole number in it one of the question's (or 0, 1), not negative."""
    line = _ANSWER_LINE.search(reply)
    if line is None:
        return None
    text = normalise(line["calculation"].strip().rstrip("."))
    found = expressions(text)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(text):
        return None  # "None", prose, or more than a calculation
    calculation = found[0]
    allowed = _question_integers(normalise(question)) | {0, 1}
    if not calculation.compound or calculation.value < 0:
        return None
    if any(int(digits) not in allowed for digits in _INTEGER.findall(text)):
        return None
    return calculation


def _question_integers(text: str) -> set[int]:
    """The whole numbers a question writes, alone or in its fractions ("3/4": 3 and 4,
    "三分之二": 2 and 3)."""
    found = {int(digits) for digits in _INTEGER.findall(text)}
    for value in numbers_in(text):
        found |= {value.numerator, value.denominator}
    return found


def _just_the_number(option: Option, value: Fraction) -> bool:
    """Whether the option says nothing but one number, equal to ``value`` (4/6 for 2/3)."""
    text = normalise(option.text).rstrip(".。")
    found = expressions(text)
    return (len(found) == 1 and found[0].start == 0 and found[0].end == len(text)
            and found[0].value == value)


def _stated(calculation: Expr, question: str, zh: bool,
            option: Option | None = None) -> Stated:
    shown = re.sub(r"\s*\*\s*", " × ", calculation.text)
    worked = f"{shown} = {result_forms(calculation)}"
    if option is None:
        sentence = f"列式计算：{worked}。" if zh else f"The calculation is {worked}."
    else:
        letter = option.letter.upper()
        sentence = (f"列式计算：{worked}，所以答案是{letter}：{option.text}。" if zh else
                    f"The calculation is {worked}, so the answer is {letter}: {option.text}.")
    return Stated(sentence, value=calculation.value, calculation=True,
                  option=option.letter if option else "",
                  numbers=_explainable(question, sentence))


def _explainable(question: str, sentence: str) -> frozenset[Fraction]:
    """The values an explanation of the calculation may name: the question's, the
    calculation's and its result's, 0 and 1, and the whole numbers that make them up
    ("7 parts out of 10", "the common denominator 12" under "3/4 - 1/3 = 5/12", "four of
    the six pieces" under "… = 2/3, so the answer is A: 4/6")."""
    values = numbers_in(question) | numbers_in(sentence) | {Fraction(0), Fraction(1)}
    written = _question_integers(normalise(question)) | _question_integers(sentence)
    return frozenset(values | {Fraction(n) for n in written})
