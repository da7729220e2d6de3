"""Moodle XML quiz exports (``<quiz><question type="…">``) to pack questions.

Multiple choice, true/false, short answer and numerical questions are imported with
their per-answer feedback, general feedback (as the solution), partial credits, hints and
embedded pictures (``<file encoding="base64">``). Other types are reported with the
reason they cannot be imported. ``category`` entries become skills.
"""

from __future__ import annotations

import base64
import binascii
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from app.core.content.importers.build import (
    Answer,
    ImportJob,
    Unsupported,
    choice_question,
    numeric_question,
    short_question,
    true_false_question,
)
from app.core.content.importers.markup import to_markdown
from app.core.content.importers.sniff import parse_xml
from app.core.content.importers.writer import DraftQuestion, ImportFailed
from app.messages import QT_TRANSLATE_NOOP, message

# Moodle type -> (kind in the teacher's words, reason it is skipped)
_NO_GRADING = QT_TRANSLATE_NOOP("ImportSkip", "no automatic grading")
_NOT_SUPPORTED = QT_TRANSLATE_NOOP("ImportSkip", "not supported")
_BANK = QT_TRANSLATE_NOOP("ImportSkip", "draws from the Moodle question bank")
_CLOZE = (QT_TRANSLATE_NOOP("ImportSkip", "embedded answers (Cloze)"),
          QT_TRANSLATE_NOOP("ImportSkip", "not supported: several answers in one text"))
_CALCULATED = (QT_TRANSLATE_NOOP("ImportSkip", "calculated"),
               QT_TRANSLATE_NOOP("ImportSkip", "not supported: its numbers change on every "
                                 "attempt"))
_DRAG = (QT_TRANSLATE_NOOP("ImportSkip", "drag-and-drop"), _NOT_SUPPORTED)
SKIPPED = {
    "essay": (QT_TRANSLATE_NOOP("ImportSkip", "essay"), _NO_GRADING),
    "description": (QT_TRANSLATE_NOOP("ImportSkip", "description"),
                    QT_TRANSLATE_NOOP("ImportSkip", "text only, not a question")),
    "matching": (QT_TRANSLATE_NOOP("ImportSkip", "matching"),
                 QT_TRANSLATE_NOOP("ImportSkip", "not supported yet")),
    "randomsamatch": (QT_TRANSLATE_NOOP("ImportSkip", "random matching"), _BANK),
    "random": (QT_TRANSLATE_NOOP("ImportSkip", "random"), _BANK),
    "cloze": _CLOZE,
    "multianswer": _CLOZE,
    "calculated": _CALCULATED,
    "calculatedsimple": _CALCULATED,
    "calculatedmulti": _CALCULATED,
    "ddwtos": _DRAG,
    "ddimageortext": _DRAG,
    "ddmarker": _DRAG,
    "gapselect": (QT_TRANSLATE_NOOP("ImportSkip", "select missing words"), _NOT_SUPPORTED),
}
HINT_STEPS = 3


def import_moodle_xml(path: Path, job: ImportJob) -> None:
    root = parse_xml(path, hint=QT_TRANSLATE_NOOP(
        "ImportError", "Export the quiz again from Moodle (Question bank → Export → Moodle "
        "XML format)."))
    if root.tag != "quiz":
        raise ImportFailed(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” is XML but not a Moodle quiz "
                                      "(no <quiz>)."), name=path.name),
            hint=QT_TRANSLATE_NOOP("ImportError", "Export the quiz from Moodle in Moodle XML "
                                   "format."))
    questions = root.findall("question")
    skill = job.draft.skill(job.draft.title)
    for done, element in enumerate(questions):
        job.step(done, len(questions))
        kind = element.get("type", "")
        if kind == "category":
            # The category's path names the skill; its info (Moodle 3.x+) describes it.
            skill = job.draft.skill(_text(element, "category"), _rich(element.find("info")))
            continue
        _import_one(element, kind, skill, done + 1, path.name, job)


