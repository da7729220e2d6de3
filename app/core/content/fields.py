"""Typed reading of TOML tables that reports wrong or missing fields with a line number.

``tomllib`` gives values but no positions, so :class:`Source` finds lines itself: each
``[[table]]`` header starts an item, and ``key =`` inside the item's line range is the
field. When a file uses inline tables instead, the item's first line is used.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from app.core.content.diagnostics import Diagnostic

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_TOML_LINE = re.compile(r"line (\d+)")


@dataclass
class Source:
    """One text file (or a part of one starting at ``offset`` lines) being read."""

    path: str
    text: str
    offset: int = 0  # lines before ``text`` in the real file (front matter)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def parse(self, diags: list[Diagnostic]) -> dict[str, Any] | None:
        """The TOML document, or None after adding a diagnostic with the error's line."""
        try:
            return tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            found = _TOML_LINE.search(str(exc))
            line = int(found.group(1)) if found else 1
            reason = str(exc).split(" (at ")[0]
            diags.append(Diagnostic(
                self.path, self.offset + line, f"This line is not valid TOML ({reason}).",
                'Check quotes, commas and brackets: text goes in "double quotes", lists in '
                "[square brackets], and each key appears once per table."))
            return None

    def item_starts(self, header: str, count: int, start: int = 1,
                    end: int | None = None) -> list[int]:
        """1-based start lines of the ``count`` items of ``[[header]]`` tables.

        Only lines in ``[start, end)`` are searched (the choices of one question).
        """
        end = end if end is not None else len(self.lines) + 1
        pattern = re.compile(r"^\s*\[\[\s*" + re.escape(header) + r"\s*\]\]")
        lines = self.lines
        starts = [n for n in range(start, min(end, len(lines) + 1))
                  if pattern.match(lines[n - 1])]
        if len(starts) != count:
            return [self.key_line(header.rsplit(".", 1)[-1], start, end)] * count
        return starts

    def key_line(self, key: str, start: int, end: int) -> int:
        """First line in ``[start, end)`` that sets ``key``; ``start`` if none does."""
        name = re.escape(key)
        pattern = re.compile(r"^\s*(?:[\"']?" + name + r"[\"']?\s*=|\[\[\s*(?:[\w-]+\.)*"
                             + name + r"\s*\]\])")
        for number in range(start, min(end, len(self.lines) + 1)):
            if pattern.match(self.lines[number - 1]):
                return number
        return start

    def real(self, line: int) -> int:
        return line + self.offset


class Table:
    """Fields of one TOML table (a question, a skill, a front matter) with their lines.

    ``what`` names the table for people, e.g. 'Question "add-1"'.
    """

    def __init__(self, source: Source, data: dict[str, Any], diags: list[Diagnostic], *,
                 what: str, start: int = 1, end: int | None = None) -> None:
        self.source, self.data, self.diags, self.what = source, data, diags, what
        self.start = start
        self.end = end if end is not None else len(source.lines) + 1

    def line(self, key: str) -> int:
        return self.source.real(self.source.key_line(key, self.start, self.end))

    def lines(self) -> dict[str, int]:
        return {key: self.line(key) for key in self.data}

    def error(self, key: str | None, message: str, fix: str) -> None:
        line = self.line(key) if key else self.source.real(self.start)
        self.diags.append(Diagnostic(self.source.path, line, f"{self.what}: {message}", fix))

    def known(self, keys: frozenset[str]) -> None:
        """Report fields the format does not have (usually typos, e.g. ``hint =``)."""
        for key in sorted(set(self.data) - keys):
            close = difflib.get_close_matches(key, sorted(keys), n=1, cutoff=0.6)
            fix = (f"Did you mean “{close[0]}”?" if close else
                   f"Remove it, or use one of: {', '.join(sorted(keys))}.")
            self.error(key, f"“{key}” is not a field Lantern knows, so it would be ignored.",
                       fix)

    def text(self, key: str, *, required: bool = True, example: str = '"…"') -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(None, f'“{key}” is missing.', f"Add a line {key} = {example}.")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.error(key, f'“{key}” must be non-empty text.',
                       f"Write it in double quotes: {key} = {example}.")
            return ""
        return value

    def text_list(self, key: str, *, example: str = '["…"]') -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(key, f"“{key}” must be a list of texts.",
                       f"Write it like {key} = {example}.")
            return ()
        return tuple(value)

    def integer(self, key: str, *, low: int, high: int, default: int | None = None) -> int:
        value = self.data.get(key, default)
        if value is None:
            self.error(None, f"“{key}” is missing.", f"Add a line {key} = a whole number "
                       f"from {low} to {high}.")
            return low
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.error(key, f"“{key}” must be a whole number from {low} to {high}.",
                       f"Write it like {key} = {low}.")
            return low
        return value

    def flag(self, key: str, *, required: bool = True) -> bool | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, bool):
            self.error(key if key in self.data else None, f"“{key}” must be true or false.",
                       f"Write {key} = true or {key} = false (no quotes).")
            return None
        return value

    def number(self, key: str, *, default: float) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            self.error(key, f"“{key}” must be a number of zero or more.",
                       f"Write it like {key} = 0.01 (no quotes).")
            return default
        return float(value)

    def tables(self, key: str) -> list[dict[str, Any]]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.error(key, f"“{key}” must be a list of tables.",
                       f"Write each one under a [[...{key}]] header.")
            return []
        return value
