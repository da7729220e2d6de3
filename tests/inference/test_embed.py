"""The real embedding model: shape, unit norm, meaning, batching, bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from inference.embed import BATCH_CHARS, EmbedEngine
from inference.errors import ModelLoadError, ModelNotFound, ProviderUnavailable
from inference.registry import load_registry, resolve

pytestmark = pytest.mark.slow
DIM = load_registry().default("embed").dimension  # 512: USE multilingual v3


def test_vectors_have_the_model_dimension_and_unit_length(embed_engine: EmbedEngine) -> None:
    vectors = embed_engine.embed(["one half", "a quarter of the pizza", "photosynthesis"])
    assert vectors.shape == (3, DIM) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embed_engine.provider == "CPUExecutionProvider" and not embed_engine.fell_back


def test_similar_sentences_are_closer_than_unrelated_ones(embed_engine: EmbedEngine) -> None:
    a, b, c = embed_engine.embed(["A fraction is part of a whole.",
                                  "Fractions describe parts of one whole thing.",
                                  "Plants use sunlight to make sugar."])
    assert a @ b > a @ c + 0.2


def test_batching_does_not_change_the_meaning(embed_engine: EmbedEngine) -> None:
    """Dynamic int8 quantization scales activations over the whole batch, so a text's
    vector moves a little with its batch-mates (cosine 0.9989 at worst here): far below
    any threshold's margin (docs/tutor.md, "Calibration"), and the order is kept."""
    texts = [f"Sentence number {i} about fractions and {i % 7} pizzas." for i in range(70)]
    together = embed_engine.embed(texts)
    alone = np.stack([embed_engine.embed([t])[0] for t in texts[:20]])
    assert together.shape == (70, DIM)
    assert float((together[:20] * alone).sum(axis=1).min()) > 0.995


def test_long_texts_go_in_smaller_batches_and_keep_their_order(
        embed_engine: EmbedEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lesson passages share a batch only while its padded size stays in BATCH_CHARS,
    which bounds the activations' peak; short sentences still go eight at a time."""
    sizes: list[int] = []
    run_batch = embed_engine._embed_batch

    def counting(texts: list[str]) -> np.ndarray:
        sizes.append(len(texts))
        return run_batch(texts)

    monkeypatch.setattr(embed_engine, "_embed_batch", counting)
    passages = [f"Passage {i}: " + "halves and quarters of a pizza. " * (10 + i)
                for i in range(6)]
    short = [f"Short sentence {i}." for i in range(16)]
    vectors = embed_engine.embed(passages + short)
    assert sizes[:2] == [8, 8] and max(sizes[2:]) <= BATCH_CHARS // 300
    assert sum(sizes) == 22
    alone = embed_engine.embed([passages[3]])[0]
    assert float(vectors[3] @ alone) > 0.995


def test_chinese_text_embeds(embed_engine: EmbedEngine) -> None:
    vectors = embed_engine.embed(["分数表示整体的一部分。"])
    assert vectors.shape == (1, DIM) and np.isfinite(vectors).all()


def test_the_same_meaning_in_two_languages_is_close(embed_engine: EmbedEngine) -> None:
    """The default embedder reads both languages: a learner may ask in either."""
    en, zh, other = embed_engine.embed(["My cat likes to sleep in the sun.",
                                        "我的猫喜欢在阳光下睡觉。",
                                        "分数表示整体的一部分。"])
    assert en @ zh > en @ other + 0.3


def test_a_graph_that_tokenizes_inside_needs_no_tokenizer_file(
        embed_engine: EmbedEngine) -> None:
    assert embed_engine._tokenizer is None and embed_engine._text_input is not None
    long_text = "fraction " * 5000  # cut to max_length's characters, not fed whole
    assert embed_engine.embed([long_text]).shape == (1, DIM)


def test_empty_input_gives_an_empty_matrix(embed_engine: EmbedEngine) -> None:
    assert embed_engine.embed([]).shape == (0, DIM)


def _files(embed_engine: EmbedEngine) -> tuple[Path, Path]:
    folder = resolve(load_registry().get("all-minilm-l6-v2-int8"))  # a token-id graph
    return folder / "model.onnx", folder / "tokenizer.json"


def test_bad_files_and_providers_raise_typed_errors(tmp_path: Path,
                                                   embed_engine: EmbedEngine) -> None:
    model, tokenizer = _files(embed_engine)
    with pytest.raises(ModelNotFound):
        EmbedEngine(tmp_path / "none.onnx", tokenizer)
    junk = tmp_path / "junk.onnx"
    junk.write_bytes(b"not a model")
    with pytest.raises(ModelLoadError, match=r"junk\.onnx"):
        EmbedEngine(junk, tokenizer)
    with pytest.raises(ProviderUnavailable, match="CUDAExecutionProvider"):
        EmbedEngine(model, tokenizer, providers=["CUDAExecutionProvider"])


def test_the_session_neither_keeps_an_arena_nor_spins_between_runs(
        embed_engine: EmbedEngine) -> None:
    """Both cost the chat model: the arena keeps the largest batch's memory, and threads
    spinning after a run take the cores llama.cpp decodes on (docs/benchmarks.md)."""
    options = embed_engine._session.get_session_options()
    assert not options.enable_cpu_mem_arena
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"


def test_a_closed_engine_says_so_and_closing_twice_is_safe() -> None:
    from inference.loader import load_cpu_embed

    engine = load_cpu_embed(threads=1)
    engine.close()
    engine.close()
    with pytest.raises(ModelLoadError, match="was closed"):
        engine.embed(["A fraction names equal parts of a whole."])

