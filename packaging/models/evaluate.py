"""Measure a candidate embedder against its unpruned parent, and the gates it must pass.

Both models are loaded through the app's own :class:`inference.embed.EmbedEngine`, so what
is measured is what learners run. Retrieval recall is the app's hybrid search
(``benchmarks.retrieval.recall_by_language``) on the starter packs' questions and on the
cross-language set in ``assets/eval``.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from inference.embed import EmbedEngine

Vectors = npt.NDArray[np.float32]

MIN_COSINE = 0.99
MAX_SIZE_RATIO = 0.5
# Speed: the median over interleaved pairs of (parent time / candidate time). The two
# graphs do the same arithmetic, so on a loaded machine the ratio scatters around 1; a
# candidate is "no slower" unless it is slower by more than this measured noise.
MIN_SPEED_RATIO = 0.97
RECALL_KEYS = ("dense@5", "fused@5")


@dataclass(frozen=True)
class Metrics:
    name: str
    size_bytes: int
    min_cosine: float  # over every starter-pack text, vs the parent
    mean_cosine: float
    heldout_min_cosine: float  # over the evaluation sets' texts (not used to build)
    heldout_mean_cosine: float
    recall: dict[str, dict[str, float]]  # group ("en", "zh", "cross") -> mode@k -> recall
    texts: int
    heldout_texts: int

    def to_dict(self) -> dict[str, Any]:
        return {k: round(v, 6) if isinstance(v, float) else v for k, v in asdict(self).items()}


@dataclass(frozen=True)
class Speed:
    parent_ms_per_text: float
    candidate_ms_per_text: float
    ratio: float  # median of parent time / candidate time over the pairs; > 1 is faster
    pairs: int
    texts: int
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]


@dataclass(frozen=True)
class Gate:
    name: str
    passed: bool
    value: float
    limit: str
    note: str = ""


def agreement(ours: Vectors, parent: Vectors) -> npt.NDArray[np.float64]:
    """Per-text cosine between unit vectors (rows)."""
    return np.einsum("ij,ij->i", ours.astype(np.float64), parent.astype(np.float64))


def compare(name: str, engine: EmbedEngine, parent: EmbedEngine, *, texts: Sequence[str],
            heldout: Sequence[str], size_bytes: int,
            recall: Callable[[EmbedEngine], dict[str, dict[str, float]]]) -> Metrics:
    """Cosines against ``parent`` on ``texts`` and ``heldout``; recall with ``recall``."""
    cosine = agreement(engine.embed(texts), parent.embed(texts))
    held = agreement(engine.embed(heldout), parent.embed(heldout))
    return Metrics(name=name, size_bytes=size_bytes, min_cosine=float(cosine.min()),
                   mean_cosine=float(cosine.mean()), heldout_min_cosine=float(held.min()),
                   heldout_mean_cosine=float(held.mean()), recall=recall(engine),
                   texts=len(texts), heldout_texts=len(heldout))


def interleaved_speed(parent: EmbedEngine, candidate: EmbedEngine, texts: Sequence[str],
                      pairs: int = 7) -> Speed:
    """Time both engines on the same texts, alternating which goes first, so that the
    machine's load falls on both alike; returns the median per-pair ratio."""
    parent.embed(texts[:16]), candidate.embed(texts[:16])  # warm-up
    load_before = os.getloadavg()
    mine, theirs, ratios = [], [], []
    for pair in range(pairs):
        order = (parent, candidate) if pair % 2 == 0 else (candidate, parent)
        took = {}
        for engine in order:
            start = time.perf_counter()
            engine.embed(texts)
            took[id(engine)] = time.perf_counter() - start
        theirs.append(took[id(parent)])
        mine.append(took[id(candidate)])
        ratios.append(took[id(parent)] / took[id(candidate)])
    return Speed(parent_ms_per_text=1000 * statistics.median(theirs) / len(texts),
                 candidate_ms_per_text=1000 * statistics.median(mine) / len(texts),
                 ratio=statistics.median(ratios), pairs=pairs, texts=len(texts),
                 load_before=load_before, load_after=os.getloadavg())


def gates(candidate: Metrics, parent: Metrics, speed: Speed) -> list[Gate]:
    """The rules a derived model must pass before it may become the default."""
    size_ratio = candidate.size_bytes / parent.size_bytes
    drops = {f"{group} {key}": parent.recall[group][key] - candidate.recall[group][key]
             for group in parent.recall for key in RECALL_KEYS}
    worst = max(drops, key=lambda k: drops[k])
    return [
        Gate("min cosine vs parent", candidate.min_cosine >= MIN_COSINE,
             candidate.min_cosine, f">= {MIN_COSINE}",
             f"over {candidate.texts} starter-pack texts"),
        # "+ 0.0": an unchanged recall reads 0.0, not -0.0.
        Gate("recall@5 no lower", drops[worst] <= 1e-12, -drops[worst] + 0.0,
             ">= 0 in every group and mode",
             f"worst: {worst} (parent {parent.recall[worst.split()[0]][worst.split()[1]]:.3f})"),
        Gate("size vs parent", size_ratio <= MAX_SIZE_RATIO, size_ratio,
             f"<= {MAX_SIZE_RATIO}", f"{candidate.size_bytes:,} of {parent.size_bytes:,} bytes"),
        Gate("speed vs parent", speed.ratio >= MIN_SPEED_RATIO, speed.ratio,
             f">= {MIN_SPEED_RATIO}", f"median of {speed.pairs} interleaved pairs, "
             f"load {speed.load_before[0]:.1f} -> {speed.load_after[0]:.1f}"),
    ]
