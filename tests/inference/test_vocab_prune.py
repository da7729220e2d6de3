"""The pruned default embedder: recipe, SentencePiece edit, id remap, and the derived
file itself against its parent (real models, through the app's EmbedEngine)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from inference.embed import EmbedEngine
from inference.errors import ModelLoadError
from inference.fetch import FetchError, derive_model, fetch_all, recipe_path
from inference.registry import Registry, load_registry, resolve, sha256_of
from inference.vocab_prune import (
    MODEL_FILE,
    WEIGHTS_FILE,
    Piece,
    derive,
    mark_unused,
    plan,
    read_recipe,
    required_ids,
    sentencepiece_pieces,
    write_recipe,
)

CHILD = "use-multilingual-v3-int8-en-zh"
PARENT = "use-multilingual-v3-int8"
# Pack-like text (its pieces are in the recipe) and text the recipe never saw.
COVERED = ["What is a fraction?", "分数的分母表示把整体平均分成几份。",
           "Plants use light energy to make glucose.", "Which is bigger, 3/4 or 2/3?"]


def test_a_recipe_round_trips_as_runs(tmp_path: Path) -> None:
    path = tmp_path / "x.keep"
    text = write_recipe(path, [9, 3, 4, 5, 0, 7, 5], ["made by a test"])
    assert text.splitlines() == ["# made by a test", "0", "3-5", "7", "9"]
    assert read_recipe(path).tolist() == [0, 3, 4, 5, 7, 9]


def test_kept_ids_stay_in_their_shard_and_the_rest_map_to_unk() -> None:
    chosen = plan([0, 5, 20, 22, 37], vocab=40, shards=17)
    new = chosen.remap
    for old in (0, 5, 20, 22, 37):
        assert new[old] % 17 == old % 17  # same table, so the same int8 scale
    # Table 3 keeps 20 and 37 (not 3): they become its rows 0 and 1.
    assert (new[20], new[37]) == (3, 17 + 3)
    assert (new[5], new[22]) == (5, 22)  # table 5 keeps 5 and 22: rows 0 and 1 as before
    assert new[1] == new[3] == new[39] == new[0] == 0  # not kept -> <unk>
    assert chosen.keep.tolist() == [0, 5, 20, 22, 37]
    with pytest.raises(ValueError):
        plan([3, 5], vocab=40, shards=17)  # <unk> (0) must be kept


def test_pieces_not_kept_become_unused_and_nothing_else_changes() -> None:
    model = _parent_pieces_proto()
    pieces = sentencepiece_pieces(model)
    keep = required_ids(pieces) | {100, 200}
    edited = sentencepiece_pieces(mark_unused(model, keep))
    assert [p.text for p in edited] == [p.text for p in pieces]
    assert [p.score for p in edited] == [p.score for p in pieces]
    assert {i for i, p in enumerate(edited) if p.type != 5} == keep
    normal = [p for p in pieces if p.type == 1]
    assert min(normal, key=lambda p: p.score) in [pieces[i] for i in keep]
    assert mark_unused(model, set(range(len(pieces)))) == model


def test_required_ids_keep_specials_and_every_single_character() -> None:
    pieces = [Piece("<unk>", 0, 2), Piece("<s>", 0, 3), Piece("\u2581", -1, 1),
              Piece("\u2581ab", -2, 1), Piece("x", -9, 1), Piece("abc", -5, 1)]
    assert required_ids(pieces) == {0, 1, 2, 4}


@pytest.mark.slow
def test_the_derived_files_are_the_registered_ones_and_the_same_each_time(
        tmp_path: Path) -> None:
    registry = load_registry()
    child, parent = registry.get(CHILD), registry.get(PARENT)
    parent_file = resolve(parent) / "model.onnx"
    first = derive(parent_file, recipe_path(child.files[0]), tmp_path / "a")
    second = derive(parent_file, recipe_path(child.files[0]), tmp_path / "b")
    assert [p.name for p in first] == [WEIGHTS_FILE, MODEL_FILE]
    pinned = {f.name: f for f in child.files}
    for a, b in zip(first, second, strict=True):
        assert sha256_of(a) == sha256_of(b) == pinned[a.name].sha256
        assert a.stat().st_size == pinned[a.name].size
    assert sum(f.size for f in child.files) <= 0.5 * parent.files[0].size
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(pinned)


@pytest.mark.slow
def test_covered_text_gives_the_parent_s_vectors_bit_for_bit() -> None:
    registry = load_registry()
    parent = EmbedEngine(resolve(registry.get(PARENT)) / "model.onnx", None, threads=1)
    child = EmbedEngine(resolve(registry.get(CHILD)) / "model.onnx", None, threads=1)
    for text in COVERED:  # one at a time: dynamic int8 scales depend on the batch
        assert np.array_equal(child.embed([text]), parent.embed([text])), text
    assert child.dim == parent.dim == 512


@pytest.mark.slow
def test_unseen_words_fall_back_to_kept_pieces_not_to_unk() -> None:
    registry = load_registry()
    parent = EmbedEngine(resolve(registry.get(PARENT)) / "model.onnx", None, threads=1)
    child = EmbedEngine(resolve(registry.get(CHILD)) / "model.onnx", None, threads=1)
    # A rare name the recipe does not hold: re-segmented, close to the parent's meaning.
    text = "Who wrote Harry Potter?"
    cosine = float(child.embed([text])[0] @ parent.embed([text])[0])
    assert 0.8 < cosine < 0.9999


def _parent_in(folder: Path) -> Registry:
    registry = load_registry()
    parent, child = registry.get(PARENT), registry.get(CHILD)
    (folder / PARENT).mkdir()
    (folder / PARENT / "model.onnx").symlink_to(resolve(parent) / "model.onnx")
    return Registry((child, parent))


@pytest.mark.slow
def test_fetch_builds_the_child_from_its_verified_parent(tmp_path: Path) -> None:
    registry = _parent_in(tmp_path)
    child = registry.get(CHILD)
    lines: list[str] = []
    written = fetch_all(registry, tmp_path, report=lines.append)
    assert written == [tmp_path / CHILD / WEIGHTS_FILE, tmp_path / CHILD / MODEL_FILE]
    for f in child.files:
        assert sha256_of(tmp_path / CHILD / f.name) == f.sha256
    assert lines[0].startswith("ok       " + PARENT) and lines[1].startswith("built    " + CHILD)
    assert fetch_all(registry, tmp_path, report=lines.append) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([CHILD, PARENT])


@pytest.mark.slow
def test_damaged_weights_are_built_again(tmp_path: Path) -> None:
    registry = _parent_in(tmp_path)
    fetch_all(registry, tmp_path, report=lambda _line: None)
    weights = tmp_path / CHILD / WEIGHTS_FILE
    with open(weights, "r+b") as fh:
        fh.seek(4096)
        fh.write(b"\xff" * 16)
    lines: list[str] = []
    assert fetch_all(registry, tmp_path, report=lines.append) == [
        weights, tmp_path / CHILD / MODEL_FILE]
    assert sha256_of(weights) == registry.get(CHILD).file(".data").sha256
    assert any(line.startswith("ok       " + CHILD + "/" + MODEL_FILE) for line in lines)


@pytest.mark.slow
def test_a_recipe_that_does_not_give_the_pinned_files_installs_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    registry = load_registry()
    parent, child = registry.get(PARENT), registry.get(CHILD)
    wrong = tmp_path / "wrong.keep"
    write_recipe(wrong, range(0, 30_000), ["not the committed recipe"])
    monkeypatch.setattr("inference.fetch.recipe_path", lambda _f: wrong)
    folder = tmp_path / CHILD
    with pytest.raises(FetchError, match="did not give the pinned files"):
        derive_model(child, resolve(parent), folder)
    assert not folder.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["wrong.keep"]


def test_a_graph_without_a_tokenizer_is_refused(tmp_path: Path) -> None:
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper

    graph = helper.make_graph(
        [helper.make_node("Identity", ["x"], ["y"])], "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])])
    path = tmp_path / "plain.onnx"
    onnx.save(helper.make_model(graph), str(path))
    recipe = tmp_path / "r.keep"
    write_recipe(recipe, [0], ["x"])
    with pytest.raises(ModelLoadError, match="SentencepieceTokenizer"):
        derive(path, recipe, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_derived_model_needs_a_registered_downloaded_parent(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parents[2] / "assets" / "models" / "registry.toml"
            ).read_text("utf-8").replace(f'derived_from = "{PARENT}"', 'derived_from = "nope"')
    path = tmp_path / "registry.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ValueError, match="not a registered downloaded model"):
        load_registry(path)


def test_the_child_s_lineage_leads_to_its_parent() -> None:
    registry = load_registry()
    assert registry.default("embed").id == CHILD
    assert registry.lineage(CHILD) == [CHILD, PARENT]
    assert registry.lineage(PARENT) == [PARENT]


def _parent_pieces_proto() -> bytes:
    onnx = pytest.importorskip("onnx")
    model = onnx.load(str(resolve(load_registry().get(PARENT)) / "model.onnx"))
    node = next(n for n in model.graph.node if n.op_type == "SentencepieceTokenizer")
    return bytes(next(a.s for a in node.attribute if a.name == "model"))
