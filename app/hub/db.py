"""Hub storage through SQLAlchemy Core: SQLite by default, PostgreSQL for a district.

One code path for both: the tables are declared once, every write runs in its own
transaction (``engine.begin()``), and a repeated submission id is detected by the
primary key (an ``IntegrityError`` on either database), so a submission is counted
once however often it arrives.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

log = logging.getLogger(__name__)

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
BUCKET_NAMES = ("not_yet", "developing", "secure", "mastered")
FIGURES = ("attempts", "correct", "minutes")

meta = sa.MetaData()
classes = sa.Table(
    "classes", meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("code", sa.String(16), nullable=False, unique=True))
devices = sa.Table(
    "devices", meta,
    sa.Column("key_id", sa.String(32), primary_key=True),
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id"), nullable=False),
    sa.Column("token", sa.String(64), nullable=False))
submissions = sa.Table(
    "submissions", meta,
    sa.Column("submission_id", sa.String(32), primary_key=True),
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id"), nullable=False),
    sa.Column("week", sa.String(8), nullable=False),
    sa.Column("epsilon", sa.Float, nullable=False))
figures = sa.Table(
    "figures", meta,
    sa.Column("submission_id", sa.String(32), sa.ForeignKey("submissions.submission_id"),
              primary_key=True),
    sa.Column("skill", sa.String(100), primary_key=True),
    *(sa.Column(name, sa.Float, nullable=False) for name in FIGURES),
    *(sa.Column(f"b_{name}", sa.Float, nullable=False) for name in BUCKET_NAMES),
    *(sa.Column(f"scale_{name}", sa.Float, nullable=False) for name in (*FIGURES, "buckets")),
)
sa.Index("figures_skill", figures.c.skill)
sa.Index("submissions_class_week", submissions.c.class_id, submissions.c.week)


@dataclass(frozen=True)
class ClassRow:
    id: int
    name: str
    code: str


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


class HubDB:
    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.kind = self.engine.dialect.name
        meta.create_all(self.engine)

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
        return ClassRow(new_id, name, code)

    def classes(self) -> list[ClassRow]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(classes).order_by(classes.c.id)).all()
        return [ClassRow(r.id, r.name, r.code) for r in rows]

    def class_by(self, *, code: str | None = None, class_id: int | None = None
                 ) -> ClassRow | None:
        column, value = ((classes.c.code, code) if code is not None
                         else (classes.c.id, class_id))
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(classes).where(column == value)).first()
        return ClassRow(row.id, row.name, row.code) if row else None

    def enrol(self, class_id: int) -> tuple[str, str]:
        """A new device key: ``(key_id, token)``. The token is shown to the device once."""
        key_id, token = secrets.token_hex(16), secrets.token_hex(32)
        with self.engine.begin() as conn:
            conn.execute(sa.insert(devices).values(key_id=key_id, class_id=class_id,
                                                   token=token))
        return key_id, token

    def device(self, key_id: str) -> tuple[int, str] | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(devices.c.class_id, devices.c.token)
                               .where(devices.c.key_id == key_id)).first()
        return (int(row.class_id), str(row.token)) if row else None

    def store(self, class_id: int, body: dict[str, Any]) -> bool:
        """Store one verified body; False when its submission id was already stored."""
        rows = [_figure_row(body["submission_id"], skill) for skill in body["skills"]]
        try:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(submissions).values(
                    submission_id=body["submission_id"], class_id=class_id,
                    week=body["week"], epsilon=body["epsilon"]))
                if rows:
                    conn.execute(sa.insert(figures), rows)
        except IntegrityError:
            return False
        return True

    def submission_count(self, class_id: int | None = None) -> int:
        query = sa.select(sa.func.count()).select_from(submissions)
        if class_id is not None:
            query = query.where(submissions.c.class_id == class_id)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def sums(self, class_id: int) -> list[dict[str, Any]]:
        """Per week and skill: submission count, sums of values and of noise variances."""
        f, s = figures, submissions
        # Var(Laplace(b)) = 2 b²; independent noise adds up.
        columns = [s.c.week, f.c.skill, sa.func.count().label("n"),
                   *(sa.func.sum(f.c[n]).label(n) for n in FIGURES),
                   *(sa.func.sum(f.c[f"b_{n}"]).label(n) for n in BUCKET_NAMES),
                   *(sa.func.sum(2 * f.c[f"scale_{n}"] * f.c[f"scale_{n}"]).label(f"var_{n}")
                     for n in (*FIGURES, "buckets"))]
        query = (sa.select(*columns).join(s, s.c.submission_id == f.c.submission_id)
                 .where(s.c.class_id == class_id).group_by(s.c.week, f.c.skill)
                 .order_by(s.c.week.desc(), f.c.skill))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]


def _figure_row(submission_id: str, skill: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"submission_id": submission_id, "skill": skill["skill"]}
    row.update({name: skill[name] for name in FIGURES})
    row.update({f"b_{name}": skill["buckets"][name] for name in BUCKET_NAMES})
    row.update({f"scale_{name}": skill["scale"][name] for name in (*FIGURES, "buckets")})
    return row
