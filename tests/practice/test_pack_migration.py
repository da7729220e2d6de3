"""Schema v3: a profile's answers move from skill ids to (pack, skill), nothing lost.

A real SQLCipher profile is made at schema version 2 (answers keyed by skill id only),
answers on the English and the Chinese fractions packs are stored the way version 2
stored them (both packs have a skill "fraction-meaning"), then the profile is opened by
this Lantern: the backup is kept, the rows survive the migration, and the claim step
hands each answer to the pack it was given in.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
import sqlcipher3

from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.content.model import Pack, Question
from app.core.learner import journal
from app.core.learner.claim import claim_attempts
from app.core.learner.model import LearnerModel
from app.core.learner.reviews import Reviews
from app.store import ProfileStore
from app.store.records import utc_now
from app.store.schema import MIGRATIONS, user_version
from tests.store.constants import FAST_KDF, PASSPHRASE

V2 = MIGRATIONS[:2]


@pytest.fixture(scope="module")
def packs() -> tuple[Pack, Pack]:
    return load_pack(builtin_dir() / "fractions"), load_pack(builtin_dir() / "fractions-zh")


def on_skill(pack: Pack, skill: str) -> Question:
    return next(q for q in pack.questions if q.skill == skill)


def insert_v2(conn: object, skill: str, question_id: str, prompt: str, answer: str,
              correct: bool) -> None:
    """An answer as schema version 2 stored it: no pack."""
    conn.execute(  # type: ignore[attr-defined]
        "INSERT INTO attempts (skill_id, question_id, question, answer, correct, score, "
        "time_taken_s, hints_used, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
        (skill, question_id, prompt, answer, int(correct), float(correct), 3.0, 0,
         utc_now()))


def v2_rows(conn: object) -> list[tuple[object, ...]]:
    return conn.execute(  # type: ignore[attr-defined, no-any-return]
        "SELECT id, skill_id, question_id, question, answer, correct, score, time_taken_s, "
        "hints_used, created_at FROM attempts ORDER BY id").fetchall()


def test_answers_under_old_skill_ids_land_under_their_pack(
        tmp_path: Path, packs: tuple[Pack, Pack]) -> None:
    english, chinese = packs
    old_store = ProfileStore(tmp_path / "profiles", kdf=FAST_KDF, migrations=V2)
    profile = old_store.create(nickname="Mia", avatar="fox", passphrase=PASSPHRASE)
    assert user_version(profile.conn) == 2
    en_q, zh_q = on_skill(english, "fraction-meaning"), on_skill(chinese, "fraction-meaning")
    with profile.conn:
        for correct in (True, False, True):
            insert_v2(profile.conn, en_q.skill, en_q.id, en_q.prompt, "1/2", correct)
        for correct in (True, True):
            insert_v2(profile.conn, zh_q.skill, zh_q.id, zh_q.prompt, "二分之一", correct)
        insert_v2(profile.conn, "retired-skill", "gone-1", "A question since deleted?",
                  "7", False)
        card = json.dumps(Reviews().new_card("fraction-meaning").to_dict())
        profile.conn.execute("INSERT INTO skill_state (skill_id, mastery, card, updated_at) "
                             "VALUES (?,?,?,?)", ("fraction-meaning", 0.61, card, utc_now()))
    before = v2_rows(profile.conn)
    old_store.lock(profile)

    store = ProfileStore(tmp_path / "profiles", kdf=FAST_KDF)
    profile = store.unlock(profile.id, PASSPHRASE)
    try:
        assert user_version(profile.conn) == MIGRATIONS[-1].version
        assert v2_rows(profile.conn) == before  # the migration itself changes no answer
        assert {a.pack_id for a in profile.attempts()} == {""}

        assert claim_attempts(profile, [english, chinese]) == 5
        assert claim_attempts(profile, [english, chinese]) == 0  # once is enough
        assert v2_rows(profile.conn) == before  # nothing lost, nothing changed but the pack
        mine = profile.attempts(pack_id=english.info.id)
        assert [(a.question_id, a.correct) for a in mine] == [(en_q.id, True),
                                                              (en_q.id, False),
                                                              (en_q.id, True)]
        assert [a.answer for a in profile.attempts(pack_id=chinese.info.id)] == ["二分之一"] * 2
        [kept] = profile.attempts(pack_id="")  # its pack is not installed: kept as it was
        assert kept.question_id == "gone-1"
        for pack in packs:  # the old review card went with the answers to both packs
            state = profile.skill_state("fraction-meaning", pack_id=pack.info.id)
            assert state is not None and state.card == card and state.mastery == 0.61
        assert profile.skill_state("fraction-meaning") is None

        now, today = datetime.now(timezone.utc), datetime.now().astimezone().date()
        en_progress, _ = journal.snapshot(profile, english, model=LearnerModel({}),
                                          reviews=Reviews(), now=now, today=today)
        zh_progress, _ = journal.snapshot(profile, chinese, model=LearnerModel({}),
                                          reviews=Reviews(), now=now, today=today)
        assert (en_progress.total_answers, zh_progress.total_answers) == (3, 2)
    finally:
        store.lock(profile)
    backup = store.db_path(profile.id).with_name("profile.db.v2.bak")
    assert backup.exists()  # the copy made before migrating, still encrypted
    old = sqlcipher3.connect(str(backup))
    old.execute(f"PRAGMA key = \"x'{store.raw_key(profile.id, PASSPHRASE).hex()}'\"")
    assert old.execute("SELECT count(*) FROM attempts").fetchone() == (6,)
    old.close()


def test_an_edited_question_is_still_found_by_its_skill(
        tmp_path: Path, packs: tuple[Pack, Pack]) -> None:
    """Question id gone, skill id in one pack only: the answer follows the skill."""
    english, chinese = packs
    only_english = next(s.id for s in english.skills
                        if all(s.id != z.id for z in chinese.skills))
    store = ProfileStore(tmp_path / "profiles", kdf=FAST_KDF)
    profile = store.create(nickname="Ana", avatar="owl", passphrase=PASSPHRASE)
    try:
        profile.record_attempt(skill_id=only_english, question_id="renamed", question="?",
                               answer="3", correct=True, score=1.0, time_taken_s=2.0)
        assert claim_attempts(profile, [english, chinese]) == 1
        assert [a.pack_id for a in profile.attempts()] == [english.info.id]
    finally:
        store.lock(profile)
