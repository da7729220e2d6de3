"""``python -m app teacher …``: set, change, replace and install the teacher passphrase."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.main import main
from app.paths import AppPaths
from app.store import ProfileStore
from app.store.recovery import ClassRecoveryKey
from app.store.teacher import TeacherPassphrase, WrongTeacherPassphrase

REPO = Path(__file__).resolve().parents[2]
TEACHER = "owls read at midnight"
NEW = "tall trees sway gently"


def _run(args: list[str], typed: list[str], monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI in this process with ``typed`` as the lines on standard input."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in typed)))
    code = main(["teacher", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _gate() -> TeacherPassphrase:
    return TeacherPassphrase(ProfileStore(AppPaths.default().data / "profiles"))


def test_set_change_and_export(monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert "No teacher passphrase yet" in _run(["status"], [], monkeypatch, capsys)[1]
    code, out, _ = _run(["set-passphrase"], [TEACHER, "owls read at noon"], monkeypatch,
                        capsys)
    assert code == 1 and not _gate().is_set()  # two different ones: nothing set
    code, out, _ = _run(["set-passphrase", "--export", str(tmp_path / "usb.json")],
                        [TEACHER, TEACHER], monkeypatch, capsys)
    assert code == 0 and "You are the teacher of this laptop" in out
    first, _ = _gate().verify(TEACHER)
    assert ClassRecoveryKey.load(tmp_path / "usb.json").public == first.public
    code, _, err = _run(["set-passphrase"], ["wrong guess here", NEW, NEW], monkeypatch,
                        capsys)
    assert code == 1 and "not this laptop's teacher passphrase" in err
    code, out, _ = _run(["set-passphrase"], [TEACHER, "new words for owls", "new words for owls"],
                        monkeypatch, capsys)
    assert code == 0 and "Changed" in out
    changed, _ = _gate().verify("new words for owls")
    assert changed.public == first.public  # the same class key, sealed anew
    assert "is set" in _run(["status"], [], monkeypatch, capsys)[1]


def test_replace_and_install_key(monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _run(["set-passphrase"], [TEACHER, TEACHER], monkeypatch, capsys)
    usb = tmp_path / "class.json"
    _gate().store.class_key_path.rename(usb)  # as if exported, then this laptop reset
    code, out, _ = _run(["set-passphrase", "--replace", "--forgotten"],
                        ["forgotten it already", "forgotten it already"], monkeypatch, capsys)
    assert code == 0 and "Nothing vouches for this new class key" in out
    with pytest.raises(WrongTeacherPassphrase):
        _gate().verify(TEACHER)
    # Over another class key, installing asks this laptop's passphrase, then the file's.
    code, _, err = _run(["install-key", str(usb)], ["forgotten it already", "a guess"],
                        monkeypatch, capsys)
    assert code == 1 and "not this laptop's teacher passphrase" in err
    code, _, err = _run(["install-key", str(usb)], ["a guess", TEACHER], monkeypatch, capsys)
    assert code == 1 and "not this laptop's teacher passphrase" in err
    code, out, _ = _run(["install-key", str(usb)], ["forgotten it already", TEACHER],
                        monkeypatch, capsys)
    assert code == 0 and "Installed" in out
    _gate().verify(TEACHER)


def test_replace_with_the_current_passphrase_signs_the_new_key(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _run(["set-passphrase"], [TEACHER, TEACHER], monkeypatch, capsys)
    old, _ = _gate().verify(TEACHER)
    code, _, err = _run(["set-passphrase", "--replace"], ["a wrong current one", NEW, NEW],
                        monkeypatch, capsys)
    assert code == 1 and "not this laptop's teacher passphrase" in err
    code, out, _ = _run(["set-passphrase", "--replace"], [TEACHER, NEW, NEW], monkeypatch,
                        capsys)
    assert code == 0 and "signed by the old class key" in out
    new, _ = _gate().verify(NEW)
    assert new.public != old.public and new.endorsed_from(old.fingerprint)


def test_a_damaged_file_is_explained(monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    _run(["set-passphrase"], [TEACHER, TEACHER], monkeypatch, capsys)
    _gate().path.write_text("not json at all")
    code, _, err = _run(["set-passphrase"], [TEACHER, NEW, NEW], monkeypatch, capsys)
    assert code == 1 and "damaged" in err and "Traceback" not in err


def test_the_real_entry_point_needs_no_display(lantern_home: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "app", "teacher", "set-passphrase"],
                          cwd=REPO, env=env, input=f"{TEACHER}\n{TEACHER}\n",
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "You are the teacher of this laptop" in done.stdout
    assert _gate().is_set()
