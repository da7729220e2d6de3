"""bundle_mb_without_models: the size of the one-folder bundle that ``make bundle`` built
(``dist/Lantern``), minus the model files it carries.

The models are most of the download and are chosen for quality; this figure is what the
app itself costs: Python, Qt, llama.cpp, ONNX Runtime and our code. It reads the bundle
that is there (building one takes minutes and belongs to ``make bundle``) and says when
there is none.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.registry import Figure, benchmark

REPO = Path(__file__).resolve().parents[1]
BUNDLE = REPO / "dist" / "Lantern"
_MB = 1024 * 1024


def folder_bytes(root: Path, *, skip: Path | None = None) -> int:
    """Bytes of the files under ``root`` (links not followed), leaving out ``skip``."""
    total = 0
    for path in root.rglob("*"):
        if skip is not None and path.is_relative_to(skip):
            continue
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def _models_folder(bundle: Path) -> Path | None:
    found = [p for p in bundle.rglob("assets/models") if p.is_dir()]
    return found[0] if found else None


@benchmark("bundle_mb_without_models")
def bundle_mb_without_models() -> Figure:
    if not (BUNDLE / "Lantern").exists() and not (BUNDLE / "Lantern.exe").exists():
        raise RuntimeError(f"no bundle in {BUNDLE}: run `make bundle` first")
    models = _models_folder(BUNDLE)
    total = folder_bytes(BUNDLE)
    model_bytes = folder_bytes(models) if models else 0
    return Figure(
        name="bundle_mb_without_models", value=(total - model_bytes) / _MB, unit="MB",
        goal="<= 250", baseline="absolute: dist/Lantern from `make bundle`, minus the models",
        detail={"bundle_mb": round(total / _MB, 1), "models_mb": round(model_bytes / _MB, 1),
                "largest_mb": _largest(BUNDLE, models)})


def _largest(bundle: Path, models: Path | None) -> dict[str, float]:
    """The ten largest top-level parts of the bundle's library folder, for the report."""
    inner = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    sizes = {p.name: folder_bytes(p, skip=models) if p.is_dir() else p.lstat().st_size
             for p in inner.iterdir() if not p.is_symlink()}
    top = sorted(sizes.items(), key=lambda kv: kv[1], reverse=True)[:10]
    return {name: round(size / _MB, 1) for name, size in top}
