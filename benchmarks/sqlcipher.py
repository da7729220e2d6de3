"""sqlcipher_ratio: the cost of encryption when storing answers.

10,000 ``Profile.record_attempt`` calls, each its own transaction (committed and, with
``synchronous=FULL``, fsynced), on a SQLCipher 4 database keyed like a real profile,
divided by the same calls on a plain, unkeyed database opened by the same SQLite library
(sqlcipher3 without a key is plain SQLite) with the same schema and pragmas. Both
databases are open at once and the inserts alternate in blocks of 250 (encrypted,
plain, ...): fsync latency on a shared disk drifts by several times within a minute, and
fine interleaving makes the drift hit both sides alike. The value is the median of the
per-block ratios. The batched case (all rows in one transaction) is in ``detail``, and
so is the same per-transaction run with ``synchronous=NORMAL`` (no fsync per commit):
fsync latency dominates the real figure, and that second ratio shows the CPU cost of
encryption it would otherwise hide.

The files live in a temporary folder beside the user data dir, so the disk is the one
profiles are really written to.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3

from app.paths import AppPaths
from app.store.db import apply_pragmas, open_encrypted
from app.store.keys import new_data_key
from app.store.profile import Profile
from app.store.records import ProfileId
from app.store.schema import migrate
from benchmarks.registry import Figure, Stopwatch, benchmark, median_ratio

INSERTS = 10_000
BLOCK = 250
PAIRS = 5  # batched runs (each is fast)
ROW: dict[str, Any] = {
    "skill_id": "fractions.add", "question_id": "q", "question": "What is 1/2 + 1/4?",
    "answer": "three quarters, because 2/4 + 1/4 = 3/4", "correct": True, "score": 1.0,
    "time_taken_s": 7.5, "hints_used": 1}
BATCH_SQL = ("INSERT INTO attempts (skill_id, question_id, question, answer, correct, score, "
             "time_taken_s, hints_used, created_at) VALUES (?,?,?,?,?,?,?,?,?)")

Opener = Callable[[Path], Any]


def _encrypted(path: Path) -> Any:
    return open_encrypted(path, new_data_key(), check=False)


def _plain(path: Path) -> Any:
    conn = sqlcipher3.connect(str(path), isolation_level="")
    apply_pragmas(conn)
    return conn


def _fresh(folder: Path, name: str, opener: Opener) -> Profile:
    path = folder / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = opener(path)
    migrate(conn, path)
    return Profile(ProfileId(name), conn, path)


def _block(profile: Profile) -> float:
    with Stopwatch() as clock:
        for _ in range(BLOCK):
            profile.record_attempt(**ROW)
    return clock.seconds


def _per_transaction(folder: Path, *, fsync: bool = True) -> list[tuple[float, float]]:
    """(encrypted s, plain s) for each block of ``BLOCK`` inserts, interleaved."""
    encrypted = _fresh(folder, "enc", _encrypted)
    plain = _fresh(folder, "plain", _plain)
    if not fsync:
        for profile in (encrypted, plain):
            profile.conn.execute("PRAGMA synchronous = NORMAL")
    _block(encrypted), _block(plain)  # warm-up: page cache, code paths
    pairs = [(_block(encrypted), _block(plain)) for _ in range(INSERTS // BLOCK)]
    encrypted.conn.close()
    plain.conn.close()
    return pairs


def _batched(folder: Path, name: str, opener: Opener) -> float:
    profile = _fresh(folder, name, opener)
    rows = [(*ROW.values(), "2026-01-01T00:00:00")] * INSERTS
    with Stopwatch() as clock, profile.conn:
        profile.conn.executemany(BATCH_SQL, rows)
    profile.conn.close()
    return clock.seconds


@benchmark("sqlcipher_ratio")
def sqlcipher_ratio() -> Figure:
    data = AppPaths.default().data
    data.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".bench-", dir=data))
    try:
        pairs = _per_transaction(folder)
        no_fsync = _per_transaction(folder, fsync=False)
        batched = [(_batched(folder, "enc", _encrypted), _batched(folder, "plain", _plain))
                   for _ in range(PAIRS)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    enc_s, plain_s = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    return Figure(
        name="sqlcipher_ratio", value=median_ratio(pairs), unit="ratio", goal="<= 1.5",
        baseline="same inserts on an unkeyed database (same SQLite build, schema, pragmas)",
        detail={"inserts": INSERTS, "block": BLOCK, "sqlcipher_s": round(enc_s, 3),
                "plain_s": round(plain_s, 3),
                "sqlcipher_us_per_commit": round(enc_s / INSERTS * 1e6, 1),
                "plain_us_per_commit": round(plain_s / INSERTS * 1e6, 1),
                "total_ratio": round(enc_s / plain_s, 3),
                "no_fsync_ratio": round(median_ratio(no_fsync), 3),
                "no_fsync_sqlcipher_us_per_commit": round(
                    sum(p[0] for p in no_fsync) / INSERTS * 1e6, 1),
                "no_fsync_plain_us_per_commit": round(
                    sum(p[1] for p in no_fsync) / INSERTS * 1e6, 1),
                "batched_ratio": round(median_ratio(batched), 3), "batched_pairs": PAIRS,
                "batched_sqlcipher_s": round(statistics.median(b[0] for b in batched), 4),
                "batched_plain_s": round(statistics.median(b[1] for b in batched), 4),
                "pragmas": "journal_mode=WAL, synchronous=FULL, temp_store=MEMORY",
                "folder_fs": os.path.realpath(data)})
