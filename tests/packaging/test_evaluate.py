"""The gates of the pruned embedder, its measurements and its registry entry."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from inference.embed import EmbedEngine
from inference.registry import load_registry, resolve, sha256_of
from packaging.models.entry import CHILD_ID, PARENT_ID, RECIPE_NAME, write_entry
from packaging.models.evaluate import (
    Metrics,
    Speed,
    agreement,
    compare,
    gates,
    interleaved_speed,
)

RECALL = {"en": {"dense@5": 0.95, "fused@5": 0.98}, "zh": {"dense@5": 1.0, "fused@5": 1.0},
          "cross": {"dense@5": 0.83, "fused@5": 0.83}}


def metrics(**changes: object) -> Metrics:
    base: dict[str, object] = dict(
        name="vocab-pruned", size_bytes=32_000_000, min_cosine=1.0, mean_cosine=1.0,
        heldout_min_cosine=0.9, heldout_mean_cosine=0.999, recall=RECALL, texts=1195,
        heldout_texts=949)
    return Metrics(**{**base, **changes})  # type: ignore[arg-type]


def speed(ratio: float = 1.0) -> Speed:
    return Speed(parent_ms_per_text=9.0, candidate_ms_per_text=9.0 / ratio, ratio=ratio,
                 pairs=7, texts=128, load_before=(3.0, 3.0, 3.0), load_after=(3.5, 3.0, 3.0))


PARENT = metrics(name="parent", size_bytes=71_794_489)


def test_a_candidate_inside_every_limit_passes() -> None:
    checked = gates(metrics(), PARENT, speed())
    assert [g.name for g in checked] == ["min cosine vs parent", "recall@5 no lower",
                                         "size vs parent", "speed vs parent"]
    assert all(g.passed for g in checked)


def test_each_gate_fails_on_its_own_and_says_why() -> None:
    worse_recall = {**RECALL, "cross": {"dense@5": 0.80, "fused@5": 0.83}}
    cases = {
        "min cosine vs parent": gates(metrics(min_cosine=0.989), PARENT, speed()),
        "recall@5 no lower": gates(metrics(recall=worse_recall), PARENT, speed()),
        "size vs parent": gates(metrics(size_bytes=36_000_000), PARENT, speed()),
        "speed vs parent": gates(metrics(), PARENT, speed(0.9)),
    }
    for name, checked in cases.items():
        assert [g.name for g in checked if not g.passed] == [name]
    recall_gate = cases["recall@5 no lower"][1]
    assert "cross dense@5" in recall_gate.note and recall_gate.value == pytest.approx(-0.03)
    assert "load 3.0 -> 3.5" in cases["speed vs parent"][3].note


@pytest.fixture(scope="module")
def engines() -> tuple[EmbedEngine, EmbedEngine]:
    registry = load_registry()
    parent = EmbedEngine(resolve(registry.get(PARENT_ID)) / "model.onnx", None, threads=1)
    child = EmbedEngine(resolve(registry.get(CHILD_ID)) / "model.onnx", None, threads=1)
    return parent, child


@pytest.mark.slow
def test_compare_measures_the_child_against_its_parent(
        engines: tuple[EmbedEngine, EmbedEngine]) -> None:
    parent, child = engines
    texts = ["A fraction names equal parts of a whole.", "分数表示把整体平均分成几份。"]
    m = compare("child", child, parent, texts=texts, heldout=["Who wrote Harry Potter?"],
                size_bytes=1, recall=lambda _e: RECALL)
    assert m.min_cosine == pytest.approx(1.0, abs=1e-6)
    assert 0.8 < m.heldout_min_cosine < 0.9999
    assert m.texts == 2 and m.heldout_texts == 1 and m.recall == RECALL


@pytest.mark.slow
def test_speed_is_timed_in_interleaved_pairs_with_the_load(
        engines: tuple[EmbedEngine, EmbedEngine]) -> None:
    parent, child = engines
    measured = interleaved_speed(parent, child, ["Plants make glucose."] * 4, pairs=2)
    assert measured.pairs == 2 and measured.texts == 4 and measured.ratio > 0
    assert len(measured.load_before) == 3


def test_agreement_is_the_cosine_of_unit_rows() -> None:
    a = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    assert agreement(a, a).tolist() == [1.0, 1.0]
    assert agreement(a, a[::-1]).tolist() == [0.0, 0.0]


def test_the_registry_entry_is_the_registered_one(tmp_path: Path) -> None:
    registry = load_registry()
    child, parent = registry.get(CHILD_ID), registry.get(PARENT_ID)
    files = [resolve(child) / f.name for f in child.files]
    report = {"candidates": {"vocab-pruned": metrics().to_dict(), "parent": PARENT.to_dict()},
              "recipe": {"pieces_kept": 49_019, "pieces": 128_000}, "speed": {"ratio": 1.01}}
    entry = write_entry(tmp_path / "registry-entry.toml", files[::-1], report)
    (tmp_path / "registry.toml").write_text(
        (Path(__file__).resolve().parents[2] / "assets" / "models" / "registry.toml")
        .read_text("utf-8").split("# The default embedder")[0] + entry)
    spec = load_registry(tmp_path / "registry.toml").get(CHILD_ID)
    assert spec.default and spec.derived_from == parent.id and spec.dimension == 512
    assert {f.recipe for f in spec.files} == {RECIPE_NAME} == {f.recipe for f in child.files}
    assert [(f.name, f.size, f.sha256) for f in spec.files] == [
        (f.name, f.size, sha256_of(path)) for f, path in zip(child.files, files, strict=True)]
    assert "49,019 of 128,000 pieces" in entry
