"""Hybrid lesson search: BM25 (bm25s) and dense embeddings, fused by reciprocal rank.

BM25 finds the exact words (a term like "denominator", a Chinese two-character word);
the embedding finds paraphrases ("the bottom number"). Reciprocal rank fusion combines
the two rankings without having to calibrate their scores against each other:
``score(p) = Σ 1 / (RRF_K + rank(p))`` over the rankings that contain ``p``.

Words cannot match across writing systems: an English question on a Chinese pack (or
the other way round) shares only digits with the passages, and BM25 then ranks noise
above the embedding's good answer (cross-language recall@5 0.78 fused, 0.83 dense with
the multilingual embedder, ``python -m benchmarks retrieval_recall_at_5``). So when the
question is written in another script than most of the passages, the fused search uses
the embedding alone.

Build an index with :func:`app.core.content.index_cache.load_or_build`; it is cached on
disk per (pack version, embedding model).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

import bm25s
import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController

from app.core.content.passages import Passage
from app.core.content.tokenize import has_cjk, tokens

RRF_K = 60  # the constant of Cormack et al. (2009); robust across collections
CANDIDATES = 50  # how deep each ranking goes into the fusion
Mode = Literal["fused", "bm25", "dense"]
Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """What the index needs from the embed engine (``inference.embed.EmbedEngine``)."""

    def embed(self, texts: Sequence[str]) -> Vectors: ...


@dataclass(frozen=True)
class Hit:
    """A found passage; ranks are 1-based places in each ranking (None: not in its top)."""

    passage: Passage
    score: float
    bm25_rank: int | None = None
    dense_rank: int | None = None


class RetrievalIndex:
    """Search over the passages of one pack version. Read-only once built; thread-safe
    for concurrent ``search`` calls as long as the embedder is.

    Args:
        passages: the indexed passages, in index order.
        bm25: a bm25s index over ``tokens(p.search_text)`` of the same passages.
        vectors: ``(len(passages), dim)`` unit vectors of ``p.search_text``.
    """

    def __init__(self, passages: Sequence[Passage], bm25: bm25s.BM25, vectors: Vectors) -> None:
        if len(passages) != vectors.shape[0]:
            raise ValueError("one vector per passage is needed")
        self.passages = list(passages)
        self.bm25 = bm25
        # Stored dimension-major: ``query @ columns`` streams memory in order, which is
        # 2-3x faster than ``rows @ query`` for 10,000 passages (memory-bound).
        self._columns = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32).T)
        self._vocab: dict[str, int] = dict(bm25.vocab_dict)
        self.cjk = sum(has_cjk(p.search_text) for p in self.passages) * 2 > len(self.passages)
        self._blas: ThreadpoolController | None = None  # made on first dense search

    @property
    def vectors(self) -> Vectors:
        """The ``(len(passages), dim)`` passage vectors (a view; do not modify)."""
        return self._columns.T

    def __len__(self) -> int:
        return len(self.passages)

    def search(self, query: str, *, embedder: Embedder | None = None, k: int = 5,
               mode: Mode = "fused") -> list[Hit]:
        """The ``k`` best passages for ``query``.

        ``embedder`` is required for the ``fused`` and ``dense`` modes; it must be the
        model the index was built with (the cache key guarantees it when built through
        ``load_or_build``). An empty or stopword-only query finds nothing by BM25.
        """
        depth = max(CANDIDATES, k)
        if mode == "fused" and embedder is not None and has_cjk(query) != self.cjk:
            mode = "dense"  # another script: BM25 would match digits only (see above)
        lexical = self.bm25_ranking(query, depth) if mode != "dense" else []
        dense: list[int] = []
        if mode != "bm25":
            if embedder is None:
                raise ValueError(f"mode {mode!r} needs an embedder")
            dense = self.dense_ranking(embedder.embed([query])[0], depth)
        return self._fuse(lexical, dense, k)

    def bm25_ranking(self, query: str, depth: int) -> list[int]:
        """Passage indexes by BM25 score, best first; passages scoring 0 are left out."""
        known = [t for t in tokens(query) if t in self._vocab]
        if not known or not self.passages:
            return []
        scores = np.asarray(self.bm25.get_scores(known), dtype=np.float32)
        return [i for i in _top(scores, depth) if scores[i] > 0]

    def dense_ranking(self, vector: Vectors, depth: int) -> list[int]:
        """Passage indexes by cosine similarity to ``vector`` (a unit vector), best first.

        The product runs on one BLAS thread: a matrix-vector product this size is bound
        by memory, and OpenBLAS's worker threads only add wake-up and spin costs; on a
        busy two-core laptop they made it 20x slower (``retrieval_ms_p50``).
        """
        if not self.passages:
            return []
        if self._blas is None:
            self._blas = ThreadpoolController()
        with self._blas.limit(limits=1, user_api="blas"):
            scores = vector.astype(np.float32) @ self._columns
        return _top(scores, depth)

    def _fuse(self, lexical: list[int], dense: list[int], k: int) -> list[Hit]:
        ranks_l = {p: r for r, p in enumerate(lexical, start=1)}
        ranks_d = {p: r for r, p in enumerate(dense, start=1)}
        scores = {p: sum(1.0 / (RRF_K + ranks[p]) for ranks in (ranks_l, ranks_d)
                         if p in ranks) for p in {*lexical, *dense}}
        best = sorted(scores, key=lambda p: (-scores[p], p))[:k]
        return [Hit(self.passages[p], scores[p], ranks_l.get(p), ranks_d.get(p)) for p in best]


def _top(scores: npt.NDArray[np.float32], depth: int) -> list[int]:
    """Indexes of the ``depth`` highest scores, best first (ties by index, for stability)."""
    depth = min(depth, scores.shape[0])
    part = np.argpartition(-scores, depth - 1)[:depth]
    return [int(i) for i in part[np.lexsort((part, -scores[part]))]]


def build_bm25(passages: Sequence[Passage]) -> bm25s.BM25:
    """A BM25 index of the passages (Lucene's BM25 variant, bm25s defaults k1=1.5, b=0.75)."""
    retriever = bm25s.BM25()
    corpus = [tokens(p.search_text) or [""] for p in passages]
    retriever.index(corpus or [[""]], show_progress=False)  # bm25s needs one document
    return retriever
