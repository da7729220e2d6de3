"""Small legacy Anki packages (schema 11) written here, for mappings the shared decks lack.

The tables are those :mod:`app.core.content.importers.anki_collection` reads and Anki's
own legacy export writes: ``col`` (note types and decks as JSON), ``notes`` (fields joined
by 0x1f) and ``cards`` (note, template number, deck). The content is original.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class NoteType:
    id: int
    name: str
    fields: tuple[str, ...]
    templates: tuple[tuple[str, str], ...]  # (front, back)
    cloze: bool = False


BASIC = NoteType(1, "Basic", ("Front", "Back"), (("{{Front}}", "{{FrontSide}}<hr>{{Back}}"),))
REVERSED = NoteType(2, "Basic (and reversed card)", ("Front", "Back"), (
    ("{{Front}}", "{{FrontSide}}<hr>{{Back}}"), ("{{Back}}", "{{FrontSide}}<hr>{{Front}}")))
CLOZE = NoteType(3, "Cloze", ("Text", "Back Extra"),
                 (("{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}"),), cloze=True)
HANZI = NoteType(4, "Hanzi", ("Hanzi", "Pinyin", "Meaning", "Hint"), (
    ("{{Hanzi}}{{hint:Hint}}", "{{FrontSide}}<hr>{{Pinyin}}<br>{{Meaning}}"),))


def write_apkg(path: Path, notes: list[tuple[NoteType, str, tuple[str, ...]]],
               media: dict[str, bytes] | None = None) -> Path:
    """An ``.apkg`` with ``notes`` as (note type, deck name, fields); a card per template
    (per deletion number for a cloze)."""
    types = {t.id: t for t, _deck, _fields in notes}
    decks = {name: 100 + i for i, name in enumerate(dict.fromkeys(d for _t, d, _f in notes))}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db)
        conn.executescript("CREATE TABLE col (models TEXT, decks TEXT);"
                           "CREATE TABLE notes (id INTEGER, mid INTEGER, flds TEXT);"
                           "CREATE TABLE cards (nid INTEGER, ord INTEGER, did INTEGER);")
        conn.execute("INSERT INTO col VALUES (?, ?)", (json.dumps(
            {str(t.id): {"name": t.name, "type": int(t.cloze),
                         "flds": [{"name": f} for f in t.fields],
                         "tmpls": [{"qfmt": q, "afmt": a} for q, a in t.templates]}
             for t in types.values()}), json.dumps(
            {str(did): {"name": name} for name, did in decks.items()})))
        for nid, (note_type, deck, fields) in enumerate(notes, start=1):
            conn.execute("INSERT INTO notes VALUES (?, ?, ?)",
                         (nid, note_type.id, "\x1f".join(fields)))
            count = (len({c for c in range(1, 10) if f"{{{{c{c}::" in fields[0]})
                     if note_type.cloze else len(note_type.templates))
            for ord_ in range(count):
                conn.execute("INSERT INTO cards VALUES (?, ?, ?)", (nid, ord_, decks[deck]))
        conn.commit()
        conn.close()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(db, "collection.anki2")
            names = list(media or {})
            archive.writestr("media", json.dumps({str(i): n for i, n in enumerate(names)}))
            for i, name in enumerate(names):
                archive.writestr(str(i), (media or {})[name])
    return path
