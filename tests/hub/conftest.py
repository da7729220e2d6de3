"""Hub fixtures: a real ``lantern-hub`` process on 127.0.0.1 over SQLite or PostgreSQL."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.pgcluster import cluster, free_port
from tests.sync.conftest import profile, store

__all__ = ["profile", "store"]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    url: str = request.getfixturevalue("postgres_url")
    _reset_postgres(url)
    return url


def _reset_postgres(url: str) -> None:
    from app.hub.db import HubDB, meta

    db = HubDB(url)
    meta.drop_all(db.engine)
    db.close()


def hub_cli(db_url: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "app.hub", "--db", db_url, *args],
                          capture_output=True, text=True, timeout=60, cwd=ROOT, check=True)
    return done.stdout


def add_class(db_url: str, name: str) -> int:
    out = hub_cli(db_url, "add-class", name)
    return int(out.split(" has the id ", 1)[1].split(":", 1)[0])


def issue_codes(db_url: str, class_id: int, count: int) -> list[str]:
    return hub_cli(db_url, "issue-codes", str(class_id), str(count)).split()


@dataclass
class Hub:
    url: str
    db_url: str
    process: subprocess.Popen[str]

    def add_class(self, name: str) -> int:
        """Create a class with the real CLI; return its id."""
        return add_class(self.db_url, name)

    def code(self, class_id: int) -> str:
        """One one-time enrolment code for the class, issued with the real CLI."""
        return issue_codes(self.db_url, class_id, 1)[0]

    def health(self) -> dict[str, object]:
        with urllib.request.urlopen(f"{self.url}/health", timeout=5) as response:
            return dict(json.loads(response.read()))

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"{self.url}{path}", timeout=10) as response:
            return str(response.read().decode())


@contextlib.contextmanager
def running_hub(db_url: str, port: int | None = None, k: int = 5) -> Iterator[Hub]:
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "app.hub", "--db", db_url, "serve", "--host", "127.0.0.1",
         "--port", str(port), "--k", str(k)], cwd=ROOT, text=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ))
    hub = Hub(f"http://127.0.0.1:{port}", db_url, process)
    try:
        _wait_healthy(hub)
        yield hub
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def _wait_healthy(hub: Hub, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            errors = hub.process.stderr.read() if hub.process.stderr else ""
            raise RuntimeError(f"hub exited: {errors}")
        try:
            hub.health()
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError("the hub did not become healthy")


@pytest.fixture
def hub(db_url: str) -> Iterator[Hub]:
    with running_hub(db_url) as started:
        yield started
