"""The hub's web app (FastAPI): enrolment, uploads, USB import, reports, health.

Every request body is size-limited (``app/hub/limits.py``), parsed strictly
(``schema.loads``: no NaN, bounded nesting) and validated before any database work, so
hostile input gets a 4xx. Database work runs in worker threads, never on the event
loop; ``/health`` has a thread of its own, so it answers promptly whatever else runs.
"""

from __future__ import annotations

import asyncio
import csv
import io
import logging
from typing import Any

import anyio
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from sqlalchemy.exc import DataError
from starlette.concurrency import run_in_threadpool

from app.hub import enrolment, pages
from app.hub.auth import TeacherAuth, csrf_ok
from app.hub.db import HubDB
from app.hub.headers import SecurityHeaders
from app.hub.ingest import MAX_IMPORT_ENVELOPES, ingest, ingest_file
from app.hub.limits import BodyLimit, TooLarge
from app.hub.report import DEFAULT_K, cells, csv_rows
from app.hub.schema import BadRequest, EnrolRequest, Envelope, loads, parse
from app.hub.teacher import add_teacher_routes, signed_in

log = logging.getLogger(__name__)


def create_app(db: HubDB, *, k: int = DEFAULT_K) -> FastAPI:
    """The app over ``db``; cells with fewer than ``k`` approved devices are hidden."""
    app = FastAPI(title="Lantern hub", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.db = db
    auth = TeacherAuth(db)
    _add_error_handlers(app)
    _add_api_routes(app, db, auth)
    add_teacher_routes(app, db, auth)
    _add_report_routes(app, db, k)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    def answer(status: int, detail: str) -> JSONResponse:
        return JSONResponse({"detail": detail}, status_code=status)

    async def bad_request(_: Request, exc: Exception) -> JSONResponse:
        return answer(422, str(exc))

    async def too_large(_: Request, exc: Exception) -> JSONResponse:
        return answer(413, str(exc))

    async def invalid(_: Request, exc: Exception) -> JSONResponse:
        # FastAPI's default echoes the input, which may be huge or hold a NaN it cannot
        # encode (a 500); say only where the problem is.
        assert isinstance(exc, RequestValidationError)
        where = [".".join(map(str, e.get("loc", ()))) for e in exc.errors()[:3]]
        return answer(422, "Invalid request: " + ", ".join(where))

    async def data_error(_: Request, exc: Exception) -> JSONResponse:
        # Validation should have caught it; the database's refusal is still a 4xx.
        log.warning("the database refused a value that passed validation: %s",
                    type(exc.orig).__name__ if isinstance(exc, DataError) else exc)
        return answer(422, "A value is outside what the hub can store.")

    app.add_exception_handler(BadRequest, bad_request)
    app.add_exception_handler(TooLarge, too_large)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(DataError, data_error)


def _add_api_routes(app: FastAPI, db: HubDB, auth: TeacherAuth) -> None:
    health_thread = anyio.CapacityLimiter(1)  # not shared with uploads and imports
    one_import = asyncio.Lock()

    def check() -> dict[str, Any]:
        db.ping()
        return {"status": "ok", "database": db.kind, "submissions": db.submission_count()}

    @app.get("/health")
    async def health() -> dict[str, Any]:
        result: dict[str, Any] = await anyio.to_thread.run_sync(check,
                                                                limiter=health_thread)
        return result

    @app.post("/api/enrol")
    async def enrol(request: Request) -> dict[str, str]:
        wanted = parse(EnrolRequest, loads(await request.body()))
        enrolled = await run_in_threadpool(enrolment.redeem, db, wanted.code)
        if enrolled is None:
            raise HTTPException(404, "That enrolment code is unknown, used, revoked or "
                                "expired. Ask the teacher for a new one.")
        return {"key_id": enrolled.key_id, "token": enrolled.token,
                "class_name": enrolled.class_name}

    @app.post("/api/submissions")
    async def submit(request: Request) -> JSONResponse:
        envelope = parse(Envelope, loads(await request.body()))
        outcome = await run_in_threadpool(ingest, db, envelope)
        return JSONResponse({"result": outcome.result, "detail": outcome.detail},
                            status_code=outcome.status)

    @app.post("/api/import")
    async def import_file(request: Request) -> dict[str, int]:
        # Who and whether first: an unauthenticated flood costs no reading or parsing.
        session = signed_in(request, auth)
        if session is None:
            raise HTTPException(401, "Sign in on /teacher to import USB files.")
        if not csrf_ok(session, request.headers.get("x-csrf-token")):
            raise HTTPException(403, "Reload the teacher page and try again.")
        if one_import.locked():
            raise HTTPException(429, "Another import is running; try again when it ends.")
        async with one_import:
            data = loads(await request.body())
            counts = await run_in_threadpool(ingest_file, db, data, MAX_IMPORT_ENVELOPES)
        log.info("imported a USB file: %s", ", ".join(f"{n} {what}" for what, n in
                                                     sorted(counts.items())))
        return counts


def _add_report_routes(app: FastAPI, db: HubDB, k: int) -> None:
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
        return pages.class_page(cls, cells(db.sums(cls.id), k), k)


def _class(db: HubDB, class_id: int) -> Any:
    cls = db.class_by(class_id) if 0 < class_id < 2**31 else None
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
