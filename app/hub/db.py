"""Hub storage through SQLAlchemy Core: SQLite by default, PostgreSQL for a district.

One code path for both: the tables are declared once, every write runs in its own
transaction (``engine.begin()``), and a repeated submission id, or a second summary from
one device for one week, is detected by a key or unique index (an ``IntegrityError`` on
either database), so a submission is counted once however often it arrives.

Enrolment codes and devices live in ``app/hub/enrolment.py``; this module owns the
tables and the submissions.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

log = logging.getLogger(__name__)

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
BUCKET_NAMES = ("not_yet", "developing", "secure", "mastered")
FIGURES = ("attempts", "correct", "minutes")
# A device's state: only "approved" devices count in a class's figures and its k.
PENDING, APPROVED, REVOKED = "pending", "approved", "revoked"

meta = sa.MetaData()
classes = sa.Table(
    "classes", meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(100), nullable=False),
    # Enrolled devices until this version, and was shown to anyone on GET /. It enrols
    # nothing now (one-time codes do); kept so existing hub databases open unchanged.
    sa.Column("code", sa.String(16), nullable=False, unique=True))
devices = sa.Table(
    "devices", meta,
    sa.Column("key_id", sa.String(32), primary_key=True),
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id"), nullable=False),
    sa.Column("token", sa.String(64), nullable=False),
    # Devices enrolled with the old public class code start "pending" after the upgrade.
    sa.Column("status", sa.String(10), nullable=False, server_default=PENDING),
    sa.Column("enrolled_at", sa.Integer, nullable=True))  # unix seconds
enrol_codes = sa.Table(
    "enrol_codes", meta,
    sa.Column("code", sa.String(16), primary_key=True),
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id"), nullable=False),
    sa.Column("issued_at", sa.Integer, nullable=False),
    sa.Column("expires_at", sa.Integer, nullable=False),
    sa.Column("used_at", sa.Integer, nullable=True),
    sa.Column("key_id", sa.String(32), nullable=True),  # the device it enrolled
    sa.Column("revoked_at", sa.Integer, nullable=True))
submissions = sa.Table(
    "submissions", meta,
    sa.Column("submission_id", sa.String(32), primary_key=True),
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id"), nullable=False),
    sa.Column("week", sa.String(8), nullable=False),
    sa.Column("epsilon", sa.Float, nullable=False),
    # NULL only for summaries stored before devices were recorded: they count nowhere.
    sa.Column("key_id", sa.String(32), nullable=True))
figures = sa.Table(
    "figures", meta,
    sa.Column("submission_id", sa.String(32), sa.ForeignKey("submissions.submission_id"),
              primary_key=True),
    sa.Column("skill", sa.String(100), primary_key=True),
    *(sa.Column(name, sa.Float, nullable=False) for name in FIGURES),
    *(sa.Column(f"b_{name}", sa.Float, nullable=False) for name in BUCKET_NAMES),
    *(sa.Column(f"scale_{name}", sa.Float, nullable=False) for name in (*FIGURES, "buckets")),
)
settings = sa.Table(
    "hub_settings", meta,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("value", sa.String(400), nullable=False))
sa.Index("figures_skill", figures.c.skill)
sa.Index("submissions_class_week", submissions.c.class_id, submissions.c.week)
# The ε budget, enforced here too: one summary per device per week.
DEVICE_WEEK = sa.Index("submissions_device_week", submissions.c.key_id, submissions.c.week,
                       unique=True)
sa.Index("enrol_codes_class", enrol_codes.c.class_id)

# Columns added since the first release, with the DDL type to add them with.
_ADDED = {("devices", "status"): f"VARCHAR(10) NOT NULL DEFAULT '{PENDING}'",
          ("devices", "enrolled_at"): "INTEGER",
          ("submissions", "key_id"): "VARCHAR(32)"}


@dataclass(frozen=True)
class ClassRow:
    id: int
    name: str


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (``sqlite:///path`` or ``postgresql://…``).

    ``postgresql://`` is routed to psycopg 3 (the driver the ``hub`` extra installs).
    """
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _upgrade(engine: Engine) -> None:
    """Add what a hub database made by an older version lacks (additive only)."""
    inspector = sa.inspect(engine)
    with engine.begin() as conn:
        for (table, column), ddl in _ADDED.items():
            if column not in {c["name"] for c in inspector.get_columns(table)}:
                conn.execute(sa.text(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}"))
        DEVICE_WEEK.create(conn, checkfirst=True)


class HubDB:
    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.kind = self.engine.dialect.name
        meta.create_all(self.engine)
        _upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))

    def add_class(self, name: str) -> ClassRow:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        with self.engine.begin() as conn:
            result = conn.execute(sa.insert(classes).values(name=name, code=code))
            new_id = int(result.inserted_primary_key[0])  # type: ignore[index]
        return ClassRow(new_id, name)

    def classes(self) -> list[ClassRow]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(classes).order_by(classes.c.id)).all()
        return [ClassRow(r.id, r.name) for r in rows]

    def class_by(self, class_id: int) -> ClassRow | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(classes).where(classes.c.id == class_id)).first()
        return ClassRow(row.id, row.name) if row else None

    def setting(self, name: str) -> str | None:
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(settings.c.value)
                                 .where(settings.c.name == name)).scalar()
        return None if value is None else str(value)

    def set_setting(self, name: str, value: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.delete(settings).where(settings.c.name == name))
            conn.execute(sa.insert(settings).values(name=name, value=value))

    def store(self, class_id: int, key_id: str, body: dict[str, Any]) -> str:
        """Store one verified body from device ``key_id``.

        Returns "stored"; "duplicate" when its submission id was already stored (a
        replay or a retry); "week_used" when the device already sent a summary for
        that week (its ε budget for the week is spent).
        """
        rows = [_figure_row(body["submission_id"], skill) for skill in body["skills"]]
        try:
            # Write first, check after: a SQLite transaction that read before writing
            # fails at once ("database is locked") when another writer got in between,
            # instead of waiting its turn.
            with self.engine.begin() as conn:
                conn.execute(sa.insert(submissions).values(
                    submission_id=body["submission_id"], class_id=class_id,
                    week=body["week"], epsilon=body["epsilon"], key_id=key_id))
                conn.execute(sa.insert(figures), rows)
        except IntegrityError:
            # The submission id, or this device and week, is taken: which one?
            with self.engine.connect() as conn:
                return _seen(conn, body["submission_id"]) or "week_used"
        return "stored"

    def submission_count(self, class_id: int | None = None) -> int:
        query = sa.select(sa.func.count()).select_from(submissions)
        if class_id is not None:
            query = query.where(submissions.c.class_id == class_id)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def sums(self, class_id: int) -> list[dict[str, Any]]:
        """Per week and skill over approved devices: how many devices, sums of values
        and of noise variances."""
        f, s, d = figures, submissions, devices
        # Var(Laplace(b)) = 2 b²; independent noise adds up.
        columns = [s.c.week, f.c.skill, sa.func.count(sa.distinct(s.c.key_id)).label("n"),
                   *(sa.func.sum(f.c[n]).label(n) for n in FIGURES),
                   *(sa.func.sum(f.c[f"b_{n}"]).label(n) for n in BUCKET_NAMES),
                   *(sa.func.sum(2 * f.c[f"scale_{n}"] * f.c[f"scale_{n}"]).label(f"var_{n}")
                     for n in (*FIGURES, "buckets"))]
        query = (sa.select(*columns).join(s, s.c.submission_id == f.c.submission_id)
                 .join(d, d.c.key_id == s.c.key_id)
                 .where(s.c.class_id == class_id, d.c.status == APPROVED)
                 .group_by(s.c.week, f.c.skill)
                 .order_by(s.c.week.desc(), f.c.skill))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]


def _seen(conn: Connection, submission_id: str) -> str | None:
    found = conn.execute(sa.select(submissions.c.week)
                         .where(submissions.c.submission_id == submission_id)).first()
    return "duplicate" if found else None


def _figure_row(submission_id: str, skill: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"submission_id": submission_id, "skill": skill["skill"]}
    row.update({name: skill[name] for name in FIGURES})
    row.update({f"b_{name}": skill["buckets"][name] for name in BUCKET_NAMES})
    row.update({f"scale_{name}": skill["scale"][name] for name in (*FIGURES, "buckets")})
    return row
