"""Build engines from registry entries: locate, verify, check the device, load."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from inference.devices import (
    CPU_PROVIDER,
    DeviceChoice,
    choose_chat,
    choose_embed,
    physical_cores,
)
from inference.embed import EmbedEngine
from inference.llm import TUTOR_CONTEXT, ChatEngine
from inference.registry import ModelSpec, load_registry, resolve


def load_chat(spec: ModelSpec, choice: DeviceChoice, *,
              search_dirs: Sequence[Path] | None = None,
              n_ctx: int = TUTOR_CONTEXT) -> ChatEngine:
    folder = resolve(spec, search_dirs)
    return ChatEngine(
        folder / spec.file(".gguf").name, n_ctx=min(n_ctx, spec.context_length),
        n_threads=choice.threads, n_gpu_layers=choice.gpu_layers, ram_mb=spec.ram_mb,
        name=spec.name,
    )


def load_embed(spec: ModelSpec, choice: DeviceChoice, *,
               search_dirs: Sequence[Path] | None = None) -> EmbedEngine:
    folder = resolve(spec, search_dirs)
    providers = [choice.backend, CPU_PROVIDER] if choice.device == "gpu" else [CPU_PROVIDER]
    return EmbedEngine(folder / spec.file(".onnx").name, tokenizer_file(spec, folder),
                       providers=providers, threads=choice.threads, name=spec.name)


def load_cpu_embed(model_id: str | None = None, threads: int | None = None) -> EmbedEngine:
    """The default (or a named) embedding model on the CPU, loaded as the app loads it:
    for command-line tools, benchmarks and tests."""
    registry = load_registry()
    spec = registry.get(model_id) if model_id else registry.default("embed")
    return load_embed(spec, choose_embed([], threads or physical_cores()))


def tokenizer_file(spec: ModelSpec, folder: Path) -> Path | None:
    """The model's ``tokenizer.json``, or ``None`` when its graph tokenizes by itself."""
    names = {f.name for f in spec.files}
    return folder / "tokenizer.json" if "tokenizer.json" in names else None


def cpu_choices(threads: int) -> tuple[DeviceChoice, DeviceChoice]:
    """Device choices for a CPU-only run (tests, benchmarks, a user who picked CPU)."""
    return choose_chat(False, threads), choose_embed([], threads)
