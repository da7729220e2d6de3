"""HTTP routes for secure-aggregation rounds, and importing round answers from USB.

Laptops authenticate every round message as they do summaries: an envelope with their
``key_id`` and an HMAC of the exact body with their device token (``app/hub/ingest.py``).
Only devices the teacher approved (``app/hub/enrolment.py``) take part: a pending or
revoked laptop is refused before its message is read. Bodies are size-limited per route
(``app/hub/limits.py``) and parsed strictly (``schema.loads``). The teacher's actions
(start a round, close a step, download the round file) live under ``/teacher`` and need
the teacher's session; the forms carry its CSRF token.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from app.core.sync.payload import verify
from app.hub import enrolment
from app.hub.auth import TeacherAuth
from app.hub.db import APPROVED, HubDB
from app.hub.rounds import RoundRefused, Rounds
from app.hub.schema import BadBody, BadRequest, Envelope, loads, parse
from app.hub.teacher import checked, signed_in

ANSWERS_FORMAT = "lantern-round-answers/1"
ROUND_ID = re.compile(r"^[0-9a-f]{32}$")


class Unauthorised(Exception):
    """Unknown device or a signature that does not match (HTTP 401)."""


class NotApproved(Exception):
    """A pending or revoked device (HTTP 403): it takes no part in rounds."""


@dataclass(frozen=True)
class Answer:
    status: int
    result: str  # stored, duplicate, refused, unauthorised, not_approved
    detail: str = ""


def verified(db: HubDB, envelope: Envelope) -> tuple[int, dict[str, Any]]:
    """The sender's class id and the parsed body, after the signature check.

    Raises:
        Unauthorised: unknown device or bad signature.
        NotApproved: the teacher has not approved the device, or revoked it.
        RoundRefused: the signed body is not strict JSON or not an object.
    """
    found = enrolment.device(db, envelope.key_id)
    if found is None or not verify({"body": envelope.body, "signature": envelope.signature},
                                   found[1]):
        raise Unauthorised()
    class_id, _, status = found
    if status != APPROVED:
        raise NotApproved()
    try:
        body = loads(envelope.body)
    except BadRequest as exc:
        raise RoundRefused(f"the round message is not valid JSON ({exc})") from exc
    if not isinstance(body, dict):
        raise RoundRefused("the round message is not an object")
    return class_id, body


def answer(db: HubDB, rounds: Rounds, envelope: Envelope) -> Answer:
    try:
        class_id, body = verified(db, envelope)
        result = rounds.accept(envelope.key_id, class_id, body)
    except Unauthorised:
        return Answer(401, "unauthorised", "This laptop is not enrolled on this hub.")
    except NotApproved:
        return Answer(403, "not_approved", _NOT_APPROVED)
    except RoundRefused as exc:
        return Answer(409, "refused", str(exc))
    return Answer(201 if result == "stored" else 200, result)


_NOT_APPROVED = ("The teacher has not approved this laptop, or removed it from the class; "
                 "it takes no part in class rounds.")


def import_answers(db: HubDB, rounds: Rounds, data: Any,
                   max_envelopes: int | None = None) -> dict[str, int]:
    """A USB file of round answers; returns how many had each result.

    Raises:
        BadBody: not a round answers file, or more than ``max_envelopes`` answers.
    """
    if not isinstance(data, dict) or data.get("format") != ANSWERS_FORMAT \
            or not isinstance(data.get("envelopes"), list):
        raise BadBody("This is not a Lantern round file (lantern-round-answers/1).")
    envelopes: list[Any] = data["envelopes"]
    if max_envelopes is not None and len(envelopes) > max_envelopes:
        raise BadBody(f"The file holds {len(envelopes)} answers; the hub takes at most "
                      f"{max_envelopes} per file. Import it with `lantern-hub import`.")
    counts: dict[str, int] = {}
    for raw in envelopes:
        try:
            key = answer(db, rounds, parse(Envelope, raw)).result
        except BadRequest:
            key = "bad_envelope"
        counts[key] = counts.get(key, 0) + 1
    return counts


def add_round_routes(app: FastAPI, db: HubDB, auth: TeacherAuth, rounds: Rounds) -> None:
    _add_laptop_routes(app, db, rounds)
    _add_teacher_round_routes(app, db, auth, rounds)


def _add_laptop_routes(app: FastAPI, db: HubDB, rounds: Rounds) -> None:
    @app.post("/api/rounds/bulletin")
    async def bulletin(request: Request) -> dict[str, Any]:
        envelope = parse(Envelope, loads(await request.body()))

        def read() -> dict[str, Any]:
            try:
                class_id, _ = verified(db, envelope)
            except Unauthorised as exc:
                raise HTTPException(401, "This laptop is not enrolled on this hub.") from exc
            except NotApproved as exc:
                raise HTTPException(403, _NOT_APPROVED) from exc
            except RoundRefused as exc:
                raise HTTPException(422, str(exc)) from exc
            return rounds.bulletin(class_id)

        result: dict[str, Any] = await run_in_threadpool(read)
        return result

    @app.post("/api/rounds/answer")
    async def post_answer(request: Request) -> JSONResponse:
        envelope = parse(Envelope, loads(await request.body()))
        outcome = await run_in_threadpool(answer, db, rounds, envelope)
        return JSONResponse({"result": outcome.result, "detail": outcome.detail},
                            status_code=outcome.status)


def _add_teacher_round_routes(app: FastAPI, db: HubDB, auth: TeacherAuth,
                              rounds: Rounds) -> None:
    @app.post("/teacher/classes/{class_id}/rounds/open")
    async def open_round(class_id: int, request: Request) -> RedirectResponse:
        _, fields = await checked(request, auth)
        epsilon = _epsilon(fields.get("epsilon", "1"))
        return await _teacher_action(db, class_id,
                                     lambda: rounds.open(class_id, epsilon=epsilon))

    @app.post("/teacher/classes/{class_id}/rounds/{round_id}/next")
    async def next_step(class_id: int, round_id: str, request: Request) -> RedirectResponse:
        await checked(request, auth)

        def close() -> None:
            if round_id not in {r.round_id for r in rounds.under_way(class_id)}:
                raise RoundRefused("that round is not under way in this class")
            rounds.advance(round_id)

        if not ROUND_ID.match(round_id):
            raise HTTPException(404, "No such round.")
        return await _teacher_action(db, class_id, close)

    @app.get("/teacher/classes/{class_id}/round-file")
    async def round_file(class_id: int, request: Request) -> JSONResponse:
        if signed_in(request, auth) is None:
            raise HTTPException(401, "Sign in on /teacher to download the round file.")
        if not await run_in_threadpool(_known_class, db, class_id):
            raise HTTPException(404, "No such class.")
        data = await run_in_threadpool(rounds.bulletin, class_id)
        return JSONResponse(data, headers={
            "Content-Disposition": f'attachment; filename="lantern-round-{class_id}.json"'})


def _epsilon(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise HTTPException(422, "ε must be a number between 0.1 and 10.")
    return value


def _known_class(db: HubDB, class_id: int) -> bool:
    return 0 < class_id < 2**31 and db.class_by(class_id) is not None


async def _teacher_action(db: HubDB, class_id: int, action: Any) -> RedirectResponse:
    def run() -> None:
        if not _known_class(db, class_id):
            raise HTTPException(404, "No such class.")
        try:
            action()
        except RoundRefused as exc:
            raise HTTPException(409, f"Not done: {exc}.") from exc

    await run_in_threadpool(run)
    return RedirectResponse(f"/teacher#class-{class_id}", status_code=303)
