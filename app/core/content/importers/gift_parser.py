"""Moodle GIFT text to parse trees shaped like those of GIFT-grammar-PEG.js.

The trees use the field names of fuhrmanator's GIFT grammar (``type`` is one of
``Category``, ``Description``, ``MC``, ``Short``, ``TF``, ``Numerical``, ``Matching``,
``Essay``), so the importer can be tested against that project's golden parse trees.
Texts are ``{"format": ..., "text": ...}`` with escapes decoded; in ``moodle`` and
``plain`` format newlines and runs of white space collapse to one space, in ``html`` and
``markdown`` they are kept (as Moodle does).

Differences from the PEG grammar, on purpose: an unescaped ``:`` inside a text is kept
as text (Moodle accepts it; the grammar rejects the whole file), and one bad question
does not stop the file: it becomes an ``Invalid`` tree with the reason, and parsing goes
on with the next question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

Tree = dict[str, Any]

ESCAPABLE = "\\:#={}~n"
_PLACEHOLDER = {c: chr(0xE000 + i) for i, c in enumerate(ESCAPABLE)}
_DECODE = {v: ("\n" if k == "n" else k) for k, v in _PLACEHOLDER.items()}
_FORMAT = re.compile(r"^\[(html|markdown|plain|moodle)\]")
_TF = re.compile(r"^(TRUE|FALSE|T|F)(?=\s*(#|$))", re.DOTALL)
_ID = re.compile(r"\[id:([^\x00-\x1F\x7F]+?)]")
_TAG = re.compile(r"\[tag:([^\x00-\x1F\x7F]+?)]")
_NUMBER = r"[+-]?\d+(?:\.\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})\s*:\s*({_NUMBER})$")
_HIGH_LOW = re.compile(rf"^({_NUMBER})\s*\.\.\s*({_NUMBER})$")
_SIMPLE = re.compile(rf"^({_NUMBER})$")
_WEIGHT = re.compile(r"^\s*%([^%]*)%")


class GiftSyntaxError(ValueError):
    """One question could not be read; the message says why, for a teacher."""


@dataclass(frozen=True)
class GiftItem:
    """One parsed block: its first line in the file and its tree."""

    line: int
    tree: Tree


def parse_gift(text: str) -> list[GiftItem]:
    """Every category, description and question of a GIFT file, in order.

    Never raises on bad input: a question that cannot be read is returned as
    ``{"type": "Invalid", "reason": ..., "title": ...}``.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    items: list[GiftItem] = []
    for line, lines in _blocks(text):
        items.extend(_parse_block(line, lines))
    return items


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines (a blank line ends a question), with the first line number."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _parse_block(line: int, lines: list[str]) -> list[GiftItem]:
    meta: dict[str, Any] = {"id": None, "tags": None}
    body: list[str] = []
    items: list[GiftItem] = []
    for offset, raw in enumerate(lines):
        stripped = raw.strip()
        if stripped.startswith("//"):
            _read_tag_comment(stripped, meta)
        elif stripped.startswith("$CATEGORY:") and not body:
            title = stripped[len("$CATEGORY:"):].strip()
            items.append(GiftItem(line + offset, {"type": "Category", "title": title}))
        else:
            body.append(raw)
    source = "\n".join(body).strip()
    if source:
        try:
            tree = parse_question(source)
        except GiftSyntaxError as exc:
            tree = {"type": "Invalid", "reason": str(exc), "title": _title_guess(source)}
        tree.update(meta) if tree["type"] != "Invalid" else None
        items.append(GiftItem(line, tree))
    return items


def _read_tag_comment(comment: str, meta: dict[str, Any]) -> None:
    found = _ID.search(comment)
    if found:
        meta["id"] = found.group(1).strip().replace("\\]", "]")
    tags = [m.group(1) for m in _TAG.finditer(comment)]
    if tags:
        meta["tags"] = [*(meta["tags"] or []), *tags]


def _title_guess(source: str) -> str | None:
    match = re.match(r"::(.*?)::", source, re.DOTALL)
    return match.group(1) if match else None


