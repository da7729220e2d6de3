"""Shared fixtures: private temp dirs for every test, leak checks, the real models.

- Every test gets its own ``LANTERN_HOME`` (settings, data, logs, cache): never the user's.
- A test that leaves a non-daemon thread or an active ``QTimer`` behind fails.
- ``chat_engine`` / ``embed_engine`` load the real registry models once per session.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from inference.embed import EmbedEngine
from inference.llm import ChatEngine
from inference.loader import load_cpu_embed
from inference.registry import load_registry, resolve

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LEAK_GRACE_S = 2.0


@pytest.fixture(scope="session")
def built_translations() -> Path:
    """``assets/i18n/*.qm``, compiled from the ``.ts`` sources like ``make translations``
    does when they are missing or older (a plain ``pytest`` run without ``make``)."""
    folder = Path(__file__).resolve().parents[1] / "assets" / "i18n"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(target)],
                           check=True, timeout=120)
    return folder


@pytest.fixture(autouse=True)
def lantern_home(tmp_path_factory: pytest.TempPathFactory,
                 monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("lantern-home")
    monkeypatch.setenv("LANTERN_HOME", str(home))
    return home


def _live_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.is_alive() and not t.daemon}


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    before = _live_threads()
    yield
    deadline = time.monotonic() + LEAK_GRACE_S
    leaked = _live_threads() - before
    while leaked and time.monotonic() < deadline:
        time.sleep(0.05)
        leaked = _live_threads() - before
    assert not leaked, f"test left threads running: {sorted(t.name for t in leaked)}"


@pytest.fixture(autouse=True)
def no_leaked_timers(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a Qt test that leaves an active QTimer on a widget or the application."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    owners = [app, *QApplication.topLevelWidgets()]
    active = [t for o in owners for t in o.findChildren(QTimer) if t.isActive()]
    names = [t.objectName() or type(t.parent()).__name__ for t in active]
    assert not active, f"test left {len(active)} active QTimer(s) on: {names}"


@pytest.fixture(scope="session")
def chat_engine() -> Iterator[ChatEngine]:
    spec = load_registry().default("chat")
    engine = ChatEngine(resolve(spec) / spec.file(".gguf").name, n_ctx=2048, name=spec.name)
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def embed_engine() -> EmbedEngine:
    return load_cpu_embed()
