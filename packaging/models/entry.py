"""The registry entry for a model that passed the gates (``registry-entry.toml``).

The entry uses the exact schema of ``assets/models/registry.toml`` so it can be pasted
in; measurements go in comments because the registry loader accepts only its own keys.
``package``/``member`` say where the file must be published for ``inference fetch`` to
find it (a wheel named after the model, like every other model file we ship).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inference.registry import sha256_of
from packaging.models.evaluate import Metrics

MODEL_ID = "lantern-minilm-l6-pruned-int8"
PACKAGE = "lantern-minilm-l6-pruned-int8"
BUILD_VERSION = "0.1.0"  # bump when the recipe (corpus, pruning, distillation) changes
_SHIPPED_FILES = ("model.onnx", "tokenizer.json")


def write_entry(path: Path, folder: Path, metrics: Metrics, report: dict[str, Any]) -> str:
    """Write and return the TOML text of the ``[[model]]`` entry for ``folder``."""
    module = PACKAGE.replace("-", "_")
    lines = [
        f"# Built by `python -m packaging.models build` (recipe {BUILD_VERSION}).",
        f"# candidate {metrics.name}: min cosine {metrics.min_cosine:.4f}, mean "
        f"{metrics.mean_cosine:.4f} over {metrics.texts} texts; recall@5 "
        f"{metrics.recall_at_5:.3f} (fp32 {report['teacher_recall_at_5']:.3f}); "
        f"{metrics.ms_per_text:.2f} ms/text",
        "[[model]]", f'id = "{MODEL_ID}"', 'name = "all-MiniLM-L6-v2 pruned int8 (Lantern)"',
        'role = "embed"', "default = false",
        'quantization = "int8 (dynamic), FFN pruned + distilled"', 'licence = "Apache-2.0"',
        "context_length = 256", "ram_mb = 120", "dimension = 384",
        f'description = "all-MiniLM-L6-v2 pruned and distilled on Lantern content '
        f'(recipe {BUILD_VERSION})."', "",
    ]
    for name in _SHIPPED_FILES:
        file = folder / name
        lines += ["  [[model.files]]", f'  name = "{name}"', f'  package = "{PACKAGE}"',
                  f'  version = "{BUILD_VERSION}"', f'  member = "{module}/{name}"',
                  f"  size = {file.stat().st_size}", f'  sha256 = "{sha256_of(file)}"', ""]
    text = "\n".join(lines)
    path.write_text(text, encoding="utf-8")
    return text