def _import_one(element: ET.Element, kind: str, skill: str, number: int, source: str,
                job: ImportJob) -> None:
    name = _text(element, "name")
    where = (message(QT_TRANSLATE_NOOP("ImportSkip", "question {number} “{name}”"),
                     number=number, name=name) if name else
             message(QT_TRANSLATE_NOOP("ImportSkip", "question {number}"), number=number))
    if kind in SKIPPED:
        job.report.skip(*SKIPPED[kind], where)
        return
    if kind not in CONVERTERS:
        job.report.skip(kind or QT_TRANSLATE_NOOP("ImportSkip", "unnamed type"),
                        QT_TRANSLATE_NOOP("ImportSkip", "not supported"), where)
        return
    job.find_media = _embedded_files(element, job, where)
    try:
        question = CONVERTERS[kind](element, f"{source}, {where}")
    except Unsupported as exc:
        job.report.skip(KINDS.get(kind, kind), str(exc), where)
        return
    job.add(question, skill, where)


def _text(element: ET.Element, tag: str) -> str:
    return (element.findtext(f"{tag}/text") or "").strip()


def _rich(element: ET.Element | None) -> str:
    """A Moodle text element (with ``format`` and ``<text>``) as Markdown."""
    if element is None:
        return ""
    return to_markdown(element.findtext("text") or "", element.get("format", "html"))


def _embedded_files(element: ET.Element, job: ImportJob, where: str) -> Any:
    files: dict[str, bytes] = {}
    for node in element.iter("file"):
        try:
            files[node.get("name", "")] = base64.b64decode(node.text or "", validate=False)
        except (binascii.Error, ValueError):
            job.report.notes.append(message(QT_TRANSLATE_NOOP(
                "ImportSkip", "{where}: the file “{name}” is damaged."),
                where=where, name=node.get("name")))
    return files.get


def _answers(element: ET.Element) -> list[Answer]:
    found = []
    for node in element.findall("answer"):
        try:
            credit = float(node.get("fraction", "0")) / 100
        except ValueError:
            credit = 0.0
        tolerance = node.findtext("tolerance") or "0"
        found.append(Answer(_rich(node).strip(), credit, _rich(node.find("feedback")),
                            _float(tolerance)))
    return found


def _float(text: str) -> float:
    try:
        return abs(float(text))
    except ValueError:
        return 0.0


def _common(element: ET.Element, source: str) -> dict[str, Any]:
    prompt = _rich(element.find("questiontext"))
    if not prompt.strip():
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "the question has no text"))
    return {"prompt": prompt, "solution": _rich(element.find("generalfeedback")),
            "source": source}


def _with_hints(element: ET.Element, question: DraftQuestion) -> DraftQuestion:
    hints = [h for h in (_rich(n) for n in element.findall("hint")) if h.strip()]
    if len(hints) == HINT_STEPS:
        question.fields["hints"] = hints
    elif hints:  # a pack ladder has exactly three steps; keep Moodle's as they are
        question.fields["source_hints"] = hints
    return question


def _multichoice(element: ET.Element, source: str) -> DraftQuestion:
    single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    common = _common(element, source)
    question = choice_question(common.pop("prompt"), _answers(element),
                               multiple=not single, **common)
    return _with_hints(element, question)


def _truefalse(element: ET.Element, source: str) -> DraftQuestion:
    answers = {a.text.strip().lower(): a for a in _answers(element)}
    if "true" not in answers or "false" not in answers:
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "it needs a “true” and a “false” "
                                            "answer"))
    right = answers["true"].credit >= answers["false"].credit
    common = _common(element, source)
    return _with_hints(element, true_false_question(
        common.pop("prompt"), right, feedback_true=answers["true"].feedback,
        feedback_false=answers["false"].feedback, **common))


def _shortanswer(element: ET.Element, source: str) -> DraftQuestion:
    common = _common(element, source)
    return _with_hints(element, short_question(common.pop("prompt"), _answers(element),
                                               **common))


def _numerical(element: ET.Element, source: str) -> DraftQuestion:
    unit = ""
    for node in element.findall("units/unit"):
        if _float(node.findtext("multiplier") or "0") == 1.0:
            unit = (node.findtext("unit_name") or "").strip()
    common = _common(element, source)
    return _with_hints(element, numeric_question(common.pop("prompt"), _answers(element),
                                                 unit=unit, **common))


# The Moodle types Lantern reads, in the teacher's words (when one of them is skipped).
KINDS = {"multichoice": QT_TRANSLATE_NOOP("ImportSkip", "multiple choice"),
         "truefalse": QT_TRANSLATE_NOOP("ImportSkip", "true/false"),
         "shortanswer": QT_TRANSLATE_NOOP("ImportSkip", "short answer"),
         "numerical": QT_TRANSLATE_NOOP("ImportSkip", "numerical")}
CONVERTERS = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "shortanswer": _shortanswer,
    "numerical": _numerical,
}
