"""Anki decks (``.apkg``, ``.colpkg``, ``.anki2``) to short-text questions, one per card.

A basic card asks the fields on its front template and expects the first field that only
its back shows; further back fields become the worked solution. A cloze card hides its
own deletions (``{{c1::…}}``) and expects their text. Pictures and sounds the card uses
are copied from the deck into the pack. Decks become skills.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from bs4 import BeautifulSoup
from bs4.exceptions import ParserRejectedMarkup

from app.core.content.importers.anki_collection import (
    MAX_NOTE_CHARS,
    TOO_BIG,
    Card,
    NoteType,
    read_cards,
)
from app.core.content.importers.anki_package import READ_ERRORS, open_collection
from app.core.content.importers.build import Answer, ImportJob, Unsupported, short_question
from app.core.content.importers.cloze import deletions, replace_deletions, template_refs
from app.core.content.importers.markup import plain_words, to_markdown
from app.core.content.importers.report import FieldMap
from app.core.content.importers.writer import DraftQuestion, ImportFailed
from app.core.content.limits import MAX_MARKUP_DEPTH, markup_depth
from app.messages import QT_TRANSLATE_NOOP, message

_SOUND = re.compile(r"\[sound:[^\]\[]*\]")  # stops at a bracket: linear
# Line and item breaks in a field (no nesting, no backtracking): the graded part is the first.
_LINES = re.compile(r"<br\s*/?>|</?(?:div|p|li|ul|ol|summary|details)\b[^<>]*>|\n",
                    re.IGNORECASE)
SPECIAL = {"FrontSide", "Tags", "Deck", "Subdeck", "Card", "CardFlag", "Type"}
KIND = QT_TRANSLATE_NOOP("ImportSkip", "flashcard")


def import_anki(path: Path, job: ImportJob) -> None:
    job.draft.deep_decks = True  # "lang::lesson_15::new_words" -> "Lesson 15 · new words"
    try:
        with open_collection(path) as (conn, find):
            job.find_media = find
            cards = read_cards(conn)
            job.report.notes_read = len({card.note_id for card in cards})
            for done, card in enumerate(cards):
                job.step(done, len(cards))
                _import_card(card, path.name, job)
    except (sqlite3.DatabaseError, KeyError, *READ_ERRORS) as exc:
        raise ImportFailed(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” could not be read as an Anki "
                                      "deck ({detail})."), name=path.name, detail=str(exc)),
            hint=QT_TRANSLATE_NOOP("ImportError", "Export the deck from Anki again (File → "
                                   "Export).")) from None


def _import_card(card: Card, source: str, job: ImportJob) -> None:
    where = message(QT_TRANSLATE_NOOP("ImportSkip", "note {note}, card {card}"),
                    note=card.note_id, card=card.ord + 1)
    note_type = card.note_type
    if note_type is None:
        job.report.skip(KIND, QT_TRANSLATE_NOOP("ImportSkip", "its note type is missing from "
                                                "the deck"), where)
        return
    kind = QT_TRANSLATE_NOOP("ImportSkip", "cloze") if note_type.is_cloze else KIND
    if card.fields == (TOO_BIG,):
        job.report.skip(kind, message(QT_TRANSLATE_NOOP("ImportSkip", "the note is longer than "
                                                        "{count} characters"),
                                      count=f"{MAX_NOTE_CHARS:,}"), where)
        return
    try:
        question, mapping = (_cloze(card, note_type) if note_type.is_cloze
                             else _basic(card, note_type))
    except Unsupported as exc:
        job.report.skip(kind, str(exc), where)
        return
    question.fields["source"] = f"{source}, {where}"
    skill = job.draft.skill(card.deck or job.draft.title)
    before = job.report.imported_total
    job.add(question, skill, where)
    if job.report.imported_total > before:
        job.report.mapped[mapping] += 1


def plain(html: str) -> str:
    """What a learner would type for this field: its text, without markup or sounds."""
    html = _SOUND.sub(" ", html)
    if "<" in html and markup_depth(html) > MAX_MARKUP_DEPTH:
        return plain_words(html).replace("\\*", "*")  # no deep tree of parser objects
    if "<" in html or "&" in html:  # parsing is costly; most fields are plain text
        try:
            html = BeautifulSoup(html, "html.parser").get_text(" ")
        except ParserRejectedMarkup:  # e.g. "<![CDA": keep the words without the markup
            return plain_words(html).replace("\\*", "*")
    return " ".join(html.split())


def _refs(template: str, *, hints: bool = False) -> list[str]:
    """Fields the template shows; with ``hints``, only those behind a hint button.

    ``{{hint:Field}}`` is a hint the learner opens on demand: never part of the prompt.
    """
    names = []
    for ref in template_refs(template):  # linear: templates come from the deck
        name = ref.split(":")[-1].strip()
        is_hint = ref.split(":")[0].strip().lower() == "hint" and ":" in ref
        if is_hint == hints and name not in SPECIAL and name not in names:
            names.append(name)
    return names


def _answer_text(html: str) -> str:
    """What is graded: the field's first line or list item, without sounds and pictures.

    A back field often stacks the answer with extras ("pinyin<br>gloss<br>[sound:…]");
    the learner is expected to give the first, and sees the rest in the solution.
    """
    for piece in _LINES.split(html):
        text = plain(piece)
        if text:
            return text
    return ""


def _field(card: Card, name: str) -> str:
    """The note's value for field ``name``; "" when the note has fewer fields."""
    names = card.note_type.fields if card.note_type else ()
    index = names.index(name) if name in names else len(card.fields)
    return card.fields[index] if index < len(card.fields) else ""


