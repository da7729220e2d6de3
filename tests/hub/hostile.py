"""Helpers for the hostile-input tests: devices, signed bodies, a signed-in teacher."""

from __future__ import annotations

import json
import re
import select
import socket
import subprocess
import sys
import urllib.parse
from typing import Any

import httpx

from app.core.sync.payload import Body, build_body, sign
from app.core.sync.privacy import release
from app.core.sync.records import SkillFigures, Week
from tests.hub.conftest import ROOT, Hub

PASSWORD = "long enough teacher password"


def enrol(client: httpx.Client, code: str) -> dict[str, str]:
    response = client.post("/api/enrol", json={"code": code})
    assert response.status_code == 200, response.text
    return dict(response.json())


def body(week: str = "2026-W10", *, submission_id: str | None = None,
         **changes: Any) -> dict[str, Any]:
    """A real device's body for one skill at ε = 1; ``changes`` replace fields of the
    skill (``attempts=…``, ``scale={…}``) or, prefixed ``top_``, of the body."""
    noisy = release([SkillFigures("fractions", 4, 3, (0.0, 1.0, 0.0, 0.0), 9.0)], 1.0)
    data = json.loads(build_body(noisy, Week(week), submission_id).text)
    for name, value in changes.items():
        if name.startswith("top_"):
            data[name[4:]] = value
        else:
            data["skills"][0][name] = value
    return data


def signed(device: dict[str, str], data: dict[str, Any] | str) -> bytes:
    text = data if isinstance(data, str) else json.dumps(data)  # NaN stays NaN
    return sign(Body(submission_id="x", text=text), key_id=device["key_id"],
                token=device["token"]).encode()


def submit(client: httpx.Client, device: dict[str, str],
           data: dict[str, Any] | str) -> httpx.Response:
    return client.post("/api/submissions", content=signed(device, data),
                       headers={"Content-Type": "application/json"})


def set_password(hub: Hub, password: str = PASSWORD) -> None:
    subprocess.run([sys.executable, "-m", "app.hub", "--db", hub.db_url, "set-password"],
                   input=password + "\n", text=True, check=True, capture_output=True,
                   cwd=ROOT, timeout=60)


def teacher(hub: Hub) -> tuple[httpx.Client, str]:
    """A client signed in as the teacher, and the session's CSRF token."""
    client = httpx.Client(base_url=hub.url, timeout=30)
    response = client.post("/teacher/login", data={"password": PASSWORD})
    assert response.status_code == 303, response.text
    page = client.get("/teacher").text
    return client, re.findall(r'name="csrf" value="([^"]+)"', page)[0]


def shown_codes(page: str) -> list[str]:
    return re.findall(r"<code>([A-Z0-9]{5}-[A-Z0-9]{5})</code>", page)


def raw_request(hub: Hub, head: str, chunks: list[bytes]) -> int:
    """Send ``head`` and ``chunks`` on a socket as far as the hub reads; its status."""
    url = urllib.parse.urlparse(hub.url)
    with socket.create_connection((url.hostname, url.port), timeout=30) as sock:
        try:
            sock.sendall(head.encode())
            for chunk in chunks:
                if select.select([sock], [], [], 0)[0]:
                    break  # the hub answered before reading everything
                sock.sendall(chunk)
        except OSError:
            pass  # the hub stopped reading: its answer is already waiting
        answer = sock.recv(200).decode("latin-1")
    return int(answer.split(" ", 2)[1])
