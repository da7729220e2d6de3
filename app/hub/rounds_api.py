"""HTTP routes for secure-aggregation rounds, and importing round answers from USB.

Laptops authenticate every round message as they do summaries: an envelope with their
``key_id`` and an HMAC of the exact body with their device token (``app/hub/ingest.py``).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse, RedirectResponse

from app.core.sync.payload import verify
from app.hub.db import HubDB
from app.hub.rounds import RoundRefused, Rounds
from app.hub.schema import BadBody, Envelope

ANSWERS_FORMAT = "lantern-round-answers/1"


class Unauthorised(Exception):
    pass


def verified(db: HubDB, envelope: Envelope) -> tuple[int, dict[str, Any]]:
    """The sender's class id and the parsed body, after the signature check.

    Raises:
        Unauthorised: unknown device or bad signature.
        RoundRefused: the signed body is not JSON.
    """
    device = db.device(envelope.key_id)
    if device is None or not verify({"body": envelope.body, "signature": envelope.signature},
                                    device[1]):
        raise Unauthorised()
    try:
        body = json.loads(envelope.body)
    except ValueError as exc:
        raise RoundRefused("the round message is not JSON") from exc
    if not isinstance(body, dict):
        raise RoundRefused("the round message is not an object")
    return device[0], body


def answer(db: HubDB, rounds: Rounds, envelope: Envelope) -> tuple[int, str]:
    try:
        class_id, body = verified(db, envelope)
        result = rounds.accept(envelope.key_id, class_id, body)
    except Unauthorised:
        return 401, "unauthorised"
    except RoundRefused as exc:
        return 409, str(exc)
    return (201 if result == "stored" else 200), result


def import_answers(db: HubDB, rounds: Rounds, data: Any) -> dict[str, int]:
    """A USB file of round answers; returns how many had each result."""
    if not isinstance(data, dict) or data.get("format") != ANSWERS_FORMAT \
            or not isinstance(data.get("envelopes"), list):
        raise BadBody("This is not a Lantern round file (lantern-round-answers/1).")
    counts: dict[str, int] = {}
    for raw in data["envelopes"]:
        try:
            status, result = answer(db, rounds, Envelope.model_validate(raw))
            key = result if status < 300 else ("refused" if status == 409 else result)
        except ValueError:
            key = "bad_envelope"
        counts[key] = counts.get(key, 0) + 1
    return counts


def router(db: HubDB, rounds: Rounds) -> APIRouter:
    api = APIRouter()

    @api.post("/api/rounds/bulletin")
    def bulletin(envelope: Envelope) -> dict[str, Any]:
        try:
            class_id, _ = verified(db, envelope)
        except Unauthorised as exc:
            raise HTTPException(401, "This laptop is not enrolled on this hub.") from exc
        except RoundRefused as exc:
            raise HTTPException(422, str(exc)) from exc
        return rounds.bulletin(class_id)

    @api.post("/api/rounds/answer")
    def post_answer(envelope: Envelope) -> JSONResponse:
        status, result = answer(db, rounds, envelope)
        return JSONResponse({"result": result}, status_code=status)

    @api.post("/classes/{class_id}/rounds/open")
    def open_round(class_id: int, epsilon: float = 1.0) -> RedirectResponse:
        return _teacher_action(class_id, lambda: rounds.open(class_id, epsilon=epsilon))

    @api.post("/classes/{class_id}/rounds/{round_id}/next")
    def next_step(class_id: int, round_id: str) -> RedirectResponse:
        if round_id not in {r.round_id for r in rounds.under_way(class_id)}:
            raise HTTPException(409, "That round is not under way in this class.")
        return _teacher_action(class_id, lambda: rounds.advance(round_id))

    @api.get("/classes/{class_id}/round-file")
    def round_file(class_id: int) -> JSONResponse:
        if db.class_by(class_id=class_id) is None:
            raise HTTPException(404, "No such class.")
        return JSONResponse(rounds.bulletin(class_id), headers={
            "Content-Disposition": f'attachment; filename="lantern-round-{class_id}.json"'})

    def _teacher_action(class_id: int, action: Any) -> RedirectResponse:
        if db.class_by(class_id=class_id) is None:
            raise HTTPException(404, "No such class.")
        try:
            action()
        except RoundRefused as exc:
            raise HTTPException(409, str(exc)) from exc
        return RedirectResponse(f"/classes/{class_id}", status_code=303)

    return api
