"""Turn answers read from any quiz format into pack questions, the same way for all.

Credits are Moodle's fractions as 0..1 (1 = full marks; negative = penalty). Pack
questions have no partial credit yet, so what a pack cannot express is kept in extra
fields the loader ignores (``credit`` on a choice, ``graded_answers`` on short-text and
numeric questions) and documented in docs/importers.md, instead of being lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.content.importers.media import FindMedia, MediaResolver
from app.core.content.importers.report import TYPE_LABELS, ImportReport
from app.core.content.importers.writer import DraftQuestion, PackDraft
from app.core.content.numeric import parse_number
from app.messages import QT_TRANSLATE_NOOP, message
from inference.cancel import CancelToken

MAX_QUESTIONS = 100_000  # per file; the largest real decks hold a few tens of thousands
FULL = 0.999  # Moodle writes 100% as 1.0000000 or 100; allow for rounding


class Unsupported(Exception):
    """A question that cannot become a pack question; ``str()`` is the reason.

    The reason is a :class:`app.messages.Message` and ``str()`` returns it as it is, so
    ``report.skip(kind, str(exc), where)`` keeps it translatable for the Content page.
    """

    def __str__(self) -> str:
        return self.args[0] if self.args and isinstance(self.args[0], str) else ""


@dataclass(frozen=True)
class Answer:
    """One answer of a source question (text already Markdown)."""

    text: str
    credit: float
    feedback: str = ""
    tolerance: float = 0.0


@dataclass
class ImportJob:
    """Shared state of one import: the pack being built, the report, progress, cancel."""

    draft: PackDraft
    report: ImportReport
    progress: Callable[[float], None] | None = None
    cancel: CancelToken | None = None
    find_media: FindMedia | None = None

    def add(self, question: DraftQuestion, skill: str, where: str = "") -> None:
        """Add ``question`` with its pictures and sounds resolved (see :mod:`media`).

        Past :data:`MAX_QUESTIONS` the question is reported as skipped instead: the
        memory an import holds stays bounded whatever the file claims.
        """
        if self.report.imported_total >= MAX_QUESTIONS:
            self.report.skip(TYPE_LABELS.get(question.type, question.type),
                             message(QT_TRANSLATE_NOOP("ImportSkip", "more than {count} "
                                                       "questions in one file"),
                                     count=f"{MAX_QUESTIONS:,}"), where)
            return
        resolver = MediaResolver(self.draft, self.find_media)
        question.prompt = resolver.text(question.prompt, where)
        question.fields = resolver.fields(question.fields, where)
        self.report.notes.extend(resolver.notes)
        for kind, name in resolver.missing:
            self.report.missing(kind, name)
        self.draft.add(question, skill)
        self.report.imported[question.type] += 1

    def step(self, done: int, total: int) -> None:
        """Between items: stop if cancelled, report progress (reading is 0..90%)."""
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()
        if self.progress is not None and total:
            self.progress(0.9 * done / total)


def _extra(solution: str, source: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if solution.strip():
        fields["solution"] = solution.strip()
    if source:
        fields["source"] = source
    return fields


def choice_question(prompt: str, answers: Sequence[Answer], *, multiple: bool | None,
                    solution: str = "", source: str = "") -> DraftQuestion:
    """Multiple choice (one right answer) or multiple answer (several).

    ``multiple`` is Moodle's ``single`` flag inverted; None (GIFT) infers it: several
    full-credit answers, or only partial credits, make a multiple-answer question.
    """
    if len(answers) < 2:
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "a choice question needs at least "
                                            "two choices"))
    best = max(a.credit for a in answers)
    if best <= 0:
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "no choice is marked correct"))
    if multiple is None:
        multiple = sum(a.credit >= FULL for a in answers) != 1
    correct = [(a.credit > 0) if multiple else (a.credit >= min(best, FULL)) for a in answers]
    if not multiple and sum(correct) > 1:
        multiple = True
    choices = []
    for answer, right in zip(answers, correct, strict=True):
        choice: dict[str, Any] = {"text": answer.text or "(empty)", "correct": right,
                                  "feedback": answer.feedback}
        if answer.credit not in (0.0, 1.0) and not (right and answer.credit >= FULL):
            choice["credit"] = round(answer.credit, 5)
        choices.append(choice)
    qtype = "multiple_answer" if multiple else "multiple_choice"
    return DraftQuestion(qtype, prompt, {**_extra(solution, source), "choices": choices})


def _graded(answers: Sequence[Answer], numeric: bool) -> list[dict[str, Any]]:
    rows = []
    for a in answers:
        row: dict[str, Any] = {"answer": a.text, "credit": round(a.credit, 5),
                               "feedback": a.feedback}
        if numeric:
            row["tolerance"] = a.tolerance
        rows.append(row)
    return rows


def _needs_graded(answers: Sequence[Answer]) -> bool:
    return len(answers) > 1 or any(a.feedback or a.credit < FULL for a in answers)


def short_question(prompt: str, answers: Sequence[Answer], *, solution: str = "",
                   source: str = "") -> DraftQuestion:
    """Short text: every full-credit answer is a reference answer."""
    full = [a.text for a in answers if a.credit >= FULL and a.text.strip() not in ("", "*")]
    if not full:
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "no answer gets full marks"))
    fields = {**_extra(solution, source), "answers": full}
    if _needs_graded(answers):
        fields["graded_answers"] = _graded(answers, numeric=False)
    return DraftQuestion("short_text", prompt, fields)


def numeric_question(prompt: str, answers: Sequence[Answer], *, unit: str = "",
                     solution: str = "", source: str = "") -> DraftQuestion:
    """Numeric: the first full-credit answer with its tolerance; the rest kept aside."""
    full = [a for a in answers if a.credit >= FULL and a.text.strip() != "*"]
    if not full:
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "no answer gets full marks"))
    if parse_number(full[0].text) is None:
        raise Unsupported(message(QT_TRANSLATE_NOOP("ImportSkip", "the answer “{answer}” is not "
                                                    "a number"), answer=full[0].text))
    fields: dict[str, Any] = {**_extra(solution, source), "answer": full[0].text,
                              "tolerance": abs(full[0].tolerance)}
    if unit:
        fields["unit"] = unit
    if _needs_graded(answers):
        fields["graded_answers"] = _graded(answers, numeric=True)
    return DraftQuestion("numeric", prompt, fields)


def true_false_question(prompt: str, answer: bool, *, feedback_true: str = "",
                        feedback_false: str = "", solution: str = "",
                        source: str = "") -> DraftQuestion:
    fields: dict[str, Any] = {**_extra(solution, source), "answer": answer}
    if feedback_true.strip():
        fields["feedback_true"] = feedback_true.strip()
    if feedback_false.strip():
        fields["feedback_false"] = feedback_false.strip()
    return DraftQuestion("true_false", prompt, fields)


def ordering_question(prompt: str, items: Sequence[str], *, solution: str = "",
                      source: str = "") -> DraftQuestion:
    """Ordering: ``items`` in the right order (the learner sees them shuffled)."""
    if len(items) < 2:
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "an ordering question needs at "
                                            "least two items"))
    if any(not i.strip() for i in items) or len(set(items)) != len(items):
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "two items read the same, or one "
                                            "is empty"))
    return DraftQuestion("ordering", prompt, {**_extra(solution, source), "items": list(items)})


def number_text(value: float) -> str:
    """``1822.0`` -> ``"1822"``; other values as Python writes them (``"3.1415"``)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
