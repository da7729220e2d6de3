"""Open Anki files: ``.apkg``/``.colpkg`` (zip) or a bare ``.anki2`` collection.

An ``.apkg`` from Anki 2.1.50+ holds ``collection.anki21b`` (a zstd-compressed SQLite
file, schema 18), a zstd-compressed protobuf ``media`` map and zstd-compressed media
files named ``0``, ``1``…; older ones hold ``collection.anki21`` or ``collection.anki2``
with a JSON ``media`` map and plain files. The newest collection in the zip wins: a
modern export also carries a dummy ``collection.anki2`` that only says "please update".
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import zstandard

from app.core.content.importers.media import FindMedia
from app.core.content.importers.protobuf import fields as proto_fields
from app.core.content.importers.writer import ImportFailed

log = logging.getLogger(__name__)

# What a damaged zip or zstd stream raises while being read. zipfile raises
# NotImplementedError for a header claiming an unknown zip version or compression method
# (found by the property test on a damaged .apkg).
READ_ERRORS = (zipfile.BadZipFile, zlib.error, zstandard.ZstdError, EOFError, OSError,
               ValueError, NotImplementedError)
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
MAX_MEDIA_BYTES = 200 * 1024 * 1024  # one picture or sound; larger is not a quiz file
MAX_COLLECTION_BYTES = 4 * 1024**3  # a decompressed collection; guards against zip bombs
CHUNK = 1024 * 1024


def _unzstd(data: bytes) -> bytes:
    if not data.startswith(ZSTD_MAGIC):
        return data
    return zstandard.ZstdDecompressor().decompressobj().decompress(data)


@contextlib.contextmanager
def open_collection(path: Path) -> Iterator[tuple[sqlite3.Connection, FindMedia | None]]:
    """The collection (read-only SQLite) and a media lookup by file name.

    Raises:
        ImportFailed: not a zip/SQLite file, no collection inside, or damaged.
    """
    tmp = Path(tempfile.mkdtemp(prefix="lantern-anki-"))
    conn: sqlite3.Connection | None = None
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                db_path = _extract_collection(archive, path, tmp)
                find = _media_lookup(archive)
                conn = _connect(db_path, path)
                yield conn, find
        else:
            conn = _connect(path, path)
            yield conn, None
    finally:
        if conn is not None:
            conn.close()
        shutil.rmtree(tmp, ignore_errors=True)


def _extract_collection(archive: zipfile.ZipFile, path: Path, tmp: Path) -> Path:
    names = set(archive.namelist())
    member = next((name for name in COLLECTIONS if name in names), None)
    if member is None:
        raise ImportFailed(f"“{path.name}” is a zip file but not an Anki deck.",
                           hint="In Anki, use File → Export → Anki Deck Package (.apkg).")
    target = tmp / "collection.sqlite"
    with archive.open(member) as raw, target.open("wb") as out:
        source = (zstandard.ZstdDecompressor().stream_reader(raw)
                  if member.endswith("anki21b") else raw)
        written = 0
        while chunk := source.read(CHUNK):
            written += len(chunk)
            if written > MAX_COLLECTION_BYTES:
                raise ImportFailed(f"“{path.name}” unpacks to more than 4 GB.",
                                   hint="This is not a deck Lantern can import.")
            out.write(chunk)
    return target


def _connect(db_path: Path, shown: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM notes").fetchone()
    except sqlite3.DatabaseError:
        raise ImportFailed(f"“{shown.name}” is damaged or not an Anki collection.",
                           hint="Export the deck from Anki again.") from None
    return conn


def _media_map(archive: zipfile.ZipFile) -> dict[str, str]:
    """File name -> zip member name."""
    try:
        raw = archive.read("media")
    except (KeyError, *READ_ERRORS):
        return {}
    if raw.startswith(ZSTD_MAGIC):
        try:
            entries = proto_fields(_unzstd(raw)).get(1, [])
        except READ_ERRORS:
            return {}
        found = {}
        for index, entry in enumerate(entries):
            item = proto_fields(entry) if isinstance(entry, bytes) else {}
            name = item.get(1, [b""])[0]
            member = item.get(255, [index])[0]
            if isinstance(name, bytes) and name:
                found[name.decode("utf-8", "replace")] = str(member)
        return found
    try:
        legacy = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return {str(name): str(member) for member, name in legacy.items()}


def _media_lookup(archive: zipfile.ZipFile) -> FindMedia:
    mapping = _media_map(archive)
    contents: dict[str, bytes] = {}
    for name, member in mapping.items():
        try:
            info = archive.getinfo(member)
        except KeyError:
            continue
        if info.file_size > MAX_MEDIA_BYTES:
            continue
        try:
            contents[name] = _unzstd(archive.read(member))
        except READ_ERRORS:  # a damaged picture is reported as missing, not fatal
            log.warning("media file %s in the deck is damaged", member)
    return contents.get
