"""Read note types, decks, notes and cards from an Anki collection, either schema.

Schema 11 (``.anki2``/``.anki21``) keeps note types and decks as JSON in the ``col``
table; schema 18 (``.anki21b``) has ``notetypes``/``fields``/``templates``/``decks``
tables with protobuf configs. Both become the same plain values here.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

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


class DamagedCollection(ValueError):
    """The collection's tables or JSON do not have the shape Anki writes."""


# A deck file is untrusted: SQLite columns may hold any type and the JSON any shape, so
# every value is read as the type Anki writes (numbers as integers, text as text).
# A note's text over MAX_NOTE_CHARS is not read at all (a flashcard is a few hundred
# characters; a crafted one could fill the memory): its fields read as one marker value.
MAX_NOTE_CHARS = 1_000_000
TOO_BIG = "\x00too big"  # the fields of such a note (no real field holds a NUL)
_NOTES = ("SELECT IFNULL(CAST(id AS INTEGER), 0), IFNULL(CAST(mid AS INTEGER), 0), "
          f"IIF(length(flds) > {MAX_NOTE_CHARS}, NULL, IFNULL(CAST(flds AS TEXT), '')) "
          "FROM notes ORDER BY id")
_CARDS = ("SELECT IFNULL(CAST(nid AS INTEGER), 0), IFNULL(CAST(ord AS INTEGER), 0), "
          "IFNULL(CAST(did AS INTEGER), 0) FROM cards ORDER BY nid, ord")
MAX_TEMPLATE_ORD = 1000  # Anki allows far fewer card templates per note type


def read_cards(conn: sqlite3.Connection) -> list[Card]:
    """Every card, in note order; a note without cards counts as its first card.

    Raises:
        DamagedCollection: the note types or decks are not what Anki writes.
        sqlite3.DatabaseError: the database itself is damaged.
    """
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    modern = "notetypes" in tables
    types = _types_modern(conn) if modern else _types_legacy(conn)
    decks = _decks_modern(conn) if modern else _decks_legacy(conn)
    notes = {nid: (mid, (TOO_BIG,) if flds is None else tuple(flds.split("\x1f")))
             for nid, mid, flds in conn.execute(_NOTES)}
    cards = [Card(nid, min(max(ord_, 0), MAX_TEMPLATE_ORD), decks.get(did, ""),
                  types.get(notes[nid][0]), notes[nid][1])
             for nid, ord_, did in conn.execute(_CARDS) if nid in notes]
    carded = {c.note_id for c in cards}
    cards += [Card(nid, 0, "", types.get(mid), flds) for nid, (mid, flds) in notes.items()
              if nid not in carded]
    return sorted(cards, key=lambda c: (c.note_id, c.ord))


def _col_json(conn: sqlite3.Connection, column: str) -> dict[str, Any]:
    """The JSON object in ``col.<column>`` (schema 11); {} when there is none."""
    row = conn.execute(f"SELECT CAST({column} AS TEXT) FROM col").fetchone()
    try:
        value = json.loads(row[0] or "{}") if row else {}
    except (json.JSONDecodeError, RecursionError):  # RecursionError: absurd nesting
        raise DamagedCollection(f"the {column} of the collection are damaged") from None
    return _dict(value)


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _id(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _types_legacy(conn: sqlite3.Connection) -> dict[int, NoteType]:
    found = {}
    for mid, raw_model in _col_json(conn, "models").items():
        model, key = _dict(raw_model), _id(mid)
        if key is None:
            continue
        templates = tuple((_str(_dict(t).get("qfmt")), _str(_dict(t).get("afmt")))
                          for t in _list(model.get("tmpls")))
        is_cloze = model.get("type") == 1 or any("{{cloze:" in q for q, _ in templates)
        found[key] = NoteType(_str(model.get("name")), is_cloze,
                              tuple(_str(_dict(f).get("name")) for f in _list(model.get("flds"))),
                              templates)
    return found


def _text(value: list[int | bytes] | None) -> str:
    first = value[0] if value else b""
    return first.decode("utf-8", "replace") if isinstance(first, bytes) else ""


def _types_modern(conn: sqlite3.Connection) -> dict[int, NoteType]:
    fields: dict[int, list[str]] = {}
    for ntid, name in conn.execute("SELECT CAST(ntid AS INTEGER), CAST(name AS TEXT) "
                                   "FROM fields ORDER BY ntid, ord"):
        fields.setdefault(ntid, []).append(_str(name))
    templates: dict[int, list[tuple[str, str]]] = {}
    for ntid, config in conn.execute("SELECT CAST(ntid AS INTEGER), config FROM templates "
                                     "ORDER BY ntid, ord"):
        parsed = proto_fields(_bytes(config))
        templates.setdefault(ntid, []).append((_text(parsed.get(1)), _text(parsed.get(2))))
    found = {}
    for ntid, name, config in conn.execute("SELECT CAST(id AS INTEGER), CAST(name AS TEXT), "
                                           "config FROM notetypes"):
        kind = proto_fields(_bytes(config)).get(1, [0])[0]
        found[ntid] = NoteType(_str(name), kind == 1, tuple(fields.get(ntid, [])),
                               tuple(templates.get(ntid, [])))
    return found


def _bytes(value: object) -> bytes:
    return value if isinstance(value, bytes) else b""


def _decks_legacy(conn: sqlite3.Connection) -> dict[int, str]:
    return {key: _str(_dict(deck).get("name"))
            for did, deck in _col_json(conn, "decks").items() if (key := _id(did)) is not None}


def _decks_modern(conn: sqlite3.Connection) -> dict[int, str]:
    return {did: _str(name).replace("\x1f", "::")
            for did, name in conn.execute("SELECT CAST(id AS INTEGER), CAST(name AS TEXT) "
                                          "FROM decks")}
