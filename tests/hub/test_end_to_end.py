"""A real hub process on 127.0.0.1 and real laptops, on SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterator

import pytest

from app.core.sync.outbox import deliver_due
from app.core.sync.service import deliver
from app.core.sync.transport import EnrolError, enrol, send_http
from app.store import ProfileStore
from benchmarks.pgcluster import free_port
from tests.hub.clients import SKILLS, Laptop, laptop, post
from tests.hub.conftest import Hub, issue_codes, running_hub


@pytest.fixture
def laptops(store: ProfileStore) -> Iterator[list[Laptop]]:
    made: list[Laptop] = []
    yield made
    for one in made:
        store.lock(one.profile)


def test_class_report_end_to_end(hub: Hub, store: ProfileStore,
                                 laptops: list[Laptop]) -> None:
    big, small = hub.add_class("6B"), hub.add_class("6C")
    codes = issue_codes(hub.db_url, big, 6) + issue_codes(hub.db_url, small, 2)
    laptops += [laptop(store, hub.url, code, n) for n, code in enumerate(codes)]
    for one in laptops:
        one.queue()
        report = deliver(one.repo, one.config)
        assert (report.delivered, report.failed) == (1, 0)
    assert hub.health() == {"status": "ok", "database": hub.db_url.split(":")[0],
                            "submissions": 8}
    page = hub.get("/classes/1")
    assert all(skill in page for skill in SKILLS) and "hidden: fewer" not in page
    assert "95 %" in page
    assert "hidden: fewer than" in hub.get("/classes/2")  # 2 learners < k = 5
    rows = list(csv.DictReader(io.StringIO(hub.get("/classes/1.csv"))))
    assert {r["skill"] for r in rows} == set(SKILLS)
    assert all(r["submissions"] == "6" and r["attempts"] != "" for r in rows)
    hidden = list(csv.DictReader(io.StringIO(hub.get("/classes/2.csv"))))
    assert all(r["submissions"] == "2" and r["attempts"] == "" for r in hidden)


def test_duplicates_and_replays_are_counted_once(hub: Hub, store: ProfileStore,
                                                 laptops: list[Laptop]) -> None:
    laptops.append(laptop(store, hub.url, hub.code(hub.add_class("6B"))))
    laptops[0].queue()
    envelope = laptops[0].repo.pending()[0].payload.encode()
    statuses = [post(f"{hub.url}/api/submissions", envelope)[0] for _ in range(3)]
    assert statuses == [201, 409, 409]
    # The outbox still thinks it is unsent (as after a crash): delivering treats the
    # hub's "already have it" as delivered.
    assert deliver(laptops[0].repo, laptops[0].config).delivered == 1
    assert hub.health()["submissions"] == 1


def test_tampered_unsigned_and_unknown_payloads_are_rejected(
        hub: Hub, store: ProfileStore, laptops: list[Laptop]) -> None:
    laptops.append(laptop(store, hub.url, hub.code(hub.add_class("6B"))))
    laptops[0].queue()
    envelope = json.loads(laptops[0].repo.pending()[0].payload)
    body = json.loads(envelope["body"])
    body["skills"][0]["attempts"] += 100  # a bigger number, same signature
    tampered = {**envelope, "body": json.dumps(body)}
    unsigned = {k: v for k, v in envelope.items() if k != "signature"}
    unknown = {**envelope, "key_id": "0" * 32}
    cases = [(tampered, 401, "bad_signature"), (unknown, 401, "unknown_device")]
    for case, status, result in cases:
        got_status, answer = post(f"{hub.url}/api/submissions", json.dumps(case).encode())
        assert (got_status, answer["result"]) == (status, result)
    assert post(f"{hub.url}/api/submissions", json.dumps(unsigned).encode())[0] == 422
    assert hub.health()["submissions"] == 0


def test_hub_down_keeps_everything_and_delivers_later(
        db_url: str, store: ProfileStore, laptops: list[Laptop]) -> None:
    port = free_port()
    with running_hub(db_url, port) as hub:
        laptops.append(laptop(store, hub.url, hub.code(hub.add_class("6B"))))
    one = laptops[0]
    one.queue()
    down = deliver(one.repo, one.config)  # nothing listens on the port now
    assert (down.delivered, down.failed) == (0, 1)
    assert "could not be reached" in down.last_error
    assert len(one.repo.pending()) == 1
    with running_hub(db_url, port) as hub:
        later = deliver_due(one.repo, lambda e: send_http(one.config.hub_url, e),
                            now=time.time() + 3600)
        assert later.delivered == 1 and one.repo.pending() == []
        assert hub.health()["submissions"] == 1


def test_a_wrong_code_gets_a_clear_message(hub: Hub) -> None:
    with pytest.raises(EnrolError, match="did not accept that enrolment code"):
        enrol(hub.url, "NOPE1234")
    with pytest.raises(EnrolError, match="Could not reach the school hub"):
        enrol(f"http://127.0.0.1:{free_port()}", "ABCD1234")
