"""What this computer can run, and which device each model should use, with reasons.

``detect()`` never guesses silently: every choice carries the reason it was made, and the
engines report afterwards what was *actually* used, so a GPU that fell back to the CPU
shows up as a fallback instead of being hidden.
"""

from __future__ import annotations

import logging
import os
import platform
from dataclasses import asdict, dataclass, field
from typing import Any

log = logging.getLogger(__name__)

# ONNX Runtime providers we are willing to use for embeddings, best first.
GPU_PROVIDERS = ("CUDAExecutionProvider", "CoreMLExecutionProvider", "DmlExecutionProvider")
CPU_PROVIDER = "CPUExecutionProvider"
_FEATURES = ("avx", "avx2", "avx512f", "fma", "f16c", "neon")


@dataclass(frozen=True)
class DeviceChoice:
    device: str  # "cpu" or "gpu"
    backend: str  # e.g. "llama.cpp CPU", "CUDAExecutionProvider"
    threads: int
    reason: str
    gpu_layers: int = 0


@dataclass(frozen=True)
class DeviceReport:
    system: str
    machine: str
    cpu_features: dict[str, bool]
    physical_cores: int
    logical_cores: int
    ram_total_mb: int
    ram_available_mb: int
    llama_gpu_offload: bool
    onnx_providers: list[str]
    chat: DeviceChoice
    embed: DeviceChoice
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def physical_cores() -> int:
    import psutil  # here: hardware detection runs after the first paint

    return psutil.cpu_count(logical=False) or os.cpu_count() or 1


def cpu_features() -> dict[str, bool]:
    """SIMD features, read from NumPy's runtime CPU dispatch table (cross-platform)."""
    table = _numpy_cpu_features()
    names = {"avx": "AVX", "avx2": "AVX2", "avx512f": "AVX512F", "fma": "FMA3",
             "f16c": "F16C", "neon": "ASIMD"}
    features = {key: bool(table.get(names[key], False)) for key in _FEATURES}
    if platform.machine().lower() in ("arm64", "aarch64"):
        features["neon"] = features["neon"] or bool(table.get("NEON", True))
    return features


def _numpy_cpu_features() -> dict[str, bool]:
    import importlib

    for name in ("numpy._core._multiarray_umath", "numpy.core._multiarray_umath"):
        try:  # numpy >= 2 moved the module; both expose the same table
            return dict(importlib.import_module(name).__cpu_features__)
        except (ImportError, AttributeError):
            continue
    return {}


def llama_gpu_offload() -> bool:
    """Whether this llama.cpp build can offload layers to a GPU (CUDA, Metal, Vulkan…)."""
    import llama_cpp

    return bool(llama_cpp.llama_supports_gpu_offload())


def onnx_providers() -> list[str]:
    import onnxruntime as ort

    return list(ort.get_available_providers())


def choose_chat(offload: bool, threads: int) -> DeviceChoice:
    if offload:
        return DeviceChoice("gpu", "llama.cpp GPU offload", threads,
                            "this llama.cpp build supports GPU offload; all layers go to the GPU",
                            gpu_layers=-1)
    return DeviceChoice("cpu", "llama.cpp CPU", threads,
                        "this llama.cpp build has no GPU offload (CUDA/Metal); using the CPU")


def choose_embed(providers: list[str], threads: int) -> DeviceChoice:
    for name in GPU_PROVIDERS:
        if name in providers:
            return DeviceChoice("gpu", name, threads, f"ONNX Runtime offers {name}")
    return DeviceChoice("cpu", CPU_PROVIDER, threads,
                        "ONNX Runtime offers no GPU provider here; using the CPU")


def detect() -> DeviceReport:
    import psutil

    mem = psutil.virtual_memory()
    threads = physical_cores()
    offload = llama_gpu_offload()
    providers = onnx_providers()
    notes = []
    if not any(cpu_features().get(k) for k in ("avx2", "neon")):
        notes.append("This CPU has neither AVX2 nor NEON: the tutor will be slow.")
    return DeviceReport(
        system=platform.system(),
        machine=platform.machine(),
        cpu_features=cpu_features(),
        physical_cores=threads,
        logical_cores=os.cpu_count() or threads,
        ram_total_mb=mem.total // 2**20,
        ram_available_mb=mem.available // 2**20,
        llama_gpu_offload=offload,
        onnx_providers=providers,
        chat=choose_chat(offload, threads),
        embed=choose_embed(providers, threads),
        notes=notes,
    )
