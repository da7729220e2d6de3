"""Aiken files: a question, lettered options, then ``ANSWER: X``; blank lines between.

Aiken has exactly one right option per question, no feedback and no images, so each
complete question becomes one multiple-choice question. A question whose ``ANSWER``
line is missing or names no option is reported, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from app.core.content.importers.build import Answer, ImportJob, Unsupported, choice_question
from app.core.content.importers.writer import DraftQuestion
from app.messages import QT_TRANSLATE_NOOP, message

_OPTION = re.compile(r"^\s*([A-Z])\s*[).]\s?(.*)$")
_ANSWER = re.compile(r"^\s*ANSWER\s*:\s*(\S*)\s*$", re.IGNORECASE)


@dataclass
class AikenQuestion:
    line: int
    stem: list[str] = field(default_factory=list)
    options: list[tuple[str, str]] = field(default_factory=list)
    answer: str | None = None


def parse_aiken(text: str) -> list[AikenQuestion]:
    """Questions in order; a question ends at its ANSWER line or at a blank line."""
    found: list[AikenQuestion] = []
    current: AikenQuestion | None = None
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            if current is not None and current.options:
                found.append(current)
                current = None
            continue
        if current is None:
            current = AikenQuestion(number)
        if (answer := _ANSWER.match(line)) and current.options:
            current.answer = answer.group(1).upper()
            found.append(current)
            current = None
        elif (option := _OPTION.match(line)) and (current.stem or current.options):
            current.options.append((option.group(1), option.group(2).strip()))
        elif current.options:
            letter, text_so_far = current.options[-1]
            current.options[-1] = (letter, f"{text_so_far} {line.strip()}")
        else:
            current.stem.append(line.strip())
    if current is not None:
        found.append(current)
    return found


def import_aiken(path: Path, text: str, job: ImportJob) -> None:
    questions = parse_aiken(text)
    skill = job.draft.skill(job.draft.title)
    for done, q in enumerate(questions):
        job.step(done, len(questions))
        try:
            job.add(_convert(q, path.name), skill, f"line {q.line}")
        except Unsupported as exc:
            job.report.skip(QT_TRANSLATE_NOOP("ImportSkip", "multiple choice"), str(exc),
                            message(QT_TRANSLATE_NOOP("ImportSkip", "line {line}"), line=q.line))


def _convert(q: AikenQuestion, source_name: str) -> DraftQuestion:
    if not q.options:
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "no lettered options (A), B), …) were "
                                            "found"))
    if q.answer is None:
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "the ANSWER: line is missing"))
    letters = [letter for letter, _ in q.options]
    if q.answer not in letters:
        raise Unsupported(message(QT_TRANSLATE_NOOP("ImportSkip", "ANSWER: {letter} names no "
                                                    "option"), letter=q.answer))
    answers = [Answer(text or "(empty)", 1.0 if letter == q.answer else 0.0)
               for letter, text in q.options]
    return choice_question(" ".join(q.stem), answers, multiple=False,
                           source=f"{source_name}, line {q.line}")
