"""Enrolment by one-time codes the teacher issues, and the devices they enrolled.

A code enrols exactly one device: it is redeemed by one conditional ``UPDATE … WHERE
used_at IS NULL`` in the same transaction that creates the device, so two laptops racing
with the same code get one device between them (on SQLite the write lock, on PostgreSQL
the row lock decides). Codes expire after :data:`CODE_TTL_S`. Issuing a code is the
teacher's approval: a device enrolled with one (or from an enrolment file the teacher
wrote) is "approved" and counts in the class's figures until the teacher revokes it.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

import sqlalchemy as sa

from app.hub.db import (
    APPROVED,
    CODE_ALPHABET,
    PENDING,
    REVOKED,
    ClassRow,
    HubDB,
    classes,
    devices,
    enrol_codes,
    submissions,
)

CODE_LENGTH = 10  # 32^10 ≈ 10^15: unguessable online
CODE_TTL_S = 14 * 24 * 3600
MAX_CODES_AT_ONCE = 60


@dataclass(frozen=True)
class Code:
    code: str
    issued_at: int
    expires_at: int

    @property
    def shown(self) -> str:
        """Grouped for reading aloud or printing: ``ABCDE-FGHJK``."""
        return f"{self.code[:5]}-{self.code[5:]}"


@dataclass(frozen=True)
class Device:
    key_id: str
    status: str
    enrolled_at: int | None
    submissions: int
    last_week: str | None


@dataclass(frozen=True)
class Enrolled:
    key_id: str
    token: str
    class_name: str


def normalise(code: str) -> str:
    """What a person typed, as stored: upper case, no spaces or dashes."""
    return code.upper().replace("-", "").replace(" ", "")


def issue_codes(db: HubDB, class_id: int, count: int) -> list[Code]:
    if not 1 <= count <= MAX_CODES_AT_ONCE:
        raise ValueError(f"Issue between 1 and {MAX_CODES_AT_ONCE} codes at a time.")
    now = int(time.time())
    made = [Code("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)),
                 now, now + CODE_TTL_S) for _ in range(count)]
    with db.engine.begin() as conn:
        conn.execute(sa.insert(enrol_codes), [
            {"code": c.code, "class_id": class_id, "issued_at": c.issued_at,
             "expires_at": c.expires_at} for c in made])
    return made


def open_codes(db: HubDB, class_id: int) -> list[Code]:
    """Codes not yet used, revoked or expired, oldest first."""
    c = enrol_codes
    query = (sa.select(c.c.code, c.c.issued_at, c.c.expires_at)
             .where(c.c.class_id == class_id, c.c.used_at.is_(None),
                    c.c.revoked_at.is_(None), c.c.expires_at > int(time.time()))
             .order_by(c.c.issued_at, c.c.code))
    with db.engine.connect() as conn:
        return [Code(r.code, r.issued_at, r.expires_at) for r in conn.execute(query)]


def revoke_code(db: HubDB, code: str) -> bool:
    c = enrol_codes
    with db.engine.begin() as conn:
        done = conn.execute(sa.update(c).where(c.c.code == normalise(code),
                                               c.c.used_at.is_(None),
                                               c.c.revoked_at.is_(None))
                            .values(revoked_at=int(time.time())))
    return bool(done.rowcount)


def redeem(db: HubDB, code: str) -> Enrolled | None:
    """Enrol a new approved device with ``code``; None when the code is not (or no
    longer) valid. Says nothing about why: a guesser learns nothing."""
    c, now = enrol_codes, int(time.time())
    key_id, token = secrets.token_hex(16), secrets.token_hex(32)
    with db.engine.begin() as conn:
        # The update comes first: it takes the write lock (a SQLite transaction that
        # read first could fail instead of waiting) and is the one-time check itself.
        taken = conn.execute(sa.update(c).where(c.c.code == normalise(code),
                                                c.c.used_at.is_(None),
                                                c.c.revoked_at.is_(None),
                                                c.c.expires_at > now)
                             .values(used_at=now, key_id=key_id))
        if taken.rowcount != 1:
            return None
        row = conn.execute(sa.select(classes.c.id, classes.c.name)
                           .join(c, classes.c.id == c.c.class_id)
                           .where(c.c.code == normalise(code))).one()
        _insert_device(conn, key_id, token, int(row.id), now)
    return Enrolled(key_id, token, str(row.name))


def enrol_directly(db: HubDB, cls: ClassRow) -> Enrolled:
    """An approved device for ``cls`` without a code: ``lantern-hub enrol-file``, run by
    the teacher on the hub computer itself."""
    key_id, token = secrets.token_hex(16), secrets.token_hex(32)
    with db.engine.begin() as conn:
        _insert_device(conn, key_id, token, cls.id, int(time.time()))
    return Enrolled(key_id, token, cls.name)


def _insert_device(conn: sa.Connection, key_id: str, token: str, class_id: int,
                   now: int) -> None:
    conn.execute(sa.insert(devices).values(key_id=key_id, class_id=class_id, token=token,
                                           status=APPROVED, enrolled_at=now))


def device(db: HubDB, key_id: str) -> tuple[int, str, str] | None:
    """``(class_id, token, status)`` of a device, or None."""
    with db.engine.connect() as conn:
        row = conn.execute(sa.select(devices.c.class_id, devices.c.token, devices.c.status)
                           .where(devices.c.key_id == key_id)).first()
    return (int(row.class_id), str(row.token), str(row.status)) if row else None


def class_devices(db: HubDB, class_id: int) -> list[Device]:
    d, s = devices, submissions
    query = (sa.select(d.c.key_id, d.c.status, d.c.enrolled_at,
                       sa.func.count(s.c.submission_id).label("n"),
                       sa.func.max(s.c.week).label("last_week"))
             .outerjoin(s, s.c.key_id == d.c.key_id).where(d.c.class_id == class_id)
             .group_by(d.c.key_id, d.c.status, d.c.enrolled_at)
             .order_by(d.c.enrolled_at, d.c.key_id))
    with db.engine.connect() as conn:
        return [Device(r.key_id, r.status, r.enrolled_at, int(r.n), r.last_week)
                for r in conn.execute(query)]


def set_status(db: HubDB, key_id: str, status: str) -> bool:
    """Approve a pending device or revoke any; a revoked device stays revoked."""
    if status not in (APPROVED, REVOKED):
        raise ValueError(status)
    allowed = (PENDING,) if status == APPROVED else (PENDING, APPROVED)
    with db.engine.begin() as conn:
        done = conn.execute(sa.update(devices)
                            .where(devices.c.key_id == key_id, devices.c.status.in_(allowed))
                            .values(status=status))
    return bool(done.rowcount)
