"""The hub's web app (FastAPI): enrolment, uploads, USB import, reports, health."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse

from app.hub import pages
from app.hub.db import HubDB
from app.hub.ingest import ingest
from app.hub.report import DEFAULT_K, cells, csv_rows
from app.hub.round_cli import import_any
from app.hub.round_pages import section
from app.hub.rounds import Rounds
from app.hub.rounds_api import router
from app.hub.schema import BadBody, EnrolRequest, Envelope


def create_app(db: HubDB, *, k: int = DEFAULT_K) -> FastAPI:
    """The app over ``db``; cells with fewer than ``k`` submissions are hidden."""
    app = FastAPI(title="Lantern hub", docs_url=None, redoc_url=None)
    app.state.db = db
    rounds = Rounds(db)
    app.include_router(router(db, rounds))

    @app.get("/health")
    def health() -> dict[str, Any]:
        db.ping()
        return {"status": "ok", "database": db.kind, "submissions": db.submission_count()}

    @app.post("/api/enrol")
    def enrol(request: EnrolRequest) -> dict[str, str]:
        cls = db.class_by(code=request.class_code)
        if cls is None:
            raise HTTPException(404, "No class has that code on this hub.")
        key_id, token = db.enrol(cls.id)
        return {"key_id": key_id, "token": token, "class_name": cls.name}

    @app.post("/api/submissions")
    def submit(envelope: Envelope) -> JSONResponse:
        outcome = ingest(db, envelope)
        return JSONResponse({"result": outcome.result, "detail": outcome.detail},
                            status_code=outcome.status)

    @app.post("/api/import")
    async def import_file(request: Request) -> dict[str, int]:
        try:
            data = await request.json()
            return import_any(db, data)
        except (ValueError, BadBody) as exc:
            raise HTTPException(422, "This is not a Lantern sync file.") from exc

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return pages.index_page([(c, db.submission_count(c.id)) for c in db.classes()])

    # The CSV route first: "/classes/{class_id}" would otherwise claim "1.csv".
    @app.get("/classes/{class_id}.csv", response_class=PlainTextResponse)
    def class_csv(class_id: int) -> PlainTextResponse:
        cls = _class(db, class_id)
        return PlainTextResponse(_csv(csv_rows(cells(db.sums(cls.id), k))),
                                 media_type="text/csv", headers={
                                     "Content-Disposition":
                                     f'attachment; filename="class-{cls.id}.csv"'})

    @app.get("/classes/{class_id}", response_class=HTMLResponse)
    def class_page(class_id: int) -> str:
        cls = _class(db, class_id)
        rows = rounds.of_class(cls.id)
        counts = {r.round_id: rounds.counts(r.round_id) for r in rounds.under_way(cls.id)}
        secure = section(cls.id, rows, counts, rounds.enrolled(cls.id))
        return pages.class_page(cls, cells(db.sums(cls.id), k), k, secure=secure)

    return app


def _class(db: HubDB, class_id: int) -> Any:
    cls = db.class_by(class_id=class_id) if 0 < class_id < 2**31 else None
    if cls is None:
        raise HTTPException(404, "No such class.")
    return cls


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        # A skill name starting with = + - @ would run as a formula in a spreadsheet.
        writer.writerow([_safe(v) for v in row])
    return out.getvalue()


def _safe(value: str) -> str:
    if value[:1] and value[0] in "=+-@" and not _number(value):
        return "'" + value
    return value


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
