"""The hub's fuzz target, part of the ``fuzz_crashes`` figure (``benchmarks/fuzz.py``).

The hub's target (:func:`hub_fuzz_crashes`) drives every endpoint of an in-process hub
(the same app ``lantern-hub serve`` runs) over a temporary SQLite file with hypothesis,
seeded (``derandomize``) and bounded in examples and seconds: random bytes and JSON,
deep nesting, NaN and infinities, signed submissions with one field pushed out of range,
teacher forms and USB imports with a valid session, and random page paths. A crash is a
5xx answer or an exception escaping the app. ``tests/hub/test_fuzz.py`` runs the same
driver on SQLite and PostgreSQL and requires 0.
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HUB_EXAMPLES = 1_200
HUB_SECONDS = 240.0
PASSWORD = "correct horse battery staple"
VALID_SKILL = {"skill": "fractions", "attempts": 3.2, "correct": 1.1, "minutes": 9.0,
               "buckets": {"not_yet": 0.1, "developing": 0.9, "secure": 0.0,
                           "mastered": -0.2},
               "scale": {"attempts": 80.0, "correct": 80.0, "minutes": 240.0,
                         "buckets": 8.0}}  # a device's scales for one skill at ε = 1


@dataclass
class FuzzCount:
    tried: int = 0
    crashes: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)  # the first few crashing inputs

    def record(self, status: int, what: str) -> None:
        self.tried += 1
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status >= 500:
            self.crashes += 1
            if len(self.examples) < 5:
                self.examples.append(what[:300])


def fuzz_hub(db_url: str, examples: int = HUB_EXAMPLES,
             seconds: float = HUB_SECONDS) -> FuzzCount:
    """Fuzz a fresh hub over ``db_url`` (an empty database); returns the counts."""
    from fastapi.testclient import TestClient

    from app.hub.auth import set_password
    from app.hub.db import HubDB
    from app.hub.enrolment import issue_codes
    from app.hub.server import create_app

    db = HubDB(db_url)
    count = FuzzCount()
    try:
        set_password(db, PASSWORD)
        cls = db.add_class("fuzz")
        with TestClient(create_app(db), raise_server_exceptions=False) as client:
            code = issue_codes(db, cls.id, 1)[0].code
            device = client.post("/api/enrol", json={"code": code}).json()
            assert client.post("/teacher/login", data={"password": PASSWORD},
                               follow_redirects=False).status_code == 303
            csrf = _csrf(client.get("/teacher").text)
            target = _Target(client, device["key_id"], device["token"], csrf, count)
            _run(target, examples, time.monotonic() + seconds)
    finally:
        db.close()
    return count


def _csrf(page: str) -> str:
    marker = 'name="csrf" value="'
    start = page.index(marker) + len(marker)
    return page[start:page.index('"', start)]


@dataclass
class _Target:
    client: Any
    key_id: str
    token: str
    csrf: str
    count: FuzzCount

    def send(self, method: str, path: str, content: bytes, **headers: str) -> None:
        try:
            response = self.client.request(method, path, content=content, headers={
                "Content-Type": "application/json", **headers})
            status = response.status_code
        except Exception as exc:  # an exception escaping the app is a crash too
            status = 599
            content += f" -> {type(exc).__name__}: {exc}".encode()
        self.count.record(status, f"{method} {path} {content[:200]!r}")

    def signed(self, text: str) -> bytes:
        from app.core.sync.payload import Body, sign

        return sign(Body(submission_id="x", text=text), key_id=self.key_id,
                    token=self.token).encode()


def _run(target: _Target, examples: int, deadline: float) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=12)
    extreme = st.sampled_from([float("nan"), float("inf"), float("-inf"), 1e-300, -1e-300,
                               0.0, -0.0, 1e9, -1e9, 1e308, 2**63, -(2**63), 10**40])
    number = extreme | st.floats() | st.integers(-10**20, 10**20)
    fields = st.sampled_from(["epsilon", "week", "submission_id", "attempts", "correct",
                              "minutes", "not_yet", "mastered", "scale.attempts",
                              "scale.buckets", "skill"])
    endpoints = st.sampled_from(["/api/submissions", "/api/enrol", "/api/import",
                                 "/teacher/login", "/teacher/classes/1/codes",
                                 "/teacher/codes/ABCDEFGHJK/revoke",
                                 "/teacher/devices/" + "0" * 32 + "/revoke"])
    kinds = st.sampled_from(["bytes", "json", "nested", "signed", "import", "form", "get"])

    @settings(max_examples=examples, derandomize=True, database=None, deadline=None,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(kind=kinds, endpoint=endpoints, raw=st.binary(max_size=300), value=json_values,
           depth=st.integers(1, 50_000), field_name=fields,
           bad=number | st.text(max_size=20) | json_values,
           path=st.text(alphabet="abc/.123-%?=", max_size=30))
    def one(kind: str, endpoint: str, raw: bytes, value: Any, depth: int, field_name: str,
            bad: Any, path: str) -> None:
        if time.monotonic() > deadline:
            return
        _one(target, kind, endpoint, raw, value, depth, field_name, bad, path)

    one()


def _one(target: _Target, kind: str, endpoint: str, raw: bytes, value: Any, depth: int,
         field_name: str, bad: Any, path: str) -> None:
    if kind == "bytes":
        target.send("POST", endpoint, raw)
    elif kind == "json":
        target.send("POST", endpoint, _dumps(value))
    elif kind == "nested":
        target.send("POST", endpoint, ("[" * depth + "]" * depth).encode())
    elif kind == "signed":
        target.send("POST", "/api/submissions", target.signed(_mutated(field_name, bad)))
    elif kind == "import":
        envelopes = [json.loads(target.signed(_mutated(field_name, bad))), value]
        target.send("POST", "/api/import", _dumps({"format": "lantern-usb/1",
                                                   "envelopes": envelopes}),
                    **{"X-CSRF-Token": target.csrf})
    elif kind == "form":
        form = f"csrf={target.csrf}&count={bad}&password={raw.hex()}".encode()
        target.send("POST", endpoint, form,
                    **{"Content-Type": "application/x-www-form-urlencoded"})
    else:
        target.send("GET", f"/classes/{path}", b"")


def _mutated(field_name: str, bad: Any) -> str:
    body: dict[str, Any] = {"format": "lantern-sync/1", "submission_id": "ab" * 16,
                            "week": "2026-W10", "epsilon": 1.0,
                            "skills": [json.loads(json.dumps(VALID_SKILL))]}
    where: dict[str, Any] = body
    if field_name in ("attempts", "correct", "minutes", "skill"):
        where = body["skills"][0]
    elif field_name in ("not_yet", "mastered"):
        where = body["skills"][0]["buckets"]
    elif field_name.startswith("scale."):
        where, field_name = body["skills"][0]["scale"], field_name[6:]
    where[field_name] = bad
    return json.dumps(body)  # writes NaN and Infinity as a careless client would


def _dumps(value: Any) -> bytes:
    return json.dumps(value).encode("utf-8", errors="surrogatepass")


def hub_fuzz_crashes() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="lantern-fuzz-hub-") as folder:
        count = fuzz_hub(f"sqlite:///{Path(folder) / 'hub.sqlite3'}")
    return {"tried": count.tried, "crashes": count.crashes,
            "statuses": {str(k): v for k, v in sorted(count.statuses.items())},
            "examples": count.examples}
