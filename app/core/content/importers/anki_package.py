"""Open Anki files: ``.apkg``/``.colpkg`` (zip) or a bare ``.anki2`` collection.

An ``.apkg`` from Anki 2.1.50+ holds ``collection.anki21b`` (a zstd-compressed SQLite
file, schema 18), a zstd-compressed protobuf ``media`` map and zstd-compressed media
files named ``0``, ``1``…; older ones hold ``collection.anki21`` or ``collection.anki2``
with a JSON ``media`` map and plain files. The newest collection in the zip wins: a
modern export also carries a dummy ``collection.anki2`` that only says "please update".
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import zstandard

from app.core.content.importers.debris import ANKI_PREFIX
from app.core.content.importers.media import FindMedia
from app.core.content.importers.protobuf import fields as proto_fields
from app.core.content.importers.writer import ImportFailed
from app.messages import QT_TRANSLATE_NOOP, message

log = logging.getLogger(__name__)

# What a damaged zip or zstd stream raises while being read. zipfile raises
# NotImplementedError for a header claiming an unknown zip version or compression method
# (found by the property test on a damaged .apkg).
READ_ERRORS = (zipfile.BadZipFile, zlib.error, zstandard.ZstdError, EOFError, OSError,
               ValueError, NotImplementedError)
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
# Limits on what a deck may unpack to, counted on the bytes actually produced (a zip's
# sizes are claims). A 107 KB deck once unpacked to 1.5 GB in memory, a 19 MB one to
# 4 GiB of temporary files; see docs/importers.md.
MAX_MEDIA_BYTES = 64 * 1024 * 1024  # one picture or sound
MAX_ALL_MEDIA_BYTES = 256 * 1024 * 1024  # every file a pack may hold (as source.py)
MAX_COLLECTION_BYTES = 256 * 1024 * 1024  # the collection, unpacked on disk
MAX_MEDIA_MAP_BYTES = 16 * 1024 * 1024  # the list of media names
CHUNK = 1024 * 1024


class TooBig(ValueError):
    """A member unpacks to more than its limit."""


def _read_capped(archive: zipfile.ZipFile, member: str, limit: int) -> bytes:
    """A member's bytes, zstd-decompressed when they are, never more than ``limit``.

    Raises:
        TooBig: it unpacks to more than ``limit``.
    """
    with archive.open(member) as raw:
        head = raw.read(len(ZSTD_MAGIC))
        stream: IO[bytes] = raw
        if head == ZSTD_MAGIC:
            rest = io.BufferedReader(_Prefixed(head, raw))
            stream = zstandard.ZstdDecompressor().stream_reader(rest)
            head = b""
        chunks, size = [head], len(head)
        while chunk := stream.read(min(CHUNK, limit + 1 - size)):
            size += len(chunk)
            if size > limit:
                raise TooBig(member)
            chunks.append(chunk)
    return b"".join(chunks)


class _Prefixed(io.RawIOBase):
    """``head`` then the rest of ``stream``: the magic bytes already read, put back."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self.head, self.stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self.head:
            size = min(len(view), len(self.head))
            view[:size], self.head = self.head[:size], self.head[size:]
            return size
        data = self.stream.read(len(view))
        view[:len(data)] = data
        return len(data)


@contextlib.contextmanager
def open_collection(path: Path) -> Iterator[tuple[sqlite3.Connection, FindMedia | None]]:
    """The collection (read-only SQLite) and a media lookup by file name.

    Raises:
        ImportFailed: not a zip/SQLite file, no collection inside, or damaged.
    """
    tmp = Path(tempfile.mkdtemp(prefix=ANKI_PREFIX))
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
        raise ImportFailed(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” is a zip file but not an Anki "
                                      "deck."), name=path.name),
            hint=QT_TRANSLATE_NOOP("ImportError", "In Anki, use File → Export → Anki Deck "
                                   "Package (.apkg)."))
    target = tmp / "collection.sqlite"
    with archive.open(member) as raw, target.open("wb") as out:
        source = (zstandard.ZstdDecompressor().stream_reader(raw)
                  if member.endswith("anki21b") else raw)
        written = 0
        while chunk := source.read(CHUNK):
            written += len(chunk)
            if written > MAX_COLLECTION_BYTES:
                raise ImportFailed(
                    message(QT_TRANSLATE_NOOP("ImportError", "“{name}” unpacks to more than "
                                              "{mb} MB."),
                            name=path.name, mb=MAX_COLLECTION_BYTES // 2**20),
                    hint=QT_TRANSLATE_NOOP("ImportError", "This is not a deck Lantern can "
                                           "import."))
            out.write(chunk)
    return target


def _connect(db_path: Path, shown: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM notes").fetchone()
    except sqlite3.DatabaseError:
        raise ImportFailed(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” is damaged or not an Anki "
                                      "collection."), name=shown.name),
            hint=QT_TRANSLATE_NOOP("ImportError", "Export the deck from Anki again.")
        ) from None
    return conn


def _media_map(archive: zipfile.ZipFile) -> dict[str, str]:
    """File name -> zip member name."""
    try:
        with archive.open("media") as head:
            modern = head.read(len(ZSTD_MAGIC)) == ZSTD_MAGIC
        raw = _read_capped(archive, "media", MAX_MEDIA_MAP_BYTES)
    except (KeyError, *READ_ERRORS):
        return {}
    if modern:
        return _modern_media_map(raw)
    try:
        legacy = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return {}
    if not isinstance(legacy, dict):
        return {}
    return {str(name): str(member) for member, name in legacy.items()}


def _modern_media_map(raw: bytes) -> dict[str, str]:
    """The protobuf map of a 2.1.50+ export (its entries are numbered by position)."""
    found = {}
    for index, entry in enumerate(proto_fields(raw).get(1, [])):
        item = proto_fields(entry) if isinstance(entry, bytes) else {}
        name = item.get(1, [b""])[0]
        member = item.get(255, [index])[0]
        if isinstance(name, bytes) and name:
            found[name.decode("utf-8", "replace")] = str(member)
    return found


class _MediaLookup:
    """Reads a deck's media file when a question first asks for it, within the limits."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive, self.mapping = archive, _media_map(archive)
        self.cache: dict[str, bytes | None] = {}
        self.left = MAX_ALL_MEDIA_BYTES

    def __call__(self, name: str) -> bytes | None:
        if name not in self.cache:
            self.cache[name] = self._read(name)
        return self.cache[name]

    def _read(self, name: str) -> bytes | None:
        member = self.mapping.get(name)
        if member is None:
            return None
        try:
            data = _read_capped(self.archive, member, min(MAX_MEDIA_BYTES, self.left))
        except KeyError:
            return None
        except TooBig:
            log.warning("media file %s in the deck is too big; left out", member)
            return None
        except READ_ERRORS:  # a damaged picture is reported as missing, not fatal
            log.warning("media file %s in the deck is damaged", member)
            return None
        self.left -= len(data)
        return data


def _media_lookup(archive: zipfile.ZipFile) -> FindMedia:
    return _MediaLookup(archive)
