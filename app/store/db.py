"""Opening a SQLCipher 4 database with a raw key, and the pragmas every profile uses.

SQLCipher's own log output is switched off (``cipher_log_level = NONE``): it goes to
stderr by default, and failures reach us as exceptions anyway, which the store turns
into typed errors and logs. The connection is bound to the thread that opened it
(``check_same_thread``): the DB lane is its one owner.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any, NoReturn, Protocol

import sqlcipher3

from app.messages import QT_TRANSLATE_NOOP
from app.store.errors import DiskFull, StoreError, is_corrupt, is_disk_full

log = logging.getLogger(__name__)

DatabaseError = sqlcipher3.DatabaseError
PLAIN_HEADER = b"SQLite format 3\x00"

# Shared with the benchmark so SQLCipher and plain SQLite are compared like for like.
# synchronous=FULL: in WAL mode every commit is fsynced, so an acknowledged answer
# survives a crash and a power cut. temp_store=MEMORY: no unencrypted temp files.
PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA busy_timeout = 5000",
)


class Connection(Protocol):
    """What we use of a DB-API connection (sqlcipher3 and sqlite3 both fit)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...
    def commit(self) -> None: ...
    def close(self) -> None: ...


class DamagedDatabase(StoreError):
    """The right key opened a file SQLite says is damaged.

    At sign-in the store turns this into :class:`ProfileCorrupt` (with the backup
    offer); during a session it reaches the screen as it is. ``detail`` is for logs.
    """

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__("This profile's saved work is damaged.",
                         hint="Sign out and sign in again: Lantern will offer to restore "
                              "the automatic backup.")


def apply_pragmas(conn: Connection) -> None:
    for pragma in PRAGMAS:
        conn.execute(pragma).fetchall()


def open_encrypted(path: Path, key: bytes, *, check: bool = True) -> sqlcipher3.Connection:
    """Open (or create) ``path`` keyed with the raw 256-bit ``key``.

    Args:
        check: run ``PRAGMA quick_check``, which decrypts and verifies every page, so
            damage is found now rather than halfway through a lesson.

    Raises:
        DamagedDatabase: the file is damaged (a wrong key is excluded earlier by the
            AES-GCM key wrap, so "not a database" here means damage).
        DiskFull: there was no room to create or write the file.
    """
    conn = sqlcipher3.connect(str(path), isolation_level="")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"").fetchall()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        apply_pragmas(conn)
        if check:
            _quick_check(conn)
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        conn.close()
        raise _open_error(exc) from exc
    return conn


def _open_error(exc: BaseException) -> Exception:
    """At open time the key is known to be right, so any other failure is damage.

    (SQLCipher reports a failed page HMAC variously as "not a database", "malformed"
    or a bare "SQL logic error".)
    """
    if is_disk_full(exc):
        return DiskFull()
    if "locked" in str(exc) or "busy" in str(exc):
        return StoreError(QT_TRANSLATE_NOOP(
            "StoreError", "This profile is open in another Lantern window."),
            hint=QT_TRANSLATE_NOOP("StoreError", "Close the other window, then try again."))
    if "unable to open" in str(exc):
        return StoreError(QT_TRANSLATE_NOOP(
            "StoreError", "Lantern can't open this profile's file."),
            hint=QT_TRANSLATE_NOOP("StoreError", "Ask your teacher to check that Lantern's "
                                   "data folder can be written to."))
    log.error("profile database is damaged: %s", exc)
    return DamagedDatabase(str(exc))


def _quick_check(conn: sqlcipher3.Connection) -> None:
    # cipher_integrity_check verifies every page's HMAC and lists failures as rows;
    # quick_check then checks the b-tree structure of the decrypted pages.
    if conn.execute("PRAGMA cipher_integrity_check").fetchall():
        raise DamagedDatabase("cipher_integrity_check failed")
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if rows != [("ok",)]:
        log.error("profile database failed its check (%d problems)", len(rows))
        raise DamagedDatabase("quick_check failed")


def integrity_ok(conn: Connection) -> bool:
    return bool(conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)])


def translate(exc: BaseException) -> Exception:
    """A typed store error for a low-level failure (store errors pass through as they are).

    Use as ``raise translate(exc) from exc`` only when the result ``is not exc``; see
    :func:`reraise`.
    """
    if isinstance(exc, StoreError):
        return exc
    if is_disk_full(exc):
        return DiskFull()
    if is_corrupt(exc):
        log.error("profile database is damaged: %s", exc)
        return DamagedDatabase(str(exc))
    return exc if isinstance(exc, Exception) else RuntimeError(str(exc))


def checkpoint(conn: Connection) -> None:
    """Fold the WAL into the main file, so the file alone is a complete copy."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def is_plaintext_sqlite(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(PLAIN_HEADER)) == PLAIN_HEADER


def reraise(exc: Exception) -> NoReturn:
    """Raise the typed form of ``exc``, chained to it (or ``exc`` itself if already typed)."""
    typed = translate(exc)
    if typed is exc:
        raise exc
    raise typed from exc
