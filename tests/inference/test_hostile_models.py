"""Hostile model files at sideload: budgets for chat templates, typed errors for headers,
no folders left behind by a run that died, and fuzzing of GGUF and ONNX inspection."""

from __future__ import annotations

import os
import struct
import time
from pathlib import Path

import pytest

from benchmarks._fuzz_inputs import _gguf_string, gguf_file, onnx_model
from benchmarks.fuzz import FUZZ_TARGETS
from inference import gguf
from inference.chat_template import CHATML, Budget, from_metadata
from inference.errors import ModelCorrupt, ModelLoadError
from inference.sideload import STAGING_PREFIX, inspect, remove_orphans
from inference.versions import user_models_dir

MESSAGES = [{"role": "system", "content": "Be kind."},
            {"role": "user", "content": "What is a fraction?"}]


def _render(source: str) -> str:
    return from_metadata({"tokenizer.chat_template": source}).render(MESSAGES)


@pytest.mark.parametrize("source", [
    "{% for i in range(999999999) %}x{% endfor %}",  # was an uncaught OverflowError
    "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",  # hang
    "{{ 'a' * 999999999 }}", "{{ 'a' | center(999999999) }}", "{{ 'a'.ljust(10**9) }}",
    "{{ 2 ** 99999999 }}",
    "{% set ns = namespace(a='ab') %}{% for i in range(60) %}{% set ns.a = ns.a ~ ns.a %}"
    "{% endfor %}{{ ns.a }}",
    "{% set ns = namespace(a=[1]) %}{% for i in range(60) %}{% set ns.a = ns.a + ns.a %}"
    "{% endfor %}",
])
def test_templates_that_ask_for_too_much_work_are_refused_quickly(source: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ModelLoadError, match="too much work"):
        _render(source)
    assert time.perf_counter() - start < 3.0


@pytest.mark.parametrize("source", ["{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
                                    "{{ 1/0 }}", "{{ x.y.z }}",
                                    "{% for %}"])
def test_templates_that_fail_are_a_typed_error(source: str) -> None:
    with pytest.raises(ModelLoadError, match="chat template"):
        _render(source)


def test_a_real_template_renders_a_long_chat_within_the_budget() -> None:
    chat = [{"role": "user" if i % 2 else "assistant", "content": "word " * 200}
            for i in range(100)]
    prompt = from_metadata({"tokenizer.chat_template": CHATML}).render(chat)
    assert prompt.count("<|im_start|>") == 101
    with pytest.raises(ModelLoadError, match="too much work"):
        from_metadata({}).render(chat, budget=Budget(steps=50))


def _write(tmp_path: Path, data: bytes, name: str = "model.Q4_0.gguf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_gguf_with_a_hostile_template_is_refused_before_anything_is_copied(
        tmp_path: Path) -> None:
    hostile = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    path = _write(tmp_path, gguf_file([(b"tokenizer.chat_template", 8,
                                        _gguf_string(hostile.encode()))]))
    with pytest.raises(ModelLoadError, match="too much work"):
        inspect(path)
    assert not user_models_dir().exists() or not any(user_models_dir().iterdir())


def test_a_template_that_refuses_a_system_message_is_tried_without_one(tmp_path: Path) -> None:
    strict = ("{% if messages[0]['role'] == 'system' %}{{ raise_exception('no system') }}"
              "{% endif %}{% for m in messages %}{{ m['content'] }}{% endfor %}")
    path = _write(tmp_path, gguf_file([(b"tokenizer.chat_template", 8,
                                        _gguf_string(strict.encode()))]))
    assert inspect(path).template_origin == "gguf"


def _nested_arrays(depth: int) -> bytes:
    return b"".join(struct.pack("<IQ", 9, 1) for _ in range(depth)) + struct.pack("<IQ", 4, 0)


@pytest.mark.parametrize("entry, why", [
    ((b"x", 9, _nested_arrays(5000)), "nested"),  # was RecursionError
    ((b"general.alignment", 8, _gguf_string(b"abc")), "alignment"),  # was ValueError
    ((b"general.alignment", 4, struct.pack("<I", 0)), "alignment"),
])
def test_malformed_gguf_metadata_is_a_typed_error(tmp_path: Path, entry: tuple[bytes, int, bytes],
                                                  why: str) -> None:
    with pytest.raises(ModelCorrupt, match=why):
        gguf.read_header(_write(tmp_path, gguf_file([entry])))


def test_a_huge_tensor_dimension_count_is_refused_without_reading_it(tmp_path: Path) -> None:
    """Was a 32 GB read attempt (MemoryError)."""
    data = bytearray(gguf_file([], tensors=1))
    record = data.index(_gguf_string(b"t0")) + len(_gguf_string(b"t0"))
    data[record:record + 4] = struct.pack("<I", 2**32 - 1)
    with pytest.raises(ModelCorrupt, match="dimensions"):
        gguf.read_header(_write(tmp_path, bytes(data)))


def test_odd_metadata_types_read_as_missing(tmp_path: Path) -> None:
    header = gguf.read_header(_write(tmp_path, gguf_file([
        (b"general.architecture", 8, _gguf_string(b"llama")),
        (b"llama.context_length", 8, _gguf_string(b"lots")),
        (b"general.file_type", 8, _gguf_string(b"q4"))])))
    assert header.context_length is None and header.file_type is None


def test_onnx_structure_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "tokenizer.json").write_text("{}")
    model = onnx_model()
    (folder / "model.onnx").write_bytes(model)
    assert inspect(folder / "model.onnx").role == "embed"
    (folder / "model.onnx").write_bytes(model[:-5])
    with pytest.raises(ModelCorrupt, match="incomplete"):
        inspect(folder / "model.onnx")
    (folder / "model.onnx").write_bytes(b"\x08\x08" + b"\x0f" * 40)
    with pytest.raises(ModelLoadError, match="not an ONNX model"):
        inspect(folder / "model.onnx")


def test_staging_folders_of_killed_adds_are_removed(tmp_path: Path) -> None:
    models = user_models_dir()
    models.mkdir(parents=True, exist_ok=True)
    dead = models / f"{STAGING_PREFIX}tutor-v1-4242"
    running = models / f"{STAGING_PREFIX}tutor-v2-4343"
    kept = models / "tutor-v1"
    for folder in (dead, running, kept):
        folder.mkdir()
        (folder / "model.gguf").write_bytes(b"GGUF" + b"\x00" * 1000)
    os.utime(dead, (time.time() - 600, time.time() - 600))
    os.utime(kept, (time.time() - 600, time.time() - 600))
    assert remove_orphans() == [dead]
    assert running.exists() and kept.exists()


@pytest.mark.parametrize("target", ["gguf", "onnx"])
def test_fuzzed_model_files_never_crash(target: str) -> None:
    tally = FUZZ_TARGETS[target](40)
    assert tally.inputs == 40
    assert not tally.crashes, "\n".join(tally.crashes)
    assert tally.typed_errors and tally.results, tally.summary()
