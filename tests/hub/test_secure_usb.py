"""A class round with no network: the round file goes to the class on a USB stick and the
laptops' answer files come back, imported with ``lantern-hub import``; on SQLite and
PostgreSQL."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.sync.config import SyncConfig
from app.core.sync.secure_service import RoundFileError, step_usb
from app.core.sync.service import save_config
from app.core.sync.source import ProfileSource
from app.core.sync.transport import load_enrolment_file
from app.hub.auth import set_password
from app.hub.db import HubDB
from app.hub.rounds import Rounds
from app.hub.server import create_app
from app.store import Profile, ProfileStore
from app.store.sync import SyncRepository
from tests.hub.clients import NEXT_WEEK, SKILLS
from tests.hub.conftest import ROOT, add_class, hub_cli
from tests.hub.hostile import PASSWORD
from tests.store.constants import PASSPHRASE

LAPTOPS = 6


@pytest.fixture
def class_laptops(db_url: str, store: ProfileStore, tmp_path: Path
                  ) -> Iterator[list[tuple[Profile, SyncRepository, SyncConfig]]]:
    class_id = add_class(db_url, "6B")
    made = []
    for n in range(LAPTOPS):
        enrol_file = tmp_path / f"enrol-{n}.json"
        hub_cli(db_url, "enrol-file", str(class_id), str(enrol_file))
        enrolment = load_enrolment_file(enrol_file)
        profile = store.create(nickname=f"U{n}", avatar="fox", passphrase=PASSPHRASE)
        profile.record_attempt(skill_id="fractions", question_id="q", question="?",
                               answer="a", correct=n % 2 == 0, score=1.0, time_taken_s=20.0)
        repo = SyncRepository(profile.conn)
        config = SyncConfig(enabled=True, key_id=enrolment.key_id, token=enrolment.token,
                            class_name=enrolment.class_name)
        save_config(repo, config)
        made.append((profile, repo, config))
    yield made
    for profile, _, _ in made:
        store.lock(profile)


def _import_on_teacher_page(db_url: str, answers: list[Path]) -> str:
    """Import the answer files as the teacher page does: signed in, with the CSRF token."""
    db = HubDB(db_url)
    set_password(db, PASSWORD)
    lines = []
    with TestClient(create_app(db)) as client:
        refused = client.post("/api/import", content=answers[0].read_bytes())
        assert refused.status_code == 401  # nobody else can import
        signed_in = client.post("/teacher/login", data={"password": PASSWORD},
                                follow_redirects=False)
        assert signed_in.status_code == 303
        csrf = re.findall(r'name="csrf" value="([^"]+)"', client.get("/teacher").text)[0]
        for path in answers:
            response = client.post("/api/import", content=path.read_bytes(),
                                   headers={"X-CSRF-Token": csrf})
            assert response.status_code == 200, response.text
            lines.append(", ".join(f"{n} {what}" for what, n in response.json().items()))
    db.close()
    return "\n".join(lines)


def _trip(db_url: str, stick: Path, laptops: list[tuple[Profile, SyncRepository,
                                                        SyncConfig]], *,
          teacher_page: bool = False) -> str:
    """Round file onto the stick, every laptop answers, answers imported at the hub
    (with ``lantern-hub import``, or on the teacher page)."""
    for old in stick.glob("lantern-*.json"):
        old.unlink()
    hub_cli(db_url, "round", "file", "1", str(stick / "lantern-round-1.json"))
    for profile, repo, config in laptops:
        step_usb(repo, ProfileSource(profile, SKILLS), config, stick)
    answers = sorted(stick.glob("lantern-answers-*.json"))
    assert len(answers) == len(laptops)
    if teacher_page:
        return _import_on_teacher_page(db_url, answers)
    done = subprocess.run([sys.executable, "-m", "app.hub", "--db", db_url, "import",
                           *map(str, answers)], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, check=True)
    return done.stdout


def test_a_usb_round_in_three_trips(db_url: str, class_laptops: list[Any],
                                    tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(RoundFileError, match="no round file for the class 6B"):
        step_usb(class_laptops[0][1], ProfileSource(class_laptops[0][0], SKILLS),
                 class_laptops[0][2], stick)
    db = HubDB(db_url)
    rounds = Rounds(db)
    opened = rounds.open(1, now=NEXT_WEEK)
    assert "1 stored" in _trip(db_url, stick, class_laptops)  # trip 1: keys
    assert rounds.get(opened.round_id).phase == "input"  # all enrolled laptops answered
    assert "1 stored" in _trip(db_url, stick, class_laptops,
                               teacher_page=True)  # trip 2: masked summaries
    assert rounds.get(opened.round_id).phase == "unmask"
    # Next week's round may start now, so that trip 3 also carries its step 1.
    assert rounds.open(1).phase == "keys"
    _trip(db_url, stick, class_laptops)  # trip 3: unmask (+ the next round's keys)
    row = rounds.get(opened.round_id)
    assert row.phase == "done" and row.result is not None
    assert row.result["reporting"] == LAPTOPS
    data = json.loads(next(stick.glob("lantern-round-*.json")).read_text())
    assert data["format"] == "lantern-round/1" and data["class_name"] == "6B"
    db.close()