def _basic(card: Card, note_type: NoteType) -> tuple[DraftQuestion, FieldMap]:
    """The question for a front/back card, and how its fields were used (for the report)."""
    templates = note_type.templates
    if card.ord >= len(templates):
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "its card template is missing from the deck"))
    qfmt, afmt = templates[card.ord]
    hint_fields = _refs(qfmt, hints=True) + _refs(afmt, hints=True)
    front = _refs(qfmt) or list(note_type.fields[:1])
    back = [n for n in _refs(afmt) if n not in front and n not in hint_fields] or \
        [n for n in note_type.fields if n not in front and n not in hint_fields]
    prompt = "\n\n".join(to_markdown(_field(card, n)) for n in front if _field(card, n).strip())
    if not prompt.strip():
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "the front of the card is empty"))
    shown = [n for n in back if _field(card, n).strip()]
    if not shown:
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "the back of the card is empty"))
    answer = _answer_text(_field(card, shown[0]))
    if not answer:
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "the answer is a picture or sound: no automatic grading"))
    solution = "\n\n".join(to_markdown(_field(card, n)) for n in shown)
    question = short_question(prompt, [Answer(answer, 1.0)],
                              solution=solution if solution != answer else "")
    hints = [to_markdown(_field(card, n)) for n in hint_fields if _field(card, n).strip()]
    if hints:
        question.fields["source_hints"] = hints
    return question, FieldMap(note_type.name, " + ".join(front), shown[0],
                              " + ".join(hint_fields))


def _cloze(card: Card, note_type: NoteType) -> tuple[DraftQuestion, FieldMap]:
    qfmt = note_type.templates[0][0] if note_type.templates else ""
    source_field = next((ref.split(":")[-1].strip() for ref in template_refs(qfmt)
                         if ref.startswith("cloze:")),
                        note_type.fields[0] if note_type.fields else "")
    text = _field(card, source_field)
    number = str(card.ord + 1)
    hidden = [d for d in deletions(text) if d.number == number]
    if not hidden:
        raise Unsupported(message(QT_TRANSLATE_NOOP("ImportSkip", "the cloze has no deletion "
                                                    "c{number}"), number=number))
    if any("image-occlusion" in d.text for d in hidden):
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "image occlusion: not supported"))
    answer = " … ".join(plain(d.text) for d in hidden)
    if not answer:
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "the hidden part is a picture or sound: no automatic grading"))
    asked = replace_deletions(text, lambda d: f"[{d.hint or '…'}]" if d.number == number
                              else d.text)
    shown = replace_deletions(text, lambda d: d.text)
    extras = [to_markdown(_field(card, n)) for n in note_type.fields
              if n != source_field and _field(card, n).strip()]
    question = short_question(to_markdown(asked), [Answer(answer, 1.0)],
                              solution="\n\n".join([to_markdown(shown), *extras]))
    return question, FieldMap(note_type.name, source_field, "", cloze=True)
