# ruff: noqa: RUF001, RUF002, RUF003  (the operators are the point)
"""Which classic fraction mistake a wrong answer shows, recognised by its value.

The question's calculation (``3/4 + 1/2``, ``6 2/3 − 3 1/6``, ``2/3 ÷ 3/8``,
"Simplify 6/8") is read from its text; each check recomputes the answer the way the
mistake would and compares values exactly. Names follow the Math Misconceptions and
Errors dataset (Otero, Druga and Lan 2024), which ``misconception_eval`` measures against.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from app.core.tutor.claims import normalise


@dataclass(frozen=True)
class Operand:
    """A number as written: whole part, numerator, denominator (3 = 3 0/1)."""

    whole: int
    num: int
    den: int

    @property
    def value(self) -> Fraction:
        return self.whole + Fraction(self.num, self.den)

    @property
    def top(self) -> int:
        """The numerator of the plain fraction as written (a whole number w is w/1)."""
        return self.num if self.num or not self.whole else self.whole


@dataclass(frozen=True)
class Calculation:
    left: Operand
    op: str  # "+", "-", "*", "/", or "simplify"
    right: Operand | None


_OPERAND = r"(?:(\d+)\s+)?(\d+)(?:\s*/\s*(\d+))?"
_BINARY = re.compile(rf"{_OPERAND}\s*([-+*/×÷x])\s*{_OPERAND}")
_SUBTRACT_FROM = re.compile(rf"subtract\s+{_OPERAND}\s+from\s+{_OPERAND}")
_SUM_OF = re.compile(rf"(sum|difference|product) (?:of|between) {_OPERAND} and {_OPERAND}")
_WORD_OPS = {"sum": "+", "difference": "-", "product": "*"}
_SIMPLIFY = re.compile(rf"(?:simplify|reduce|lowest terms|simplest form|equivalent fraction"
                       rf"|约分|化简)\D*?{_OPERAND}")
_SIGNS = {"+": "+", "-": "-", "*": "*", "×": "*", "x": "*", "/": "/", "÷": "/"}


def _operand(whole: str | None, a: str, b: str | None) -> Operand:
    if b is None:
        return Operand(int(a), 0, 1)
    return Operand(int(whole or 0), int(a), int(b) or 1)


def calculation(prompt: str) -> Calculation | None:
    """The calculation a question asks for, or None when it asks for none we know."""
    text = normalise(prompt).replace("−", "-")
    found = _SUBTRACT_FROM.search(text)
    if found:
        g = found.groups()
        return Calculation(_operand(*g[3:6]), "-", _operand(*g[0:3]))
    found = _SUM_OF.search(text)
    if found:
        g = found.groups()
        return Calculation(_operand(*g[1:4]), _WORD_OPS[g[0]], _operand(*g[4:7]))
    found = _SIMPLIFY.search(text)
    if found:
        return Calculation(_operand(*found.groups()), "simplify", None)
    found = _BINARY.search(text)
    if found:
        g = found.groups()
        return Calculation(_operand(*g[0:3]), _SIGNS[g[3]], _operand(*g[4:7]))
    return None


Check = Callable[[Calculation, Fraction], bool]


def _added_denominators(c: Calculation, v: Fraction) -> bool:
    """1/4 + 2/3 = 3/7: tops and bottoms added (or subtracted) separately."""
    if c.op not in "+-" or c.right is None or (c.left.whole and c.left.num):
        return False
    a, b = c.left, c.right
    sign = 1 if c.op == "+" else -1
    for left_den in {a.den, a.top if a.den == 1 else a.den}:  # 8 − 3/5 read as 8/8 − 3/5
        den = left_den + sign * b.den
        if den and v == Fraction(a.top + sign * b.top, den):
            return True
    return False


def _kept_numerators(c: Calculation, v: Fraction) -> bool:
    """3/4 + 1/2 = 4/4: a common denominator, but the numerators left as they were."""
    if c.op not in "+-" or c.right is None or c.left.whole or c.right.whole:
        return False
    a, b = c.left, c.right
    top = a.num + b.num if c.op == "+" else a.num - b.num
    return any(v == Fraction(top, d) for d in {math.lcm(a.den, b.den), a.den * b.den})


def _no_regrouping(c: Calculation, v: Fraction) -> bool:
    """6 − 1 1/4 = 5 1/4: the smaller fraction taken from the larger, no regrouping."""
    if c.op != "-" or c.right is None:
        return False
    a, b = c.left, c.right
    whole = a.whole - b.whole if a.den != 1 else a.top - b.whole
    parts = abs(Fraction(a.num, a.den) - Fraction(b.num, b.den)) if a.den != 1 else \
        Fraction(b.num, b.den)
    return v == whole + parts


def _mixed_parts(c: Calculation, v: Fraction) -> bool:
    """6 2/3 − 3 1/6 = 3 1/3: wholes, tops and bottoms each subtracted."""
    if c.op != "-" or c.right is None or not (c.left.whole and c.right.whole):
        return False
    a, b = c.left, c.right
    den = abs(a.den - b.den)
    return bool(den) and v == a.whole - b.whole + Fraction(abs(a.num - b.num), den)


def _scaled_both(c: Calculation, v: Fraction) -> bool:
    """2/3 × 3 = 6/9: the whole number multiplied into top and bottom."""
    if c.op != "*" or c.right is None:
        return False
    fraction, whole = (c.left, c.right) if c.right.den == 1 else (c.right, c.left)
    return whole.den == 1 and fraction.den != 1 and whole.top != 1 and v == fraction.value


def _divided_parts(c: Calculation, v: Fraction) -> bool:
    """6/10 ÷ 2/4 = 3/2: tops and bottoms divided separately, remainders dropped."""
    if c.op != "/" or c.right is None or not (c.right.num and c.right.den):
        return False
    a, b = c.left, c.right
    den = a.den // b.den
    return bool(den) and v == Fraction(a.top // b.top, den) and v != a.value / b.value


def _inverted_dividend(c: Calculation, v: Fraction) -> bool:
    """2/3 ÷ 3/8 = 3/2 × 3/8: the first fraction turned over instead of the second."""
    if c.op != "/" or c.right is None or not c.left.top:
        return False
    return v == Fraction(c.left.den, c.left.top) * c.right.value != c.left.value / c.right.value


def _one_term(c: Calculation, v: Fraction, given: tuple[int, int] | None = None) -> bool:
    """6/8 = 3/8: only the top (or the bottom) simplified."""
    if c.op != "simplify" or given is None:
        return False
    n, d = given
    a = c.left
    return v != a.value and ((d == a.den and n != a.num) or (n == a.num and d != a.den))


def _not_equivalent(c: Calculation, v: Fraction) -> bool:
    """3/8 = 1/4: a "simplified" fraction that is not the same amount."""
    return c.op == "simplify" and v != c.left.value


CHECKS: dict[str, Check] = {
    "added_denominators": _added_denominators,
    "kept_numerators": _kept_numerators,
    "mixed_parts": _mixed_parts,
    "no_regrouping": _no_regrouping,
    "scaled_both": _scaled_both,
    "divided_parts": _divided_parts,
    "inverted_dividend": _inverted_dividend,
}
_WRITTEN = re.compile(r"(\d+)\s*/\s*(\d+)\s*$")


def misconception(prompt: str, given: Fraction, written: str = "") -> str:
    """The name of the mistake ``given`` shows for the question ``prompt``, or ""."""
    calc = calculation(prompt)
    if calc is None:
        return ""
    for name, check in CHECKS.items():
        if check(calc, given):
            return name
    form = _WRITTEN.search(normalise(written))
    if _one_term(calc, given, (int(form[1]), int(form[2])) if form else None):
        return "one_term"
    return "not_equivalent" if _not_equivalent(calc, given) else ""
