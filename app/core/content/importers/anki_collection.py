"""Read note types, decks, notes and cards from an Anki collection, either schema.

Schema 11 (``.anki2``/``.anki21``) keeps note types and decks as JSON in the ``col``
table; schema 18 (``.anki21b``) has ``notetypes``/``fields``/``templates``/``decks``
tables with protobuf configs. Both become the same plain values here.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from app.core.content.importers.protobuf import fields as proto_fields


@dataclass(frozen=True)
class NoteType:
    name: str
    is_cloze: bool
    fields: tuple[str, ...]
    templates: tuple[tuple[str, str], ...]  # (question format, answer format)


@dataclass(frozen=True)
class Card:
    note_id: int
    ord: int
    deck: str
    note_type: NoteType | None
    fields: tuple[str, ...]


def read_cards(conn: sqlite3.Connection) -> list[Card]:
    """Every card, in note order; a note without cards counts as its first card."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    modern = "notetypes" in tables
    types = _types_modern(conn) if modern else _types_legacy(conn)
    decks = _decks_modern(conn) if modern else _decks_legacy(conn)
    notes = {nid: (mid, tuple(flds.split("\x1f")))
             for nid, mid, flds in conn.execute("SELECT id, mid, flds FROM notes ORDER BY id")}
    cards = [Card(nid, ord_, decks.get(did, ""), types.get(notes[nid][0]), notes[nid][1])
             for nid, ord_, did in conn.execute("SELECT nid, ord, did FROM cards "
                                                "ORDER BY nid, ord") if nid in notes]
    carded = {c.note_id for c in cards}
    cards += [Card(nid, 0, "", types.get(mid), flds) for nid, (mid, flds) in notes.items()
              if nid not in carded]
    return sorted(cards, key=lambda c: (c.note_id, c.ord))


def _types_legacy(conn: sqlite3.Connection) -> dict[int, NoteType]:
    raw = json.loads(conn.execute("SELECT models FROM col").fetchone()[0] or "{}")
    found = {}
    for mid, model in raw.items():
        templates = tuple((t.get("qfmt", ""), t.get("afmt", "")) for t in model.get("tmpls", []))
        is_cloze = model.get("type") == 1 or any("{{cloze:" in q for q, _ in templates)
        found[int(mid)] = NoteType(model.get("name", ""), is_cloze,
                                   tuple(f.get("name", "") for f in model.get("flds", [])),
                                   templates)
    return found


def _text(value: list[int | bytes] | None) -> str:
    first = value[0] if value else b""
    return first.decode("utf-8", "replace") if isinstance(first, bytes) else ""


def _types_modern(conn: sqlite3.Connection) -> dict[int, NoteType]:
    fields: dict[int, list[str]] = {}
    for ntid, name in conn.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        fields.setdefault(ntid, []).append(name)
    templates: dict[int, list[tuple[str, str]]] = {}
    for ntid, config in conn.execute("SELECT ntid, config FROM templates ORDER BY ntid, ord"):
        parsed = proto_fields(config or b"")
        templates.setdefault(ntid, []).append((_text(parsed.get(1)), _text(parsed.get(2))))
    found = {}
    for ntid, name, config in conn.execute("SELECT id, name, config FROM notetypes"):
        kind = proto_fields(config or b"").get(1, [0])[0]
        found[ntid] = NoteType(name, kind == 1, tuple(fields.get(ntid, [])),
                               tuple(templates.get(ntid, [])))
    return found


def _decks_legacy(conn: sqlite3.Connection) -> dict[int, str]:
    raw = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0] or "{}")
    return {int(did): deck.get("name", "") for did, deck in raw.items()}


def _decks_modern(conn: sqlite3.Connection) -> dict[int, str]:
    return {did: name.replace("\x1f", "::")
            for did, name in conn.execute("SELECT id, name FROM decks")}
