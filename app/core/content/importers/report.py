"""What an import did: questions imported by type, items skipped with the reason.

Nothing is dropped silently: every item an importer meets ends up either counted in
:attr:`ImportReport.imported` or listed in :attr:`ImportReport.skipped`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.messages import QT_TRANSLATE_NOOP, Message, message

# Pack question types as teachers say them, in the order summaries list them.
TYPE_LABELS = {
    "multiple_choice": "multiple choice",
    "multiple_answer": "multiple answer",
    "true_false": "true/false",
    "numeric": "numeric",
    "short_text": "short text",
    "ordering": "ordering",
}


@dataclass(frozen=True)
class Skipped:
    """One item that was not imported.

    ``kind`` names the source's question type in the teacher's words ("essay",
    "drag-and-drop"); ``reason`` says why, briefly ("no automatic grading");
    ``where`` locates it in the source ("line 12", "question “Q5”").
    """

    kind: str
    reason: str
    where: str = ""


@dataclass(frozen=True)
class FieldMap:
    """How one note type's fields became a question (Anki): shown in the summary.

    ``question``, ``answer`` and ``hint`` name the note's fields; a cloze (``cloze``)
    asks its text (``question``) with the deletions blanked and expects them.
    """

    note_type: str
    question: str
    answer: str
    hint: str = ""
    cloze: bool = False

    def sentence(self, count: int) -> Message:
        if self.cloze:
            return message(QT_TRANSLATE_NOOP(
                "ImportSummary", "{count} × {type}: {question} with the hidden words as blanks"
                " → question, the hidden words → answer"), count=count, type=self.note_type,
                question=self.question)
        if self.hint:
            return message(QT_TRANSLATE_NOOP(
                "ImportSummary", "{count} × {type}: {question} → question, {answer} → answer,"
                " {hint} → hint"), count=count, type=self.note_type, question=self.question,
                answer=self.answer, hint=self.hint)
        return message(QT_TRANSLATE_NOOP(
            "ImportSummary", "{count} × {type}: {question} → question, {answer} → answer"),
            count=count, type=self.note_type, question=self.question, answer=self.answer)


MISSING_SHOWN = 5  # names of missing media listed in the details line

# The languages importers/language.py can detect, named in the teacher's language.
LANGUAGE_NAMES = {
    "zh-Hans": QT_TRANSLATE_NOOP("ImportSummary", "Chinese (simplified)"),
    "zh-Hant": QT_TRANSLATE_NOOP("ImportSummary", "Chinese (traditional)"),
    "ja": QT_TRANSLATE_NOOP("ImportSummary", "Japanese"),
    "ko": QT_TRANSLATE_NOOP("ImportSummary", "Korean"),
    "ru": QT_TRANSLATE_NOOP("ImportSummary", "Russian"),
    "el": QT_TRANSLATE_NOOP("ImportSummary", "Greek"),
    "ar": QT_TRANSLATE_NOOP("ImportSummary", "Arabic"),
    "he": QT_TRANSLATE_NOOP("ImportSummary", "Hebrew"),
    "hi": QT_TRANSLATE_NOOP("ImportSummary", "Hindi"),
    "th": QT_TRANSLATE_NOOP("ImportSummary", "Thai"),
}


@dataclass
class ImportReport:
    """The outcome of one import; :meth:`summary` is the line shown to the teacher.

    ``pack_dir`` is None when nothing could be imported (no pack is written then).
    ``notes`` are details worth a teacher's look that did not stop an import (e.g. a
    picture the file refers to but does not contain).
    """

    source: Path
    pack_dir: Path | None = None
    imported: Counter[str] = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    notes_read: int = 0  # Anki: notes in the deck (a note can give several cards)
    mapped: Counter[FieldMap] = field(default_factory=Counter)  # questions per mapping
    missing_media: dict[str, set[str]] = field(default_factory=dict)  # kind -> names
    language: str = ""  # the pack's language, as detected (empty: given by the caller)

    @property
    def imported_total(self) -> int:
        return sum(self.imported.values())

    def skip(self, kind: str, reason: str, where: str = "") -> None:
        self.skipped.append(Skipped(kind, reason, where))

    def missing(self, kind: str, name: str) -> None:
        """A picture or sound the file refers to but does not hold (counted, not listed)."""
        self.missing_media.setdefault(kind, set()).add(name)

    def explanations(self) -> list[Message]:
        """What was mapped how, the language detected and the media missing, a line each.

        Translatable: the Content page shows them in the UI's language under its summary;
        the command line prints them in English before :meth:`summary`.
        """
        lines: list[Message] = []
        if self.notes_read:
            lines.append(message(QT_TRANSLATE_NOOP(
                "ImportSummary", "{notes} notes → {questions} questions."),
                notes=f"{self.notes_read:,}", questions=f"{self.imported_total:,}"))
        lines += [m.sentence(n) for m, n in self.mapped.most_common()]
        if self.language:
            lines.append(message(QT_TRANSLATE_NOOP("ImportSummary", "Language detected: "
                                                   "{language}."),
                                 language=LANGUAGE_NAMES.get(self.language, self.language)))
        count = sum(len(names) for names in self.missing_media.values())
        if count:
            lines.append(message(QT_TRANSLATE_NOOP(
                "ImportSummary", "{count} media files are missing from the file (those "
                "pictures and sounds are not shown).") if count > 1 else QT_TRANSLATE_NOOP(
                "ImportSummary", "{count} media file is missing from the file (that picture "
                "or sound is not shown)."), count=f"{count:,}"))
        return lines

    def summary(self) -> str:
        """E.g. ``imported 3 questions (2 multiple choice, 1 numeric); skipped 1 (1 essay:
        no automatic grading)``; :meth:`explanations` says more."""
        total = self.imported_total
        parts = [f"{self.imported[t]} {label}" for t, label in TYPE_LABELS.items()
                 if self.imported[t]]
        line = f"imported {total} question{'' if total == 1 else 's'}"
        if parts:
            line += f" ({', '.join(parts)})"
        if not self.skipped:
            return line + "; nothing skipped"
        groups = Counter((s.kind, s.reason) for s in self.skipped)
        ordered = sorted(groups.items(), key=lambda item: (-item[1], item[0]))
        reasons = "; ".join(f"{n} {kind}: {reason}" for (kind, reason), n in ordered)
        return f"{line}; skipped {len(self.skipped)} ({reasons})"

    def details(self) -> list[str]:
        """One line per skipped item (with where it is) and per note, for a log view."""
        lines = [f"skipped {s.kind}{f' at {s.where}' if s.where else ''}: {s.reason}"
                 for s in self.skipped]
        return lines + self.notes + self._missing_line()

    def _missing_line(self) -> list[str]:
        """One line for every missing picture and sound, however many (a deck can miss
        thousands): the count per kind and the first few names."""
        if not self.missing_media:
            return []
        counts = ", ".join(f"{len(names):,} {kind}{'s' if len(names) > 1 else ''}"
                           for kind, names in sorted(self.missing_media.items()))
        names = sorted(n for group in self.missing_media.values() for n in group)
        shown = ", ".join(f"“{n}”" for n in names[:MISSING_SHOWN])
        more = f" and {len(names) - MISSING_SHOWN:,} more" if len(names) > MISSING_SHOWN else ""
        return [f"missing from the file ({counts}; shown as text): {shown}{more}"]
