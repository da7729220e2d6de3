"""The build: the default embedder's vocabulary pruned to our languages, measured, gated.

Steps (``docs/models.md``, "Our pruned embedder"):

1. The parent, ``use-multilingual-v3-int8``, located and verified through the registry.
2. The piece ids each source needs (``packaging/models/vocab.py``), with the parent's own
   tokenizer; their union is the recipe, written to ``<out>/vocab.keep`` and compared
   with the committed ``assets/models/<recipe>``.
3. The candidate ``vocab-pruned``, derived by ``inference.vocab_prune.derive``, the very
   code ``python -m inference fetch`` runs on a fresh clone; built twice, so the report
   proves the bytes are the same each run.
4. Cosine against the parent on every starter-pack text, retrieval recall, size, and speed
   interleaved with the parent; the gates; ``report.json``; the registry entry.

No Torch: the candidate is a graph rewrite of a model that is already int8.
"""

from __future__ import annotations

import json
import logging
import platform
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inference.embed import EmbedEngine
from inference.registry import load_registry, resolve, sha256_of
from inference.resources import assets_dir
from inference.vocab_prune import (
    MODEL_FILE,
    derive,
    required_ids,
    sentencepiece_pieces,
    write_recipe,
)
from packaging.models.corpus import REPO_ROOT
from packaging.models.entry import CHILD_ID, PARENT_ID, RECIPE_NAME, model_bytes, write_entry
from packaging.models.evaluate import Metrics, compare, gates, interleaved_speed
from packaging.models.vocab import Tokenizer, held_out_texts, kept_ids, pack_texts

log = logging.getLogger(__name__)

Report = Callable[[str], None]
CANDIDATE = "vocab-pruned"
SPEED_TEXTS = 128


@dataclass(frozen=True)
class BuildConfig:
    out: Path = REPO_ROOT / "build" / "models"
    threads: int = 2


def build(config: BuildConfig, *, report: Report = log.info) -> dict[str, Any]:
    """Run the pipeline; returns the report (also written to ``<out>/report.json``)."""
    parent_spec = load_registry().get(PARENT_ID)
    parent_file = resolve(parent_spec) / MODEL_FILE
    report(f"parent {parent_file} (verified)")
    tokenizer = Tokenizer(parent_file)
    pieces = sentencepiece_pieces(tokenizer.model_proto)
    sources = kept_ids(tokenizer, pieces)
    keep = set().union(*(set(ids.tolist()) for ids in sources.values()))
    recipe = config.out / "vocab.keep"
    write_recipe(recipe, keep, recipe_header(len(keep), len(pieces)))
    committed = assets_dir() / "models" / RECIPE_NAME
    folder = config.out / "candidates" / CANDIDATE
    files = derive(parent_file, recipe, folder)
    again = derive(parent_file, recipe, config.out / "candidates" / "again")
    first = [sha256_of(path) for path in files]
    deterministic = first == [sha256_of(path) for path in again]
    shutil.rmtree(config.out / "candidates" / "again")
    report(f"derived {CANDIDATE}: {len(keep):,} of {len(pieces):,} pieces, "
           f"sha256 {', '.join(h[:16] for h in first)}")
    result = _measure(config, parent_file, folder / MODEL_FILE, report)
    result.update({
        "recipe": {"pieces_kept": len(keep | required_ids(pieces)), "pieces": len(pieces),
                   "ids_in_recipe": len(keep),
                   "required": len(required_ids(pieces)),
                   "by_source": {k: len(v) for k, v in sources.items()},
                   "sha256": sha256_of(recipe),
                   "same_as_committed": committed.is_file()
                   and sha256_of(committed) == sha256_of(recipe)},
        "deterministic": deterministic,
        "sha256": {path.name: digest for path, digest in zip(files, first, strict=True)},
        "parent": {"id": PARENT_ID, "sha256": parent_spec.files[0].sha256},
        "threads": config.threads,
        "machine": {"cpu": platform.processor() or platform.machine(),
                    "python": platform.python_version()}})
    if result["chosen"]:
        write_entry(config.out / "registry-entry.toml", files, result)
    (config.out / "report.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return result


def recipe_header(kept: int, total: int) -> list[str]:
    return [f"Lantern's vocabulary recipe: {PARENT_ID} -> {CHILD_ID}.",
            "Written by `make models-build` (packaging/models/vocab.py says where each "
            "piece comes from);",
            "read by `python -m inference fetch` (inference/vocab_prune.py). "
            f"{kept:,} of {total:,} SentencePiece ids,",
            "as runs 'first-last' or single ids."]


def _measure(config: BuildConfig, parent_file: Path, candidate_file: Path,
             report: Report) -> dict[str, Any]:
    from benchmarks.retrieval import recall_by_language  # the app's own hybrid search

    def recall(engine: EmbedEngine) -> dict[str, dict[str, float]]:
        return recall_by_language(engine)["groups"]

    parent = EmbedEngine(parent_file, None, threads=config.threads, name=PARENT_ID)
    candidate = EmbedEngine(candidate_file, None, threads=config.threads, name=CANDIDATE)
    texts, heldout = pack_texts(), held_out_texts()
    report(f"measuring on {len(texts)} starter-pack texts and {len(heldout)} held-out texts…")
    metrics: dict[str, Metrics] = {
        name: compare(name, engine, parent, texts=texts, heldout=heldout,
                      size_bytes=model_bytes(path), recall=recall)
        for name, engine, path in (("parent", parent, parent_file),
                                   (CANDIDATE, candidate, candidate_file))}
    report("timing, interleaved with the parent…")
    speed = interleaved_speed(parent, candidate, texts[:SPEED_TEXTS])
    checked = gates(metrics[CANDIDATE], metrics["parent"], speed)
    passes = all(g.passed for g in checked)
    return {"chosen": CANDIDATE if passes else None, "best": CANDIDATE,
            "candidates": {name: m.to_dict() for name, m in metrics.items()},
            "speed": speed.__dict__, "gates": [g.__dict__ for g in checked],
            "passes": passes}
