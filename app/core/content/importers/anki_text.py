"""Anki's "Notes in Plain Text" files: one note per line, fields separated by tabs.

Header lines like ``#separator:tab`` or ``#html:true`` (Anki 2.1.55+) are read; other
lines starting with ``#`` are comments. The first field is the question, the second the
answer; further fields (often tags) are kept as the worked solution only when
``#html`` or a ``#tags column`` header does not mark them as tags.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.core.content.importers.anki import plain
from app.core.content.importers.build import Answer, ImportJob, Unsupported, short_question
from app.core.content.importers.markup import to_markdown
from app.core.content.importers.writer import DraftQuestion
from app.messages import QT_TRANSLATE_NOOP, message

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ",
              "colon": ":"}
_HEADER = re.compile(r"^#([a-z ]+):(.*)$")
KIND = QT_TRANSLATE_NOOP("ImportSkip", "flashcard")


def looks_like_anki_text(text: str) -> bool:
    """Most non-comment lines have a tab (or a ``#separator`` header is present)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if any(line.startswith("#separator:") for line in lines):
        return True
    body = [line for line in lines if not line.startswith("#")]
    return bool(body) and sum("\t" in line for line in body) * 2 > len(body)


def import_anki_text(path: Path, text: str, job: ImportJob) -> None:
    separator, tags_column = "\t", 0
    lines = text.replace("\r\n", "\n").split("\n")
    skill = job.draft.skill(job.draft.title)
    for number, line in enumerate(lines, start=1):
        job.step(number, len(lines))
        header = _HEADER.match(line)
        if header:
            key, value = header.group(1).strip(), header.group(2).strip()
            separator = SEPARATORS.get(value, value[:1] or separator) \
                if key == "separator" else separator
            tags_column = int(value) if key == "tags column" and value.isdigit() \
                else tags_column
            continue
        if not line.strip() or line.startswith("#"):
            continue
        where = message(QT_TRANSLATE_NOOP("ImportSkip", "line {line}"), line=number)
        fields = line.split(separator)
        if tags_column and len(fields) >= tags_column:
            del fields[tags_column - 1]
        try:
            question = _card(fields, f"{path.name}, {where}")
        except Unsupported as exc:
            job.report.skip(KIND, str(exc), where)
            continue
        job.add(question, skill, where)


def _card(fields: list[str], source: str) -> DraftQuestion:
    if len(fields) < 2:
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "a line needs a question and an answer separated by a tab"))
    front, back = fields[0].strip(), fields[1].strip()
    if not front:
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "the front of the card is empty"))
    answer = plain(back)
    if not answer:
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "the back of the card is empty"))
    extras = [to_markdown(f) for f in fields[2:] if f.strip()]
    return short_question(to_markdown(front), [Answer(answer, 1.0)],
                          solution="\n\n".join(extras), source=source)
