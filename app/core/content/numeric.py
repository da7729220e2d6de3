"""Numbers as learners and teachers write them: ``3``, ``-2.5``, ``3/4``, ``1 1/2``, ``75%``."""

from __future__ import annotations

import re
from fractions import Fraction

_MIXED = re.compile(r"^(?P<sign>-?)(?P<whole>\d+)\s+(?P<num>\d+)\s*/\s*(?P<den>\d+)$")
_FRACTION = re.compile(r"^(?P<sign>-?)(?P<num>\d+(?:\.\d+)?)\s*/\s*(?P<den>\d+(?:\.\d+)?)$")
_DECIMAL = re.compile(r"^-?(?:\d+(?:\.\d*)?|\.\d+)$")
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", ",": "."})


def parse_number(text: str) -> Fraction | None:
    """The exact value of ``text``, or None when it is not a number this app reads.

    Accepts integers, decimals (``,`` as decimal mark too), fractions ``a/b``, mixed
    numbers ``1 1/2`` and percentages ``75%`` (read as 0.75). A zero denominator is not
    a number. Thousands separators are not supported: ``1,000`` reads as 1.0.
    """
    cleaned = " ".join(text.strip().translate(_MINUS).split())
    percent = cleaned.endswith("%")
    if percent:
        cleaned = cleaned[:-1].rstrip()
    value = _parse_plain(cleaned)
    if value is None:
        return None
    return value / 100 if percent else value


def _parse_plain(text: str) -> Fraction | None:
    if _DECIMAL.match(text):
        return Fraction(text)
    mixed = _MIXED.match(text)
    if mixed and int(mixed["den"]) != 0:
        value = int(mixed["whole"]) + Fraction(int(mixed["num"]), int(mixed["den"]))
        return -value if mixed["sign"] else value
    frac = _FRACTION.match(text)
    if frac and Fraction(frac["den"]) != 0:
        value = Fraction(frac["num"]) / Fraction(frac["den"])
        return -value if frac["sign"] else value
    return None
