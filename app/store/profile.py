"""An unlocked learner profile: the API the rest of Lantern stores learning data through.

A :class:`Profile` owns one SQLCipher connection and must be used only from the thread
that unlocked it (in the app: the ``db`` lane). Every write is its own transaction and
is on disk when the method returns, so anything shown to the learner as saved survives a
crash. Writes raise :class:`~app.store.errors.DiskFull` on a full disk, with nothing
half-written.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from app.store.db import DatabaseError, checkpoint, reraise
from app.store.pin import ClassKeyStatus
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
LAST_SUBJECT = "last_subject"  # the pack id the learner last chose, as a JSON string


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
        # What sign-in found about the class key (the UI tells the learner if it changed).
        self.class_key_status = ClassKeyStatus.NONE

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
                       hints_used: int = 0, pack_id: str = "") -> AttemptId:
        """Store one answer in its own transaction; returns its id once committed.

        ``pack_id`` names the content pack the skill belongs to: the same skill id in
        two packs is two skills.
        """
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO attempts (pack_id, skill_id, question_id, question, answer, "
                "correct, score, time_taken_s, hints_used, created_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                (pack_id, skill_id, question_id, question, answer, int(correct),
                 float(score), float(time_taken_s), int(hints_used), utc_now()))
        return AttemptId(int(cursor.lastrowid))

    def attempts(self, *, pack_id: str | None = None,
                 skill_id: str | None = None) -> list[Attempt]:
        """Answers in the order given; only one pack's (and one skill's) when named."""
        conditions = [(column, value) for column, value in (("pack_id", pack_id),
                                                             ("skill_id", skill_id))
                      if value is not None]
        where = " AND ".join(f"{column} = ?" for column, _ in conditions)
        rows = self.conn.execute(
            "SELECT id, skill_id, question_id, question, answer, correct, score, "
            "time_taken_s, hints_used, created_at, pack_id FROM attempts "
            f"{'WHERE ' + where if where else ''} ORDER BY id",
            [value for _, value in conditions])
        return [Attempt(id=AttemptId(r[0]), skill_id=r[1], question_id=r[2], question=r[3],
                        answer=r[4], correct=bool(r[5]), score=r[6], time_taken_s=r[7],
                        hints_used=r[8], created_at=r[9], pack_id=r[10]) for r in rows]

    def hand_to_packs(self, owners: Mapping[AttemptId, str]) -> int:
        """Give answers stored before packs were told apart (``pack_id`` '') their pack.

        One transaction: the answers move, and each such skill's stored mastery and card
        are copied to every pack that received answers on that skill (its '' row is then
        dropped). Returns how many answers moved; answers that already have a pack are
        never changed.
        """
        moved = 0
        with self._write() as conn:
            for attempt_id, pack_id in owners.items():
                moved += conn.execute(
                    "UPDATE attempts SET pack_id = ? WHERE id = ? AND pack_id = ''",
                    (pack_id, int(attempt_id))).rowcount
            conn.execute(
                "INSERT OR IGNORE INTO skill_state (pack_id, skill_id, mastery, card, "
                "updated_at) SELECT DISTINCT a.pack_id, s.skill_id, s.mastery, s.card, "
                "s.updated_at FROM skill_state s JOIN attempts a ON a.skill_id = s.skill_id "
                "WHERE s.pack_id = '' AND a.pack_id != ''")
            conn.execute(
                "DELETE FROM skill_state WHERE pack_id = '' AND skill_id IN (SELECT "
                "skill_id FROM attempts WHERE pack_id != '') AND skill_id NOT IN (SELECT "
                "skill_id FROM attempts WHERE pack_id = '')")
        return moved

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

    def last_subject(self) -> str | None:
        """The pack id of the subject this learner chose last, if any."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?",
                                (LAST_SUBJECT,)).fetchone()
        if row is None:
            return None
        try:
            value = json.loads(row[0])
        except ValueError:
            log.warning("the remembered subject is unreadable; it is forgotten")
            return None
        return value if isinstance(value, str) and value else None

    def set_last_subject(self, pack_id: str) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                         (LAST_SUBJECT, json.dumps(pack_id)))

    def skill_state(self, skill_id: str, *, pack_id: str = "") -> SkillState | None:
        row = self.conn.execute(
            "SELECT skill_id, mastery, card, updated_at, pack_id FROM skill_state "
            "WHERE pack_id = ? AND skill_id = ?", (pack_id, skill_id)).fetchone()
        return SkillState(*row) if row else None

    def skill_states(self) -> list[SkillState]:
        """Every stored skill state, of every pack, oldest update first."""
        rows = self.conn.execute("SELECT skill_id, mastery, card, updated_at, pack_id FROM "
                                 "skill_state ORDER BY updated_at, pack_id, skill_id")
        return [SkillState(*row) for row in rows]

    def set_skill_state(self, state: SkillState) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO skill_state (pack_id, skill_id, mastery, "
                         "card, updated_at) VALUES (?,?,?,?,?)",
                         (state.pack_id, state.skill_id, state.mastery, state.card,
                          utc_now()))

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
