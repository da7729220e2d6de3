"""Child processes for the fault tests: ``python -m tests.store.workers KIND ...``.

``answer``: unlock a profile and record answers forever, printing ``ack <id>`` only after
each commit (the parent SIGKILLs it at a random moment).
``diskfull``: run inside a small tmpfs and report, as JSON, what happened when it filled.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.store import DiskFull, ProfileId, ProfileStore
from app.store.db import integrity_ok
from tests.store.constants import FAST_KDF, PASSPHRASE


def answer_forever(root: Path, profile_id: str, run: str) -> None:
    store = ProfileStore(root, kdf=FAST_KDF)
    profile = store.unlock(ProfileId(profile_id), PASSPHRASE)
    print("ready", flush=True)
    number = 0
    while True:
        question_id = f"{run}-{number}"
        profile.record_attempt(skill_id="s", question_id=question_id, question="2 + 2?",
                               answer="4", correct=True, score=1.0, time_taken_s=1.0)
        print(f"ack {question_id}", flush=True)  # only now is it "saved" on screen
        number += 1


def fill_disk(small: Path, out: Path) -> None:
    ballast = small / "ballast"
    ballast.write_bytes(b"\0" * 96 * 1024)  # freed later: "free some space and retry"
    store = ProfileStore(small / "profiles", kdf=FAST_KDF)
    profile = store.create(nickname="Mia", avatar="fox", passphrase=PASSPHRASE)
    acked, message = 0, ""
    for number in range(100_000):
        try:
            profile.record_attempt(skill_id="s", question_id=str(number), question="Why?",
                                   answer="because " * 300, correct=False, score=0.2,
                                   time_taken_s=9.0)
        except DiskFull as exc:
            message = exc.user_message()
            break
        acked += 1
    index_before = (small / "profiles" / "profiles.json").read_bytes()
    folders_before = sorted(p.name for p in (small / "profiles").iterdir())
    try:
        store.create(nickname="Leo", avatar="owl", passphrase=PASSPHRASE)
        second = "created"
    except DiskFull as exc:
        second = exc.user_message()
    report = {
        "acked": acked, "message": message, "second_profile": second,
        "index_unchanged": index_before == (small / "profiles" / "profiles.json").read_bytes(),
        "folders_unchanged": folders_before == sorted(
            p.name for p in (small / "profiles").iterdir()),
    }
    store.lock(profile)
    ballast.unlink()
    again = ProfileStore(small / "profiles", kdf=FAST_KDF).unlock(profile.id, PASSPHRASE)
    report["stored"] = len(again.attempts())
    report["integrity_ok"] = integrity_ok(again.conn)
    again.close()
    out.write_text(json.dumps(report))


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    if kind == "answer":
        answer_forever(Path(args[0]), args[1], args[2])
    elif kind == "diskfull":
        fill_disk(Path(args[0]), Path(args[1]))
    else:
        sys.exit(f"unknown worker {kind!r}")
