"""Checking and storing one signed envelope; shared by HTTP uploads and USB imports.

Order matters: the key id is looked up and the signature checked *before* the body is
parsed, so an unsigned or tampered body is never interpreted at all. Nothing here logs
per envelope: a flood of bad envelopes must not become a flood of log lines (an import
logs one line with its counts).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from app.hub.db import REVOKED, HubDB
from app.hub.enrolment import device
from app.hub.schema import BadBody, BadRequest, Envelope, parse, parse_body

MAX_IMPORT_ENVELOPES = 5_000  # one USB file over HTTP; the CLI imports any number


@dataclass(frozen=True)
class Outcome:
    status: int  # the HTTP status this outcome maps to
    result: str  # stored, duplicate, week_used, unknown_device, revoked, bad_signature, bad_body
    detail: str = ""


DeviceCache = dict[str, tuple[int, str, str] | None]


def _signed(token: str, body: str, signature: str) -> bool:
    expected = hmac.new(token.encode(), body.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def ingest(db: HubDB, envelope: Envelope, cache: DeviceCache | None = None) -> Outcome:
    """Check and store one envelope. ``cache`` spares repeated device look-ups within
    one import."""
    if cache is None or envelope.key_id not in cache:
        found = device(db, envelope.key_id)
        if cache is not None:
            cache[envelope.key_id] = found
    else:
        found = cache[envelope.key_id]
    if found is None:
        return Outcome(401, "unknown_device", "This laptop is not enrolled on this hub.")
    class_id, token, status = found
    if not _signed(token, envelope.body, envelope.signature):
        return Outcome(401, "bad_signature", "The signature does not match the summary.")
    if status == REVOKED:
        return Outcome(403, "revoked", "The teacher removed this laptop from the class; "
                       "enrol it again with a new code.")
    try:
        body = parse_body(envelope.body)
    except BadBody as exc:
        return Outcome(422, "bad_body", str(exc))
    result = db.store(class_id, envelope.key_id, body)
    if result == "duplicate":
        # A replay or a client retry after a lost answer: counted once already.
        return Outcome(409, result, "This summary was already received.")
    if result == "week_used":
        return Outcome(403, result, f"This laptop already sent its summary for "
                       f"{body['week']}: the hub takes one per laptop and week.")
    return Outcome(201, result)


def ingest_file(db: HubDB, data: Any, max_envelopes: int | None = None) -> dict[str, int]:
    """Import a USB file's parsed JSON; returns how many envelopes had each result.

    Raises:
        BadBody: the file is not a Lantern USB file, or holds more than
            ``max_envelopes`` envelopes.
    """
    if not isinstance(data, dict) or data.get("format") != "lantern-usb/1" \
            or not isinstance(data.get("envelopes"), list):
        raise BadBody("This is not a Lantern sync file (lantern-usb/1).")
    envelopes: list[Any] = data["envelopes"]
    if max_envelopes is not None and len(envelopes) > max_envelopes:
        raise BadBody(f"The file holds {len(envelopes)} summaries; the hub takes at most "
                      f"{max_envelopes} per file. Import it with `lantern-hub import`.")
    counts: dict[str, int] = {}
    cache: DeviceCache = {}
    for raw in envelopes:
        try:
            outcome = ingest(db, parse(Envelope, raw), cache)
        except BadRequest:
            outcome = Outcome(422, "bad_envelope")
        counts[outcome.result] = counts.get(outcome.result, 0) + 1
    return counts
