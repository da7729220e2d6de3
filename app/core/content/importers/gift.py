"""Moodle GIFT files (``.gift``, ``.txt``) to pack questions.

Parsing is in :mod:`gift_parser` (trees like GIFT-grammar-PEG.js's); this module maps
each tree to a pack question or a reported skip. ``$CATEGORY`` lines become skills.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.content.importers.build import (
    Answer,
    ImportJob,
    Unsupported,
    choice_question,
    number_text,
    numeric_question,
    short_question,
    true_false_question,
)
from app.core.content.importers.gift_parser import GiftItem, parse_gift
from app.core.content.importers.markup import to_markdown
from app.core.content.importers.writer import DraftQuestion
from app.messages import QT_TRANSLATE_NOOP, message

SKIPPED = {
    "Essay": (QT_TRANSLATE_NOOP("ImportSkip", "essay"),
              QT_TRANSLATE_NOOP("ImportSkip", "no automatic grading")),
    "Matching": (QT_TRANSLATE_NOOP("ImportSkip", "matching"),
                 QT_TRANSLATE_NOOP("ImportSkip", "not supported yet")),
    "Description": (QT_TRANSLATE_NOOP("ImportSkip", "description"),
                    QT_TRANSLATE_NOOP("ImportSkip", "text only, not a question")),
}


def import_gift(path: Path, text: str, job: ImportJob) -> None:
    """Add every question of the GIFT ``text`` to ``job`` or report why it was skipped."""
    items = parse_gift(text)
    skill = job.draft.skill(job.draft.title)
    for done, item in enumerate(items):
        job.step(done, len(items))
        tree = item.tree
        if tree["type"] == "Category":
            skill = job.draft.skill(tree["title"])
            continue
        where = message(QT_TRANSLATE_NOOP("ImportSkip", "line {line}"), line=item.line)
        if tree["type"] == "Invalid":
            job.report.skip(QT_TRANSLATE_NOOP("ImportSkip", "unreadable question"),
                            tree["reason"], where)
        elif tree["type"] in SKIPPED:
            job.report.skip(*SKIPPED[tree["type"]], where)
        else:
            try:
                job.add(convert(tree, item, path.name), skill, where)
            except Unsupported as exc:
                job.report.skip(_kind(tree), str(exc), where)


def _kind(tree: dict[str, Any]) -> str:
    return {"MC": QT_TRANSLATE_NOOP("ImportSkip", "multiple choice"),
            "Short": QT_TRANSLATE_NOOP("ImportSkip", "short answer"),
            "TF": QT_TRANSLATE_NOOP("ImportSkip", "true/false"),
            "Numerical": QT_TRANSLATE_NOOP("ImportSkip", "numerical")}.get(
                tree["type"], tree["type"].lower())


def _md(rich: dict[str, Any] | None) -> str:
    return to_markdown(rich["text"], rich["format"]) if rich else ""


def convert(tree: dict[str, Any], item: GiftItem, source_name: str) -> DraftQuestion:
    """One MC, Short, TF or Numerical tree as a pack question.

    Raises:
        Unsupported: the question has no correct answer or an unreadable number.
    """
    prompt = _md(tree["stem"])
    if not prompt.strip():
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "the question has no text"))
    title = tree.get("title")
    common = {"solution": _md(tree.get("globalFeedback")),
              "source": f"{source_name}, line {item.line}" + (f": {title}" if title else "")}
    kind = tree["type"]
    if kind == "TF":
        return _true_false(prompt, tree, common)
    if kind == "Numerical":
        return numeric_question(prompt, _numeric_answers(tree["choices"]), **common)
    answers = [Answer(_md(c["text"]), _credit(c), _md(c["feedback"]))
               for c in tree["choices"]]
    if kind == "Short":
        return short_question(prompt, answers, **common)
    return choice_question(prompt, answers, multiple=None, **common)


def _credit(choice: dict[str, Any]) -> float:
    if choice["weight"] is not None:
        return float(choice["weight"]) / 100
    return 1.0 if choice["isCorrect"] else 0.0


def _true_false(prompt: str, tree: dict[str, Any], common: dict[str, str]) -> DraftQuestion:
    # Moodle reads {TRUE#a#b} / {FALSE#a#b} as a = feedback for a wrong answer and
    # b = feedback for a right one; the parse tree keeps them in order as true/false.
    first, second = _md(tree["trueFeedback"]), _md(tree["falseFeedback"])
    is_true = bool(tree["isTrue"])
    wrong, right = first, second
    return true_false_question(prompt, is_true,
                               feedback_true=right if is_true else wrong,
                               feedback_false=wrong if is_true else right, **common)


def _numeric_answers(choices: dict[str, Any] | list[dict[str, Any]]) -> list[Answer]:
    if isinstance(choices, dict):
        return [_numeric(choices, 1.0, "")]
    return [_numeric(c["text"], _credit(c), _md(c["feedback"])) for c in choices]


def _numeric(spec: dict[str, Any], credit: float, feedback: str) -> Answer:
    kind = spec.get("type")
    if kind == "range":
        return Answer(number_text(spec["number"]), credit, feedback, float(spec["range"]))
    if kind == "high-low":
        low, high = float(spec["numberLow"]), float(spec["numberHigh"])
        return Answer(number_text((low + high) / 2), credit, feedback, abs(high - low) / 2)
    if kind == "simple":
        return Answer(number_text(spec["number"]), credit, feedback)
    return Answer("*", credit, feedback)  # Moodle's "any other answer" catch-all
