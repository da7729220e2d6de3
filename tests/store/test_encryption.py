"""Proof of encryption: after a real session, nothing private is readable on disk."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from app.logs import setup_logging
from app.paths import AppPaths
from app.store import LearnerSettings, ProfileStore
from app.store.db import PLAIN_HEADER
from tests.store.conftest import PASSPHRASE

ANSWER = "the denominators must match first"
CHAT = "why do we flip the second fraction"
INTEREST = "skateboarding tricks"
REPLY = "Dividing by a fraction asks how many times it fits"
# SQLCipher 4's defaults, as `PRAGMA cipher_settings` lists them.
SQLCIPHER4_DEFAULTS = [
    ("PRAGMA kdf_iter = 256000;",), ("PRAGMA cipher_page_size = 4096;",),
    ("PRAGMA cipher_use_hmac = 1;",), ("PRAGMA cipher_plaintext_header_size = 0;",),
    ("PRAGMA cipher_hmac_algorithm = HMAC_SHA512;",),
    ("PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;",)]


@pytest.fixture
def debug_log(lantern_home: Path) -> Iterator[Path]:
    """Log everything, at DEBUG, to the app's real log file for the session."""
    log_file = setup_logging(AppPaths.default().logs, level=logging.DEBUG)
    yield log_file
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_lantern", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.WARNING)


@pytest.fixture
def session(store: ProfileStore, debug_log: Path) -> tuple[ProfileStore, str, bytes]:
    """Create a profile, answer, chat, set interests and grade; lock; return its raw key."""
    profile = store.create(nickname="Zanzibar", avatar="fox", passphrase=PASSPHRASE)
    profile.set_learner_settings(LearnerSettings(grade=7, interests=[INTEREST]))
    for number in range(40):
        profile.record_attempt(skill_id="fractions.divide", question_id=f"q{number}",
                               question="What is 3/4 ÷ 1/2?", answer=f"{ANSWER} {number}",
                               correct=number % 2 == 0, score=0.5, time_taken_s=12.0)
    profile.add_tutor_message(conversation_id="c1", role="user", content=CHAT)
    profile.add_tutor_message(conversation_id="c1", role="assistant", content=REPLY)
    store.lock(profile)
    # A second unlock leaves a live WAL behind too, as a running app would.
    again = store.unlock(profile.id, PASSPHRASE)
    again.add_tutor_message(conversation_id="c2", role="user", content=CHAT + " again")
    again.close()
    return store, profile.id, store.raw_key(profile.id, PASSPHRASE)


@pytest.mark.usefixtures("session")
def test_no_private_phrase_is_in_any_file(lantern_home: Path) -> None:
    secrets = [ANSWER, CHAT, REPLY[:20], INTEREST, '"grade":7', '"grade": 7', PASSPHRASE]
    files = [p for p in lantern_home.rglob("*") if p.is_file()]
    assert any(p.suffix == ".db" for p in files) and any(p.suffix == ".log" for p in files)
    for path in files:
        data = path.read_bytes()
        for phrase in secrets:
            for encoded in (phrase.encode("utf-8"), phrase.encode("utf-16-le")):
                assert encoded not in data, f"{phrase!r} readable in {path.name}"
    holders = [p.name for p in files if b"Zanzibar" in p.read_bytes()]
    assert holders == ["profiles.json"], holders


def test_database_header_is_not_plain_sqlite(session: tuple[ProfileStore, str, bytes]
                                             ) -> None:
    store, profile_id, _key = session
    for path in (store.db_path(profile_id), store.backup_path(profile_id)):
        assert path.read_bytes()[:16] != PLAIN_HEADER


def test_raw_key_opens_with_sqlcipher4_defaults_and_a_wrong_key_fails(
        session: tuple[ProfileStore, str, bytes]) -> None:
    store, profile_id, key = session
    conn = sqlcipher3.connect(str(store.db_path(profile_id)))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    assert conn.execute("SELECT count(*) FROM attempts").fetchone() == (40,)
    assert conn.execute("PRAGMA cipher_settings").fetchall() == SQLCIPHER4_DEFAULTS
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    conn.close()
    wrong = bytes(b ^ 1 for b in key)
    conn = sqlcipher3.connect(str(store.db_path(profile_id)))
    conn.execute(f"PRAGMA key = \"x'{wrong.hex()}'\"")
    with pytest.raises(sqlcipher3.DatabaseError, match="not a database"):
        conn.execute("SELECT count(*) FROM attempts")
    conn.close()
