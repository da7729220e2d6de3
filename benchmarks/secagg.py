"""sync_interval_ratio: how much sharper a class figure is with secure aggregation.

One run, one simulated class of 30 laptops, 3 skills, ε = 1 per week. The same learners'
figures go out both ways:

- today's local DP (``app.core.sync.privacy.release`` on every laptop, summed as the hub
  sums them): the 95 % half-width of "learners in a mastery bucket" is
  1.96·sqrt(Σ 2b²) over the 30 laptops' Laplace scales b;
- a real secure-aggregation round through the hub's round store on a throwaway SQLite
  file (keys, masked inputs, unmask; ``app.hub.rounds``): the half-width is
  1.96·sqrt(2μ·m/t) for the calibrated Skellam μ, m = 30 reporting, t = 20.

The value is secure ÷ local. The run's actual errors (noisy sum - true sum) are in the
detail, as a check that both widths describe what happened.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from app.core.sync.payload import Body, sign
from app.core.sync.privacy import release
from app.core.sync.records import SkillFigures
from app.core.sync.secure import RoundInfo, RoundSecrets, encode, input_body, keys_body, reveal_body
from app.hub.db import HubDB
from app.hub.enrolment import enrol_directly
from app.hub.report import Z95
from app.hub.round_report import half_width
from app.hub.rounds import Rounds
from app.hub.rounds_api import answer
from app.hub.schema import Envelope
from benchmarks.registry import Figure, benchmark

LAPTOPS, SKILLS, EPSILON, DROPPED = 30, ("fractions", "decimals", "percentages"), 1.0, 3


def _class(rng: np.random.Generator) -> list[list[SkillFigures]]:
    learners = []
    for _ in range(LAPTOPS):
        row = []
        for skill in SKILLS:
            bucket = int(rng.integers(0, 4))
            attempts = float(rng.integers(0, 13))
            row.append(SkillFigures(skill, attempts, float(rng.binomial(int(attempts), 0.7)),
                                    tuple(1.0 if i == bucket else 0.0 for i in range(4)),
                                    attempts * 1.5))
        learners.append(row)
    return learners


def _local(learners: list[list[SkillFigures]]) -> tuple[float, np.ndarray]:
    """Half-width and this run's errors of the bucket counts with local DP."""
    releases = [release(figures, EPSILON) for figures in learners]
    noisy = np.array([[s.buckets for s in r.skills] for r in releases]).sum(axis=0)
    true = np.array([[f.buckets for f in figures] for figures in learners]).sum(axis=0)
    variance = sum(2 * r.skills[0].scales["buckets"] ** 2 for r in releases)
    return Z95 * float(np.sqrt(variance)), (noisy - true).ravel()


def _send(db: HubDB, rounds: Rounds, device: tuple[str, str], body: str) -> None:
    envelope = Envelope.model_validate_json(sign(Body("", body), key_id=device[0],
                                                 token=device[1]))
    outcome = answer(db, rounds, envelope)
    if outcome.status >= 300:
        raise RuntimeError(f"the hub refused a round message: {outcome.detail}")


def _secure(learners: list[list[SkillFigures]], folder: Path,
            dropped: int) -> tuple[float, np.ndarray]:
    """Half-width and this run's errors of the bucket counts with a real round."""
    db = HubDB(f"sqlite:///{folder / f'hub-{dropped}.sqlite3'}")
    try:
        rounds = Rounds(db)
        cls = db.add_class("bench")
        devices = [(d.key_id, d.token) for d in (enrol_directly(db, cls) for _ in learners)]
        opened = rounds.open(cls.id, epsilon=EPSILON)
        states = [RoundSecrets.new(opened.round_id) for _ in learners]
        for device, state in zip(devices, states, strict=True):
            _send(db, rounds, device, keys_body(state, SKILLS))
        info = RoundInfo.from_dict(rounds.bulletin(cls.id)["rounds"][0])
        reporting = range(len(learners) - dropped)
        for i in reporting:
            _send(db, rounds, devices[i], input_body(states[i], info, learners[i]))
        if dropped:
            rounds.advance(opened.round_id)
        info = RoundInfo.from_dict(rounds.bulletin(cls.id)["rounds"][0])
        for i in reporting:
            _send(db, rounds, devices[i], reveal_body(states[i], info))
        row = rounds.get(opened.round_id)
        assert row.result is not None and row.threshold is not None
        total = np.array(row.result["sum"]).reshape(len(SKILLS), -1)[:, :4]
        true = sum(encode(learners[i]).reshape(len(SKILLS), -1)[:, :4] for i in reporting)
        width = half_width(row.result["mu"]["buckets"], row.result["reporting"],
                           row.threshold)
        return width, (total - true).ravel()
    finally:
        db.close()


@benchmark("sync_interval_ratio")
def sync_interval_ratio() -> Figure:
    learners = _class(np.random.default_rng(2026))
    local_width, local_errors = _local(learners)
    with tempfile.TemporaryDirectory(prefix="lantern-bench-secagg-") as folder:
        secure_width, secure_errors = _secure(learners, Path(folder), 0)
        dropout_width, _ = _secure(learners, Path(folder), DROPPED)
    return Figure(
        name="sync_interval_ratio", value=secure_width / local_width, unit="ratio",
        goal="<= 0.1",
        baseline="95 % half-width of learners in a mastery bucket with today's local DP, "
                 "same learners, same run",
        detail={"laptops": LAPTOPS, "skills": len(SKILLS), "epsilon": EPSILON,
                "delta_secure": 1e-5,
                "secure_half_width": round(secure_width, 2),
                "local_dp_half_width": round(local_width, 1),
                "secure_half_width_with_3_dropouts": round(dropout_width, 2),
                "secure_max_abs_error_this_run": int(np.max(np.abs(secure_errors))),
                "local_dp_max_abs_error_this_run": round(float(np.max(np.abs(
                    local_errors))), 1)})
