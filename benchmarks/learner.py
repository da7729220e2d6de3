"""learner_auc and learner_update_us: the learner model on real ASSISTments 2015 data.

- ``learner_auc``: fits on pyKT's ``train_valid.csv`` and scores next-answer AUC on
  ``test.csv`` (see :mod:`app.core.learner.evaluate`). The value is the full model's AUC
  divided by standard BKT's AUC from the same run; every model's AUC, RMSE and log loss
  and pyKT's published DKT AUC are in ``detail``.
- ``learner_update_us``: microseconds per online update (``LearnerModel.record``),
  replaying real test learners' answers. Baselines from the same run, in ``detail``:
  a plain dict counter update (the floor: what storing any per-skill number costs) and
  replaying the learner's whole history on that skill through BKT (what the app would
  do without O(1) state).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from app.core.learner import bkt
from app.core.learner.evaluate import PYKT_DKT_AUC, run
from app.core.learner.model import LearnerModel
from app.core.learner.responses import load_pykt
from benchmarks.registry import Figure, benchmark

KT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "kt" / "assist2015_pykt"
REPEATS = 5


@benchmark("learner_auc")
def learner_auc() -> Figure:
    scores = {s.model: s for s in run(KT / "train_valid.csv", KT / "test.csv", "pykt", None)}
    full, standard = scores["full model"], scores["standard BKT"]
    detail: dict[str, object] = {
        s.model: {"auc": round(s.auc, 4), "rmse": round(s.rmse, 4),
                  "log_loss": round(s.log_loss, 4), "fit_s": round(s.fit_s, 1)}
        for s in scores.values()}
    detail["pyKT DKT (published)"] = {"auc": PYKT_DKT_AUC}
    return Figure(name="learner_auc", value=full.auc / standard.auc, unit="ratio",
                  goal="> 1.0", baseline="standard BKT AUC, same files, same run",
                  detail=detail)


def _per_answer_us(answers: list[tuple[str, bool]], step: Callable[[str, bool], None]) -> float:
    start = time.perf_counter()
    for skill, right in answers:
        step(skill, right)
    return (time.perf_counter() - start) / len(answers) * 1e6


def _model_step(model: LearnerModel) -> Callable[[str, bool], None]:
    state = model.new_state()

    def step(skill: str, right: bool) -> None:
        model.record(state, skill, right)

    return step


def _dict_step() -> Callable[[str, bool], None]:
    counts: dict[str, int] = {}

    def step(skill: str, right: bool) -> None:
        counts[skill] = counts.get(skill, 0) + right

    return step


def _replay_step(model: LearnerModel) -> Callable[[str, bool], None]:
    history: dict[str, list[bool]] = {}

    def step(skill: str, right: bool) -> None:
        history.setdefault(skill, []).append(right)
        bkt.trace(history[skill], model.skill_params(skill))

    return step


@benchmark("learner_update_us")
def learner_update_us() -> Figure:
    model = LearnerModel.fit(load_pykt(KT / "train_valid.csv").take_learners(2000))
    test = load_pykt(KT / "test.csv").take_learners(300)
    answers = [(test.skill_names[s], bool(c)) for s, c in zip(test.skill, test.correct,
                                                               strict=True)]
    ours, floor, replay = [], [], []
    for _ in range(REPEATS):  # alternate so machine load hits all three alike
        ours.append(_per_answer_us(answers, _model_step(model)))
        floor.append(_per_answer_us(answers, _dict_step()))
        replay.append(_per_answer_us(answers, _replay_step(model)))
    us = statistics.median(ours)
    return Figure(
        name="learner_update_us", value=us, unit="µs", goal="<= 50",
        baseline="absolute; ratios to a dict update and to replaying history in detail",
        detail={"answers_replayed": len(answers), "repeats": REPEATS,
                "dict_update_us": round(statistics.median(floor), 3),
                "replay_history_us": round(statistics.median(replay), 3),
                "ratio_vs_dict_update": round(us / statistics.median(floor), 2),
                "ratio_vs_replay_history": round(us / statistics.median(replay), 3)})
