"""Sideloading a teacher's model: good, truncated, wrong format, too large; versions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from inference.__main__ import main
from inference.errors import InferenceError, ModelCorrupt, ModelLoadError, OutOfMemory
from inference.gguf import read_header
from inference.registry import load_registry, resolve
from inference.sideload import add_model, inspect
from inference.versions import Catalog, catalog_path, full_registry, user_models_dir


def cli(argv: list[str]) -> int:
    """The model CLI as the app's teacher command runs it: authorised (it asked)."""
    return main(argv, authorise=lambda _verb: None)


SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="module")
def gguf_bytes() -> bytes:
    spec = load_registry().default("chat")
    return (resolve(spec) / spec.file(".gguf").name).read_bytes()


def _variant(tmp_path: Path, data: bytes, name: str, tag: bytes = b"") -> Path:
    """The real model, optionally with its name in the header changed (a new sha256)."""
    if tag:
        data = data.replace(b"Smollm2 135M", b"Smollm2 " + tag, 1)
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _nothing_registered() -> None:
    assert Catalog.load().models == []
    assert not user_models_dir().exists() or not any(
        p.is_dir() for p in user_models_dir().iterdir())


@pytest.mark.slow
def test_good_gguf_is_checked_copied_and_registered(tmp_path: Path, gguf_bytes: bytes) -> None:
    source = _variant(tmp_path, gguf_bytes, "tutor.Q4_1.gguf")
    steps: list[str] = []
    spec = add_model(source, family="Smol Tutor", progress=lambda m, _f: steps.append(m))
    assert spec.id == "smol-tutor-v1" and spec.version == 1 and spec.origin == "user"
    assert spec.quantization == "Q4_1" and "chat template: gguf" in spec.description
    assert steps[0] == "Checking the file…" and steps[-1] == "Added"
    copied = user_models_dir() / spec.id / source.name
    assert copied.read_bytes() == gguf_bytes
    assert resolve(spec) == copied.parent  # found and verified by sha256 like a built-in
    saved = json.loads(catalog_path().read_text())
    assert [m["id"] for m in saved["models"]] == ["smol-tutor-v1"]


def test_truncated_gguf_is_refused_and_nothing_is_kept(tmp_path: Path, gguf_bytes: bytes) -> None:
    for cut in (200, 1_000_000, len(gguf_bytes) // 2):  # in the header, vocabulary, tensors
        source = _variant(tmp_path, gguf_bytes[:cut], f"cut{cut}.gguf")
        with pytest.raises(ModelCorrupt) as info:
            add_model(source)
        assert "incomplete" in str(info.value) and "Copy the file again" in info.value.hint
    _nothing_registered()


def test_wrong_format_is_refused_in_plain_words(tmp_path: Path) -> None:
    licence = SHARED / "README.md"
    wrong = [tmp_path / "notes.gguf", tmp_path / "model.onnx"]
    wrong[0].write_bytes(licence.read_bytes() if licence.exists() else b"# notes\n" * 100)
    wrong[1].write_bytes(b"PK\x03\x04 a zip file renamed")
    for path in wrong:
        with pytest.raises(ModelLoadError) as info:
            add_model(path)
        assert "is not a model Lantern can use" in str(info.value)
        assert "GGUF" in info.value.hint
    _nothing_registered()


def test_model_too_large_for_ram_is_refused_before_reading_it(tmp_path: Path,
                                                              gguf_bytes: bytes) -> None:
    # A real GGUF header in a sparse 2 TB file: the header checks pass, the size does not.
    huge = tmp_path / "huge.Q8_0.gguf"
    with open(huge, "wb") as fh:
        fh.write(gguf_bytes[:4_000_000])
        fh.truncate(2 * 2**40)
    assert read_header(huge).tensor_count == 272
    with pytest.raises(OutOfMemory) as info:
        add_model(huge)
    assert "was not added" in str(info.value) and "smaller model" in info.value.hint
    _nothing_registered()


def test_missing_file_says_what_to_check(tmp_path: Path) -> None:
    with pytest.raises(InferenceError) as info:
        inspect(tmp_path / "gone.gguf")
    assert "USB stick" in info.value.hint


@pytest.mark.slow
def test_versions_switch_and_roll_back_from_the_terminal(
        tmp_path: Path, gguf_bytes: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    builtin = load_registry().default("chat").id
    for tag in (b"135A", b"135B"):
        path = _variant(tmp_path, gguf_bytes, f"smol-{tag.decode()}.gguf", tag)
        assert cli(["models", "add", str(path), "--family", "smol"]) == 0
    assert cli(["models", "use", "smol-v2"]) == 0
    assert full_registry().default("chat").id == "smol-v2"
    assert cli(["models", "use", "smol-v1"]) == 0
    assert cli(["models", "rollback"]) == 0
    assert full_registry().default("chat").id == "smol-v2"
    assert cli(["models", "rollback"]) == 0
    assert full_registry().default("chat").id == builtin
    assert cli(["models", "rollback"]) == 1  # nothing earlier: a message, not a crash
    assert "no earlier chat model" in capsys.readouterr().err
    assert cli(["models", "list"]) == 0
    listing = capsys.readouterr().out
    assert "smol-v1" in listing and "v2" in listing and f"* {builtin}" in listing


@pytest.mark.slow
def test_model_in_use_is_not_removed(tmp_path: Path, gguf_bytes: bytes,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = _variant(tmp_path, gguf_bytes, "smol.gguf")
    assert cli(["models", "add", str(path), "--family", "smol", "--use"]) == 0
    assert cli(["models", "remove", "smol-v1"]) == 1
    assert "is the model in use" in capsys.readouterr().err
    assert cli(["models", "use", load_registry().default("chat").id]) == 0
    assert cli(["models", "remove", "smol-v1"]) == 0
    assert not (user_models_dir() / "smol-v1").exists()
    assert Catalog.load().models == []


def test_damaged_catalog_is_kept_aside_and_builtins_still_work() -> None:
    path = catalog_path()
    path.parent.mkdir(parents=True)
    path.write_text("{ not json")
    assert full_registry().default("chat").id == load_registry().default("chat").id
    assert path.with_name("catalog.json.bad").read_text() == "{ not json"


@pytest.mark.slow
def test_onnx_embedding_model_with_its_tokenizer_is_added(tmp_path: Path) -> None:
    spec = load_registry().get("all-minilm-l6-v2-int8")
    source = tmp_path / "usb" / "minilm"
    shutil.copytree(resolve(spec), source)
    added = add_model(source / "model.onnx")
    assert added.role == "embed" and added.dimension == 384
    assert [f.name for f in added.files] == ["model.onnx", "tokenizer.json"]
    assert resolve(added) == user_models_dir() / added.id


def test_onnx_model_without_tokenizer_says_what_is_missing(tmp_path: Path) -> None:
    spec = load_registry().get("all-minilm-l6-v2-int8")
    lone = tmp_path / "model.onnx"
    shutil.copyfile(resolve(spec) / "model.onnx", lone)
    with pytest.raises(InferenceError) as info:
        add_model(lone)
    assert "no tokenizer.json beside it" in str(info.value)
    _nothing_registered()
