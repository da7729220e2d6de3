"""The profile's privacy ledger, sync outbox and sync settings row: their only SQL.

Reached as :attr:`app.store.Profile.sync` (the store owns every table of the profile;
``app.core.sync`` decides *what* to record, this module *how*). It works on the
unlocked profile's SQLCipher connection (schema v2, ``app/store/schema.py``), on the
``db`` lane that owns it.

Pitfall: :meth:`SyncRepository.commit_release` re-reads the week's spend inside the same
``BEGIN IMMEDIATE`` transaction that records the new spend and queues the payload, so
two releases racing (two app windows, a retry after a crash) can never together spend
more than the budget, and a payload is never queued without its spend on record.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.messages import QT_TRANSLATE_NOOP, message

PURPOSE = "sync"
SETTINGS_KEY = "sync"

Week = str  # ISO week, "2026-W47" (app.core.sync.records.Week is this NewType of str)


class BudgetExceeded(Exception):
    """The week's privacy budget has no room for this release. Nothing was queued."""

    def __init__(self, week: Week, spent: float, asked: float, budget: float) -> None:
        self.week, self.spent, self.asked, self.budget = week, spent, asked, budget
        super().__init__(message(QT_TRANSLATE_NOOP(
            "Sync", "This learner's privacy budget for {week} is used up: {spent} of "
            "{budget} is spent and this send needs {asked}. Nothing was sent. The figures "
            "can be sent again next week, or a teacher can raise the weekly budget in the "
            "sync settings."), week=week, spent=f"{spent:g}", budget=f"{budget:g}",
            asked=f"{asked:g}"))


@dataclass(frozen=True)
class OutboxEntry:
    key: str  # idempotency key: the submission id the hub deduplicates on
    kind: str  # "hub" or "usb"
    payload: str  # the signed envelope, exactly the bytes that leave
    tries: int
    next_try_at: float
    last_error: str


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class SyncRepository:
    """Ledger, outbox and settings rows. One instance per open profile connection."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def spent(self, week: Week) -> float:
        row = self.conn.execute(
            "SELECT coalesce(sum(epsilon), 0) FROM privacy_ledger "
            "WHERE purpose = ? AND period = ?", (PURPOSE, week)).fetchone()
        return float(row[0])

    def commit_release(self, *, week: Week, epsilon: float, budget: float, key: str,
                       kind: str, payload: str) -> None:
        """Record the spend and queue the payload, atomically, or do neither.

        Raises:
            BudgetExceeded: ``spent + epsilon`` would pass ``budget``.
        """
        self._commit_spend(week=week, epsilon=epsilon, budget=budget, detail=key,
                           then=lambda: self.conn.execute(
                               "INSERT INTO sync_outbox (idempotency_key, kind, payload, "
                               "created_at) VALUES (?, ?, ?, ?)", (key, kind, payload, _now())))

    def _commit_spend(self, *, week: Week, epsilon: float, budget: float, detail: str,
                      then: Callable[[], object]) -> None:
        """The ledger row and ``then``'s write in one transaction, within the budget."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            spent = self.spent(week)
            if spent + epsilon > budget + 1e-9:
                raise BudgetExceeded(week, spent, epsilon, budget)
            self.conn.execute(
                "INSERT INTO privacy_ledger (purpose, period, epsilon, detail, created_at) "
                "VALUES (?, ?, ?, ?, ?)", (PURPOSE, week, epsilon, detail, _now()))
            then()
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise

    # --- secure-aggregation rounds: this laptop's secrets for a round, as JSON text ----
    def round_state(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def save_round_state(self, key: str, value: str) -> None:
        with self.conn:
            self._write_setting(key, value)

    def forget_round_state(self, key: str) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))

    def commit_round_spend(self, *, week: Week, epsilon: float, budget: float, detail: str,
                           key: str, value: str) -> None:
        """Record the week's spend and the round's state (its masked summary) together,
        or neither.

        Raises:
            BudgetExceeded: ``spent + epsilon`` would pass ``budget``.
        """
        self._commit_spend(week=week, epsilon=epsilon, budget=budget, detail=detail,
                           then=lambda: self._write_setting(key, value))

    def _write_setting(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                          (key, value))

    def pending(self) -> list[OutboxEntry]:
        """Entries not yet delivered and not given up on, oldest first."""
        rows = self.conn.execute(
            "SELECT idempotency_key, kind, payload, tries, next_try_at, last_error "
            "FROM sync_outbox WHERE sent_at IS NULL AND gave_up_at IS NULL ORDER BY id"
        ).fetchall()
        return [OutboxEntry(*row) for row in rows]

    def mark_sent(self, key: str) -> None:
        self._update("UPDATE sync_outbox SET sent_at = ? WHERE idempotency_key = ?",
                     (_now(), key))

    def mark_failed(self, key: str, *, next_try_at: float, error: str) -> None:
        self._update("UPDATE sync_outbox SET tries = tries + 1, next_try_at = ?, "
                     "last_error = ? WHERE idempotency_key = ?", (next_try_at, error, key))

    def give_up(self, key: str, *, error: str) -> None:
        self._update("UPDATE sync_outbox SET gave_up_at = ?, last_error = ? "
                     "WHERE idempotency_key = ?", (_now(), error, key))

    def counts(self) -> dict[str, int]:
        row = self.conn.execute(
            "SELECT count(*) FILTER (WHERE sent_at IS NOT NULL), "
            "count(*) FILTER (WHERE sent_at IS NULL AND gave_up_at IS NULL), "
            "count(*) FILTER (WHERE gave_up_at IS NOT NULL) FROM sync_outbox").fetchone()
        return {"sent": row[0], "waiting": row[1], "rejected": row[2]}

    def load_settings(self) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?",
                                (SETTINGS_KEY,)).fetchone()
        return json.loads(row[0]) if row else None

    def save_settings(self, data: dict[str, Any]) -> None:
        self._update("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                     (SETTINGS_KEY, json.dumps(data, sort_keys=True)))

    def _update(self, sql: str, args: tuple[Any, ...]) -> None:
        with self.conn:
            self.conn.execute(sql, args)
