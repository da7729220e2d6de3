"""The teacher passphrase: one per laptop, sealing the class recovery key (no Qt)."""

from __future__ import annotations

import pytest

from app.store import ProfileStore, TooManyTries, WeakPassphrase
from app.store.errors import CounterUnavailable, StoreError
from app.store.store import MAX_DELAY_S
from app.store.teacher import (
    TeacherFileDamaged,
    TeacherPassphrase,
    TeacherPassphraseExists,
    WrongTeacherPassphrase,
)
from tests.store.conftest import PASSPHRASE, FakeClock

TEACHER = "owls read at midnight"


@pytest.fixture
def gate(store: ProfileStore, clock: FakeClock) -> TeacherPassphrase:
    return TeacherPassphrase(store, clock=clock)


def test_set_once_then_only_the_right_passphrase_opens(gate: TeacherPassphrase) -> None:
    assert not gate.is_set()
    with pytest.raises(StoreError, match="no teacher passphrase yet"):
        gate.verify(TEACHER)
    with pytest.raises(WeakPassphrase):
        gate.set_first("owl")
    assert not gate.is_set()
    created = gate.set_first(TEACHER)
    assert gate.is_set() and gate.path.name == "class-recovery.json"
    with pytest.raises(WrongTeacherPassphrase):
        gate.verify("owls read at midnighT")
    key, _private = gate.verify(TEACHER)
    assert key.public == created.public
    # Whoever comes next can't take over by "setting it the first time" again.
    with pytest.raises(TeacherPassphraseExists):
        gate.set_first("a learner's own words")
    gate.verify(TEACHER)


def test_wrong_tries_grow_a_delay_that_survives_a_restart(store: ProfileStore,
                                                          clock: FakeClock) -> None:
    gate = TeacherPassphrase(store, clock=clock)
    gate.set_first(TEACHER)
    for _ in range(5):
        with pytest.raises(WrongTeacherPassphrase):
            gate.verify("guess guess guess")
    again = TeacherPassphrase(store, clock=clock)  # a restart reads the counter from disk
    with pytest.raises(TooManyTries) as waiting:
        again.verify(TEACHER)  # even the right one is not tried during the delay
    assert waiting.value.wait_s == pytest.approx(5.0)
    clock.now += 5.1
    with pytest.raises(WrongTeacherPassphrase):
        again.verify("guess guess guess")
    with pytest.raises(TooManyTries) as longer:
        again.verify(TEACHER)
    assert longer.value.wait_s == pytest.approx(10.0)
    clock.now += 10.1
    again.verify(TEACHER)
    assert again._tries().failed == 0  # the right one resets the counter


def test_changing_keeps_the_class_key_so_recovery_still_works(store: ProfileStore,
                                                              gate: TeacherPassphrase) -> None:
    before = gate.set_first(TEACHER)
    learner = store.create(nickname="Mia", avatar="fox", passphrase=PASSPHRASE)
    store.lock(learner)
    with pytest.raises(WrongTeacherPassphrase):
        gate.change("not the passphrase", "a brand new teacher phrase")
    gate.change(TEACHER, "a brand new teacher phrase")
    with pytest.raises(WrongTeacherPassphrase):
        gate.verify(TEACHER)
    key, _ = gate.verify("a brand new teacher phrase")
    assert key.public == before.public
    store.reset_passphrase(learner.id, class_key=key,
                           teacher_passphrase="a brand new teacher phrase",
                           new_passphrase="green frogs sing loudly")
    store.lock(store.unlock(learner.id, "green frogs sing loudly"))


def test_a_damaged_file_unlocks_nothing_and_says_so(gate: TeacherPassphrase) -> None:
    gate.set_first(TEACHER)
    gate.path.write_text('{"format": "lantern-class-recovery-key", "public": "!!"}')
    with pytest.raises(TeacherFileDamaged) as damaged:
        gate.verify(TEACHER)
    message = damaged.value.user_message()
    assert "damaged" in message and "stays locked" in message and "install-key" in message
    # A damaged file still counts as set: nobody gets to "set it the first time".
    assert gate.is_set()
    with pytest.raises(TeacherPassphraseExists):
        gate.set_first("a learner's own words")


@pytest.mark.parametrize("attack", ["edit to garbage", "delete", "replace by a folder"])
def test_a_broken_try_counter_means_locked_never_unlimited(
        gate: TeacherPassphrase, clock: FakeClock, attack: str) -> None:
    gate.set_first(TEACHER)
    if attack == "edit to garbage":
        gate.tries_path.write_text("{not json")
    elif attack == "delete":
        gate.tries_path.unlink()
    else:
        gate.tries_path.unlink()
        gate.tries_path.mkdir()
    expected = CounterUnavailable if attack == "replace by a folder" else TooManyTries
    for _ in range(3):  # however often it is tried, nothing is checked
        with pytest.raises(expected):
            gate.verify(TEACHER)
    clock.now += MAX_DELAY_S + 1
    if attack == "replace by a folder":
        with pytest.raises(CounterUnavailable):  # locked until the folder is removed
            gate.verify(TEACHER)
        gate.tries_path.rmdir()
        with pytest.raises(TooManyTries):  # then a missing counter: locked for a while
            gate.verify(TEACHER)
        clock.now += MAX_DELAY_S + 1
    gate.verify(TEACHER)  # the teacher gets in after the wait
    assert gate._tries().failed == 0


def test_a_try_is_counted_before_it_is_made(gate: TeacherPassphrase,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    gate.set_first(TEACHER)

    def killed(*_args: object) -> None:
        raise KeyboardInterrupt  # Lantern killed while Argon2id runs

    monkeypatch.setattr("app.store.recovery.ClassRecoveryKey.unlock_all", killed)
    with pytest.raises(KeyboardInterrupt):
        gate.verify("guess guess guess")
    assert gate._tries().failed == 1  # killing the check gives no free try


def test_a_forgotten_passphrase_is_replaced_by_a_new_class_key(gate: TeacherPassphrase) -> None:
    old = gate.set_first(TEACHER)
    new = gate.replace("fresh start for the class")
    assert new.public != old.public
    with pytest.raises(WrongTeacherPassphrase):
        gate.verify(TEACHER)
    gate.verify("fresh start for the class")
