"""Issue 17's class-key takeover, replayed with the commands a student can run.

The attack was: replace the class key (``set-passphrase --replace`` or ``install-key``,
neither asked anything), let the victim sign in so their data key is re-wrapped for the
attacker's key, unwrap it, read the victim's SQLCipher file, then put the real key back.
Each step now fails: the CLIs ask for the teacher passphrase, and going around them
(deleting the file, ``--forgotten``) still leaves the victim's data key wrapped only for
the class key their profile pinned, with the victim told.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from app.main import main
from app.paths import AppPaths
from app.store import ProfileStore
from app.store.pin import ClassKeyStatus
from app.store.recovery import ClassRecoveryKey
from tests.store.constants import FAST_KDF

TEACHER = "owls read at midnight"
VICTIM = "green kite over hills"
ATTACKER = "my own sneaky phrase here"


def _cli(args: list[str], typed: list[str], monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in typed)))
    code = main(["teacher", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def _store() -> ProfileStore:
    return ProfileStore(AppPaths.default().data / "profiles", kdf=FAST_KDF)


@pytest.fixture
def classroom(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
              tmp_path: Path) -> tuple[str, bytes]:
    """A teacher's laptop with one learner who wrote a private message; the key on USB."""
    assert _cli(["set-passphrase", "--export", str(tmp_path / "usb.json")],
                [TEACHER, TEACHER], monkeypatch, capsys)[0] == 0
    store = _store()
    victim = store.create(nickname="Mia", avatar="fox", passphrase=VICTIM)
    victim.add_tutor_message(conversation_id="c1", role="user", content="a private worry")
    assert victim.class_key_status is ClassKeyStatus.TRUSTED  # pinned at creation
    store.lock(victim)
    key = ClassRecoveryKey.load(store.class_key_path)
    return victim.id, key.public


def _attacker_key(tmp_path: Path) -> Path:
    path = tmp_path / "attacker.json"
    ClassRecoveryKey.create(ATTACKER, params=FAST_KDF).save(path)
    return path


@pytest.mark.usefixtures("classroom")
def test_the_takeover_fails_at_its_first_step(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    before = _store().class_key_path.read_bytes()
    # Step 1 of the attack, either way it was done: both commands now ask first.
    code, said = _cli(["set-passphrase", "--replace"], ["a guess", ATTACKER, ATTACKER],
                      monkeypatch, capsys)
    assert code == 1 and "not this laptop's teacher passphrase" in said
    code, said = _cli(["install-key", str(_attacker_key(tmp_path))], ["a guess", ATTACKER],
                      monkeypatch, capsys)
    assert code == 1 and "not this laptop's teacher passphrase" in said
    assert _store().class_key_path.read_bytes() == before  # nothing changed


@pytest.mark.parametrize("around", ["replace --forgotten", "delete, then install-key"])
def test_going_around_the_commands_still_gets_no_data_key(
        classroom: tuple[str, bytes], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], tmp_path: Path, around: str) -> None:
    victim_id, real_public = classroom
    if around == "replace --forgotten":
        code, _ = _cli(["set-passphrase", "--replace", "--forgotten"], [ATTACKER, ATTACKER],
                       monkeypatch, capsys)
    else:
        _store().class_key_path.unlink()
        code, _ = _cli(["install-key", str(_attacker_key(tmp_path))], [ATTACKER],
                       monkeypatch, capsys)
    assert code == 0  # the attacker now holds "the" class key of this laptop…
    attacker_key = ClassRecoveryKey.load(_store().class_key_path)
    # …and waits for the victim's next sign-in, which used to re-wrap silently.
    store = _store()
    session = store.unlock(victim_id, VICTIM)
    assert session.class_key_status is ClassKeyStatus.UNTRUSTED  # the victim is told
    store.lock(session)
    wrap = store.index.get(victim_id).recovery_wrap
    assert wrap is not None and wrap.recipient == real_public  # not re-wrapped
    private = attacker_key.unlock(ATTACKER)
    assert wrap.unwrap(private, aad=victim_id.encode()) is None
    # Adopting the victim's profile needs the victim's own passphrase.
    code, said = _cli(["adopt", "Mia"], [ATTACKER, "a guess at hers"], monkeypatch, capsys)
    assert code == 1 and "doesn't match this profile" in said
    assert store.index.get(victim_id).recovery_wrap == wrap


def test_the_real_teacher_moves_learners_with_a_signed_key(
        classroom: tuple[str, bytes], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    victim_id, real_public = classroom
    new = "tall trees sway gently"
    assert _cli(["set-passphrase", "--replace"], [TEACHER, new, new], monkeypatch,
                capsys)[0] == 0
    store = _store()
    session = store.unlock(victim_id, VICTIM)
    assert session.class_key_status is ClassKeyStatus.MOVED  # told, and moved
    store.lock(session)
    moved = ClassRecoveryKey.load(store.class_key_path)
    wrap = store.index.get(victim_id).recovery_wrap
    assert wrap is not None and wrap.recipient == moved.public != real_public
    store.reset_passphrase(victim_id, class_key=moved, teacher_passphrase=new,
                           new_passphrase="brand new words here")
    store.lock(store.unlock(victim_id, "brand new words here"))


def test_after_a_forgotten_passphrase_a_learner_can_adopt_the_new_key(
        classroom: tuple[str, bytes], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    victim_id, _ = classroom
    new = "tall trees sway gently"
    assert _cli(["set-passphrase", "--replace", "--forgotten"], [new, new], monkeypatch,
                capsys)[0] == 0
    code, said = _cli(["adopt", "mia"], [new, VICTIM], monkeypatch, capsys)
    assert code == 0 and "now trusts" in said
    store = _store()
    session = store.unlock(victim_id, VICTIM)
    assert session.class_key_status is ClassKeyStatus.TRUSTED
    store.lock(session)
