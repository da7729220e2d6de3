"""What an import did: questions imported by type, items skipped with the reason.

Nothing is dropped silently: every item an importer meets ends up either counted in
:attr:`ImportReport.imported` or listed in :attr:`ImportReport.skipped`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# Pack question types as teachers say them, in the order summaries list them.
TYPE_LABELS = {
    "multiple_choice": "multiple choice",
    "multiple_answer": "multiple answer",
    "true_false": "true/false",
    "numeric": "numeric",
    "short_text": "short text",
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

    @property
    def imported_total(self) -> int:
        return sum(self.imported.values())

    def skip(self, kind: str, reason: str, where: str = "") -> None:
        self.skipped.append(Skipped(kind, reason, where))

    def summary(self) -> str:
        """E.g. ``imported 3 questions (2 multiple choice, 1 numeric); skipped 1 (1 essay:
        no automatic grading)``."""
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
        return lines + self.notes
