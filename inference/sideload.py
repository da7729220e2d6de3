"""Add a model a teacher brings on a USB stick or from disk, checked step by step.

``add_model`` checks, in order, and stops at the first problem with a message a
teacher can act on (nothing is registered, nothing half-copied stays behind):

1. format: a GGUF (llama.cpp chat model) or an ONNX file (embedding model, with its
   ``tokenizer.json`` beside it); anything else is refused;
2. header: a GGUF header that parses and a file long enough for its tensors
   (a cut-short copy is caught here, before anything loads it);
3. chat template: the model's own, or the ChatML fallback (said so in the result);
4. memory: the estimated need against the free memory right now, *before* any
   large read, so a 30 GB model is refused at once;
5. sha256 while copying into the user models folder;
6. a smoke run: load it and generate a few tokens (or embed two sentences).

Then it is registered as the next version of its family (:mod:`inference.versions`).

Files are copied into a staging folder (``.adding-<id>``) that is renamed into place only
when every step passed, so a run killed half-way (a hanging template, a pulled plug)
leaves a staging folder that :func:`remove_orphans` deletes at the next start or add,
never a folder that blocks the next version.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

import psutil

from inference import gguf
from inference.cancel import CancelToken
from inference.chat_template import from_metadata
from inference.errors import (
    InferenceError,
    ModelCorrupt,
    ModelLoadError,
    ModelNotFound,
    OutOfMemory,
)
from inference.messages import QT_TRANSLATE_NOOP, message
from inference.registry import ModelFile, ModelSpec, Role, sha256_of
from inference.versions import Catalog, user_models_dir

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]
_CHUNK = 1 << 22
_ONNX_FIRST_BYTE = 0x08  # protobuf field 1 (ir_version), varint: every ONNX model starts so
_KV_MB = 160  # KV cache, scratch buffers and the runtime for a 2048-token context
STAGING_PREFIX = ".adding-"
_ORPHAN_AGE_S = 60.0  # a staging folder untouched this long belongs to a dead run
_SAMPLE_CHAT = ({"role": "system", "content": "Be kind."},
                {"role": "user", "content": "What is a fraction?"})


@dataclass(frozen=True)
class Candidate:
    """What the header says about a file, before anything is copied or loaded."""

    path: Path
    role: Role
    name: str
    size: int
    ram_mb: int
    context_length: int
    template_origin: str  # "gguf", "fallback:chatml" or "" for embedding models
    quantization: str


def estimate_ram_mb(size_bytes: int, role: Role) -> int:
    """Memory a model needs: its weights (memory-mapped, all touched) plus working space."""
    weights = -(-size_bytes // 2**20)
    return int(weights * 1.1) + (_KV_MB if role == "chat" else 64)


def inspect(path: Path) -> Candidate:
    """Steps 1-3: format, header and chat template. Reads only the header."""
    if not path.is_file():
        raise ModelNotFound(
            message(QT_TRANSLATE_NOOP("ModelFiles", "There is no file at {path}."), path=path),
            hint=QT_TRANSLATE_NOOP("ModelFiles", "Check the USB stick is plugged in and pick "
                                   "the file again."))
    with open(path, "rb") as fh:
        head = fh.read(4)
    if head == gguf.MAGIC:
        return _inspect_gguf(path)
    if path.suffix.lower() == ".onnx" and head[:1] == bytes([_ONNX_FIRST_BYTE]):
        return _inspect_onnx(path)
    raise ModelLoadError(
        message(QT_TRANSLATE_NOOP("ModelFiles", "{file} is not a model Lantern can use."),
                file=path.name),
        hint=QT_TRANSLATE_NOOP("ModelFiles", "Lantern takes GGUF files (chat models for "
                               "llama.cpp, e.g. '…Q4_K_M.gguf') and ONNX files (embedding "
                               "models, with their tokenizer.json beside them)."))


def _inspect_gguf(path: Path) -> Candidate:
    header = gguf.read_header(path)
    template = from_metadata({"tokenizer.chat_template": header.chat_template or ""})
    _try_template(template.render)
    size = path.stat().st_size
    quant = re.search(r"(?i)(q\d(_[a-z0-9]+)*|f16|f32|bf16)", path.stem)
    return Candidate(path, "chat", header.name or path.stem, size,
                     estimate_ram_mb(size, "chat"), header.context_length or 2048,
                     template.origin, quant.group(1).upper() if quant else "unknown")


def _try_template(render: Callable[..., str]) -> None:
    """Step 3: the template renders a short chat within its budget, before any copy.

    A template that refuses a system message (some models allow none) is tried with the
    user's message alone; one that asks for too much work is refused at once.
    """
    try:
        render(list(_SAMPLE_CHAT))
    except ModelLoadError as exc:
        if "too much work" in str(exc):
            raise
        render(list(_SAMPLE_CHAT[1:]))


def _inspect_onnx(path: Path) -> Candidate:
    _check_onnx_structure(path)
    if not (path.parent / "tokenizer.json").is_file():
        raise ModelNotFound(
            message(QT_TRANSLATE_NOOP("ModelFiles", "{file} has no tokenizer.json beside it."),
                    file=path.name),
            hint=QT_TRANSLATE_NOOP("ModelFiles", "Copy the model's tokenizer.json into the "
                                   "same folder."))
    size = path.stat().st_size
    return Candidate(path, "embed", path.parent.name or path.stem, size,
                     estimate_ram_mb(size, "embed"), 256, "", "onnx")


def _check_onnx_structure(path: Path) -> None:
    """The top level of an ONNX ModelProto: well-formed fields that end inside the file,
    an IR version and a graph. Only field headers are read (the graph is skipped)."""
    size = path.stat().st_size
    seen: set[int] = set()
    with open(path, "rb") as fh:
        while fh.tell() < size:
            number, wire = divmod(_onnx_varint(fh, path), 8)
            if wire == 0:
                _onnx_varint(fh, path)
            elif wire in (1, 2, 5):
                length = {1: 8, 5: 4}.get(wire) or _onnx_varint(fh, path)
                if fh.tell() + length > size:
                    raise _onnx_cut_short(path)
                fh.seek(length, os.SEEK_CUR)
            else:
                raise _not_onnx(path)
            seen.add(number)
    if not {1, 7} <= seen:  # ir_version and graph
        raise _not_onnx(path)


def _onnx_varint(fh: BinaryIO, path: Path) -> int:
    result = shift = 0
    while shift < 64:
        byte = fh.read(1)
        if not byte:
            raise _onnx_cut_short(path)
        result |= (byte[0] & 0x7F) << shift
        if not byte[0] & 0x80:
            return result
        shift += 7
    raise _not_onnx(path)


def _onnx_cut_short(path: Path) -> ModelCorrupt:
    return ModelCorrupt(
        message(QT_TRANSLATE_NOOP("ModelFiles", "{file} is incomplete: the file ends before "
                                  "the model does."), file=path.name),
        hint=QT_TRANSLATE_NOOP("ModelFiles", "Copy the file again (wait until the copy has "
                               "finished before removing the USB stick), then add it again."))


def _not_onnx(path: Path) -> ModelLoadError:
    return ModelLoadError(
        message(QT_TRANSLATE_NOOP("ModelFiles", "{file} is damaged or not an ONNX model."),
                file=path.name),
        hint=QT_TRANSLATE_NOOP("ModelFiles", "Copy the model file again from where you got "
                               "it."))


def remove_orphans(models_dir: Path | None = None) -> list[Path]:
    """Delete staging folders left by adds that were killed; returns what was removed.

    A folder still being written by a running add is younger than a minute and kept.
    """
    folder = models_dir or user_models_dir()
    removed = []
    try:
        candidates = [p for p in folder.iterdir()
                      if p.name.startswith(STAGING_PREFIX) and p.is_dir()]
    except OSError:
        return []
    for path in candidates:
        try:
            if time.time() - path.stat().st_mtime < _ORPHAN_AGE_S:
                continue
        except OSError:
            continue
        shutil.rmtree(path, ignore_errors=True)
        log.info("removed %s, left by a model add that did not finish", path.name)
        removed.append(path)
    return removed


def check_ram(candidate: Candidate, available_mb: int | None = None) -> None:
    """Step 4: refuse a model that would not fit in the memory free right now."""
    free = available_mb if available_mb is not None else (
        psutil.virtual_memory().available // 2**20)
    if candidate.ram_mb > free:
        raise OutOfMemory(
            message(QT_TRANSLATE_NOOP("ModelFiles", "{file} needs about {need} MB of memory, "
                                      "but this laptop has only {free} MB free, so it was "
                                      "not added."),
                    file=candidate.path.name, need=f"{candidate.ram_mb:,}", free=f"{free:,}"),
            hint=message(QT_TRANSLATE_NOOP("ModelFiles", "Choose a smaller model (a 4-bit "
                                           "'Q4' file of at most about {size} MB), or close "
                                           "other programs and try again."),
                         size=f"{max(free // 2, 1):,}"))


def family_of(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:40] or "model"


def add_model(path: Path, *, family: str | None = None, catalog: Catalog | None = None,
              progress: Progress | None = None, cancel: CancelToken | None = None) -> ModelSpec:
    """Check, copy, smoke-test and register ``path``; returns the new version's spec.

    Raises:
        ModelNotFound, ModelLoadError, ModelCorrupt, OutOfMemory: the file is refused,
            with the reason; nothing is registered or left behind.
        Cancelled: the teacher stopped it; the partial copy is removed.
    """
    report = progress or (lambda _msg, _frac: None)
    cancel = cancel or CancelToken()
    catalog = catalog or Catalog.load()
    report(QT_TRANSLATE_NOOP("ModelFiles", "Checking the file…"), 0.0)
    remove_orphans()
    candidate = inspect(path)
    check_ram(candidate)
    family = family_of(family or candidate.name)
    version = catalog.next_version(family)
    folder = user_models_dir() / f"{family}-v{version}"
    staging = folder.with_name(f"{STAGING_PREFIX}{folder.name}-{os.getpid()}")
    try:
        files = _copy_all(candidate, staging, version, report, cancel)
        duplicate = catalog.find_sha256(files[0].sha256)
        if duplicate is not None:
            raise InferenceError(
                message(QT_TRANSLATE_NOOP("ModelFiles", "This model is already added, as "
                                          "{id}."), id=duplicate.id),
                hint=message(QT_TRANSLATE_NOOP("ModelFiles", "Choose {id} in the list and "
                                               "press 'Use this model' (or run `models use "
                                               "{id}`)."), id=duplicate.id))
        report(QT_TRANSLATE_NOOP("ModelFiles", "Trying the model…"), 0.9)
        spec = smoke_test(_spec(candidate, family, version, files), staging)
        _move_into_place(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    catalog.add(spec)
    catalog.save()
    report(QT_TRANSLATE_NOOP("ModelFiles", "Added"), 1.0)
    log.info("added model %s (%s, %d bytes)", spec.id, spec.role, candidate.size)
    return spec


def _move_into_place(staging: Path, folder: Path) -> None:
    """Rename the checked files to the version's folder. A folder already there is not
    in the catalog (the version number is new), so it is debris of an older Lantern."""
    if folder.exists():
        log.warning("replacing %s, which no catalog entry uses", folder)
        shutil.rmtree(folder)
    os.replace(staging, folder)


def _copy_all(candidate: Candidate, folder: Path, version: int, report: Progress,
              cancel: CancelToken) -> tuple[ModelFile, ...]:
    sources = [candidate.path]
    if candidate.role == "embed":
        sources.append(candidate.path.parent / "tokenizer.json")
    folder.mkdir(parents=True, exist_ok=False)
    files = []
    for source in sources:
        target = folder / source.name
        _copy(source, target, report, cancel)
        files.append(ModelFile(name=source.name, size=target.stat().st_size,
                               sha256=sha256_of(target), package="teacher-added",
                               version=str(version), member=str(source)))
    return tuple(files)


def _copy(source: Path, target: Path, report: Progress, cancel: CancelToken) -> None:
    total = max(source.stat().st_size, 1)
    done = 0
    with open(source, "rb") as src, open(target, "wb") as dst:
        while chunk := src.read(_CHUNK):
            cancel.raise_if_cancelled()
            dst.write(chunk)
            done += len(chunk)
            report(message(QT_TRANSLATE_NOOP("ModelFiles", "Copying {file}…"),
                           file=source.name), 0.8 * done / total)
    if target.stat().st_size != source.stat().st_size:
        raise ModelLoadError(
            message(QT_TRANSLATE_NOOP("ModelFiles", "Copying {file} did not finish."),
                    file=source.name),
            hint=QT_TRANSLATE_NOOP("ModelFiles", "Check there is enough free disk space, then "
                                   "try again."))


def _spec(candidate: Candidate, family: str, version: int,
          files: tuple[ModelFile, ...]) -> ModelSpec:
    return ModelSpec(
        id=f"{family}-v{version}", name=f"{candidate.name} (v{version})", role=candidate.role,
        quantization=candidate.quantization, licence="as provided by the teacher",
        context_length=candidate.context_length, ram_mb=candidate.ram_mb, files=files,
        dimension=None, description=f"Added from {candidate.path.name}; chat template: "
        f"{candidate.template_origin or 'n/a'}", family=family, version=version,
        origin="user")


def smoke_test(spec: ModelSpec, folder: Path) -> ModelSpec:
    """Step 6: the model loads and produces output; raises :class:`ModelLoadError`.

    Returns the spec, with the embedding dimension filled in for an embedding model.
    """
    if spec.role == "chat":
        from inference.llm import ChatEngine, GenerationParams

        with ChatEngine(folder / spec.files[0].name, n_ctx=512, ram_mb=spec.ram_mb,
                        name=spec.name) as engine:
            text = "".join(engine.stream_chat(
                [{"role": "user", "content": "Say hello."}],
                GenerationParams.deterministic(max_tokens=8)))
        if not text.strip():
            raise ModelLoadError(message(QT_TRANSLATE_NOOP(
                "ModelFiles", "{name} loaded but wrote nothing when tried."), name=spec.name))
        return spec
    from inference.embed import EmbedEngine

    embedder = EmbedEngine(folder / spec.files[0].name, folder / "tokenizer.json")
    vectors = embedder.embed(["A test sentence.", "Another one."])
    return replace(spec, dimension=int(vectors.shape[1]))
