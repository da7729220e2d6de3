"""The registry entry for the pruned embedder that passed the gates (``registry-entry.toml``).

The entry uses the exact schema of ``assets/models/registry.toml`` so it can be pasted
in; measurements go in comments because the registry loader accepts only its own keys.
The file is not published anywhere: ``python -m inference fetch`` derives it from the
verified parent with the committed recipe (``assets/models/<RECIPE_NAME>``) and checks the
result against this size and sha256.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inference.registry import sha256_of

PARENT_ID = "use-multilingual-v3-int8"
CHILD_ID = "use-multilingual-v3-int8-en-zh"
RECIPE_NAME = f"{CHILD_ID}.keep"


def model_bytes(model_file: Path) -> int:
    """A model's size on disk: its graph and the weights file beside it, if any."""
    weights = model_file.with_name(model_file.name + ".data")
    return sum(p.stat().st_size for p in (model_file, weights) if p.is_file())


def write_entry(path: Path, files: list[Path], report: dict[str, Any]) -> str:
    """Write and return the TOML text of the ``[[model]]`` entry for the model made of
    ``files`` (its graph and its weights, in the order fetch writes them)."""
    ours, parent = report["candidates"]["vocab-pruned"], report["candidates"]["parent"]
    recipe = report["recipe"]
    lines = [
        "# Built by `make models-build`: the parent's vocabulary pruned to English and Chinese.",
        f"# {recipe['pieces_kept']:,} of {recipe['pieces']:,} pieces; min cosine vs parent "
        f"{ours['min_cosine']:.6f} over {ours['texts']} starter-pack texts (held out: "
        f"{ours['heldout_min_cosine']:.4f}); speed x{report['speed']['ratio']:.3f}; "
        f"{ours['size_bytes']:,} of {parent['size_bytes']:,} bytes.",
        "[[model]]", f'id = "{CHILD_ID}"', 'name = "USE multilingual v3 int8, English + Chinese"',
        'role = "embed"', "default = true", f'derived_from = "{PARENT_ID}"',
        'quantization = "int8 (dynamic), vocabulary pruned to English and Chinese"',
        'licence = "Apache-2.0"', "context_length = 512", "ram_mb = 190", "dimension = 512",
        "",
    ]
    for file in sorted(files, key=lambda p: not p.name.endswith(".onnx")):  # graph first
        lines += ["  [[model.files]]", f'  name = "{file.name}"', f'  recipe = "{RECIPE_NAME}"',
                  f"  size = {file.stat().st_size}", f'  sha256 = "{sha256_of(file)}"', ""]
    text = "\n".join(lines)
    path.write_text(text, encoding="utf-8")
    return text
