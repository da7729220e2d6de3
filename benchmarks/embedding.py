"""Our pruned embedder against its unpruned parent: speed, agreement and size.

* ``embed_speed_ratio`` — texts/s of ours ÷ texts/s of the parent, both through the app's
  :class:`EmbedEngine`, same texts, batch size and threads, runs alternated so machine
  load hits both (the two graphs do the same arithmetic: the goal is "no slower").
* ``embed_min_cosine`` — the lowest cosine between our vector and the parent's over every
  starter-pack text, English and Chinese.
* ``embed_size_ratio`` — our model's files (graph and weights) ÷ the parent's.

"Ours" is the candidate the build chose (``build/models/report.json``), or, when none
passed the gates, the one closest to passing, flagged ``passed_gates: false``. The goals
are the build's gates (``packaging/models/evaluate.py``). These need a finished
``make models-build``.
"""

from __future__ import annotations

import json
import statistics
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.models import bench_threads
from benchmarks.registry import Figure, Stopwatch, benchmark, median_ratio
from inference.embed import EmbedEngine
from inference.registry import load_registry, resolve

BUILD_DIR = Path(__file__).resolve().parents[1] / "build" / "models"
SPEED_TEXTS = 256
BATCH = 32
PAIRS = 5
QUERIES = 40


class NotBuilt(RuntimeError):
    pass


@cache
def built() -> dict[str, Any]:
    """The build report plus our model file and the parent's."""
    from packaging.models.entry import PARENT_ID

    report_path = BUILD_DIR / "report.json"
    if not report_path.is_file():
        raise NotBuilt(f"Our embedding model is not built yet ({report_path} is missing): "
                       "run `make models-build` first.")
    report = json.loads(report_path.read_text())
    name = report["chosen"] or report["best"]
    return {"report": report, "name": name,
            "ours": BUILD_DIR / "candidates" / name / "model.onnx",
            "parent": resolve(load_registry().get(PARENT_ID)) / "model.onnx",
            "passed_gates": report["chosen"] is not None}


def _texts() -> list[str]:
    from packaging.models.vocab import pack_texts

    return pack_texts()


def _engine(which: str, threads: int) -> EmbedEngine:
    return EmbedEngine(built()[which], None, threads=threads, batch_size=BATCH, name=which)


@benchmark("embed_speed_ratio")
def embed_speed_ratio() -> Figure:
    from packaging.models.evaluate import MIN_SPEED_RATIO

    threads, texts = bench_threads(), _texts()[:SPEED_TEXTS]
    ours, parent = _engine("ours", threads), _engine("parent", threads)
    ours.embed(texts[:BATCH]), parent.embed(texts[:BATCH])  # warm-up
    pairs, ours_tps, base_tps = [], [], []
    for i in range(PAIRS):
        first, second = (ours, parent) if i % 2 == 0 else (parent, ours)
        with Stopwatch() as a:
            first.embed(texts)
        with Stopwatch() as b:
            second.embed(texts)
        mine, base = (a, b) if first is ours else (b, a)
        ours_tps.append(len(texts) / mine.seconds)
        base_tps.append(len(texts) / base.seconds)
        pairs.append((ours_tps[-1], base_tps[-1]))
    queries = texts[:QUERIES]
    return Figure(
        name="embed_speed_ratio", value=median_ratio(pairs), unit="ratio",
        goal=f">= {MIN_SPEED_RATIO}",
        baseline="the unpruned parent through the same EmbedEngine, same texts, batch and "
                 "threads, alternated",
        detail={"ours_texts_per_s": round(statistics.median(ours_tps), 1),
                "parent_texts_per_s": round(statistics.median(base_tps), 1),
                "texts": len(texts), "threads": threads, "pairs": PAIRS,
                "model": built()["name"], "passed_gates": built()["passed_gates"],
                "query_ours_ms": _query_latency(ours.embed, queries),
                "query_parent_ms": _query_latency(parent.embed, queries)})


def _query_latency(embed: Any, queries: list[str]) -> list[float]:
    """Milliseconds to embed one text at a time: what a learner's search waits for."""
    samples = []
    for text in queries:
        with Stopwatch() as clock:
            embed([text])
        samples.append(round(1000 * clock.seconds, 2))
    return samples


@benchmark("embed_min_cosine")
def embed_min_cosine() -> Figure:
    from packaging.models.evaluate import MIN_COSINE

    threads, texts = bench_threads(), _texts()
    ours = _engine("ours", threads).embed(texts).astype(np.float64)
    parent = _engine("parent", threads).embed(texts).astype(np.float64)
    cosine = np.einsum("ij,ij->i", ours, parent)
    return Figure(
        name="embed_min_cosine", value=float(cosine.min()), unit="cosine",
        goal=f">= {MIN_COSINE}", baseline="the unpruned parent, per starter-pack text",
        detail={"mean": round(float(cosine.mean()), 6), "texts": len(texts),
                "model": built()["name"], "passed_gates": built()["passed_gates"]})


@benchmark("embed_size_ratio")
def embed_size_ratio() -> Figure:
    from packaging.models.entry import model_bytes
    from packaging.models.evaluate import MAX_SIZE_RATIO

    ours, parent = model_bytes(built()["ours"]), model_bytes(built()["parent"])
    return Figure(
        name="embed_size_ratio", value=ours / parent, unit="ratio",
        goal=f"<= {MAX_SIZE_RATIO}", baseline="the unpruned parent's model file",
        detail={"ours_mb": round(ours / 1e6, 2), "parent_mb": round(parent / 1e6, 2),
                "model": built()["name"], "passed_gates": built()["passed_gates"]})
