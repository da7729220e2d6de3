"""Measure a candidate ONNX embedder against the fp32 teacher, and the quality gates.

A candidate is loaded through the app's own :class:`inference.embed.EmbedEngine`, so what
is measured is what learners will run. No Torch here: the teacher's vectors come in as
arrays, and this module (with the gates) is tested without the build extra.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from inference.embed import EmbedEngine
from packaging.models.corpus import Corpus

Vectors = npt.NDArray[np.float32]

MIN_TEXTS = 1000
MIN_COSINE = 0.98
MAX_RECALL_DROP = 0.01  # one point of recall@5
TOP_K = 5


@dataclass(frozen=True)
class Metrics:
    name: str
    size_bytes: int
    ms_per_text: float
    min_cosine: float
    mean_cosine: float
    p1_cosine: float  # the 1st percentile: how bad the worst 1 % of texts are
    heldout_min_cosine: float  # on texts the distillation never saw
    recall_at_5: float
    texts: int

    def to_dict(self) -> dict[str, Any]:
        return {k: round(v, 5) if isinstance(v, float) else v for k, v in asdict(self).items()}


@dataclass(frozen=True)
class Gate:
    name: str
    passed: bool
    value: float
    limit: str
    note: str = ""


def agreement(ours: Vectors, teacher: Vectors) -> npt.NDArray[np.float64]:
    """Per-text cosine between unit vectors (rows)."""
    return np.einsum("ij,ij->i", ours.astype(np.float64), teacher.astype(np.float64))


def recall_at_k(corpus: Corpus, passage_vectors: Vectors, question_vectors: Vectors,
                k: int = TOP_K) -> float:
    """Share of questions whose lesson is among the lessons of the top-k passages."""
    questions = corpus.retrieval_questions()
    if not questions:
        return float("nan")
    lessons = np.array([p.lesson for p in corpus.passages])
    scores = question_vectors @ passage_vectors.T
    top = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    hits = [q.lesson in set(lessons[row]) for q, row in zip(questions, top, strict=True)]
    return float(np.mean(hits))


def embed_corpus(embed: Any, corpus: Corpus) -> tuple[Vectors, Vectors]:
    """(passage vectors, retrieval-question vectors) with any ``texts -> vectors`` callable."""
    passages = embed([p.text for p in corpus.passages])
    questions = embed([q.text for q in corpus.retrieval_questions()])
    return passages, questions


def measure(name: str, folder: Path, *, texts: Sequence[str], teacher: Vectors,
            heldout: npt.NDArray[np.bool_], corpus: Corpus, threads: int,
            repeats: int = 3, timed: int = 128) -> Metrics:
    """Load ``folder/model.onnx`` with the app's engine and measure it.

    Quality uses every text once; speed is the median of ``repeats`` runs over the first
    ``timed`` texts (context for the report; the benchmark suite measures speed properly).
    """
    engine = EmbedEngine(folder / "model.onnx", folder / "tokenizer.json", threads=threads)
    vectors = engine.embed(texts)
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        engine.embed(texts[:timed])
        timings.append(time.perf_counter() - start)
    cosine = agreement(vectors, teacher)
    passage_vectors, question_vectors = embed_corpus(engine.embed, corpus)
    return Metrics(
        name=name, size_bytes=(folder / "model.onnx").stat().st_size,
        ms_per_text=1000 * statistics.median(timings) / len(texts[:timed]),
        min_cosine=float(cosine.min()), mean_cosine=float(cosine.mean()),
        p1_cosine=float(np.percentile(cosine, 1)),
        heldout_min_cosine=float(cosine[heldout].min()) if heldout.any() else float("nan"),
        recall_at_5=recall_at_k(corpus, passage_vectors, question_vectors),
        texts=len(texts))


def gates(candidate: Metrics, teacher_recall: float) -> list[Gate]:
    """The rules a model must pass before it may become the default."""
    drop = teacher_recall - candidate.recall_at_5
    return [
        Gate("corpus size", candidate.texts >= MIN_TEXTS, candidate.texts, f">= {MIN_TEXTS}",
             "" if candidate.texts >= MIN_TEXTS else
             f"{MIN_TEXTS - candidate.texts} texts short; the starter packs add the rest"),
        Gate("min cosine vs fp32", candidate.min_cosine >= MIN_COSINE, candidate.min_cosine,
             f">= {MIN_COSINE}", _short(candidate.min_cosine, MIN_COSINE)),
        Gate("recall@5 drop vs fp32", drop <= MAX_RECALL_DROP + 1e-12, drop,
             f"<= {MAX_RECALL_DROP}", f"fp32 {teacher_recall:.3f}, "
             f"candidate {candidate.recall_at_5:.3f}"),
    ]


def _short(value: float, limit: float) -> str:
    return "" if value >= limit else f"{limit - value:.4f} below the limit"
