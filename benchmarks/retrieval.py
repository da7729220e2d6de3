"""Lesson search: speed over 10,000 passages and recall on the starter questions.

``retrieval_ms_p50``: the starter packs' passages are replicated to 10,000 (each copy
tagged so BM25 sees distinct documents), their vectors come from the real embedding
model, and every starter question's prompt is searched (top 5, fused). The value is the
median end-to-end time, including embedding the query; ``detail`` splits it into the
query embedding and the index work, and gives bm25s's own ``retrieve`` as a reference.

``retrieval_recall_at_5``: each starter question names the lesson it comes from; it is
a hit when that lesson is among the lessons of the top 5 passages of its pack's index.
Reported for BM25 alone, dense alone and fused (the value).
"""

from __future__ import annotations

import functools
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from app.core.content.index import Embedder, Mode, RetrievalIndex, Vectors, build_bm25
from app.core.content.library import builtin_dir, list_packs
from app.core.content.model import Pack
from app.core.content.passages import pack_passages
from app.core.content.tokenize import tokens
from benchmarks.models import default_embed_engine
from benchmarks.registry import Figure, benchmark
from inference.embed import EmbedEngine
from inference.resources import assets_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TARGET_PASSAGES = 10_000
K = 5


def _starter_packs() -> list[Pack]:
    packs, problems = list_packs(builtin=builtin_dir(), installed=builtin_dir() / "-none-")
    if problems or not packs:
        raise RuntimeError(f"starter packs missing or invalid: {problems}")
    return [entry.pack for entry in packs]


def _engine() -> EmbedEngine:
    return default_embed_engine()


def _index(pack_list: Sequence[Pack], engine: EmbedEngine, size: int | None = None
           ) -> RetrievalIndex:
    passages = [p for pack in pack_list for p in pack_passages(pack)]
    vectors = engine.embed([p.search_text for p in passages])
    if size is not None:
        copies = -(-size // len(passages))
        passages = [replace(p, heading=f"{p.heading} (copy {c})")
                    for c in range(copies) for p in passages][:size]
        vectors = np.tile(vectors, (copies, 1))[:size]
    return RetrievalIndex(passages, build_bm25(passages), vectors)


class _Fixed:
    """An embedder that returns a vector computed beforehand (to time the index alone)."""

    def __init__(self, vector: Vectors) -> None:
        self.vector = vector[None, :]

    def embed(self, texts: Sequence[str]) -> Vectors:
        return self.vector


def _median_ms(calls: list[Callable[[], Any]]) -> tuple[float, float]:
    times = []
    for call in calls:
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), float(np.percentile(times, 95))


def _fused(index: RetrievalIndex, query: str, embedder: Embedder) -> object:
    return index.search(query, embedder=embedder, k=K)


def _bm25s_retrieve(index: RetrievalIndex, query: str) -> object:
    known = [t for t in tokens(query) if t in index.bm25.vocab_dict] or [""]
    return index.bm25.retrieve([known], k=K, show_progress=False)


@benchmark("retrieval_ms_p50")
def retrieval_ms_p50() -> Figure:
    packs, engine = _starter_packs(), _engine()
    index = _index(packs, engine, TARGET_PASSAGES)
    queries = [q.prompt for pack in packs for q in pack.questions]
    vectors = engine.embed(queries)
    for query in queries[:10]:  # warm-up: caches, ORT arenas
        index.search(query, embedder=engine, k=K)
    full = _median_ms([functools.partial(_fused, index, q, engine) for q in queries])
    only_index = _median_ms([functools.partial(_fused, index, q, _Fixed(v))
                             for q, v in zip(queries, vectors, strict=True)])
    embed_only = _median_ms([functools.partial(engine.embed, [q]) for q in queries])
    reference = _median_ms([functools.partial(_bm25s_retrieve, index, q) for q in queries])
    return Figure(
        name="retrieval_ms_p50", value=full[0], unit="ms", goal="<= 5",
        baseline="absolute: one fused top-5 search, query embedding included",
        detail={"passages": len(index), "queries": len(queries),
                "p95_ms": round(full[1], 3),
                "index_only_p50_ms": round(only_index[0], 3),
                "query_embedding_p50_ms": round(embed_only[0], 3),
                "bm25s_retrieve_alone_p50_ms": round(reference[0], 3),
                "threads": engine.threads, "unique_passages": len(
                    {(p.lesson_id, p.line, p.pack_id) for p in index.passages})})


