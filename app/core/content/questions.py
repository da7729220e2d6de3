"""Read ``questions/*.toml`` into :class:`Question` values, checking each type's answer.

Checks that need only the question itself live here (a correct choice exists, the
numeric answer parses, three hints); checks across the pack are in ``validate``.
"""

from __future__ import annotations

from typing import Any

from app.core.content.diagnostics import Diagnostic
from app.core.content.fields import Source, Table
from app.core.content.model import (
    QUESTION_TYPES,
    Choice,
    LessonId,
    Question,
    QuestionId,
    QuestionType,
    SkillId,
)
from app.core.content.numeric import parse_number
from app.messages import QT_TRANSLATE_NOOP, message

HINT_STEPS = 3
# ``source_hints``: an imported quiz's hints when they are not a ladder of three (kept for
# the teacher; docs/importers.md).
COMMON_FIELDS = frozenset({"id", "skill", "lesson", "type", "prompt", "difficulty", "hints",
                           "solution", "source", "source_hints"})
TYPE_FIELDS = {
    "multiple_choice": frozenset({"choices"}),
    "multiple_answer": frozenset({"choices"}),
    "true_false": frozenset({"answer", "feedback_true", "feedback_false"}),
    # ``graded_answers`` and a choice's ``credit`` keep an imported quiz's partial credit
    # (see docs/content-packs.md); grading does not use them yet, but they are not typos.
    "numeric": frozenset({"answer", "tolerance", "unit", "graded_answers"}),
    "short_text": frozenset({"answers", "keywords", "graded_answers"}),
    "ordering": frozenset({"items"}),
}
CHOICE_FIELDS = frozenset({"text", "correct", "feedback", "credit"})


def read_questions(source: Source, diags: list[Diagnostic]) -> list[Question]:
    """Every readable question of one file; problems go to ``diags``."""
    doc = source.parse(diags)
    if doc is None:
        return []
    top = Table(source, doc, diags, what=source.path)
    raw = top.tables("questions")
    if not raw and "questions" not in doc:
        top.error(None, QT_TRANSLATE_NOOP("PackCheck", "there are no questions in this file."),
                  QT_TRANSLATE_NOOP("PackCheck", "Add questions under [[questions]] headers, "
                                    "or delete the file."))
    starts = source.item_starts("questions", len(raw))
    ends = [*starts[1:], len(source.lines) + 1][:len(starts)]
    found = []
    for data, start, end in zip(raw, starts, ends, strict=True):
        qid = data.get("id")
        what = (message(QT_TRANSLATE_NOOP("PackCheck", "Question “{id}”"), id=qid)
                if isinstance(qid, str) else
                message(QT_TRANSLATE_NOOP("PackCheck", "The question at line {line}"),
                        line=start))
        question = _read_one(Table(source, data, diags, what=what, start=start, end=end))
        if question is not None:
            found.append(question)
    return found


def _read_one(table: Table) -> Question | None:
    qid, skill = table.text("id"), table.text("skill")
    kind = table.text("type", example='"multiple_choice"')
    if kind and kind not in QUESTION_TYPES:
        table.error("type", message(QT_TRANSLATE_NOOP(
            "PackCheck", "“{kind}” is not a question type Lantern knows."), kind=kind),
                    message(QT_TRANSLATE_NOOP("PackCheck", "Use one of: {names}."),
                            names=", ".join(QUESTION_TYPES)))
    prompt = table.text("prompt")
    difficulty = table.integer("difficulty", low=1, high=5)
    lesson = table.text("lesson", required=False)
    hints = _hints(table)
    solution = table.text("solution", required=False)
    origin = table.text("source", required=False)
    if kind in TYPE_FIELDS:
        table.known(COMMON_FIELDS | TYPE_FIELDS[kind])
    if not (qid and skill and kind in QUESTION_TYPES):
        return None
    qtype = QuestionType(kind)
    answers = _ANSWER_READERS[qtype](table)
    return Question(
        id=QuestionId(qid), skill=SkillId(skill), type=qtype, path=table.source.path,
        line=table.source.real(table.start), lines=table.lines(), prompt=prompt,
        difficulty=difficulty, lesson=LessonId(lesson) if lesson else None, hints=hints,
        solution=solution, source=origin, **answers)


def _hints(table: Table) -> tuple[str, ...]:
    hints = table.text_list("hints", example='["nudge", "scaffold", "worked step"]')
    if hints and len(hints) != HINT_STEPS:
        table.error("hints", message(QT_TRANSLATE_NOOP(
            "PackCheck", "has {count} hints; a hint ladder has exactly three."),
            count=len(hints)), QT_TRANSLATE_NOOP(
            "PackCheck", "Give three hints (a nudge, a scaffold, a worked step) or none at all."))
    if any(not h.strip() for h in hints):
        table.error("hints", QT_TRANSLATE_NOOP("PackCheck", "one of the hints is empty."),
                    QT_TRANSLATE_NOOP("PackCheck", "Write something in every hint."))
    return hints


