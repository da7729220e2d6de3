"""An unlocked learner profile: the API the rest of Lantern stores learning data through.

A :class:`Profile` owns one SQLCipher connection and must be used only from the thread
that unlocked it (in the app: the ``db`` lane). Every write is its own transaction and
is on disk when the method returns, so anything shown to the learner as saved survives a
crash. Writes raise :class:`~app.store.errors.DiskFull` on a full disk, with nothing
half-written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from app.store.db import DatabaseError, checkpoint, reraise
from app.store.records import (
    Attempt,
    AttemptId,
    LearnerSettings,
    MessageId,
    ProfileId,
    Role,
    SkillState,
    TutorMessage,
    utc_now,
)
from app.store.sync import SyncRepository

log = logging.getLogger(__name__)

LEARNER_SETTINGS = "learner"


class Profile:
    """The learner's data, readable and writable while unlocked.

    Close it with the store's ``lock``.
    """

    def __init__(self, profile_id: ProfileId, conn: Any, path: Path,
                 on_close: Callable[[Profile], None] | None = None) -> None:
        self.id = profile_id
        self.path = path
        # Imported here: sqlite_utils pulls in NumPy, and the sign-in screen imports app.store.
        import sqlite_utils

        self.db = sqlite_utils.Database(conn)
        self._on_close = on_close
        self._closed = False

    @property
    def conn(self) -> Any:
        return self.db.conn

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """One transaction: committed on success, rolled back on any error."""
        try:
            with self.conn:
                yield self.conn
        except DatabaseError as exc:
            reraise(exc)

    def record_attempt(self, *, skill_id: str, question_id: str, question: str, answer: str,
                       correct: bool, score: float, time_taken_s: float,
                       hints_used: int = 0) -> AttemptId:
        """Store one answer in its own transaction; returns its id once committed."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO attempts (skill_id, question_id, question, answer, correct, "
                "score, time_taken_s, hints_used, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (skill_id, question_id, question, answer, int(correct), float(score),
                 float(time_taken_s), int(hints_used), utc_now()))
        return AttemptId(int(cursor.lastrowid))

    def attempts(self, *, skill_id: str | None = None) -> list[Attempt]:
        where, args = ("WHERE skill_id = ?", [skill_id]) if skill_id else ("", [])
        rows = self.conn.execute(
            "SELECT id, skill_id, question_id, question, answer, correct, score, "
            f"time_taken_s, hints_used, created_at FROM attempts {where} ORDER BY id", args)
        return [Attempt(id=AttemptId(r[0]), skill_id=r[1], question_id=r[2], question=r[3],
                        answer=r[4], correct=bool(r[5]), score=r[6], time_taken_s=r[7],
                        hints_used=r[8], created_at=r[9]) for r in rows]

    def add_tutor_message(self, *, conversation_id: str, role: Role,
                          content: str) -> MessageId:
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO tutor_messages (conversation_id, role, content, created_at) "
                "VALUES (?,?,?,?)", (conversation_id, role, content, utc_now()))
        return MessageId(int(cursor.lastrowid))

    def tutor_messages(self, conversation_id: str, *, last: int | None = None
                       ) -> list[TutorMessage]:
        """The conversation's messages, oldest first (only the ``last`` few if given)."""
        limit = "" if last is None else f" LIMIT {int(last)}"
        rows = self.conn.execute(
            "SELECT id, conversation_id, role, content, created_at FROM ("
            "SELECT * FROM tutor_messages WHERE conversation_id = ? ORDER BY id DESC"
            f"{limit}) ORDER BY id", (conversation_id,))
        return [TutorMessage(MessageId(r[0]), *r[1:]) for r in rows]

    def clear_tutor_messages(self) -> int:
        """Delete every stored tutor message of this learner; returns how many."""
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM tutor_messages")
        return int(cursor.rowcount)

    def learner_settings(self) -> LearnerSettings:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?",
                                (LEARNER_SETTINGS,)).fetchone()
        return LearnerSettings.model_validate_json(row[0]) if row else LearnerSettings()

    def set_learner_settings(self, settings: LearnerSettings) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                         (LEARNER_SETTINGS, settings.model_dump_json()))

    def skill_state(self, skill_id: str) -> SkillState | None:
        row = self.conn.execute("SELECT skill_id, mastery, card, updated_at FROM skill_state "
                                "WHERE skill_id = ?", (skill_id,)).fetchone()
        return SkillState(*row) if row else None

    def set_skill_state(self, state: SkillState) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO skill_state (skill_id, mastery, card, "
                         "updated_at) VALUES (?,?,?,?)",
                         (state.skill_id, state.mastery, state.card, utc_now()))

    @cached_property
    def sync(self) -> SyncRepository:
        """The privacy ledger, the sync outbox and the sync settings (``app/store/sync.py``)."""
        return SyncRepository(self.conn)

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Checkpoint, let the store take its backup, then close the connection."""
        if self._closed:
            return
        self._closed = True
        try:
            checkpoint(self.conn)
            if self._on_close is not None:
                self._on_close(self)
        except Exception:
            log.warning("profile closed without a fresh backup", exc_info=True)
        finally:
            self.conn.close()
