"""Shared set-up for benchmarks that need the default models."""

from __future__ import annotations

from pathlib import Path

from inference.devices import physical_cores
from inference.embed import EmbedEngine
from inference.loader import load_cpu_embed
from inference.registry import load_registry, resolve


def default_model_file(role: str, suffix: str) -> Path:
    spec = load_registry().default(role)  # type: ignore[arg-type]
    return resolve(spec) / spec.file(suffix).name


def bench_threads() -> int:
    return physical_cores()


def default_embed_engine(threads: int | None = None, model_id: str | None = None
                         ) -> EmbedEngine:
    """The default (or a named) embedding model, on the CPU, loaded as the app loads it."""
    return load_cpu_embed(model_id, threads or bench_threads())
