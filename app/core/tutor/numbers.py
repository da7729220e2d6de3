"""Find every number a text mentions, in the forms learners and models write them.

Used by the Socratic guard: an answer of 3/4 is revealed by "3/4", "6/8", "0.75", "75%",
"75 percent", "three quarters", "three-fourths", "¾", "３/４" or "四分之三" alike.
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

from app.core.tutor.latex import delatex

# Numbers and parts in English words; also read by claims.py.
WORD_NUMBERS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "twenty": 20,
    "hundred": 100,
}
WORD_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "eleventh": 11, "elevenths": 11, "twelfth": 12,
    "twelfths": 12, "hundredth": 100,
    "hundredths": 100,
}
_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                   "六": 6, "七": 7, "八": 8, "九": 9}

_NUM = r"\d+(?:[.,]\d+)?"
_MIXED = re.compile(r"(?<![\d/.])(\d+)\s+(\d+)\s*/\s*(\d+)(?![\d/])")
_FRACTION = re.compile(rf"(?<![\d/.])({_NUM})\s*/\s*({_NUM})(?![\d/])")
_PERCENT = re.compile(rf"(?<![\d/.])({_NUM})\s*(?:%|percent|per cent|％)")
_PLAIN = re.compile(rf"(?<![\d/.])-?{_NUM}(?![\d/])")
_WORDS = re.compile(r"[a-z]+")
_ZH_NUMBER = r"[零〇一二两三四五六七八九十百\d]+"
_CHINESE_FRACTION = re.compile(rf"({_ZH_NUMBER})分之({_ZH_NUMBER})")
_CHINESE_PERCENT = re.compile(rf"百分之({_ZH_NUMBER})")


def normalise(text: str) -> str:
    """NFKC folds full-width digits, ¾ and friends into plain ASCII forms."""
    folded = unicodedata.normalize("NFKC", delatex(text))
    return folded.replace("\u2044", "/").replace("÷", "/").replace("\u2212", "-").lower()


def numbers_in(text: str) -> set[Fraction]:
    """Every value ``text`` mentions (duplicates collapse)."""
    text = normalise(text)
    found: set[Fraction] = set()
    found |= _mixed_numbers(text)
    found |= _fractions(text)
    found |= _percentages(text)
    found |= _plain_numbers(text)
    found |= _word_fractions(text)
    found |= _chinese_numbers(text)
    return found


def _value(raw: str) -> Fraction:
    return Fraction(raw.replace(",", "."))


def _mixed_numbers(text: str) -> set[Fraction]:
    return {int(w) + Fraction(int(n), int(d)) for w, n, d in _MIXED.findall(text) if int(d)}


def _fractions(text: str) -> set[Fraction]:
    return {_value(n) / _value(d) for n, d in _FRACTION.findall(text) if _value(d) != 0}


def _percentages(text: str) -> set[Fraction]:
    values = {_value(p) / 100 for p in _PERCENT.findall(text)}
    return values | {_value(p) for p in _PERCENT.findall(text)}


def _plain_numbers(text: str) -> set[Fraction]:
    without_fractions = _FRACTION.sub(" ", _MIXED.sub(" ", text))
    return {_value(m.group().lstrip("-")) for m in _PLAIN.finditer(without_fractions)}


def _word_fractions(text: str) -> set[Fraction]:
    """"three quarters", "two-thirds", "one half", "a fifth", "half"."""
    words = _WORDS.findall(text.replace("-", " "))
    found: set[Fraction] = set()
    for i, word in enumerate(words):
        if word in WORD_DENOMINATORS:
            before = words[i - 1] if i else ""
            count = WORD_NUMBERS.get(before, 1)
            found.add(Fraction(count, WORD_DENOMINATORS[word]))
        elif word in WORD_NUMBERS and word not in ("a", "an"):
            found.add(Fraction(WORD_NUMBERS[word]))
    return found


def _chinese_int(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    if raw == "十":
        return 10
    if "十" in raw:  # 十二 = 12, 二十 = 20, 二十三 = 23
        tens, _, ones = raw.partition("十")
        return _CHINESE_DIGITS.get(tens, 1) * 10 + _CHINESE_DIGITS.get(ones, 0)
    if raw == "百":
        return 100
    if len(raw) == 1 and raw in _CHINESE_DIGITS:
        return _CHINESE_DIGITS[raw]
    return None


def _chinese_numbers(text: str) -> set[Fraction]:
    """"四分之三" is 3/4 (denominator first); "百分之七十五" is 75%."""
    found: set[Fraction] = set()
    for raw in _CHINESE_PERCENT.findall(text):
        value = _chinese_int(raw)
        if value is not None:
            found.add(Fraction(value, 100))
    for den, num in _CHINESE_FRACTION.findall(text):
        d, n = _chinese_int(den), _chinese_int(num)
        if d and n is not None:
            found.add(Fraction(n, d))
    return found
