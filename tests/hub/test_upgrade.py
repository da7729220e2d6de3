"""A hub database made by the first release opens, gains what it lacks, and its old
devices wait for the teacher's approval before they count (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import sqlalchemy as sa

from app.core.sync.payload import Body, sign
from app.hub import enrolment
from app.hub.db import _ADDED, APPROVED, PENDING, HubDB, classes, devices, figures, submissions
from app.hub.ingest import ingest
from app.hub.schema import Envelope
from tests.hub.hostile import body

DEVICE = {"key_id": "ab" * 16, "token": "cd" * 32}


def _first_release_tables(url: str) -> None:
    """The tables as the first release created them, with one device and summary."""
    old = sa.MetaData()
    for table in (classes, devices, submissions, figures):
        sa.Table(table.name, old, *[c._copy() for c in table.columns
                                    if (table.name, c.name) not in _ADDED])
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    old.create_all(engine)
    with engine.begin() as conn:
        conn.execute(old.tables["classes"].insert().values(id=1, name="6B", code="ABCD2345"))
        conn.execute(old.tables["devices"].insert().values(class_id=1, **DEVICE))
        conn.execute(old.tables["submissions"].insert().values(
            submission_id="ef" * 16, class_id=1, week="2026-W01", epsilon=1.0))
    engine.dispose()


def test_a_first_release_database_is_upgraded(db_url: str) -> None:
    _first_release_tables(db_url)
    db = HubDB(db_url)
    try:
        assert [(d.key_id, d.status) for d in enrolment.class_devices(db, 1)] == [
            (DEVICE["key_id"], PENDING)]
        text = json.dumps(body("2026-W02"))
        envelope = Envelope.model_validate(json.loads(sign(
            Body(submission_id="x", text=text), **DEVICE)))
        assert ingest(db, envelope).result == "stored"  # pending devices still upload
        assert ingest(db, envelope).result == "duplicate"
        assert db.sums(1) == []  # but count only once the teacher approves them
        assert enrolment.set_status(db, DEVICE["key_id"], APPROVED)
        assert [(r["week"], r["n"]) for r in db.sums(1)] == [("2026-W02", 1)]
        assert db.submission_count(1) == 2  # the old summary is kept, counted nowhere
    finally:
        db.close()
    HubDB(db_url).close()  # opening an upgraded database again changes nothing