def _find(text: str, targets: str, start: int = 0) -> int:
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


def _split(text: str, markers: str) -> list[tuple[str, str]]:
    """``text`` cut before each unescaped marker: ``[(marker, text after it), ...]``."""
    parts: list[tuple[str, str]] = []
    pos = _find(text, markers)
    if pos < 0:
        return [("", text)]
    if text[:pos].strip():
        parts.append(("", text[:pos]))
    while pos >= 0:
        nxt = _find(text, markers, pos + 1)
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


def parse_question(source: str) -> Tree:
    """One question (or description) without its comment lines.

    Raises:
        GiftSyntaxError: the answer block or a number in it cannot be read.
    """
    from app.core.content.importers.gift_answers import parse_answers

    title, rest = _split_title(source)
    open_at = _find(rest, "{")
    if open_at < 0:
        if _find(rest, "}") >= 0:
            raise GiftSyntaxError("it has a “}” without a “{” before it")
        fmt = explicit_format(rest) or "moodle"
        return {"type": "Description", "title": title, "stem": rich_text(rest, fmt),
                "hasEmbeddedAnswers": False}
    close_at = _find(rest, "}", open_at + 1)
    if close_at < 0:
        raise GiftSyntaxError("its answers start with “{” but have no closing “}”")
    stem1_raw, answers_raw, stem2_raw = rest[:open_at], rest[open_at + 1:close_at], \
        rest[close_at + 1:]
    if _find(stem2_raw, "{}") >= 0:
        raise GiftSyntaxError("it has more than one answer block {…}")
    fmt = _question_format(stem1_raw, stem2_raw)
    tree = parse_answers(answers_raw, fmt)
    tree.update(title=title, **_stem(stem1_raw, stem2_raw, fmt))
    return tree


def _split_title(source: str) -> tuple[str | None, str]:
    if not source.startswith("::"):
        return None, source
    end = source.find("::", 2)
    while end >= 0 and _escaped(source, end):
        end = source.find("::", end + 1)
    if end < 0:
        raise GiftSyntaxError("its title starts with “::” but does not end with “::”")
    return decode(encode_escapes(source[2:end])), source[end + 2:]


def _escaped(text: str, index: int) -> bool:
    """Whether ``text[index]`` is the escaped half of a backslash escape."""
    slashes = 0
    while index - slashes - 1 >= 0 and text[index - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


def _question_format(stem1_raw: str, stem2_raw: str) -> str:
    if stem1_raw.strip():
        return explicit_format(stem1_raw) or "moodle"
    if stem2_raw.strip():
        return explicit_format(stem2_raw) or "moodle"
    return "moodle"


def _stem(stem1_raw: str, stem2_raw: str, fmt: str) -> Tree:
    embedded = bool(stem2_raw.strip())
    first = rich_text(stem1_raw, fmt)["text"] if stem1_raw.strip() else ""
    text = first
    if embedded:
        text = (first + " " if first else "") + "_____ " + rich_text(stem2_raw, fmt)["text"]
    return {"stem": {"format": fmt, "text": text}, "hasEmbeddedAnswers": embedded}


def split_unescaped(text: str, markers: str) -> list[tuple[str, str]]:
    """Public form of :func:`_split` for the answer parser."""
    return _split(text, markers)


def find_unescaped(text: str, targets: str, start: int = 0) -> int:
    return _find(text, targets, start)


def weight(raw: str) -> tuple[float | None, str]:
    """A leading ``%50%`` credit (as a percentage) and the text after it."""
    match = _WEIGHT.match(raw)
    if not match:
        return None, raw
    try:
        value = float(match.group(1))
    except ValueError:
        raise GiftSyntaxError(f"“%{match.group(1)}%” is not a percentage") from None
    if not -100 <= value <= 100:
        raise GiftSyntaxError(f"the credit {value:g}% is not between -100% and 100%")
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
    raise GiftSyntaxError(f"“{text}” is not a number, a number:tolerance or a low..high range")


TF_PATTERN = _TF