def _choices(table: Table) -> dict[str, Any]:
    found = []
    raw = table.tables("choices")
    starts = table.source.item_starts("questions.choices", len(raw), table.start, table.end)
    ends = [*starts[1:], table.end][:len(starts)]
    for index, (data, start, end) in enumerate(zip(raw, starts, ends, strict=True), start=1):
        what = message(QT_TRANSLATE_NOOP("PackCheck", "{what}, choice {index}"),
                       what=table.what, index=index)
        part = Table(table.source, data, table.diags, what=what, start=start, end=end)
        part.known(CHOICE_FIELDS)
        text = part.text("text")
        correct = part.flag("correct")
        found.append(Choice(text=text, correct=bool(correct),
                            feedback=part.text("feedback", required=False)))
    if len(found) < 2:
        table.error("choices" if "choices" in table.data else None,
                    QT_TRANSLATE_NOOP("PackCheck", "a choice question needs at least two "
                                      "choices."),
                    QT_TRANSLATE_NOOP("PackCheck", "Add choices under [[questions.choices]] "
                                      "headers."))
    return {"choices": tuple(found)}


def _multiple_choice(table: Table) -> dict[str, Any]:
    read = _choices(table)
    right = sum(c.correct for c in read["choices"])
    if read["choices"] and right != 1:
        table.error("choices", message(QT_TRANSLATE_NOOP(
            "PackCheck", "has {count} correct choices; multiple choice needs exactly one."),
            count=right), QT_TRANSLATE_NOOP(
            "PackCheck", 'Set correct = true on one choice only, or use type = '
            '"multiple_answer".'))
    return read


def _multiple_answer(table: Table) -> dict[str, Any]:
    read = _choices(table)
    if read["choices"] and not any(c.correct for c in read["choices"]):
        table.error("choices", QT_TRANSLATE_NOOP("PackCheck", "has no correct choice."),
                    QT_TRANSLATE_NOOP("PackCheck", "Set correct = true on every right choice."))
    return read


def _true_false(table: Table) -> dict[str, Any]:
    value = table.flag("answer")
    return {"answer": "" if value is None else str(value).lower(),
            "feedback_true": table.text("feedback_true", required=False),
            "feedback_false": table.text("feedback_false", required=False)}


def _numeric(table: Table) -> dict[str, Any]:
    answer = table.text("answer", example='"3/4"')
    if answer and parse_number(answer) is None:
        table.error("answer", message(QT_TRANSLATE_NOOP(
            "PackCheck", "the answer “{answer}” is not a number Lantern can read."),
            answer=answer), QT_TRANSLATE_NOOP(
            "PackCheck", 'Write a whole number, a decimal, a fraction or a percentage, e.g. '
            '"3", "0.75", "3/4", "1 1/2" or "75%". Put units in unit = "cm".'))
    return {"answer": answer, "tolerance": table.number("tolerance", default=0.0),
            "unit": table.text("unit", required=False)}


def _short_text(table: Table) -> dict[str, Any]:
    answers = table.text_list("answers")
    if not [a for a in answers if a.strip()]:
        table.error("answers" if "answers" in table.data else None,
                    QT_TRANSLATE_NOOP("PackCheck", "has no reference answer."),
                    QT_TRANSLATE_NOOP("PackCheck", 'Add answers = ["a model answer"] with at '
                                      "least one answer."))
    keywords = table.text_list("keywords", example='["absorb|capture", "light"]')
    if any(not k.strip() or not all(p.strip() for p in k.split("|")) for k in keywords):
        table.error("keywords", QT_TRANSLATE_NOOP("PackCheck", "one of the keywords is empty."),
                    QT_TRANSLATE_NOOP("PackCheck", "Write each keyword as a word or phrase; "
                                      'separate alternatives with "|".'))
    return {"answers": answers, "keywords": keywords}


def _ordering(table: Table) -> dict[str, Any]:
    items = table.text_list("items", example='["first", "second", "third"]')
    if len(items) < 2:
        table.error("items" if "items" in table.data else None,
                    "an ordering question needs at least two items.",
                    'Add items = ["first", "second", "third"], in the right order.')
    elif any(not i.strip() for i in items) or len(set(items)) != len(items):
        table.error("items", "the items must be different and none may be empty.",
                    "Give every item its own words; the learner tells them apart by them.")
    return {"items": items}


_ANSWER_READERS = {
    QuestionType.MULTIPLE_CHOICE: _multiple_choice,
    QuestionType.MULTIPLE_ANSWER: _multiple_answer,
    QuestionType.TRUE_FALSE: _true_false,
    QuestionType.NUMERIC: _numeric,
    QuestionType.SHORT_TEXT: _short_text,
    QuestionType.ORDERING: _ordering,
}
