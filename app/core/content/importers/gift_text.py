"""GIFT text primitives: escapes, unescaped search, formatted texts, weights, numbers."""

from __future__ import annotations

import re
from typing import Any

from app.messages import QT_TRANSLATE_NOOP, message

Tree = dict[str, Any]

ESCAPABLE = "\\:#={}~n"
_PLACEHOLDER = {c: chr(0xE000 + i) for i, c in enumerate(ESCAPABLE)}
_DECODE = {v: ("\n" if k == "n" else k) for k, v in _PLACEHOLDER.items()}
_FORMAT = re.compile(r"^\[(html|markdown|plain|moodle)\]")
_NUMBER = r"[+-]?\d+(?:\.\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})\s*:\s*({_NUMBER})$")
_HIGH_LOW = re.compile(rf"^({_NUMBER})\s*\.\.\s*({_NUMBER})$")
_SIMPLE = re.compile(rf"^({_NUMBER})$")
_WEIGHT = re.compile(r"^\s*%([^%]*)%")


class GiftSyntaxError(ValueError):
    """One question could not be read; the message says why, for a teacher.

    The message is a :class:`app.messages.Message` and ``str()`` returns it as it is (it
    stays translatable on its way into the import report).
    """

    def __str__(self) -> str:
        return self.args[0] if self.args and isinstance(self.args[0], str) else ""


def find_unescaped(text: str, targets: str, start: int = 0) -> int:
    """Index of the first unescaped character of ``targets`` at or after ``start``; -1."""
    i = start
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPABLE:
            i += 2
            continue
        if char in targets:
            return i
        i += 1
    return -1


def split_unescaped(text: str, markers: str) -> list[tuple[str, str]]:
    """``text`` cut before each unescaped marker: ``[(marker, text after it), ...]``."""
    parts: list[tuple[str, str]] = []
    pos = find_unescaped(text, markers)
    if pos < 0:
        return [("", text)]
    if text[:pos].strip():
        parts.append(("", text[:pos]))
    while pos >= 0:
        nxt = find_unescaped(text, markers, pos + 1)
        parts.append((text[pos], text[pos + 1: nxt if nxt >= 0 else len(text)]))
        pos = nxt
    return parts


def encode_escapes(raw: str) -> str:
    """Replace GIFT escape sequences (``\\:`` …) by private-use placeholders."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] == "\\" and i + 1 < len(raw) and raw[i + 1] in ESCAPABLE:
            out.append(_PLACEHOLDER[raw[i + 1]])
            i += 2
        else:
            out.append(raw[i])
            i += 1
    return "".join(out)


def decode(text: str) -> str:
    return "".join(_DECODE.get(c, c) for c in text)


def collapse(text: str) -> str:
    return re.sub(r"\s\s+", " ", re.sub(r"[\n\r]", " ", text))


def rich_text(raw: str, default: str) -> Tree:
    """A formatted text: an optional ``[format]`` prefix, then the text."""
    raw = raw.strip()
    match = _FORMAT.match(raw)
    fmt = match.group(1) if match else default
    body = encode_escapes(raw[match.end():] if match else raw).strip()
    if fmt not in ("html", "markdown"):
        body = collapse(body)
    return {"format": fmt, "text": decode(body)}


def explicit_format(raw: str) -> str | None:
    match = _FORMAT.match(raw.strip())
    return match.group(1) if match else None


def weight(raw: str) -> tuple[float | None, str]:
    """A leading ``%50%`` credit (as a percentage) and the text after it."""
    match = _WEIGHT.match(raw)
    if not match:
        return None, raw
    try:
        value = float(match.group(1))
    except ValueError:
        raise GiftSyntaxError(message(QT_TRANSLATE_NOOP(
            "ImportSkip", "“%{value}%” is not a percentage"), value=match.group(1))) from None
    if not -100 <= value <= 100:
        raise GiftSyntaxError(message(QT_TRANSLATE_NOOP(
            "ImportSkip", "the credit {value}% is not between -100% and 100%"),
            value=f"{value:g}"))
    return value, raw[match.end():]


def number_spec(raw: str) -> Tree:
    """``1822``, ``3.14:0.01`` or ``1..5`` as the grammar's numeric answer tree."""
    text = decode(encode_escapes(raw)).strip()
    if match := _RANGE.match(text):
        return {"type": "range", "number": float(match[1]), "range": float(match[2])}
    if match := _HIGH_LOW.match(text):
        return {"type": "high-low", "numberHigh": float(match[2]),
                "numberLow": float(match[1])}
    if match := _SIMPLE.match(text):
        return {"type": "simple", "number": float(match[1])}
    raise GiftSyntaxError(message(QT_TRANSLATE_NOOP(
        "ImportSkip", "“{text}” is not a number, a number:tolerance or a low..high range"),
        text=text))


