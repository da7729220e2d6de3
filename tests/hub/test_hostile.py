"""Every hostile input from issue 17 against a real hub process, on SQLite and on
PostgreSQL: each gets a 4xx, and the hub keeps working (class pages, /health)."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from collections.abc import Iterator

import httpx
import psutil
import pytest
import sqlalchemy as sa

from app.hub.db import PENDING, HubDB, classes, devices, enrol_codes
from tests.hub.conftest import Hub, issue_codes
from tests.hub.hostile import (
    body,
    enrol,
    raw_request,
    set_password,
    shown_codes,
    submit,
    teacher,
)

JSON = {"Content-Type": "application/json"}
SCALES = {"attempts": 80.0, "correct": 80.0, "minutes": 240.0, "buckets": 8.0}


@pytest.fixture
def client(hub: Hub) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=hub.url, timeout=30) as made:
        yield made


def _sql(hub: Hub, statement: sa.Executable) -> None:
    db = HubDB(hub.db_url)
    try:
        with db.engine.begin() as conn:
            conn.execute(statement)
    finally:
        db.close()


def test_nan_infinity_nesting_and_out_of_range_values_get_4xx(hub: Hub,
                                                              client: httpx.Client) -> None:
    class_id = hub.add_class("6B")
    device = enrol(client, hub.code(class_id))
    raw_cases = {
        "/api/submissions": [b'{"key_id": NaN}', b'{"key_id": Infinity, "body": 1}',
                             b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 5_000 + b"1",
                             b'"\\ud800"', b"\xff\xfe", b'{"key_id": 1e400}'],
        "/api/enrol": [b'{"code": NaN}', b"[" * 100_000, b'{"code": "AB\\u0000CDEFGH"}'],
    }
    for path, payloads in raw_cases.items():
        for payload in payloads:
            status = client.post(path, content=payload, headers=JSON).status_code
            assert 400 <= status < 500, (path, payload[:40], status)
    bodies = {
        "scale 1e-300": body(scale={**SCALES, "attempts": 1e-300}),
        "every scale 1e-300": body(scale=dict.fromkeys(SCALES, 1e-300)),
        "a scale that disagrees with ε": body(scale={**SCALES, "minutes": 1.0}),
        "a negative scale": body(scale={**SCALES, "buckets": -8.0}),
        "attempts 1e9": body(attempts=1e9),
        "minutes -1e7": body(minutes=-1e7),
        "NaN attempts": body(attempts=float("nan")),
        "infinite correct": body(correct=float("inf")),
        "a bucket of 1e308": body(buckets={"not_yet": 1e308, "developing": 0.0,
                                           "secure": 0.0, "mastered": 0.0}),
        "ε NaN": body(top_epsilon=float("nan")),
        "ε 1e-300": body(top_epsilon=1e-300),
        "ε 11": body(top_epsilon=11.0),
        "a future week": body("2099-W01"),
        "a week 2025 does not have": body("2025-W53"),
        "a NUL in the skill": body(skill="frac\x00tions"),
        "a lone surrogate in the skill": body(skill="\ud800"),
        "nesting in a figure": body(attempts=[[[[[[[[[[1]]]]]]]]]]),
    }
    for name, data in bodies.items():
        response = submit(client, device, data)  # json.dumps writes NaN, \ud800 escaped
        assert response.status_code == 422, (name, response.status_code, response.text)
    deep = "[" * 50_000 + "]" * 50_000
    assert submit(client, device, deep).status_code == 422
    assert hub.health()["submissions"] == 0
    # The class page, the CSV and a valid summary all still work.
    assert submit(client, device, body()).status_code == 201
    assert client.get(f"/classes/{class_id}").status_code == 200
    assert client.get(f"/classes/{class_id}.csv").status_code == 200
    assert client.get("/classes/99999999999999999999").status_code == 404
    assert hub.health()["submissions"] == 1


def test_bodies_over_the_limit_get_413_and_cost_no_memory(hub: Hub) -> None:
    process = psutil.Process(hub.process.pid)
    before = process.memory_info().rss
    declared = ("POST /api/submissions HTTP/1.1\r\nHost: hub\r\nContent-Type: "
                "application/json\r\nContent-Length: 200000000\r\n\r\n")
    assert raw_request(hub, declared, [b"{" * 65_536]) == 413
    chunked = ("POST /api/submissions HTTP/1.1\r\nHost: hub\r\nContent-Type: "
               "application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"10000\r\n" + b" " * 65_536 + b"\r\n"
    assert raw_request(hub, chunked, [chunk] * 3_200) == 413  # up to 200 MB offered
    enrol_head = chunked.replace("/api/submissions", "/api/enrol")
    assert raw_request(hub, enrol_head, [chunk] * 100) == 413
    assert process.memory_info().rss - before < 50 * 2**20
    assert hub.health()["status"] == "ok"


def _usb_file(envelopes: list[object]) -> bytes:
    return json.dumps({"format": "lantern-usb/1", "envelopes": envelopes}).encode()


BOGUS = {"key_id": "0" * 32, "body": "{}", "signature": "0" * 64}


def test_import_needs_the_teacher_is_limited_and_health_answers_in_a_flood(
        hub: Hub, client: httpx.Client) -> None:
    small = _usb_file([BOGUS] * 5_000)
    assert client.post("/api/import", content=small, headers=JSON).status_code == 401
    set_password(hub)
    session, csrf = teacher(hub)
    assert session.post("/api/import", content=small, headers=JSON).status_code == 403
    auth = {**JSON, "X-CSRF-Token": csrf}
    answer = session.post("/api/import", content=small, headers=auth)
    assert (answer.status_code, answer.json()) == (200, {"unknown_device": 5_000})
    huge = _usb_file([BOGUS] * 200_000)  # 21 MB, as in the issue
    assert session.post("/api/import", content=huge, headers=auth).status_code == 413
    over = _usb_file([BOGUS] * 5_001)
    assert session.post("/api/import", content=over, headers=auth).status_code == 422

    stop, statuses = threading.Event(), []

    def flood(signed_in: bool) -> None:
        with httpx.Client(base_url=hub.url, timeout=60,
                          cookies=session.cookies if signed_in else None) as one:
            while not stop.is_set():
                for content in (small, huge):
                    statuses.append(one.post("/api/import", content=content,
                                             headers=auth).status_code)

    workers = [threading.Thread(target=flood, args=(n % 2 == 0,)) for n in range(6)]
    for worker in workers:
        worker.start()
    waits = []
    try:
        time.sleep(1.0)
        for _ in range(10):
            start = time.monotonic()
            assert hub.health()["status"] == "ok"
            waits.append(time.monotonic() - start)
            time.sleep(0.2)
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=120)
    assert max(waits) < 1.0, waits
    assert statuses and all(400 <= s < 500 or s == 200 for s in statuses), set(statuses)
    # One log line per finished import at most, none per bad envelope.
    hub.process.terminate()
    hub.process.wait(timeout=15)
    log = hub.process.stderr.read() if hub.process.stderr else ""
    assert len(log.splitlines()) <= statuses.count(200) + 5, log[-2000:]


def test_enrolment_codes_are_one_time_listed_and_revocable(hub: Hub,
                                                           client: httpx.Client) -> None:
    class_id = hub.add_class("6B")
    set_password(hub)
    db = HubDB(hub.db_url)
    with db.engine.connect() as conn:
        class_code = conn.execute(sa.select(classes.c.code)).scalar_one()
    db.close()
    assert class_code not in client.get("/").text
    assert client.post("/api/enrol", json={"code": class_code}).status_code == 404
    assert client.post("/api/enrol", json={"class_code": class_code}).status_code == 422
    sign_in = client.get("/teacher")
    assert "Hub password" in sign_in.text  # the sign-in form, no codes
    assert sign_in.headers["x-frame-options"] == "DENY"  # no framing: no clickjacking
    assert "frame-ancestors 'none'" in sign_in.headers["content-security-policy"]
    form = {"count": "3", "csrf": "forged"}
    assert client.post(f"/teacher/classes/{class_id}/codes", data=form).status_code == 401

    session, csrf = teacher(hub)
    assert session.post(f"/teacher/classes/{class_id}/codes",
                        data={**form}).status_code == 403  # no valid CSRF token
    assert session.post(f"/teacher/classes/{class_id}/codes",
                        data={"count": "3", "csrf": csrf}).status_code == 303
    codes = shown_codes(session.get("/teacher").text)
    assert len(codes) == 3
    first, second, third = codes

    results: list[int] = []
    racers = [threading.Thread(target=lambda: results.append(
        httpx.post(f"{hub.url}/api/enrol", json={"code": first}).status_code))
        for _ in range(4)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    assert sorted(results) == [200, 404, 404, 404]  # one code, one laptop
    assert session.post(f"/teacher/codes/{second.replace('-', '')}/revoke",
                        data={"csrf": csrf}).status_code == 303
    assert client.post("/api/enrol", json={"code": second}).status_code == 404
    _sql(hub, sa.update(enrol_codes).where(enrol_codes.c.code == third.replace("-", ""))
         .values(expires_at=int(time.time()) - 1))
    assert client.post("/api/enrol", json={"code": third.lower()}).status_code == 404
    page = session.get("/teacher").text
    assert shown_codes(page) == [] and page.count(">approved<") == 1

    key_id = page.split("/teacher/devices/", 1)[1][:32]
    assert session.post(f"/teacher/devices/{key_id}/revoke",
                        data={"csrf": csrf}).status_code == 303
    assert ">revoked<" in session.get("/teacher").text
    assert session.post("/teacher/login", data={"password": "wrong"}).status_code == 401


def _cells(client: httpx.Client, class_id: int) -> dict[str, dict[str, str]]:
    text = client.get(f"/classes/{class_id}.csv").text
    return {row["week"]: row for row in csv.DictReader(io.StringIO(text))}


def test_one_summary_per_device_and_week_and_k_counts_approved_devices(
        hub: Hub, client: httpx.Client) -> None:
    class_id = hub.add_class("6B")
    laptops = [enrol(client, code) for code in issue_codes(hub.db_url, class_id, 5)]
    for laptop in laptops:
        assert submit(client, laptop, body("2026-W10")).status_code == 201
    statuses = {submit(client, laptops[0], body("2026-W10")).status_code for _ in range(20)}
    assert statuses == {403}  # the week's ε is spent: 20 more were refused
    assert hub.health()["submissions"] == 5
    assert _cells(client, class_id)["2026-W10"]["submissions"] == "5"
    assert _cells(client, class_id)["2026-W10"]["attempts"] != ""  # k = 5 reached

    # A device enrolled before one-time codes existed is pending: stored, not counted.
    legacy = {"key_id": "ab" * 16, "token": "cd" * 32}
    _sql(hub, sa.insert(devices).values(class_id=class_id, status=PENDING, **legacy))
    assert submit(client, legacy, body("2026-W11")).status_code == 201
    set_password(hub)
    session, csrf = teacher(hub)
    assert session.post(f"/teacher/devices/{laptops[1]['key_id']}/revoke",
                        data={"csrf": csrf}).status_code == 303
    cell = _cells(client, class_id)["2026-W10"]
    assert (cell["submissions"], cell["attempts"]) == ("4", "")  # below k: hidden
    assert "2026-W11" not in _cells(client, class_id)
    revoked = submit(client, laptops[1], body("2026-W11"))
    assert (revoked.status_code, revoked.json()["result"]) == (403, "revoked")
    assert session.post(f"/teacher/devices/{legacy['key_id']}/approve",
                        data={"csrf": csrf}).status_code == 303
    assert _cells(client, class_id)["2026-W11"]["submissions"] == "1"


def test_concurrent_uploads_are_each_answered_and_counted_once(
        hub: Hub, client: httpx.Client) -> None:
    class_id = hub.add_class("6B")
    laptops = [enrol(client, code) for code in issue_codes(hub.db_url, class_id, 6)]
    # Each laptop sends the same summary twice and a second one for the same week, all
    # at once: one is stored per laptop, the others are refused, none is a 5xx.
    attempts = [(laptop, data) for laptop in laptops
                for data in (body("2026-W12", submission_id=laptop["key_id"]),) * 2
                + (body("2026-W12"),)]
    statuses: list[int] = []

    def send(laptop: dict[str, str], data: dict[str, object]) -> None:
        with httpx.Client(base_url=hub.url, timeout=60) as own:
            statuses.append(submit(own, laptop, data).status_code)

    threads = [threading.Thread(target=send, args=pair) for pair in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(201) == len(laptops), statuses
    assert set(statuses) <= {201, 403, 409}, statuses
    assert _cells(client, class_id)["2026-W12"]["submissions"] == str(len(laptops))
