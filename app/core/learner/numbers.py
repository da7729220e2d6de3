# ruff: noqa: RUF002, RUF003  (full-width and look-alike characters are the point)
"""Read a number the way a learner types it: ``3/4``, ``0.75``, ``75%``, ``1 1/2``, ``０．７５``.

Values are exact :class:`~fractions.Fraction` so ``6/8`` equals ``3/4`` without rounding.
Accepted forms: integers, decimals (``.5`` too), fractions ``a/b``, mixed numbers
``1 1/2``, percentages ``75%``, a leading sign (``-``, ``−``, ``+``), full-width and other
Unicode digits and symbols (NFKC), vulgar fractions (``½``) and thousands groups.

The decimal separator follows the pack's language: in languages that write ``0,75``
(French, German, Spanish, …) a comma — ASCII ``,`` or full-width ``，`` — is the decimal
separator; elsewhere a comma may only group thousands (``1,000``) and ``0,75`` is
reported as unreadable with a hint, never silently read as 75.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

# Languages whose school maths writes a decimal comma (primary subtag of BCP 47).
DECIMAL_COMMA_LANGUAGES = frozenset({
    "af", "bg", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fr", "gl", "hr",
    "hu", "id", "is", "it", "kk", "lt", "lv", "nb", "nl", "nn", "no", "pl", "pt", "ro",
    "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk", "uz", "vi"})

_SIGNS = {"\u2212": "-", "\u2013": "-", "\ufe63": "-", "\uff0d": "-"}
_NUMBER = r"(?:\d+(?:\.\d*)?|\.\d+)"
_SIMPLE = re.compile(rf"^(?P<sign>[+-]?)(?P<num>{_NUMBER})(?P<pct>%?)$")
_FRACTION = re.compile(r"^(?P<sign>[+-]?)(?:(?P<whole>\d+) )?(?P<n>\d+)/(?P<d>\d+)(?P<pct>%?)$")
_SPACE_GROUPED = re.compile(r"^[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?\s*%?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$")


class UnreadableNumber(ValueError):
    """The text is not a number we can read; ``str()`` is a hint for the learner."""


@dataclass(frozen=True)
class Reading:
    """A number read from text, and whether it was written as a percentage."""

    value: Fraction
    percent: bool


def uses_decimal_comma(language: str) -> bool:
    """True if ``language`` (BCP 47, e.g. ``"fr-CA"``) writes decimals with a comma."""
    return language.split("-")[0].lower() in DECIMAL_COMMA_LANGUAGES


def _normalise(text: str) -> str:
    # A vulgar fraction after digits is a mixed number ("1½"); NFKC alone would make "11⁄2".
    text = "".join(f" {unicodedata.normalize('NFKC', c)}"
                   if "VULGAR FRACTION" in unicodedata.name(c, "") else c for c in text)
    text = unicodedata.normalize("NFKC", text)  # full-width digits, ％, ／, ，
    for sign, ascii_sign in _SIGNS.items():
        text = text.replace(sign, ascii_sign)
    text = text.replace("\u2044", "/")  # fraction slash from vulgar fractions
    text = re.sub(r"\s+", " ", text.strip())
    text = re.sub(r"\s*/\s*", "/", text)
    if _SPACE_GROUPED.match(text):  # "1 000 000" or "1 000,5": spaces group thousands
        text = text.replace(" ", "")
    return re.sub(r"\s*%$", "%", text)


def _separators(text: str, decimal_comma: bool) -> str:
    if decimal_comma:
        if "." in text and "," in text:  # "1.000,5": dots group thousands
            text = text.replace(".", "")
        return text.replace(",", ".")
    if "," in text:
        if not _GROUPED.match(text):
            raise UnreadableNumber(
                "Use a point for decimals, like 0.75 (a comma is only for thousands, "
                "like 1,000).")
        text = text.replace(",", "")
    return text


def read_number(text: str, *, decimal_comma: bool = False) -> Reading:
    """Parse ``text``; raise :class:`UnreadableNumber` with a learner-facing hint."""
    cleaned = _separators(_normalise(text), decimal_comma)
    if not cleaned:
        raise UnreadableNumber("Type a number for your answer.")
    simple = _SIMPLE.match(cleaned)
    if simple:
        value = Fraction(simple["num"])
        return _finish(value, simple["sign"], bool(simple["pct"]))
    frac = _FRACTION.match(cleaned)
    if frac:
        if int(frac["d"]) == 0:
            raise UnreadableNumber("A fraction can't have 0 at the bottom. Check the "
                                   "number under the line.")
        value = Fraction(int(frac["n"]), int(frac["d"])) + int(frac["whole"] or 0)
        return _finish(value, frac["sign"], bool(frac["pct"]))
    raise UnreadableNumber(
        "I couldn't read that as a number. Write it like 0.75, 3/4, 1 1/2 or 75%.")


def _finish(value: Fraction, sign: str, percent: bool) -> Reading:
    if percent:
        value /= 100
    return Reading(-value if sign == "-" else value, percent)
