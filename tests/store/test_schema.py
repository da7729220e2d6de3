"""Schema versions: ordered migrations, a backup before migrating, no silent downgrade."""

from __future__ import annotations

import pytest
import sqlcipher3

from app.store import Profile, ProfileStore
from app.store.schema import MIGRATIONS, Migration, latest, migrate, user_version
from tests.store.conftest import FAST_KDF, PASSPHRASE

# Version-agnostic: later issues append real migrations (sync added v2).
NEXT = Migration(latest() + 1, ("ALTER TABLE attempts ADD COLUMN mood TEXT",))


def test_new_profile_is_at_the_latest_version(store: ProfileStore, profile: Profile) -> None:
    assert user_version(profile.conn) == latest() == MIGRATIONS[-1].version
    tables = set(profile.db.table_names())
    assert {"settings", "skill_state", "attempts", "tutor_messages", "privacy_ledger",
            "sync_outbox"} <= tables


def test_migration_keeps_an_encrypted_copy_first(store: ProfileStore,
                                                 profile: Profile) -> None:
    profile.record_attempt(skill_id="s", question_id="q", question="?", answer="a",
                           correct=True, score=1.0, time_taken_s=1.0)
    store.lock(profile)
    key = store.raw_key(profile.id, PASSPHRASE)
    newer = ProfileStore(store.root, kdf=FAST_KDF, migrations=(*MIGRATIONS, NEXT))
    upgraded = newer.unlock(profile.id, PASSPHRASE)
    assert user_version(upgraded.conn) == latest() + 1
    assert "mood" in upgraded.db["attempts"].columns_dict
    newer.lock(upgraded)
    copy = store.db_path(profile.id).with_name(f"profile.db.v{latest()}.bak")
    old = sqlcipher3.connect(str(copy))
    old.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    assert old.execute("PRAGMA user_version").fetchone() == (latest(),)
    assert old.execute("SELECT answer FROM attempts").fetchall() == [("a",)]
    old.close()


def test_a_failing_migration_changes_nothing(store: ProfileStore, profile: Profile) -> None:
    broken = Migration(latest() + 1, ("CREATE TABLE extra (x)", "THIS IS NOT SQL"))
    with pytest.raises(sqlcipher3.OperationalError):
        migrate(profile.conn, profile.path, (*MIGRATIONS, broken))
    assert user_version(profile.conn) == latest()
    assert "extra" not in profile.db.table_names()


def test_a_newer_database_is_not_downgraded(store: ProfileStore, profile: Profile) -> None:
    with pytest.raises(ValueError, match="newer than this Lantern"):
        migrate(profile.conn, profile.path, MIGRATIONS[:0])
