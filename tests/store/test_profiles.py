"""Profile operations on a real SQLCipher file: create, use, lock, change, recover, move."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import sqlcipher3

from app.store import LearnerSettings, Profile, ProfileStore, SkillState, StoreError
from app.store import __main__ as cli
from app.store.errors import BackupFileError, RecoveryError, WeakPassphrase, WrongPassphrase
from app.store.keys import KdfParams
from app.store.recovery import ClassRecoveryKey
from app.store.transfer import export_backup, import_backup
from tests.store.conftest import FAST_KDF, PASSPHRASE


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def answer(profile: Profile, text: str = "3/4") -> int:
    return profile.record_attempt(skill_id="fractions.add", question_id="q1",
                                  question="What is 1/2 + 1/4?", answer=text, correct=True,
                                  score=1.0, time_taken_s=4.5, hints_used=1)


def test_everything_written_is_read_back_after_lock_and_unlock(
        store: ProfileStore, profile: Profile) -> None:
    first = answer(profile)
    profile.add_tutor_message(conversation_id="c1", role="user", content="why flip it?")
    profile.add_tutor_message(conversation_id="c1", role="assistant", content="Because...")
    settings = LearnerSettings(grade=6, interests=["volcanoes"], goals=["fractions"],
                               pace="slow")
    profile.set_learner_settings(settings)
    profile.set_skill_state(SkillState("fractions.add", 0.42, card='{"due": "x"}'))
    profile.sync.commit_release(week="2026-W47", epsilon=0.5, budget=1.0, key="k1",
                                kind="hub", payload="{}")
    profile.add_tutor_message(conversation_id="c2", role="user", content="another subject")
    store.lock(profile)
    again = store.unlock(profile.id, PASSPHRASE)
    try:
        assert [a.id for a in again.attempts()] == [first]
        assert again.attempts()[0].answer == "3/4" and again.attempts()[0].hints_used == 1
        assert [m.role for m in again.tutor_messages("c1")] == ["user", "assistant"]
        assert again.learner_settings() == settings
        state = again.skill_state("fractions.add")
        assert state is not None and state.mastery == 0.42 and state.card == '{"due": "x"}'
        assert again.sync.spent("2026-W47") == 0.5
        assert [o.key for o in again.sync.pending()] == ["k1"]
        again.sync.mark_sent("k1")
        assert again.sync.pending() == []
        assert [m.content for m in again.tutor_messages("c1", last=1)] == ["Because..."]
        assert again.clear_tutor_messages() == 3
        assert again.tutor_messages("c1") == [] and again.tutor_messages("c2") == []
    finally:
        store.lock(again)


def test_index_lists_nicknames_and_survives_a_restart(store: ProfileStore,
                                                      profile: Profile) -> None:
    reopened = ProfileStore(store.root, kdf=FAST_KDF)
    assert [(e.id, e.nickname, e.avatar) for e in reopened.profiles()] == [
        (profile.id, "Mia", "fox")]


def test_new_profile_rules_are_explained(store: ProfileStore, profile: Profile) -> None:
    with pytest.raises(WeakPassphrase, match="Too short"):
        store.create(nickname="Leo", avatar="owl", passphrase="abc")
    with pytest.raises(StoreError, match="already uses that nickname"):
        store.create(nickname=" mia ", avatar="owl", passphrase="long enough words")
    with pytest.raises(StoreError, match="choose a nickname"):
        store.create(nickname="   ", avatar="owl", passphrase="long enough words")
    assert len(store.profiles()) == 1


def test_changing_the_passphrase_revokes_the_old_one_even_with_an_old_index(
        store: ProfileStore, profile: Profile) -> None:
    answer(profile)
    store.lock(profile)
    old_index = (store.root / "profiles.json").read_bytes()
    old_key = store.raw_key(profile.id, PASSPHRASE)
    store.change_passphrase(profile.id, PASSPHRASE, "green kite over hills")
    with pytest.raises(WrongPassphrase):
        store.unlock(profile.id, PASSPHRASE)
    again = store.unlock(profile.id, "green kite over hills")
    assert len(again.attempts()) == 1
    store.lock(again)
    assert store.raw_key(profile.id, "green kite over hills") != old_key
    # The attack from issue 17: put the old profiles.json back and use the old passphrase.
    (store.root / "profiles.json").write_bytes(old_index)
    restored = ProfileStore(store.root, kdf=FAST_KDF)
    with pytest.raises(StoreError):
        restored.unlock(profile.id, PASSPHRASE)  # the old key opens neither file
    for name in ("profile.db", "backup.db"):
        conn = sqlcipher3.connect(str(store.db_path(profile.id).parent / name))
        conn.execute(f"PRAGMA key = \"x'{old_key.hex()}'\"")
        with pytest.raises(sqlcipher3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()


def test_a_rekey_interrupted_after_its_commit_point_is_finished_at_sign_in(
        store: ProfileStore, profile: Profile, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.store import rekey

    answer(profile)
    store.lock(profile)

    def killed(_database: Path, _backup: Path) -> None:
        raise KeyboardInterrupt  # as if the laptop went off between steps 2 and 3

    monkeypatch.setattr(rekey, "commit", killed)
    with pytest.raises(KeyboardInterrupt):
        store.change_passphrase(profile.id, PASSPHRASE, "green kite over hills")
    monkeypatch.undo()
    assert rekey.pending_path(store.db_path(profile.id)).exists()
    again = ProfileStore(store.root, kdf=FAST_KDF).unlock(profile.id, "green kite over hills")
    assert len(again.attempts()) == 1
    again.close()
    assert not rekey.pending_path(store.db_path(profile.id)).exists()


def test_teacher_resets_a_forgotten_passphrase_and_revokes_it(
        store: ProfileStore, tmp_path: Path) -> None:
    store.create_class_key("teacher owl passphrase").save(tmp_path / "usb" / "class.json")
    learner = store.create(nickname="Ana", avatar="cat", passphrase=PASSPHRASE)
    answer(learner)
    store.lock(learner)
    usb_key = ClassRecoveryKey.load(tmp_path / "usb" / "class.json")
    with pytest.raises(RecoveryError):
        store.reset_passphrase(learner.id, class_key=usb_key, teacher_passphrase="wrong one",
                               new_passphrase="brand new words here")
    store.reset_passphrase(learner.id, class_key=usb_key,
                           teacher_passphrase="teacher owl passphrase",
                           new_passphrase="brand new words here")
    with pytest.raises(WrongPassphrase):
        store.unlock(learner.id, PASSPHRASE)
    again = store.unlock(learner.id, "brand new words here")
    assert len(again.attempts()) == 1
    store.lock(again)
    # Recovery still works after the re-key: the new data key is wrapped for the pin.
    store.reset_passphrase(learner.id, class_key=usb_key,
                           teacher_passphrase="teacher owl passphrase",
                           new_passphrase="green kite over hills")
    store.lock(store.unlock(learner.id, "green kite over hills"))


def test_profiles_made_before_the_class_key_are_enrolled_at_next_unlock(
        store: ProfileStore, profile: Profile) -> None:
    store.lock(profile)
    class_key = store.create_class_key("teacher owl passphrase")
    with pytest.raises(RecoveryError, match="can't be recovered"):
        store.reset_passphrase(profile.id, class_key=class_key,
                               teacher_passphrase="teacher owl passphrase",
                               new_passphrase="brand new words here")
    store.lock(store.unlock(profile.id, PASSPHRASE))
    store.reset_passphrase(profile.id, class_key=class_key,
                           teacher_passphrase="teacher owl passphrase",
                           new_passphrase="brand new words here")
    store.lock(store.unlock(profile.id, "brand new words here"))


def test_delete_removes_every_file(store: ProfileStore, profile: Profile) -> None:
    answer(profile)
    store.lock(profile)
    folder = store.db_path(profile.id).parent
    assert folder.exists()
    store.delete(profile.id)
    assert not folder.exists()
    assert store.profiles() == []
    assert profile.id not in (store.root / "profiles.json").read_text()


def test_export_then_import_on_another_computer(store: ProfileStore, profile: Profile,
                                                tmp_path: Path) -> None:
    answer(profile, "five eighths")
    target = tmp_path / "mia.lantern-backup"
    export_backup(store, profile, target)
    store.lock(profile)
    other = ProfileStore(tmp_path / "other-laptop", kdf=FAST_KDF)
    entry = import_backup(other, target)
    assert entry.nickname == "Mia"
    restored = other.unlock(entry.id, PASSPHRASE)
    assert restored.attempts()[0].answer == "five eighths"
    other.lock(restored)
    with pytest.raises(BackupFileError, match="already on this computer"):
        import_backup(other, target)
    assert b"five eighths" not in target.read_bytes()


def test_import_rejects_a_file_that_is_not_a_backup(store: ProfileStore,
                                                    tmp_path: Path) -> None:
    bogus = tmp_path / "homework.lantern-backup"
    bogus.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(BackupFileError, match="not a Lantern profile backup"):
        import_backup(store, bogus)
    assert store.profiles() == []


def test_key_command_prints_a_key_that_opens_the_database(
        store: ProfileStore, profile: Profile, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    answer(profile)
    store.lock(profile)
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt: PASSPHRASE)
    assert cli.main(["key", "--profile", profile.id]) == 0
    hex_key = capsys.readouterr().out.strip()
    conn = sqlcipher3.connect(str(store.db_path(profile.id)))
    conn.execute(f"PRAGMA key = \"x'{hex_key}'\"")
    assert conn.execute("SELECT answer FROM attempts").fetchall() == [("3/4",)]
    conn.close()
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt: "not it at all")
    assert cli.main(["key", "--profile", profile.id]) == 1
    assert "doesn't match" in capsys.readouterr().err


def test_a_cheaper_wrap_is_raised_to_the_calibrated_cost_at_sign_in(
        profile: Profile, store: ProfileStore) -> None:
    store.lock(profile)
    stronger = KdfParams(FAST_KDF.time_cost * 3, FAST_KDF.memory_kib * 2, 1, bytes(16))
    upgraded = ProfileStore(store.root, kdf=stronger)
    upgraded.lock(upgraded.unlock(profile.id, PASSPHRASE))
    params = upgraded.index.get(profile.id).passphrase_wrap.params
    assert (params.time_cost, params.memory_kib) == (stronger.time_cost, stronger.memory_kib)
    again = ProfileStore(store.root, kdf=FAST_KDF)  # a cheaper target never lowers it
    again.lock(again.unlock(profile.id, PASSPHRASE))
    assert again.index.get(profile.id).passphrase_wrap.params.memory_kib == stronger.memory_kib
