"""Checking and storing one signed envelope; shared by HTTP uploads and USB imports.

Order matters: the key id is looked up and the signature checked *before* the body is
parsed, so an unsigned or tampered body is never interpreted at all.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from app.hub.db import HubDB
from app.hub.schema import BadBody, Envelope, parse_body

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    status: int  # the HTTP status this outcome maps to
    result: str  # "stored", "duplicate", "unknown_device", "bad_signature", "bad_body"
    detail: str = ""


def _signed(token: str, body: str, signature: str) -> bool:
    expected = hmac.new(token.encode(), body.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def ingest(db: HubDB, envelope: Envelope) -> Outcome:
    device = db.device(envelope.key_id)
    if device is None:
        return Outcome(401, "unknown_device", "This laptop is not enrolled on this hub.")
    class_id, token = device
    if not _signed(token, envelope.body, envelope.signature):
        log.warning("rejected a submission with a bad signature (key %s)", envelope.key_id)
        return Outcome(401, "bad_signature", "The signature does not match the summary.")
    try:
        body = parse_body(envelope.body)
    except BadBody as exc:
        return Outcome(422, "bad_body", str(exc))
    if not db.store(class_id, body):
        # A replay or a client retry after a lost answer: counted once already.
        return Outcome(409, "duplicate", "This summary was already received.")
    return Outcome(201, "stored")


def ingest_file(db: HubDB, data: Any) -> dict[str, int]:
    """Import a USB file's parsed JSON; returns how many envelopes had each result.

    Raises:
        BadBody: the file is not a Lantern USB file.
    """
    if not isinstance(data, dict) or data.get("format") != "lantern-usb/1" \
            or not isinstance(data.get("envelopes"), list):
        raise BadBody("This is not a Lantern sync file (lantern-usb/1).")
    counts: dict[str, int] = {}
    for raw in data["envelopes"]:
        try:
            outcome = ingest(db, Envelope.model_validate(raw))
        except ValidationError:
            outcome = Outcome(422, "bad_envelope")
        counts[outcome.result] = counts.get(outcome.result, 0) + 1
    return counts
