"""The profile schema: ordered migrations tracked by ``PRAGMA user_version``.

To change the schema, append a :class:`Migration` to :data:`MIGRATIONS`; never edit one
that has shipped. Each migration runs in one transaction together with its
``user_version`` bump, so a crash leaves either the old or the new version. Before
migrating an existing database a copy of it is kept beside it (still encrypted).
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.store.db import Connection, checkpoint

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    version: int
    statements: tuple[str, ...]


V1 = Migration(1, (
    # Learner settings (grade, language, interests, goals, pace, accessibility) are
    # stored as validated JSON documents under a key: new settings need no migration.
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL)""",
    """CREATE TABLE skill_state (
        skill_id TEXT PRIMARY KEY,
        mastery REAL NOT NULL DEFAULT 0 CHECK (mastery BETWEEN 0 AND 1),
        card TEXT,                -- review-card state (JSON from the scheduler)
        updated_at TEXT NOT NULL)""",
    """CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        skill_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
        time_taken_s REAL NOT NULL,
        hints_used INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL)""",
    "CREATE INDEX attempts_skill ON attempts (skill_id, created_at)",
    """CREATE TABLE tutor_messages (
        id INTEGER PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
        content TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
    "CREATE INDEX tutor_messages_conversation ON tutor_messages (conversation_id, id)",
    """CREATE TABLE privacy_ledger (
        id INTEGER PRIMARY KEY,
        purpose TEXT NOT NULL,
        epsilon REAL NOT NULL CHECK (epsilon >= 0),
        detail TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL)""",
    """CREATE TABLE sync_outbox (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT)""",
))

# Sync (issue 8): the ledger records which week a spend belongs to (the budget is per
# week); the outbox keeps retry state so back-off survives a restart.
V2 = Migration(2, (
    "ALTER TABLE privacy_ledger ADD COLUMN period TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX privacy_ledger_period ON privacy_ledger (purpose, period)",
    "ALTER TABLE sync_outbox ADD COLUMN tries INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE sync_outbox ADD COLUMN next_try_at REAL NOT NULL DEFAULT 0",
    "ALTER TABLE sync_outbox ADD COLUMN last_error TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sync_outbox ADD COLUMN gave_up_at TEXT",
))

# One skill space per pack (issue 16): two packs may both call a skill
# "fraction-meaning", so attempts, mastery and review cards belong to (pack, skill).
# Rows written before this version get pack_id '' and are handed to their pack by
# app.core.learner.claim once the installed packs are known (the store does not read
# content); until then they are kept, never dropped.
V3 = Migration(3, (
    "ALTER TABLE attempts ADD COLUMN pack_id TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX attempts_pack_skill ON attempts (pack_id, skill_id, id)",
    """CREATE TABLE skill_state_v3 (
        pack_id TEXT NOT NULL DEFAULT '',
        skill_id TEXT NOT NULL,
        mastery REAL NOT NULL DEFAULT 0 CHECK (mastery BETWEEN 0 AND 1),
        card TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (pack_id, skill_id))""",
    """INSERT INTO skill_state_v3 (pack_id, skill_id, mastery, card, updated_at)
        SELECT '', skill_id, mastery, card, updated_at FROM skill_state""",
    "DROP TABLE skill_state",
    "ALTER TABLE skill_state_v3 RENAME TO skill_state",
))

MIGRATIONS: tuple[Migration, ...] = (V1, V2, V3)


def latest(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


def user_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, db_path: Path,
            migrations: Sequence[Migration] = MIGRATIONS) -> Path | None:
    """Bring the database up to the latest version.

    Returns:
        The path of the pre-migration copy, or None when nothing had to be copied
        (a new, empty database, or one already up to date).

    Raises:
        ValueError: the database is newer than this Lantern (never downgrade silently).
    """
    current = user_version(conn)
    target = latest(migrations)
    if current > target:
        raise ValueError(f"profile schema {current} is newer than this Lantern ({target})")
    pending = [m for m in migrations if m.version > current]
    backup = _copy_before(conn, db_path, current) if pending and current > 0 else None
    for migration in pending:
        _apply(conn, migration)
        log.info("profile schema migrated to version %d", migration.version)
    return backup


def _copy_before(conn: Connection, db_path: Path, version: int) -> Path:
    checkpoint(conn)
    target = db_path.with_name(f"{db_path.name}.v{version}.bak")
    shutil.copyfile(db_path, target)
    return target


def _apply(conn: Connection, migration: Migration) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in migration.statements:
            conn.execute(statement)
        # user_version is written inside the transaction: both land or neither does.
        conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        conn.commit()
    except BaseException:
        conn.execute("ROLLBACK")
        raise
