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

from app.core.content.importers.gift_answers import parse_answers
from app.core.content.importers.gift_text import (
    GiftSyntaxError,
    Tree,
    decode,
    encode_escapes,
    explicit_format,
    find_unescaped,
    rich_text,
)
from app.messages import QT_TRANSLATE_NOOP, message

# An id or tag stops at the next bracket, so a run of "[id:" costs linear time.
_ID = re.compile(r"\[id:([^\x00-\x1F\x7F\[\]]+)]")
_TAG = re.compile(r"\[tag:([^\x00-\x1F\x7F\[\]]+)]")


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
            tree = {**parse_question(source), **meta}
        except GiftSyntaxError as exc:
            tree = {"type": "Invalid", "reason": str(exc), "title": _title_guess(source)}
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


def parse_question(source: str) -> Tree:
    """One question (or description) without its comment lines.

    Raises:
        GiftSyntaxError: the answer block or a number in it cannot be read.
    """
    title, rest = _split_title(source)
    open_at = find_unescaped(rest, "{")
    if open_at < 0:
        if find_unescaped(rest, "}") >= 0:
            raise GiftSyntaxError(message(QT_TRANSLATE_NOOP(  # braces as values: a template's
                "ImportSkip", "it has a “{close}” without a “{open}” before it"),  # own
                close="}", open="{"))  # braces would be placeholders
        fmt = explicit_format(rest) or "moodle"
        return {"type": "Description", "title": title, "stem": rich_text(rest, fmt),
                "hasEmbeddedAnswers": False}
    close_at = find_unescaped(rest, "}", open_at + 1)
    if close_at < 0:
        raise GiftSyntaxError(message(QT_TRANSLATE_NOOP(
            "ImportSkip", "its answers start with “{open}” but have no closing “{close}”"),
            open="{", close="}"))
    stem1_raw, answers_raw, stem2_raw = rest[:open_at], rest[open_at + 1:close_at], \
        rest[close_at + 1:]
    if find_unescaped(stem2_raw, "{}") >= 0:
        raise GiftSyntaxError(message(QT_TRANSLATE_NOOP(
            "ImportSkip", "it has more than one answer block {block}"), block="{…}"))
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
        raise GiftSyntaxError(QT_TRANSLATE_NOOP(
            "ImportSkip", "its title starts with “::” but does not end with “::”"))
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


