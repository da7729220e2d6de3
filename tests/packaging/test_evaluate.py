"""Measurements and quality gates, on the app's real shipped embedding model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from inference.embed import EmbedEngine
from inference.registry import load_registry, resolve, sha256_of
from packaging.models.corpus import Corpus, Passage, Question
from packaging.models.entry import MODEL_ID, write_entry
from packaging.models.evaluate import Metrics, agreement, gates, measure, recall_at_k

CORPUS = Corpus(
    passages=[
        Passage("maths/fractions", "Fractions", "A fraction names equal parts of a whole. "
                "The denominator counts the parts and the numerator counts the parts taken."),
        Passage("maths/fractions", "Adding", "To add fractions with the same denominator, "
                "add the numerators and keep the denominator."),
        Passage("bio/photosynthesis", "Light", "Plants use light energy, water and carbon "
                "dioxide to make glucose, and they give off oxygen."),
        Passage("bio/photosynthesis", "Chlorophyll", "Chlorophyll is the green pigment in "
                "leaves that absorbs sunlight."),
        Passage("geo/rivers", "Rivers", "A river flows from its source in the hills down to "
                "its mouth at the sea."),
        Passage("geo/rivers", "Deltas", "Where a river meets the sea it can drop mud and "
                "sand, building a delta."),
    ],
    questions=[Question("What does the bottom number of a fraction count?", "maths/fractions"),
               Question("Which gas do plants give off in sunlight?", "bio/photosynthesis"),
               Question("Where does a river end?", "geo/rivers"),
               Question("Is this quiz text without a lesson?", None)],
)


def metrics(**changes: float) -> Metrics:
    base = dict(name="pruned-int8", size_bytes=20_000_000, ms_per_text=2.0,
                min_cosine=0.985, mean_cosine=0.995, p1_cosine=0.987,
                heldout_min_cosine=0.986, recall_at_5=0.90, texts=1200)
    return Metrics(**{**base, **changes})  # type: ignore[arg-type]


def test_a_candidate_inside_every_limit_passes() -> None:
    assert all(g.passed for g in gates(metrics(), teacher_recall=0.905))


def test_each_failed_gate_says_by_how_much() -> None:
    failed = {g.name: g for g in gates(metrics(min_cosine=0.97, recall_at_5=0.88, texts=518),
                                       teacher_recall=0.90)}
    assert not failed["min cosine vs fp32"].passed
    assert failed["min cosine vs fp32"].note == "0.0100 below the limit"
    assert not failed["recall@5 drop vs fp32"].passed
    assert failed["recall@5 drop vs fp32"].value == pytest.approx(0.02)
    assert not failed["corpus size"].passed and "482 texts short" in failed["corpus size"].note


def test_exactly_one_point_of_recall_lost_still_passes() -> None:
    drop = {g.name: g for g in gates(metrics(recall_at_5=0.89), teacher_recall=0.90)}
    assert drop["recall@5 drop vs fp32"].passed


@pytest.fixture(scope="module")
def shipped() -> tuple[Path, EmbedEngine]:
    # The build pipeline distils and prunes all-MiniLM (docs/models.md); the app's default
    # embedder is another model now, so the pipeline's registered int8 MiniLM is the
    # reference here.
    folder = resolve(load_registry().get("all-minilm-l6-v2-int8"))
    return folder, EmbedEngine(folder / "model.onnx", folder / "tokenizer.json", threads=1)


def test_recall_finds_each_question_s_lesson_with_the_real_model(
        shipped: tuple[Path, EmbedEngine]) -> None:
    _, engine = shipped
    passages = engine.embed([p.text for p in CORPUS.passages])
    questions = engine.embed([q.text for q in CORPUS.retrieval_questions()])
    assert recall_at_k(CORPUS, passages, questions, k=1) == 1.0
    assert recall_at_k(CORPUS, passages, questions[::-1], k=1) < 1.0  # mismatched: misses


def test_measure_loads_a_candidate_through_the_app_engine(
        shipped: tuple[Path, EmbedEngine]) -> None:
    folder, engine = shipped
    texts = [p.text for p in CORPUS.passages]
    teacher = engine.embed(texts)
    teacher[0] = -teacher[0]  # one text where the "teacher" disagrees completely
    m = measure("shipped", folder, texts=texts, teacher=teacher,
                heldout=np.array([False, True, False, False, False, False]), corpus=CORPUS,
                threads=1, repeats=1)
    assert m.size_bytes == (folder / "model.onnx").stat().st_size
    assert m.min_cosine == pytest.approx(-1.0, abs=1e-4)
    assert m.heldout_min_cosine == pytest.approx(1.0, abs=1e-4)
    assert m.recall_at_5 == 1.0 and m.texts == len(texts)
    assert agreement(teacher, teacher).min() == pytest.approx(1.0, abs=1e-5)


def test_the_registry_entry_loads_with_the_app_s_registry(
        shipped: tuple[Path, EmbedEngine], tmp_path: Path) -> None:
    folder, _ = shipped
    report = {"teacher_recall_at_5": 0.91}
    entry = write_entry(tmp_path / "registry-entry.toml", folder, metrics(), report)
    (tmp_path / "registry.toml").write_text("schema = 1\n\n" + entry)
    spec = load_registry(tmp_path / "registry.toml").get(MODEL_ID)
    assert spec.role == "embed" and not spec.default and spec.dimension == 384
    onnx = spec.file(".onnx")
    assert onnx.size == (folder / "model.onnx").stat().st_size
    assert onnx.sha256 == sha256_of(folder / "model.onnx")
    assert "min cosine 0.9850" in entry and "recall@5 0.900 (fp32 0.910)" in entry


def test_length_sorted_batches_return_vectors_in_the_caller_s_order(
        shipped: tuple[Path, EmbedEngine]) -> None:
    folder, _ = shipped
    engine = EmbedEngine(folder / "model.onnx", folder / "tokenizer.json", threads=1,
                         batch_size=2)
    texts = [p.text for p in CORPUS.passages] + ["Hi.", "Why is the sky blue?"]
    one_by_one = np.stack([engine.embed([t])[0] for t in texts])
    np.testing.assert_allclose(engine.embed(texts), one_by_one, atol=1e-5)
