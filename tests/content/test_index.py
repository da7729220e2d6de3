"""Passages, tokens and the hybrid retrieval index (real bm25s, real embedding model)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.core.content.index import RetrievalIndex, build_bm25
from app.core.content.index_cache import cache_folder, load_or_build
from app.core.content.loader import load_pack
from app.core.content.model import Lesson, LessonId, SkillId
from app.core.content.passages import MAX_WORDS, Passage, lesson_passages, pack_passages
from app.core.content.tokenize import size, tokens
from inference.cancel import CancelToken
from inference.embed import EmbedEngine
from inference.errors import Cancelled
from tests.content.support import MINI, copy_mini, edit

MODEL = "f" * 64


def lesson(body: str) -> Lesson:
    return Lesson(id=LessonId("l"), title="Lesson", skills=(SkillId("s"),), body=body,
                  path="lessons/l.md", body_line=5)


def test_passages_follow_headings_with_lines() -> None:
    passages = pack_passages(load_pack(MINI))
    assert [(p.lesson_id, p.heading) for p in passages] == [
        ("tenths-lesson", "Tenths"), ("tenths-lesson", "Counting in tenths"),
        ("hundredths-lesson", "Hundredths"), ("hundredths-lesson", "Comparing decimals")]
    lines = (MINI / "lessons" / "01-tenths.md").read_text().splitlines()
    assert lines[passages[1].line - 1] == "## Counting in tenths"
    # Markdown is reduced to text; an image keeps its alt text.
    assert "a bar cut into ten equal pieces" in passages[0].text
    assert "**" not in passages[0].text and "](" not in passages[0].text


def test_long_sections_are_cut_at_paragraphs_and_code_is_not_a_heading() -> None:
    paragraph = " ".join(["word"] * 120)
    body = "# Big\n\n" + "\n\n".join([paragraph] * 5) + "\n\n```\n# not a heading\n```\n"
    passages = lesson_passages(lesson(body), pack_id="p")
    assert len(passages) >= 2 and {p.heading for p in passages} == {"Big"}
    assert all(size(p.text) <= MAX_WORDS + 130 for p in passages)


def test_tokens_cjk_bigrams_and_english_words() -> None:
    assert tokens("分数入门") == ["分数", "数入", "入门"]
    assert tokens("分") == ["分"]
    assert tokens("The Fractions of a pizza") == ["fraction", "pizza"]
    assert tokens("分母是4。Denominators!") == ["分母", "母是", "4", "denominator"]


def fake_vectors(passages: list[Passage]) -> np.ndarray:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(passages), 8)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_bm25_finds_chinese_passages() -> None:
    body = ("# 什么是分数\n\n把一个整体平均分成几份，其中的一份或几份可以用分数表示。\n\n"
            "# 分母和分子\n\n分数线下面的数叫分母，表示平均分成几份。上面的数叫分子。\n")
    passages = lesson_passages(lesson(body), pack_id="zh")
    index = RetrievalIndex(passages, build_bm25(passages), fake_vectors(passages))
    [best, *_] = index.search("分母表示什么？", mode="bm25")
    assert best.passage.heading == "分母和分子" and best.bm25_rank == 1
    assert index.search("the", mode="bm25") == []  # only a stopword: nothing matches


def test_fusion_ranks_by_reciprocal_rank() -> None:
    passages = pack_passages(load_pack(MINI))
    index = RetrievalIndex(passages, build_bm25(passages), fake_vectors(passages))
    fused = index._fuse([2, 0], [0, 3], k=3)
    assert [h.passage for h in fused] == [passages[0], passages[2], passages[3]]
    assert fused[0].score == pytest.approx(1 / 62 + 1 / 61)
    assert (fused[0].bm25_rank, fused[0].dense_rank) == (2, 1)


@pytest.mark.slow
def test_fused_search_with_the_real_model_and_cache(embed_engine: EmbedEngine,
                                                    tmp_path: Path) -> None:
    pack = load_pack(MINI)
    steps: list[tuple[str, float]] = []
    index = load_or_build(pack, embedder=embed_engine, model_sha256=MODEL, cache_dir=tmp_path,
                          progress=lambda m, f: steps.append((m, f)), cancel=CancelToken())
    assert steps[-1] == ("Search index ready", 1.0) and len(steps) >= 3
    hits = index.search("Which is larger, 0.5 or 0.45?", embedder=embed_engine, k=2)
    assert hits[0].passage.heading == "Comparing decimals"
    dense = index.search("a metre stick marked in centimetres", embedder=embed_engine,
                         mode="dense", k=1)
    assert dense[0].passage.heading == "Hundredths"
    # Second time: from the cache, no embedding at all.
    again: list[tuple[str, float]] = []
    cached = load_or_build(pack, embedder=_NoEmbedder(), model_sha256=MODEL,
                           cache_dir=tmp_path, progress=lambda m, f: again.append((m, f)),
                           cancel=CancelToken())
    assert again == [("Search index ready", 1.0)]
    assert np.array_equal(cached.vectors, index.vectors)
    assert cached.search("0.5 or 0.45", mode="bm25")[0].passage == hits[0].passage


class _NoEmbedder:
    def embed(self, texts: object) -> np.ndarray:
        raise AssertionError("the cached index must not embed again")


@pytest.mark.slow
def test_cache_key_follows_version_model_and_text(embed_engine: EmbedEngine,
                                                  tmp_path: Path) -> None:
    folder = copy_mini(tmp_path / "src")
    first = load_pack(folder)
    load_or_build(first, embedder=embed_engine, model_sha256=MODEL, cache_dir=tmp_path,
                  progress=lambda m, f: None, cancel=CancelToken())
    assert cache_folder(tmp_path, first, MODEL).name == f"mini-decimals@1.2.0-{MODEL[:16]}"
    edit(folder / "lessons" / "01-tenths.md", "chocolate bar", "cake")
    changed = load_pack(folder)  # same version, edited text: rebuilt, not stale
    rebuilt = load_or_build(changed, embedder=embed_engine, model_sha256=MODEL,
                            cache_dir=tmp_path, progress=lambda m, f: None,
                            cancel=CancelToken())
    assert "cake" in rebuilt.passages[0].text


@pytest.mark.slow
def test_cancel_stops_the_build_and_caches_nothing(embed_engine: EmbedEngine,
                                                   tmp_path: Path) -> None:
    token = CancelToken()

    class CancelAfterFirstBatch:  # the learner presses Cancel while the first batch runs
        def embed(self, texts: list[str]) -> np.ndarray:
            token.cancel()
            return embed_engine.embed(texts)

    pack = load_pack(MINI)
    with pytest.raises(Cancelled):
        load_or_build(pack, embedder=CancelAfterFirstBatch(), model_sha256=MODEL,
                      cache_dir=tmp_path, progress=lambda m, f: None, cancel=token)
    assert not cache_folder(tmp_path, pack, MODEL).exists()


@pytest.mark.slow
def test_damaged_cache_is_rebuilt(embed_engine: EmbedEngine, tmp_path: Path) -> None:
    pack = load_pack(MINI)
    first = load_or_build(pack, embedder=embed_engine, model_sha256=MODEL, cache_dir=tmp_path,
                          progress=lambda m, f: None, cancel=CancelToken())
    (cache_folder(tmp_path, pack, MODEL) / "vectors.npy").write_bytes(b"broken")
    again = load_or_build(pack, embedder=embed_engine, model_sha256=MODEL, cache_dir=tmp_path,
                          progress=lambda m, f: None, cancel=CancelToken())
    assert np.allclose(again.vectors, first.vectors, atol=1e-5)
