"""`python -m app` without a display, and `python -m app --self-test` (good and broken)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from inference.registry import load_registry, resolve

REPO = Path(__file__).resolve().parents[2]


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


def test_no_display_gives_one_clear_sentence() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = _run([], env)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().startswith("Lantern needs a graphical desktop")
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_self_test_prints_ok_json_on_its_last_line() -> None:
    done = _run(["--self-test"], dict(os.environ))
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["ok"] is True
    assert result["chat_model"] == load_registry().default("chat").id
    assert result["embed_model"] == load_registry().default("embed").id
    assert result["embed_model"] == "use-multilingual-v3-int8-en-zh"  # our pruned embedder
    assert result["embed_derived_from"] == "use-multilingual-v3-int8"
    for role in ("chat", "embed"):  # hashed again by the self-test, not from a cache
        assert result[f"{role}_sha256"] == load_registry().default(role).files[0].sha256[:16]
    assert result["embed_dim"] == load_registry().default("embed").dimension
    assert result["tokens"] >= 16
    assert result["tokens_per_s"] > 0 and "CPU" in result["chat_device"]


@pytest.mark.slow
def test_self_test_reports_a_damaged_model(lantern_home: Path) -> None:
    spec = load_registry().default("embed")
    folder = lantern_home / "data" / "models" / spec.id
    shutil.copytree(resolve(spec), folder)
    (folder / "model.onnx").write_bytes(b"truncated")
    done = _run(["--self-test"], dict(os.environ))
    assert done.returncode == 1
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["ok"] is False and "model.onnx" in result["error"]


def test_a_missing_qt_library_is_said_on_the_terminal_with_the_command() -> None:
    """Qt's xcb plugin aborts (134, silent) without e.g. libxcb-cursor0: we say so first."""
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["DISPLAY"] = ":99"  # an X display is asked for; the check comes before Qt loads
    script = ("import sys, app.system_libs as libs\n"
              "libs.XCB_LIBS = (('libxcb-cursor-missing.so.0', 'libxcb-cursor0'),)\n"
              "from app.main import main\n"
              "code = main([])\n"
              "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
              "sys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    sentence, command = done.stderr.strip().splitlines()
    assert sentence.startswith("Lantern cannot open its window") and "libxcb-cursor0" in sentence
    assert command.strip() == "sudo apt-get install libxcb-cursor0"


def test_make_run_checks_the_same_libraries_first() -> None:
    makefile = (REPO / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert run.index("system-deps.sh") < run.index("-m app")
    done = subprocess.run([sys.executable, "-m", "app.system_libs"], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Traceback" not in done.stderr
