"""Split lessons into passages by heading, for search and citations.

A passage is one section of a lesson (the text under a ``#``/``##``/``###`` heading).
Sections longer than :data:`MAX_WORDS` are cut at paragraph breaks; a section with no
text of its own (a title followed at once by a sub-heading) yields no passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.content.model import Lesson, Pack
from app.core.content.tokenize import size

MAX_WORDS = 250
# Lesson text is untrusted: no pattern here may backtrack. The old heading pattern
# ("(.+?)\s*#*\s*$") was cubic in a run of spaces (2,000 spaces: 63 s); closing #s are
# now removed in Python. Link texts and targets stop at the next bracket or parenthesis.
_HEADING = re.compile(r"^(#{1,3})\s+(.+)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_IMAGE = re.compile(r"!\[([^\]\[]*)\]\([^()]*\)")
_LINK = re.compile(r"\[([^\]\[]+)\]\([^()]*\)")
_MARKS = re.compile(r"(\*\*|__|`)")


@dataclass(frozen=True)
class Passage:
    """A cited piece of a lesson. ``line`` is where it starts in ``path`` (1-based)."""

    pack_id: str
    lesson_id: str
    lesson_title: str
    heading: str
    text: str  # plain text: Markdown marks removed, images replaced by their alt text
    path: str
    line: int

    @property
    def search_text(self) -> str:
        """What is indexed: the lesson title and heading help short passages match."""
        return f"{self.lesson_title}. {self.heading}. {self.text}"


def pack_passages(pack: Pack) -> list[Passage]:
    return [p for lesson in sorted(pack.lessons, key=lambda x: (x.order, x.id))
            for p in lesson_passages(lesson, pack_id=pack.info.id)]


def lesson_passages(lesson: Lesson, *, pack_id: str) -> list[Passage]:
    found = []
    for heading, start, lines in _sections(lesson):
        for offset, chunk in _chunks(lines):
            text = _plain(chunk)
            if text:
                # The first chunk of a section is cited at its heading line.
                line = lesson.body_line + start + offset - (1 if heading and not offset else 0)
                found.append(Passage(pack_id, lesson.id, lesson.title, heading or lesson.title,
                                     text, lesson.path, line))
    return found


def _sections(lesson: Lesson) -> list[tuple[str, int, list[str]]]:
    """(heading, 0-based start line in the body, lines) for each section."""
    sections: list[tuple[str, int, list[str]]] = [("", 0, [])]
    in_code = False
    for number, line in enumerate(lesson.body.splitlines()):
        if _FENCE.match(line):
            in_code = not in_code
        heading = None if in_code else _HEADING.match(line)
        if heading:
            sections.append((_heading_title(heading.group(2)), number + 1, []))
        else:
            sections[-1][2].append(line)
    return sections


def _heading_title(rest: str) -> str:
    """``Title ##`` -> ``Title``: the text after the #s, without a closing run of #s."""
    return rest.rstrip().rstrip("#").strip() or rest.strip()[:1]


def _chunks(lines: list[str]) -> list[tuple[int, str]]:
    """Paragraph-aligned chunks of at most about MAX_WORDS words, with line offsets."""
    chunks: list[tuple[int, str]] = []
    start, current = 0, []
    for number, line in enumerate([*lines, ""]):
        current.append(line)
        if line.strip() or size("\n".join(current)) < MAX_WORDS:
            continue
        chunks.append((start, "\n".join(current)))
        start, current = number + 1, []
    if any(line.strip() for line in current):
        chunks.append((start, "\n".join(current)))
    return chunks


def _plain(markdown: str) -> str:
    text = _IMAGE.sub(lambda m: m.group(1), markdown)
    text = _LINK.sub(lambda m: m.group(1), text)
    return " ".join(_MARKS.sub("", text).split())
