"""FFN pruning on the real teacher (needs the ``build-models`` extra: torch, transformers)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from packaging.models.prune import ffn_importance, prune_ffn  # noqa: E402
from packaging.models.teacher import (  # noqa: E402
    embed_torch,
    extract_teacher,
    load_teacher,
    load_tokenizer,
)

BUILD_CACHE = Path(__file__).resolve().parents[2] / "build" / "models" / "cache"
TEXTS = ["A fraction names equal parts of one whole.",
         "Plants give off oxygen when they make glucose from light.",
         "What does the bottom number of a fraction count?"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def teacher() -> tuple[object, object]:
    folder = extract_teacher(BUILD_CACHE)
    return load_teacher(folder), load_tokenizer(folder)


def test_keeping_every_neuron_changes_nothing(teacher: tuple[object, object]) -> None:
    model, tokenizer = teacher
    importance = ffn_importance(model, tokenizer, TEXTS)  # type: ignore[arg-type]
    full = prune_ffn(model, importance, 1536)  # type: ignore[arg-type]
    np.testing.assert_allclose(embed_torch(full, tokenizer, TEXTS),  # type: ignore[arg-type]
                               embed_torch(model, tokenizer, TEXTS), atol=1e-5)


def test_pruning_keeps_the_most_important_neurons_in_every_layer(
        teacher: tuple[object, object]) -> None:
    model, tokenizer = teacher
    importance = ffn_importance(model, tokenizer, TEXTS)  # type: ignore[arg-type]
    student = prune_ffn(model, importance, 1024)  # type: ignore[arg-type]
    assert student.config.intermediate_size == 1024
    for layer, scores, original in zip(student.encoder.layer, importance,
                                       model.encoder.layer, strict=True):  # type: ignore[attr-defined]
        kept = torch.topk(scores, 1024).indices.sort().values
        assert layer.intermediate.dense.weight.shape == (1024, 384)
        assert layer.output.dense.weight.shape == (384, 1024)
        assert torch.equal(layer.intermediate.dense.weight,
                           original.intermediate.dense.weight[kept])
    vectors = embed_torch(student, tokenizer, TEXTS)
    cosine = (vectors * embed_torch(model, tokenizer, TEXTS)).sum(axis=1)  # type: ignore[arg-type]
    assert np.all(cosine > 0.5)  # pruned, not destroyed: distillation starts close
