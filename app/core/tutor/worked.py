# ruff: noqa: RUF002  (the minus sign and full-width punctuation are the point)
"""The arithmetic in a learner's question, worked out by code before the model answers.

A 1.5B model adds 1/5 + 2/5 correctly most of the time; "most of the time" is not good
enough for children, and the claims checker can only remove a wrong step after it was
written. So on Ask the tutor the app works out what the question asks with exact
rational arithmetic (:mod:`.claims` reads the numbers and operators) and tells the model
the result in the learner's turn, as it tells it whether the learner's own claims hold:

- a calculation ("1/5 + 2/5", "6/10减2/10", "3 − 1 1/4") → its value;
- a comparison of two numbers ("Which is bigger, 2/3 or 3/4?", "1/2和2/4相等吗？") →
  which is bigger, or that they are equal;
- "simplest form" of a fraction, or a fraction as a mixed number → that form;
- "lowest common denominator" of two fractions → the least common multiple.

Never in Practice: there the numbers are the answer the learner must find.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from app.core.tutor.claims import Expr, claims_in, expressions, normalise, show

_COMPARE = re.compile(r"bigger|larger|greater|smaller|less|more|compare|same|equal|"
                      r"equivalent|哪个大|哪个小|更大|更小|比较|相等|一样|相同|大还是小")
_SIMPLEST = re.compile(r"simplest|simplify|lowest terms|最简")
_MIXED = re.compile(r"mixed number|带分数")
_COMMON_DENOMINATOR = re.compile(r"common denominator|公分母")
_FRACTION = re.compile(r"^\d+\s*/\s*\d+$")


def worked_facts(question: str, language: str = "en") -> str:
    """A line for the model with what code worked out of ``question``, or ""."""
    text = normalise(question)
    if claims_in(question):  # the learner states something: the verdict note covers it
        return ""
    exprs = expressions(text)
    facts = [f"{e.text} = {_both_forms(e.value)}" for e in exprs if e.compound]
    plain = [e for e in exprs if not e.compound]
    facts += _comparison(text, plain)
    zh = language.startswith("zh")
    facts += _forms(text, plain, zh)
    facts += _common_denominator(text, plain, zh)
    if not facts:
        return ""
    if zh:
        return "程序已经精确算出（这些结果是对的，请使用）：" + "；".join(facts) + "。"
    return ("Worked out exactly by the app (these results are correct; use them): "
            + "; ".join(facts) + ".")


def _both_forms(value: Fraction) -> str:
    """3/2 also as 1 1/2: the lesson may ask for either."""
    shown = show(value)
    if value.denominator != 1 and abs(value) > 1:
        return f"{value.numerator}/{value.denominator} = {shown}"
    return shown


def _comparison(text: str, plain: list[Expr]) -> list[str]:
    # Two whole numbers are a count ("3 apples and 2 more"), not a comparison to settle.
    if len(plain) != 2 or not _COMPARE.search(text) or all(e.plain_integer for e in plain):
        return []
    a, b = plain
    relation = "=" if a.value == b.value else "<" if a.value < b.value else ">"
    return [f"{_with_digits(a)} {relation} {_with_digits(b)}"]


def _with_digits(e: Expr) -> str:
    """三分之二 as 三分之二（2/3）: the model reads digits more surely than words."""
    return e.text if any(c.isdigit() for c in e.text) else f"{e.text}（{show(e.value)}）"


def _forms(text: str, plain: list[Expr], zh: bool) -> list[str]:
    facts = []
    for e in plain:
        if not _FRACTION.match(e.text):
            continue
        simplest = f"{e.value.numerator}/{e.value.denominator}"
        if _SIMPLEST.search(text) and simplest != e.text.replace(" ", ""):
            facts.append(f"{e.text} = {e.value.numerator}" if e.value.denominator == 1 else
                         f"{e.text}化成最简分数是{simplest}" if zh else
                         f"{e.text} in simplest form is {simplest}")
        if _MIXED.search(text) and abs(e.value) > 1:
            facts.append(f"{e.text} = {show(e.value)}")
    return facts


def _common_denominator(text: str, plain: list[Expr], zh: bool) -> list[str]:
    fractions = [e for e in plain if _FRACTION.match(e.text)]
    if len(fractions) < 2 or not _COMMON_DENOMINATOR.search(text):
        return []
    denominators = [int(e.text.split("/")[1]) for e in fractions]
    lowest = math.lcm(*denominators)
    if zh:
        return ["和".join(e.text for e in fractions) + f"的最小公分母是{lowest}"]
    names = " and ".join(e.text for e in fractions)
    return [f"the lowest common denominator of {names} is {lowest}"]


# "5/6 - 2/9", "1 1/4 + 2", "3/5减1/5": one sum or difference of two fractions, mixed or
# whole numbers, the calculation a lesson on fractions asks most.
_TERM = r"(\d+\s+\d+\s*/\s*\d+|\d+\s*/\s*\d+|\d+)"
SUM = re.compile(rf"{_TERM}\s*(\+|-|加上|加|减去|减)\s*{_TERM}")


@dataclass(frozen=True)
class Written:
    """A number as the question wrote it: 1 1/4 stays 1 and 1/4, 4/8 is not 1/2."""

    whole: int
    top: int
    bottom: int

    @property
    def value(self) -> Fraction:
        return self.whole + Fraction(self.top, self.bottom)

    @property
    def text(self) -> str:
        fraction = f"{self.top}/{self.bottom}" if self.bottom != 1 else str(self.top)
        return f"{self.whole} {fraction}" if self.whole else fraction

    def over(self, denominator: int) -> str:
        return f"{self.value * denominator}/{denominator}"


def written(term: str) -> Written:
    parts = re.sub(r"\s*/\s*", "/", term).split()
    whole = int(parts[0]) if len(parts) == 2 else 0
    top, _, bottom = parts[-1].partition("/")
    return Written(whole, int(top), int(bottom or 1))


def worked_solution(question: str, language: str = "en") -> str | None:
    """The steps of the one fraction sum or difference ``question`` asks, worked by code
    (same denominator, the numerators, the simplest form), or None.

    The fallback when the model's explanation of a calculation was wrong twice: a wrong
    step removed leaves a gap exactly where the learner needed the method.
    """
    sums = [e for e in expressions(normalise(question)) if e.compound]
    match = SUM.fullmatch(sums[0].text) if len(sums) == 1 else None
    if match is None:
        return None
    a, b, minus = written(match[1]), written(match[3]), match[2] in ("-", "减去", "减")
    result = a.value - b.value if minus else a.value + b.value
    if result < 0 or (a.bottom == 1 and b.bottom == 1):
        return None
    common = math.lcm(a.bottom, b.bottom)
    top = result * common
    steps = [f"{a.over(common)} {'-' if minus else '+'} {b.over(common)} = {top}/{common}"]
    if show(result) != f"{top}/{common}":
        steps.append(f"{top}/{common} = {show(result)}")
    zh = language.startswith("zh")
    return _say_steps(a, b, common, steps, minus=minus, zh=zh)


def _say_steps(a: Written, b: Written, common: int, steps: list[str], *, minus: bool,
               zh: bool) -> str:
    same = a.bottom == b.bottom == common and not a.whole and not b.whole
    if zh:
        first = (f"两个分数的分母已经相同，都是{common}。" if same else
                 f"先化成同分母（{common}）：{a.text} = {a.over(common)}，"
                 f"{b.text} = {b.over(common)}。")
        return f"{first}分母不变，分子{'相减' if minus else '相加'}：{'；'.join(steps)}。"
    first = (f"Both already have the same denominator, {common}." if same else
             f"First write both with the same denominator, {common}: "
             f"{a.text} = {a.over(common)} and {b.text} = {b.over(common)}.")
    return (f"{first} Then {'take away' if minus else 'add'} the numerators and keep the "
            f"denominator: {'; '.join(steps)}.")
