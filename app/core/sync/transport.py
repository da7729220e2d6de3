"""Transports: HTTP to the school hub on the LAN, and a signed file for a USB stick.

HTTP uses only the standard library (``urllib``): the app needs no web client package,
and nothing here runs unless a teacher turned sync on.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app.atomic import write_text_atomic
from app.core.sync.outbox import Rejected, TransientError
from app.messages import QT_TRANSLATE_NOOP, message
from app.store.sync import OutboxEntry

log = logging.getLogger(__name__)

TIMEOUT_S = 10.0
USB_FORMAT = "lantern-usb/1"


class EnrolError(Exception):
    """Enrolment failed; the message says what the teacher can do."""


@dataclass(frozen=True)
class Enrolment:
    hub_url: str
    key_id: str
    token: str
    class_name: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def load_enrolment_file(path: Path) -> Enrolment:
    """Read an enrolment file made by ``lantern-hub enrol-file`` (schools with no network).

    Raises:
        EnrolError: the file is missing, unreadable or not an enrolment file.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != "lantern-enrol/1":
            raise ValueError("wrong format")
        return Enrolment(hub_url="", key_id=str(data["key_id"]), token=str(data["token"]),
                         class_name=str(data["class_name"]))
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise EnrolError(message(QT_TRANSLATE_NOOP(
            "Sync", "{file} is not an enrolment file from the school hub. Ask the teacher "
            "for the file `lantern-hub enrol-file` wrote."), file=path.name)) from exc


def _post(url: str, data: bytes, *, timeout: float = TIMEOUT_S) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as exc:
        return int(exc.code), exc.read()


def enrol(hub_url: str, code: str) -> Enrolment:
    """Exchange a one-time enrolment code the teacher issued for this device's token.

    Raises:
        EnrolError: the hub can't be reached, or it does not accept the code.
    """
    base = hub_url.rstrip("/")
    payload = json.dumps({"code": code.strip().upper()}).encode()
    try:
        status, raw = _post(f"{base}/api/enrol", payload)
    except (OSError, ValueError) as exc:
        raise EnrolError(message(QT_TRANSLATE_NOOP(
            "SyncTransport", "Could not reach the school hub at {hub}. Check the address and "
            "that this laptop is on the school network, then try again."), hub=base)) from exc
    if status != 200:
        raise EnrolError(message(QT_TRANSLATE_NOOP(
            "SyncTransport", "The hub did not accept that enrolment code. Each code works "
            "once and expires; check it, or ask the teacher for a new one.")))
    try:
        data = json.loads(raw)
        return Enrolment(hub_url=base, key_id=str(data["key_id"]), token=str(data["token"]),
                         class_name=str(data["class_name"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise EnrolError(message(QT_TRANSLATE_NOOP(
            "SyncTransport", "The server at {hub} did not answer like a Lantern school hub. "
            "Check the address."), hub=base)) from exc


def send_http(hub_url: str, entry: OutboxEntry) -> None:
    """Deliver one envelope. 200/201 and 409 ("already have it") both mean delivered.

    Raises:
        TransientError: the hub is unreachable or failed (5xx, 429): retry later.
        Rejected: the hub refused it (4xx): retrying the same bytes cannot help.
    """
    try:
        status, raw = _post(f"{hub_url.rstrip('/')}/api/submissions", entry.payload.encode())
    except (OSError, ValueError) as exc:
        raise TransientError(f"The school hub could not be reached ({exc}).") from exc
    if status in (200, 201, 409):
        return
    if status >= 500 or status == 429:
        raise TransientError(f"The school hub had a problem (HTTP {status}).")
    raise Rejected(message(QT_TRANSLATE_NOOP(
        "Sync", "The school hub refused the summary (HTTP {status}: {reply})."),
        status=status, reply=raw[:200].decode(errors="replace")))


def write_usb_file(folder: Path, entries: list[OutboxEntry]) -> Path:
    """Write the envelopes to a new file in ``folder`` (e.g. a USB stick), atomically.

    The file name is random so it reveals nothing. The caller marks the entries as sent
    only after this returns: a stick pulled out halfway leaves no half file and nothing
    lost.

    Raises:
        OSError: the folder is missing, read-only or full.
    """
    if not folder.is_dir():
        raise FileNotFoundError(message(QT_TRANSLATE_NOOP(
            "Sync", "The folder {folder} is not there. Plug in the USB stick and choose it "
            "again."), folder=str(folder)))
    target = folder / f"lantern-sync-{secrets.token_hex(6)}.json"
    data: dict[str, Any] = {"format": USB_FORMAT,
                            "envelopes": [json.loads(e.payload) for e in entries]}
    write_text_atomic(target, json.dumps(data, indent=1))
    # Some USB sticks cache writes: sync the folder too so the file survives unplugging.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return target
