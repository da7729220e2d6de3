"""hub_ingest_per_s: signed uploads per second into a real hub on loopback.

A real ``lantern-hub serve`` process (uvicorn) is fed pre-built, signed submissions of
five skills each (ten enrolled devices, one summary per device and week, as the hub
requires) over one keep-alive HTTP connection, first on SQLite, then on a
throwaway PostgreSQL cluster. Bounded: at most ``UPLOADS`` uploads or ``SECONDS_MAX``
seconds per database, whichever comes first. The baseline is ``GET /health`` over the
same connection and server (one ``SELECT 1``): the HTTP and framework floor, so the ratio
shows what verifying, validating and storing an upload costs on top.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from app.core.sync.payload import build_body, sign
from app.core.sync.privacy import release
from app.core.sync.records import SkillFigures, Week
from benchmarks.pgcluster import cluster, free_port
from benchmarks.registry import Figure, benchmark

UPLOADS = 400
WEEKS = 40  # per device: 10 devices of 40 weeks each
SECONDS_MAX = 20.0
SKILLS = 5
ROOT = Path(__file__).resolve().parents[1]


def _hub_cli(db_url: str, *args: str) -> str:
    return subprocess.run([sys.executable, "-m", "app.hub", "--db", db_url, *args],
                          capture_output=True, text=True, check=True, cwd=ROOT,
                          timeout=60).stdout


@contextlib.contextmanager
def _hub(db_url: str) -> Iterator[int]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "app.hub", "--db", db_url, "serve",
                                "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the hub did not start") from None
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=15)


def _device(port: int, code: str) -> dict[str, str]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/enrol", method="POST",
        data=json.dumps({"code": code}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(json.loads(response.read()))


def _envelopes(port: int, codes: list[str], count: int) -> list[bytes]:
    """``count`` uploads: one per device and past week (the hub takes no more)."""
    devices = [_device(port, code) for code in codes]
    figures = [SkillFigures(f"skill-{i}", 4, 3, (0.0, 1.0, 0.0, 0.0), 9.0)
               for i in range(SKILLS)]
    out = []
    for n in range(count):
        device = devices[n // WEEKS]
        body = build_body(release(figures, 1.0), Week(f"2025-W{n % WEEKS + 1:02d}"))
        out.append(sign(body, key_id=device["key_id"], token=device["token"]).encode())
    return out


def _rate(port: int, method: str, path: str, bodies: list[bytes] | None) -> tuple[float, int]:
    """Requests per second on one keep-alive connection (bounded in count and time)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json"}
    done, start = 0, time.perf_counter()
    try:
        for n in range(UPLOADS):
            conn.request(method, path, body=bodies[n] if bodies else None, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status not in (200, 201):
                raise RuntimeError(f"{method} {path} answered {response.status}")
            done += 1
            if time.perf_counter() - start > SECONDS_MAX:
                break
    finally:
        conn.close()
    return done / (time.perf_counter() - start), done


def _measure(db_url: str) -> dict[str, float]:
    added = _hub_cli(db_url, "add-class", "bench")
    class_id = added.split(" has the id ", 1)[1].split(":", 1)[0]
    codes = _hub_cli(db_url, "issue-codes", class_id, str(UPLOADS // WEEKS)).split()
    with _hub(db_url) as port:
        bodies = _envelopes(port, codes, UPLOADS)
        health, _ = _rate(port, "GET", "/health", None)
        ingest, count = _rate(port, "POST", "/api/submissions", bodies)
    return {"uploads_per_s": round(ingest, 1), "health_per_s": round(health, 1),
            "uploads": count}


@benchmark("hub_ingest_per_s")
def hub_ingest_per_s() -> Figure:
    with tempfile.TemporaryDirectory(prefix="lantern-bench-hub-") as folder:
        sqlite = _measure(f"sqlite:///{Path(folder) / 'hub.sqlite3'}")
    with cluster() as url:
        postgres = _measure(url)
    return Figure(
        name="hub_ingest_per_s", value=sqlite["uploads_per_s"], unit="uploads/s",
        goal=">= 25",
        baseline="absolute (SQLite); GET /health on the same connection is the HTTP floor",
        detail={"sqlite": sqlite, "postgresql": postgres, "skills_per_upload": SKILLS,
                "sqlite_vs_health": round(sqlite["uploads_per_s"] / sqlite["health_per_s"], 3),
                "postgresql_vs_health": round(
                    postgres["uploads_per_s"] / postgres["health_per_s"], 3)})
