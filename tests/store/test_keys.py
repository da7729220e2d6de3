"""Key wrapping and the class recovery key, on the real primitives."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store.errors import RecoveryError
from app.store.keys import KdfParams, PassphraseWrap, calibrate, derive_kek, new_data_key
from app.store.recovery import ClassRecoveryKey, RecoveryWrap
from tests.store.conftest import FAST_KDF


def test_passphrase_wrap_round_trips_and_rejects_a_wrong_passphrase() -> None:
    key = new_data_key()
    wrap = PassphraseWrap.create("river stone cloud", key, aad=b"p1", params=FAST_KDF)
    again = PassphraseWrap.from_dict(wrap.to_dict())
    assert again.unwrap("river stone cloud", aad=b"p1") == key
    assert again.unwrap("river stone clouds", aad=b"p1") is None


def test_wrap_is_bound_to_its_profile_and_salted_fresh_each_time() -> None:
    key = new_data_key()
    first = PassphraseWrap.create("river stone cloud", key, aad=b"p1", params=FAST_KDF)
    second = PassphraseWrap.create("river stone cloud", key, aad=b"p1", params=FAST_KDF)
    assert first.unwrap("river stone cloud", aad=b"p2") is None
    assert first.params.salt != second.params.salt != FAST_KDF.salt
    assert first.sealed.ciphertext != second.sealed.ciphertext


def test_data_keys_are_256_bit_and_distinct() -> None:
    keys = {new_data_key() for _ in range(16)}
    assert len(keys) == 16 and all(len(k) == 32 for k in keys)


def test_calibration_gives_usable_argon2id_parameters() -> None:
    params = calibrate(target_s=0.05, memory_kib=8 * 1024)
    assert params.time_cost >= 2 and params.memory_kib == 8 * 1024
    assert KdfParams.from_dict(params.to_dict()) == params
    assert len(derive_kek("x", params)) == 32


def test_recovery_wrap_opens_only_with_the_class_private_key(tmp_path: Path) -> None:
    class_key = ClassRecoveryKey.create("teacher secret phrase", params=FAST_KDF)
    class_key.save(tmp_path / "class.json")
    loaded = ClassRecoveryKey.load(tmp_path / "class.json")
    key = new_data_key()
    wrap = RecoveryWrap.from_dict(
        RecoveryWrap.create(class_key.public, key, aad=b"p1").to_dict())
    private = loaded.unlock("teacher secret phrase")
    assert wrap.unwrap(private, aad=b"p1") == key
    assert wrap.unwrap(private, aad=b"p2") is None
    other = ClassRecoveryKey.create("another teacher", params=FAST_KDF)
    assert wrap.unwrap(other.unlock("another teacher"), aad=b"p1") is None


def test_wrong_teacher_passphrase_and_bad_file_are_clear(tmp_path: Path) -> None:
    class_key = ClassRecoveryKey.create("teacher secret phrase", params=FAST_KDF)
    with pytest.raises(RecoveryError, match="teacher passphrase doesn't match"):
        class_key.unlock("teacher secret phrasE")
    bad = tmp_path / "notes.txt"
    bad.write_text("shopping list")
    with pytest.raises(RecoveryError, match="not a Lantern class recovery key"):
        ClassRecoveryKey.load(bad)
