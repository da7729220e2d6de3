"""Schools with no network: enrol from a file, write a signed file, import it at the hub."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.sync.config import SyncConfig
from app.core.sync.service import commit, export_usb, prepare, save_config
from app.core.sync.source import ProfileSource
from app.core.sync.transport import EnrolError, load_enrolment_file
from app.store import Profile
from tests.hub.clients import NEXT_WEEK, SKILLS
from tests.hub.conftest import ROOT, add_class, hub_cli


def _import(db_url: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.hub", "--db", db_url, "import",
                           *map(str, files)], capture_output=True, text=True, timeout=60,
                          cwd=ROOT)


def test_usb_round_trip(db_url: str, profile: Profile, tmp_path: Path) -> None:
    class_id = add_class(db_url, "6B")
    enrol_file = tmp_path / "enrol.json"
    hub_cli(db_url, "enrol-file", str(class_id), str(enrol_file))
    enrolment = load_enrolment_file(enrol_file)
    repo = profile.sync
    config = SyncConfig(enabled=True, key_id=enrolment.key_id, token=enrolment.token,
                        class_name=enrolment.class_name)
    save_config(repo, config)
    profile.record_attempt(skill_id="fractions", question_id="q", question="?", answer="a",
                           correct=True, score=1.0, time_taken_s=20.0)
    commit(repo, prepare(repo, ProfileSource(profile, SKILLS), config, now=NEXT_WEEK),
           config, kind="usb")
    stick = tmp_path / "stick"
    stick.mkdir()
    path, count = export_usb(repo, stick)
    assert path is not None and count == 1 and repo.pending() == []
    assert export_usb(repo, stick) == (None, 0)

    first = _import(db_url, path)
    assert (first.returncode, first.stdout.strip()) == (0, f"{path}: 1 stored")
    again = _import(db_url, path)
    assert again.stdout.strip() == f"{path}: 1 duplicate"  # counted once

    data = json.loads(path.read_text())
    body = json.loads(data["envelopes"][0]["body"])
    body["submission_id"] = "ef" * 16
    data["envelopes"][0]["body"] = json.dumps(body)
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(data))
    assert _import(db_url, tampered).stdout.strip() == f"{tampered}: 1 bad_signature"

    junk = tmp_path / "holiday.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not json")
    refused = _import(db_url, junk)
    assert refused.returncode == 1 and "not imported" in refused.stderr


def test_a_missing_stick_or_wrong_enrolment_file_is_explained(profile: Profile,
                                                              tmp_path: Path) -> None:
    repo = profile.sync
    repo.commit_release(week="2026-W01", epsilon=1.0, budget=1.0,  # type: ignore[arg-type]
                        key="k", kind="usb", payload="{}")
    with pytest.raises(FileNotFoundError, match="Plug in the USB stick"):
        export_usb(repo, tmp_path / "unplugged")
    assert [e.key for e in repo.pending()] == ["k"]  # nothing lost
    wrong = tmp_path / "notes.txt"
    wrong.write_text("hello")
    with pytest.raises(EnrolError, match="not an enrolment file"):
        load_enrolment_file(wrong)
