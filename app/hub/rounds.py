"""Secure-aggregation rounds on the hub: storage and the step machine (keys → input →
unmask → done). The hub only ever stores public keys, sealed shares, masked vectors
(uniformly random to it) and, at the end, the class sum; see ``docs/sync.md``.

Tables are separate from the local-DP ones (``app/hub/db.py``) and share its engine.
When a round ends, its masked vectors, sealed shares and reveals are deleted: only the
noisy class sum stays.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import secrets
import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.core.sync import secure
from app.core.sync.skellam import GROUPS, calibrate
from app.hub.db import APPROVED, HubDB, devices

MIN_ROSTER = 5  # the class page's k: fewer laptops are not enough to hide in
PHASES = ("keys", "input", "unmask", "done", "aborted")

meta = sa.MetaData()
rounds = sa.Table(
    "sa_rounds", meta,
    sa.Column("round_id", sa.String(32), primary_key=True),
    sa.Column("class_id", sa.Integer, nullable=False, index=True),
    sa.Column("week", sa.String(8), nullable=False),
    sa.Column("epsilon", sa.Float, nullable=False),
    sa.Column("threshold", sa.Integer),
    sa.Column("phase", sa.String(8), nullable=False),
    sa.Column("skills", sa.Text, nullable=False, default="[]"),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("result", sa.Text),  # JSON: the class sum and what it needs for intervals
    sa.Column("note", sa.Text, nullable=False, default=""))
members = sa.Table(
    "sa_members", meta,
    sa.Column("round_id", sa.String(32), primary_key=True),
    sa.Column("key_id", sa.String(32), primary_key=True),
    sa.Column("slot", sa.Integer),
    sa.Column("c_pk", sa.String(64), nullable=False),
    sa.Column("s_pk", sa.String(64), nullable=False),
    sa.Column("skills", sa.Text, nullable=False))
inputs = sa.Table(
    "sa_inputs", meta,
    sa.Column("round_id", sa.String(32), primary_key=True),
    sa.Column("slot", sa.Integer, primary_key=True),
    sa.Column("masked", sa.Text, nullable=False),
    sa.Column("shares", sa.Text, nullable=False))
reveals = sa.Table(
    "sa_reveals", meta,
    sa.Column("round_id", sa.String(32), primary_key=True),
    sa.Column("slot", sa.Integer, primary_key=True),
    sa.Column("body", sa.Text, nullable=False))


class RoundRefused(ValueError):
    """A round message or action that does not fit the round's state (HTTP 409/422)."""


@dataclass(frozen=True)
class RoundRow:
    round_id: str
    class_id: int
    week: str
    epsilon: float
    threshold: int | None
    phase: str
    skills: list[str]
    result: dict[str, Any] | None
    note: str


def threshold_for(roster: int) -> int:
    """t = ⌈2n/3⌉: a third of the class may drop out and the round still completes, and
    the hub must collude with t laptops to learn anything about one laptop's figures."""
    return max(2, math.ceil(2 * roster / 3))


def finished_week(now: dt.datetime) -> str:
    year, week, _ = (now - dt.timedelta(days=7)).isocalendar()
    return f"{year}-W{week:02d}"


def _row(r: Any) -> RoundRow:
    return RoundRow(r.round_id, r.class_id, r.week, r.epsilon, r.threshold, r.phase,
                    json.loads(r.skills), json.loads(r.result) if r.result else None, r.note)


