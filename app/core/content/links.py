"""Find Markdown picture links (``![alt](target "title")``) in linear time.

Imported text is untrusted and can be long: the regular expression these functions
replace backtracked cubically on a run of spaces after ``![a](`` (4,000 spaces took
35 s, 30,000 hours). Here every search moves forward only: each "next character of this
kind" lookup remembers its last answer, so a scan touches each character a bounded
number of times whatever the input. The grammar is the one the regular expressions
accepted: ``alt`` runs to the first ``]``; the target stops at ``)``, ``"``, ``<`` or
``>``; an optional title in double quotes follows after whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator
from dataclasses import dataclass


class _Next:
    """The next match of ``pattern`` at or after a position, remembering the last answer.

    Between the last query and its answer there is no match, so any query in that range
    has the same answer without searching again: monotone queries cost linear time.
    """

    def __init__(self, text: str, pattern: str) -> None:
        self.text, self.pattern = text, re.compile(pattern)
        self.asked, self.found = len(text) + 1, -1  # nothing asked yet

    def at(self, pos: int) -> int:
        if self.asked <= pos and (self.found < 0 or pos <= self.found):
            return self.found
        match = self.pattern.search(self.text, pos)
        self.asked, self.found = pos, match.start() if match else -1
        return self.found


@dataclass(frozen=True)
class Link:
    start: int
    end: int  # after the closing ``)``, or after the target for :func:`media_refs`
    alt: str
    target: str


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.opening = _Next(text, r"!\[")
        self.closing = _Next(text, r"\]")
        self.stop = _Next(text, r'[)"<>]')
        self.quote = _Next(text, r'"')
        self.solid = _Next(text, r"\S")

    def heads(self) -> Generator[tuple[int, int], int | None, None]:
        """(start of ``![``, position after ``](``) of each candidate; the caller sends
        where to search on from."""
        pos = 0
        while (start := self.opening.at(pos)) >= 0:
            close = self.closing.at(start + 2)
            if close < 0:
                return
            if self.text.startswith("(", close + 1):
                resume = yield start, close + 2
                pos = resume if resume is not None else close + 1
            else:
                pos = close + 1

    def skip_space(self, pos: int) -> int:
        found = self.solid.at(pos)
        return len(self.text) if found < 0 else found

    def image_at(self, start: int, inner: int) -> Link | None:
        text = self.text
        pos = self.skip_space(inner)
        pos += text.startswith("<", pos)
        stop = self.stop.at(pos)
        if stop <= pos or text[stop] == "<":
            return None
        after = stop + (text[stop] == ">")
        rest = self.skip_space(after)
        if text.startswith('"', rest):
            # a title needs space before it (the target gives back its trailing spaces)
            if rest == after and not text[stop - 1].isspace():
                return None
            closing = self.quote.at(rest + 1)
            if closing < 0:
                return None
            rest = self.skip_space(closing + 1)
        if not text.startswith(")", rest):
            return None
        target = text[pos:stop].rstrip()
        if not target:
            return None
        return Link(start, rest + 1, text[start + 2:inner - 2], target)


def images(text: str) -> list[Link]:
    """Every ``![alt](target)`` / ``![alt](<target> "title")`` in ``text``, in order."""
    return _scan(text, lambda scanner, start, inner: scanner.image_at(start, inner))


_MEDIA_NAME = re.compile(r"media/[^)\s]+")


def media_refs(text: str) -> list[Link]:
    """What the pack validator reads as a picture: ``![alt](media/NAME`` (no ``)``
    needed); ``target`` is ``media/NAME``."""
    def media_at(scanner: _Scanner, start: int, inner: int) -> Link | None:
        match = _MEDIA_NAME.match(text, scanner.skip_space(inner))
        return (Link(start, match.end(), text[start + 2:inner - 2], match.group(0))
                if match else None)

    return _scan(text, media_at)


def _scan(text: str, link_at: Callable[[_Scanner, int, int], Link | None]) -> list[Link]:
    """Every link ``link_at`` reads at a ``![…](`` head, in order, never re-reading text
    inside a link found (one pass: linear in ``text``)."""
    if "![" not in text:
        return []
    scanner = _Scanner(text)
    found: list[Link] = []
    heads = scanner.heads()
    head = next(heads, None)
    while head is not None:
        link = link_at(scanner, *head)
        if link is not None:
            found.append(link)
        try:
            head = heads.send(link.end if link is not None else None)
        except StopIteration:
            break
    return found


def substitute(text: str, links: list[Link], replace: Callable[[Link], str]) -> str:
    """``text`` with each link's span replaced by ``replace(link)``."""
    parts: list[str] = []
    pos = 0
    for link in links:
        parts += [text[pos:link.start], replace(link)]
        pos = link.end
    parts.append(text[pos:])
    return "".join(parts)