def _lesson_ranks(index: RetrievalIndex, asked: Sequence[tuple[str, str]],
                 engine: EmbedEngine, mode: Mode) -> list[int | None]:
    """For each (question, lesson): the place of the lesson's first passage in the top 5
    (1-based), or None when the lesson is not there."""
    ranks: list[int | None] = []
    for question, lesson in asked:
        hits = index.search(question, embedder=engine, k=K, mode=mode)
        lessons = [h.passage.lesson_id for h in hits]
        ranks.append(lessons.index(lesson) + 1 if lesson in lessons else None)
    return ranks


def _recall(ranks: list[int | None], depth: int) -> float:
    return sum(1 for r in ranks if r is not None and r <= depth) / max(1, len(ranks))


def cross_language_questions() -> dict[str, list[tuple[str, str]]]:
    """pack id -> [(question in the other language, lesson id)], from assets/eval."""
    path = assets_dir() / "eval" / "retrieval_cross_language.toml"
    items = tomllib.loads(path.read_text(encoding="utf-8"))["item"]
    asked: dict[str, list[tuple[str, str]]] = {}
    for item in items:
        asked.setdefault(item["pack"], []).append((item["question"], item["lesson"]))
    return asked


def recall_by_language(engine: EmbedEngine) -> dict[str, Any]:
    """Recall@5 and @1 per question group ("en", "zh" by the pack's language, and
    "cross" for the other-language questions), for BM25, dense and fused search."""
    modes: tuple[Mode, ...] = ("bm25", "dense", "fused")
    cross = cross_language_questions()
    ranks: dict[str, dict[Mode, list[int | None]]] = {}
    per_pack: dict[str, dict[str, float]] = {}
    for pack in _starter_packs():
        index = _index([pack], engine)
        own = [(q.prompt, str(q.lesson)) for q in pack.questions if q.lesson is not None]
        groups: dict[str, list[tuple[str, str]]] = {
            pack.info.language.split("-")[0]: own, "cross": cross.get(pack.info.id, [])}
        row: dict[str, float] = {"questions": len(own), "cross_questions": len(groups["cross"]),
                                 "lessons": len(pack.lessons), "passages": len(index)}
        for group, asked in groups.items():
            for mode in modes:
                mine = _lesson_ranks(index, asked, engine, mode)
                ranks.setdefault(group, {m: [] for m in modes})[mode].extend(mine)
                prefix = "cross_" if group == "cross" else ""
                row[f"{prefix}{mode}@5"], row[f"{prefix}{mode}@1"] = (
                    _recall(mine, K), _recall(mine, 1))
        per_pack[pack.info.id] = {k: round(v, 3) for k, v in row.items()}
    summary: dict[str, Any] = {
        group: {f"{mode}@{depth}": round(_recall(by_mode[mode], depth), 3)
                for mode in modes for depth in (K, 1)} | {"questions": len(by_mode["fused"])}
        for group, by_mode in ranks.items()}
    return {"groups": summary, "per_pack": per_pack}


@benchmark("retrieval_recall_at_5")
def retrieval_recall_at_5() -> Figure:
    engine = _engine()
    result = recall_by_language(engine)
    groups = result["groups"]
    # The value is the weaker of the two languages: each must reach the goal on its own.
    # With 4-7 lessons per pack, recall@5 is easy; the top passage's lesson (@1) is the
    # sharper test of the ranking, so it is reported too.
    value = min(groups["en"]["fused@5"], groups["zh"]["fused@5"])
    return Figure(
        name="retrieval_recall_at_5", value=value, unit="recall",
        goal=">= 0.9",
        baseline="min over English and Chinese questions; BM25 alone and dense alone on "
                 "the same questions and passages in detail",
        detail={"embedder": engine.name, **result})