class Rounds:
    """Round messages and step changes are serialised by one lock: a message must never
    land in a step that closed meanwhile, nor two last messages close a step twice (the
    hub runs as one process; uvicorn serves requests from a thread pool)."""

    def __init__(self, db: HubDB) -> None:
        self.db, self.engine = db, db.engine
        self._lock = threading.RLock()
        meta.create_all(self.engine)

    # --- reading ----------------------------------------------------------------------
    def of_class(self, class_id: int, limit: int = 12) -> list[RoundRow]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(rounds).where(rounds.c.class_id == class_id)
                                .order_by(rounds.c.created_at.desc()).limit(limit)).all()
        return [_row(r) for r in rows]

    def get(self, round_id: str) -> RoundRow:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(rounds).where(rounds.c.round_id == round_id)).first()
        if row is None:
            raise RoundRefused("no such round")
        return _row(row)

    def under_way(self, class_id: int) -> list[RoundRow]:
        """Open rounds, oldest first: at most one at its unmask step and one before it."""
        return [r for r in reversed(self.of_class(class_id)) if r.phase in PHASES[:3]]

    def current(self, class_id: int) -> RoundRow | None:
        """The oldest open round: the one ``round next`` closes a step of."""
        open_ = self.under_way(class_id)
        return open_[0] if open_ else None

    def counts(self, round_id: str) -> dict[str, int]:
        with self.engine.connect() as conn:
            def count(table: sa.Table) -> int:
                return int(conn.execute(sa.select(sa.func.count()).select_from(table)
                                        .where(table.c.round_id == round_id)).scalar_one())
            roster = conn.execute(sa.select(sa.func.count()).select_from(members).where(
                members.c.round_id == round_id, members.c.slot.is_not(None))).scalar_one()
            return {"keys": count(members), "roster": int(roster), "inputs": count(inputs),
                    "reveals": count(reveals)}

    def enrolled(self, class_id: int) -> int:
        """Approved laptops of the class: the ones a round waits for at its keys step."""
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(devices).where(
                devices.c.class_id == class_id, devices.c.status == APPROVED)).scalar_one())

    # --- the teacher's actions ----------------------------------------------------------
    def open(self, class_id: int, *, epsilon: float = 1.0,
             now: dt.datetime | None = None) -> RoundRow:
        # A new round may start while the last one is at its unmask step, so one USB trip
        # can carry both (unmask of last week, keys of this week).
        if any(r.phase in ("keys", "input") for r in self.under_way(class_id)):
            raise RoundRefused("this class already has a round collecting keys or "
                               "summaries")
        if not 0.1 <= epsilon <= 10.0:
            raise RoundRefused("ε must be between 0.1 and 10")
        moment = now or dt.datetime.now(dt.timezone.utc)
        round_id = secrets.token_hex(16)
        with self.engine.begin() as conn:
            conn.execute(sa.insert(rounds).values(
                round_id=round_id, class_id=class_id, week=finished_week(moment),
                epsilon=epsilon, phase="keys", skills="[]", note="",
                created_at=moment.isoformat(timespec="microseconds")))
        return self.get(round_id)

    def advance(self, round_id: str) -> RoundRow:
        """Close the open step now (the teacher's "go on"; laptops not in yet drop out)."""
        with self._lock:
            row = self.get(round_id)
            step = {"keys": self._freeze_roster, "input": self._close_inputs,
                    "unmask": self._finish}.get(row.phase)
            if step is None:
                raise RoundRefused("this round has ended")
            step(row)
            return self.get(round_id)

    def abort(self, round_id: str, note: str) -> None:
        self._end(round_id, "aborted", note=note)

    # --- messages from laptops ----------------------------------------------------------
    def accept(self, key_id: str, class_id: int, body: dict[str, Any]) -> str:
        """Store one verified round message; advance when everyone expected has answered.

        Returns "stored" or "duplicate" (the same step again: already counted).
        """
        with self._lock:
            return self._accept(key_id, class_id, body)

    def _accept(self, key_id: str, class_id: int, body: dict[str, Any]) -> str:
        row = self.get(str(body.get("round")))
        if row.class_id != class_id:
            raise RoundRefused("this round belongs to another class")
        if body.get("step") != {"keys": "keys", "input": "input",
                                "unmask": "reveal"}.get(row.phase):
            raise RoundRefused(f"the round is at its {row.phase} step")
        if body.get("format") != secure.FORMAT:
            raise RoundRefused("not a Lantern round message")
        handler = {"keys": self._add_keys, "input": self._add_input,
                   "unmask": self._add_reveal}[row.phase]
        try:
            with self.engine.begin() as conn:
                handler(conn, row, key_id, body)
        except IntegrityError:
            return "duplicate"
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, RoundRefused):
                raise
            raise RoundRefused(f"the round message is malformed ({exc})") from exc
        self._auto_advance(row)
        return "stored"

    def _slot_of(self, conn: Any, row: RoundRow, key_id: str) -> int:
        slot = conn.execute(sa.select(members.c.slot).where(
            members.c.round_id == row.round_id, members.c.key_id == key_id)).scalar()
        if slot is None:
            raise RoundRefused("this laptop is not on the round's roster")
        return int(slot)

    def _add_keys(self, conn: Any, row: RoundRow, key_id: str, body: dict[str, Any]) -> None:
        conn.execute(sa.insert(members).values(
            round_id=row.round_id, key_id=key_id, c_pk=_hex32(body["c_pk"]),
            s_pk=_hex32(body["s_pk"]), skills=json.dumps(_skills(body["skills"]))))

    def _add_input(self, conn: Any, row: RoundRow, key_id: str,
                   body: dict[str, Any]) -> None:
        slot = self._slot_of(conn, row, key_id)
        roster = self.counts(row.round_id)["roster"]
        masked, shares = body["masked"], body["shares"]
        size = len(row.skills) * sum(g.per_skill for g in GROUPS)
        if (body.get("slot") != slot or not isinstance(masked, list) or len(masked) != size
                or not all(isinstance(v, int) and 0 <= v < 2**32 for v in masked)
                or not isinstance(shares, dict)
                or set(shares) != {str(s) for s in range(1, roster + 1)}):
            raise RoundRefused("the masked input does not fit the round")
        conn.execute(sa.insert(inputs).values(round_id=row.round_id, slot=slot,
                                              masked=json.dumps(masked),
                                              shares=json.dumps(shares)))

    def _add_reveal(self, conn: Any, row: RoundRow, key_id: str,
                    body: dict[str, Any]) -> None:
        slot = self._slot_of(conn, row, key_id)
        if body.get("slot") != slot or slot not in self._survivors(row.round_id):
            raise RoundRefused("only laptops whose input was counted reveal")
        if not _reveal_ok(body.get("b_shares"), body.get("pair_seeds")):
            raise RoundRefused("the reveal is malformed")
        conn.execute(sa.insert(reveals).values(round_id=row.round_id, slot=slot,
                                               body=json.dumps(body)))

    def _auto_advance(self, row: RoundRow) -> None:
        counts = self.counts(row.round_id)
        expected = {"keys": (counts["keys"], self.enrolled(row.class_id)),
                    "input": (counts["inputs"], counts["roster"]),
                    "unmask": (counts["reveals"], counts["inputs"])}[row.phase]
        if expected[0] >= expected[1]:
            # When the sum cannot be completed yet, the teacher sees why on the class page.
            with contextlib.suppress(RoundRefused):
                self.advance(row.round_id)

    # --- steps ----------------------------------------------------------------------------
    def _freeze_roster(self, row: RoundRow) -> None:
        with self.engine.connect() as conn:
            # A laptop the teacher revoked after it sent its keys is left off the roster.
            keyed = conn.execute(sa.select(members.c.key_id, members.c.skills)
                                 .join(devices, devices.c.key_id == members.c.key_id)
                                 .where(members.c.round_id == row.round_id,
                                        devices.c.status == APPROVED)).all()
        if not keyed:
            self._end(row.round_id, "aborted", note="no laptop sent its keys")
            return
        # Laptops with other content (another skill list) cannot be added up with the
        # rest; the most common list wins and the others fall back to local DP.
        skills, _ = Counter(r.skills for r in keyed).most_common(1)[0]
        chosen = [r.key_id for r in keyed if r.skills == skills]
        secrets.SystemRandom().shuffle(chosen)  # slots reveal nothing about enrolment order
        if len(chosen) < MIN_ROSTER:
            self._end(row.round_id, "aborted",
                      note=f"only {len(chosen)} laptops sent keys; at least {MIN_ROSTER} "
                           "are needed")
            return
        with self.engine.begin() as conn:
            for slot, key_id in enumerate(chosen, start=1):
                conn.execute(sa.update(members).where(
                    members.c.round_id == row.round_id, members.c.key_id == key_id)
                    .values(slot=slot))
            conn.execute(sa.update(rounds).where(rounds.c.round_id == row.round_id).values(
                phase="input", skills=skills, threshold=threshold_for(len(chosen))))

    def _survivors(self, round_id: str) -> list[int]:
        with self.engine.connect() as conn:
            return sorted(int(s) for s in conn.execute(
                sa.select(inputs.c.slot).where(inputs.c.round_id == round_id)).scalars())

    def _close_inputs(self, row: RoundRow) -> None:
        survivors = self._survivors(row.round_id)
        assert row.threshold is not None
        if len(survivors) < row.threshold:
            self._end(row.round_id, "aborted",
                      note=f"only {len(survivors)} laptops sent their input; the round "
                           f"needs {row.threshold}")
            return
        self._set_phase(row.round_id, "unmask")

    def _finish(self, row: RoundRow) -> None:
        assert row.threshold is not None
        with self.engine.connect() as conn:
            masked = {int(r.slot): json.loads(r.masked) for r in conn.execute(
                sa.select(inputs).where(inputs.c.round_id == row.round_id))}
            revealed = {int(r.slot): json.loads(r.body) for r in conn.execute(
                sa.select(reveals).where(reveals.c.round_id == row.round_id))}
        roster = self.counts(row.round_id)["roster"]
        dropped = [s for s in range(1, roster + 1) if s not in masked]
        size = len(row.skills) * sum(g.per_skill for g in GROUPS)
        try:
            total = secure.unmask(size=size, threshold=row.threshold, masked=masked,
                                  reveals=revealed, dropped=dropped)
        except (secure.RoundError, ValueError, KeyError, TypeError) as exc:
            raise RoundRefused(f"the sum cannot be completed yet: {exc}") from exc
        noise = calibrate(row.epsilon, len(row.skills))
        result = {"sum": [int(v) for v in total], "reporting": len(masked),
                  "roster": roster, "threshold": row.threshold, "mu": noise.mu,
                  "delta": noise.delta}
        self._end(row.round_id, "done", result=result,
                  note=f"{len(dropped)} laptop(s) dropped out" if dropped else "")

    def _set_phase(self, round_id: str, phase: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.update(rounds).where(rounds.c.round_id == round_id)
                         .values(phase=phase))

    def _end(self, round_id: str, phase: str, *, note: str = "",
             result: dict[str, Any] | None = None) -> None:
        """Keep only the outcome: masked vectors, sealed shares and reveals are deleted."""
        with self.engine.begin() as conn:
            for table in (inputs, reveals):
                conn.execute(sa.delete(table).where(table.c.round_id == round_id))
            conn.execute(sa.update(rounds).where(rounds.c.round_id == round_id).values(
                phase=phase, note=note, result=json.dumps(result) if result else None))

    # --- the bulletin laptops read ---------------------------------------------------------
    def bulletin(self, class_id: int) -> dict[str, Any]:
        cls = self.db.class_by(class_id=class_id)
        return {"format": "lantern-round/1", "class_name": cls.name if cls else "",
                "rounds": [self._describe(r) for r in self.of_class(class_id, limit=3)]}

    def _describe(self, row: RoundRow) -> dict[str, Any]:
        out: dict[str, Any] = {"round": row.round_id, "week": row.week,
                               "epsilon": row.epsilon, "threshold": row.threshold or 0,
                               "phase": row.phase, "skills": row.skills}
        if row.phase not in ("input", "unmask"):
            return out
        with self.engine.connect() as conn:
            listed = conn.execute(sa.select(members).where(
                members.c.round_id == row.round_id, members.c.slot.is_not(None))).all()
            sealed = conn.execute(sa.select(inputs.c.slot, inputs.c.shares).where(
                inputs.c.round_id == row.round_id)).all()
        out["roster"] = {str(m.slot): [m.c_pk, m.s_pk] for m in listed}
        if row.phase == "unmask":
            out["survivors"] = sorted(int(s.slot) for s in sealed)
            shares: dict[str, dict[str, str]] = {}
            for s in sealed:
                for to, ct in json.loads(s.shares).items():
                    shares.setdefault(to, {})[str(s.slot)] = ct
            out["shares"] = shares
        return out


def _hex32(value: Any) -> str:
    if not isinstance(value, str) or len(value) != 64:
        raise RoundRefused("a public key is 32 bytes in hex")
    try:
        bytes.fromhex(value)
    except ValueError as exc:
        raise RoundRefused("a public key is 32 bytes in hex") from exc
    return value


def _skills(value: Any) -> list[str]:
    if not isinstance(value, list) or not 1 <= len(value) <= 500 or not all(
            isinstance(s, str) and 0 < len(s) <= 100 for s in value):
        raise RoundRefused("the skill list is malformed")
    return list(value)


def _reveal_ok(shares: Any, seeds: Any) -> bool:
    """Shares are hex field elements, seeds 32-byte hex, both keyed by slot numbers."""
    def hex_number(value: Any, digits: int) -> bool:
        if not isinstance(value, str) or not 0 < len(value) <= digits + 2:
            return False
        try:
            int(value, 16)
        except ValueError:
            return False
        return True

    return (isinstance(shares, dict) and isinstance(seeds, dict)
            and all(k.isdigit() and hex_number(v, 132) for k, v in shares.items())
            and all(k.isdigit() and hex_number(v, 64) and len(v) == 64
                    for k, v in seeds.items()))
