"""Round messages that are garbage, signed with a real device token: always a 4xx, never a
5xx, and the hub still answers. In-process (FastAPI's TestClient), like
``test_malformed.py``, with a round open at each step in turn."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.sync.payload import Body, sign
from app.hub.db import PENDING, REVOKED, HubDB, devices
from app.hub.enrolment import enrol_directly, set_status
from app.hub.rounds import Rounds
from app.hub.server import create_app

FUZZ = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
JSON = {"Content-Type": "application/json"}
values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**40, 2**40) | st.text(max_size=70)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["1", "2", "x", ""]) | st.text(max_size=3), inner, max_size=4),
    max_leaves=10)
FIELDS = ["c_pk", "s_pk", "skills", "slot", "masked", "shares", "b_shares", "pair_seeds"]


@pytest.fixture(scope="module", params=["keys", "input", "unmask"])
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[tuple[TestClient, str, str, str, str]]:
    db = HubDB(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'hub.sqlite3'}")
    rounds = Rounds(db)
    cls = db.add_class("6B")
    devices = [(d.key_id, d.token) for d in (enrol_directly(db, cls) for _ in range(6))]
    opened = rounds.open(cls.id)
    if request.param != "keys":  # a frozen roster of five; the sixth is the fuzzer
        for key_id, _ in devices[1:]:
            rounds.accept(key_id, cls.id, {"format": "lantern-secagg/1", "step": "keys",
                                           "round": opened.round_id, "c_pk": "ab" * 32,
                                           "s_pk": "cd" * 32, "skills": ["fractions"]})
        rounds.advance(opened.round_id)
    if request.param == "unmask":
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE sa_rounds SET phase = 'unmask'")
    with TestClient(create_app(db)) as client:
        yield client, devices[0][0], devices[0][1], opened.round_id, request.param
        assert client.get("/health").json()["status"] == "ok"
    db.close()


@FUZZ
@given(field=st.sampled_from(FIELDS), value=values, step=st.sampled_from(
    ["keys", "input", "reveal", "bulletin", None]))
def test_signed_garbage_round_messages(hub: Any, field: str, value: Any,
                                       step: str | None) -> None:
    client, key_id, token, round_id, _ = hub
    body = {"format": "lantern-secagg/1", "step": step, "round": round_id, "slot": 1,
            field: value}
    envelope = sign(Body("", json.dumps(body)), key_id=key_id, token=token)
    for path in ("/api/rounds/answer", "/api/rounds/bulletin"):
        status = client.post(path, content=envelope, headers=JSON).status_code
        assert status < 500, (path, body)
        if path.endswith("answer"):
            assert 400 <= status < 500 or (status == 201 and field in ("c_pk", "s_pk",
                                                                       "skills"))


@FUZZ
@given(raw=st.binary(max_size=200) | values.map(lambda v: json.dumps(v).encode()))
def test_unsigned_garbage(hub: Any, raw: bytes) -> None:
    client = hub[0]
    for path in ("/api/rounds/answer", "/api/rounds/bulletin", "/api/import"):
        assert 400 <= client.post(path, content=raw, headers=JSON).status_code < 500


def test_round_routes_are_strict_limited_and_for_approved_laptops_only(tmp_path: Any
                                                                       ) -> None:
    """NaN, deep nesting and oversized bodies get a 4xx before any round work; a pending
    or revoked laptop is refused; the teacher's round actions need a session."""
    db = HubDB(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    cls = db.add_class("6B")
    approved, pending, revoked = (enrol_directly(db, cls) for _ in range(3))
    with db.engine.begin() as conn:
        conn.execute(sa.update(devices).where(devices.c.key_id == pending.key_id)
                     .values(status=PENDING))  # as after an upgrade from class codes
    assert set_status(db, revoked.key_id, REVOKED)
    opened = Rounds(db).open(cls.id)
    keys = {"format": "lantern-secagg/1", "step": "keys", "round": opened.round_id,
            "c_pk": "ab" * 32, "s_pk": "cd" * 32, "skills": ["fractions"]}

    def post(path: str, device: Any, text: str) -> int:
        envelope = sign(Body("", text), key_id=device.key_id, token=device.token)
        return client.post(path, content=envelope, headers=JSON).status_code

    with TestClient(create_app(db)) as client:
        for raw in (b'{"key_id": NaN}', b"[" * 100_000 + b"]" * 100_000, b'"\\ud800"',
                    b'{"a":' * 5_000 + b"1"):
            for path in ("/api/rounds/answer", "/api/rounds/bulletin"):
                status = client.post(path, content=raw, headers=JSON).status_code
                assert status in (413, 422), (path, raw[:20], status)
        # Signed by an approved laptop, but not strict JSON inside: refused, not stored.
        assert post("/api/rounds/answer", approved, json.dumps(
            {**keys, "c_pk": float("nan")})) == 409
        assert post("/api/rounds/answer", approved,
                    '{"x":' * 20 + "1" + "}" * 20) == 409
        assert post("/api/rounds/bulletin", approved, '{"step": NaN}') == 422
        big = b'{"key_id": "' + b"a" * (700 * 1024) + b'"}'
        assert client.post("/api/rounds/answer", content=big, headers=JSON).status_code == 413
        assert client.post("/api/rounds/bulletin", content=b" " * 4096,
                           headers=JSON).status_code == 413
        for device in (pending, revoked):
            assert post("/api/rounds/bulletin", device, json.dumps(keys)) == 403
            assert post("/api/rounds/answer", device, json.dumps(keys)) == 403
        assert post("/api/rounds/answer", approved, json.dumps(keys)) == 201
        assert Rounds(db).counts(opened.round_id)["keys"] == 1
        # The teacher's actions: no session, no round.
        assert client.post(f"/teacher/classes/{cls.id}/rounds/open",
                           data={"epsilon": "1"}).status_code == 401
        assert client.get(f"/teacher/classes/{cls.id}/round-file").status_code == 401
        assert "rounds/open" not in client.get(f"/classes/{cls.id}").text
    db.close()
