"""Which class key a profile trusts: pinned in the encrypted profile, moved only by signature."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.store import ProfileStore
from app.store.keys import derive_kek, seal
from app.store.pin import PIN_KEY, ClassKeyStatus, read_pin
from app.store.records import ProfileId
from app.store.recovery import ClassRecoveryKey
from app.store.teacher import TeacherPassphrase
from tests.store.conftest import FAST_KDF, PASSPHRASE, FakeClock

TEACHER = "owls read at midnight"
RAW = serialization.Encoding.Raw


def _version_1_key(passphrase: str) -> ClassRecoveryKey:
    """A class key file as Lantern wrote it before signing keys (X25519 only)."""
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
    raw = private.private_bytes(RAW, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    params = FAST_KDF.with_new_salt()
    return ClassRecoveryKey(public, params, seal(derive_kek(passphrase, params), raw, public))


def _status(store: ProfileStore, profile_id: ProfileId) -> ClassKeyStatus:
    session = store.unlock(profile_id, PASSPHRASE)
    try:
        return session.class_key_status
    finally:
        store.lock(session)


def test_a_version_1_key_is_upgraded_and_its_learners_follow(store: ProfileStore,
                                                             clock: FakeClock) -> None:
    old = _version_1_key(TEACHER)
    old.save(store.class_key_path)
    assert '"version": 1' in store.class_key_path.read_text()
    learner = store.create(nickname="Mia", avatar="fox", passphrase=PASSPHRASE)
    store.lock(learner)
    key, unlocked = TeacherPassphrase(store, clock=clock).open(TEACHER)  # the upgrade
    assert key.public == old.public and key.signing_public is not None
    assert unlocked.signing is not None
    assert store.class_key_path.with_name("class-recovery.json.v1.bak").exists()
    assert _status(store, learner.id) is ClassKeyStatus.TRUSTED
    session = store.unlock(learner.id, PASSPHRASE)
    pin = read_pin(session.conn)
    store.lock(session)
    assert pin is not None and pin.signed and pin.fingerprint == key.fingerprint
    # From now on a file with the same X25519 key but another signing key is not it.
    forged = ClassRecoveryKey.create(TEACHER, params=FAST_KDF)
    ClassRecoveryKey(key.public, forged.params, forged.sealed_private,
                     forged.signing_public).save(store.class_key_path)
    assert _status(store, learner.id) is ClassKeyStatus.UNTRUSTED


def test_profiles_from_before_pins_trust_on_first_use_only_their_own_key(
        store: ProfileStore, clock: FakeClock) -> None:
    gate = TeacherPassphrase(store, clock=clock)
    gate.set_first(TEACHER)
    learner = store.create(nickname="Mia", avatar="fox", passphrase=PASSPHRASE)
    learner.conn.execute("DELETE FROM settings WHERE key = ?", (PIN_KEY,))
    learner.conn.commit()
    store.lock(learner)
    real = store.class_key()
    assert real is not None
    # Another key appears before the first sign-in: the wrap goes elsewhere, so no pin.
    gate.replace("somebody else's words", current=None)
    assert _status(store, learner.id) is ClassKeyStatus.UNTRUSTED
    wrap = store.index.get(learner.id).recovery_wrap
    assert wrap is not None and wrap.recipient == real.public
    # The real key back (from the USB copy): first use pins it.
    real.save(store.class_key_path)
    assert _status(store, learner.id) is ClassKeyStatus.TRUSTED


def test_a_missing_class_key_is_not_silently_accepted(store: ProfileStore,
                                                      clock: FakeClock) -> None:
    TeacherPassphrase(store, clock=clock).set_first(TEACHER)
    learner = store.create(nickname="Mia", avatar="fox", passphrase=PASSPHRASE)
    store.lock(learner)
    store.class_key_path.unlink()
    assert _status(store, learner.id) is ClassKeyStatus.UNTRUSTED
    store.class_key_path.write_text("damaged")
    assert _status(store, learner.id) is ClassKeyStatus.UNTRUSTED


def test_endorsements_chain_and_a_forged_one_is_ignored(store: ProfileStore,
                                                        clock: FakeClock) -> None:
    gate = TeacherPassphrase(store, clock=clock)
    first = gate.set_first(TEACHER)
    learner = store.create(nickname="Mia", avatar="fox", passphrase=PASSPHRASE)
    store.lock(learner)
    gate.replace("second class key words", current=TEACHER)
    third = gate.replace("third class key words", current="second class key words")
    assert third.endorsed_from(first.fingerprint)  # two steps, one chain
    assert _status(store, learner.id) is ClassKeyStatus.MOVED
    # An attacker copies the chain onto their own key: the last signature is not theirs.
    attacker = ClassRecoveryKey.create("my own sneaky phrase", params=FAST_KDF)
    stolen = ClassRecoveryKey(attacker.public, attacker.params, attacker.sealed_private,
                              attacker.signing_public, third.endorsements)
    assert not stolen.endorsed_from(third.fingerprint)
    stolen.save(store.class_key_path)
    assert _status(store, learner.id) is ClassKeyStatus.UNTRUSTED
