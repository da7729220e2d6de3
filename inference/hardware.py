"""Hardware fit: what this laptop can do with the tutor, measured and said plainly.

On first start the app probes memory, CPU features and GPU support
(:func:`inference.devices.detect`), picks the tutor model that fits in the memory free now,
the threads and the backend, then runs a 2-second generation probe on the loaded model.
The result is one sentence a teacher understands ("This laptop writes about 80 words a
second with the standard tutor.") plus advice when that is too slow for a class.

Plain functions, no Qt; the app runs :func:`measure` on its inference lane.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from inference.cancel import CancelToken
from inference.chat_template import Message
from inference.devices import DeviceReport
from inference.errors import OutOfMemory
from inference.params import GenerationParams
from inference.registry import ModelSpec, Registry

log = logging.getLogger(__name__)

PROBE_SECONDS = 2.0
SLOW_WORDS_PER_S = 3.0  # slower than a child reads aloud: the tutor feels stuck
_PROBE = [{"role": "user", "content": "Explain in a few sentences how plants make food."}]


class StreamingModel(Protocol):
    def stream_chat(self, messages: Sequence[Message], params: GenerationParams | None = None,
                    cancel: CancelToken | None = None) -> Any: ...


@dataclass(frozen=True)
class HardwareFit:
    ram_total_mb: int
    ram_free_mb: int
    cpu_features: list[str]
    gpu: str  # "none" or what llama.cpp / ONNX Runtime can offload to
    model_id: str
    model_label: str  # "the standard tutor" or the model's name
    threads: int
    backend: str  # "cpu" or "gpu"
    words_per_s: float
    tokens_per_s: float
    refused: list[str] = field(default_factory=list)  # models too large for this laptop
    # When a smaller tutor runs because the default one needs more memory than is free:
    # the default's name and the memory it needs (empty / 0 otherwise).
    wanted_model: str = ""
    wanted_ram_mb: int = 0

    @property
    def is_slow(self) -> bool:
        """Slower than a child reads aloud (the words are in ``app.ui.settings.fit_text``)."""
        return self.words_per_s < SLOW_WORDS_PER_S

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HardwareFit:
        return cls(**data)


def choose_model(registry: Registry, free_mb: int, *, preferred: str | None = None
                 ) -> tuple[ModelSpec, list[str]]:
    """The preferred (default) tutor model if it fits in ``free_mb``, else the largest that
    does; plus the names of the models that do not fit.

    Raises:
        OutOfMemory: no tutor model fits; the message says how much memory is missing.
    """
    chats = [m for m in registry.models if m.role == "chat"]
    first = registry.get(preferred) if preferred else registry.default("chat")
    fitting = [m for m in chats if m.ram_mb <= free_mb]
    refused = [m.name for m in chats if m.ram_mb > free_mb]
    if first in fitting:
        return first, refused
    if fitting:
        return max(fitting, key=lambda m: m.ram_mb), refused
    need = min(m.ram_mb for m in chats)
    raise OutOfMemory(f"The smallest tutor model needs about {need:,} MB of memory, but "
                      f"only {free_mb:,} MB is free on this laptop.",
                      hint="Close other programs and restart Lantern, or point the tutor "
                           "at a school server in Settings.")


def probe_speed(model: StreamingModel, seconds: float = PROBE_SECONDS) -> tuple[float, float]:
    """Generate for about ``seconds``; returns (words per second, pieces per second).

    The first piece's latency (prompt processing) is excluded: learners notice the writing
    speed, and the prompt is cached between questions.
    """
    cancel = CancelToken()
    text, pieces, started = [], 0, 0.0
    for piece in model.stream_chat(_PROBE, GenerationParams.deterministic(512), cancel):
        if pieces == 0:
            started = time.perf_counter()
        else:
            text.append(piece)
        pieces += 1
        if pieces > 1 and time.perf_counter() - started >= seconds:
            cancel.cancel()
    elapsed = max(time.perf_counter() - started, 1e-6) if pieces > 1 else 0.0
    if not elapsed:
        return 0.0, 0.0
    return len("".join(text).split()) / elapsed, (pieces - 1) / elapsed


def measure(report: DeviceReport, registry: Registry, model: StreamingModel, spec: ModelSpec,
            *, seconds: float = PROBE_SECONDS, label: str | None = None) -> HardwareFit:
    """The whole fit: choices from ``report`` and a generation probe on the loaded ``model``.

    ``label`` names where the words come from ("the school server"); by default the
    built-in default model is "the standard tutor" and any other model goes by its name.
    """
    words, tokens = probe_speed(model, seconds)
    refused = [m.name for m in registry.models
               if m.role == "chat" and m.ram_mb > report.ram_available_mb]
    wanted = registry.default("chat")
    smaller = wanted.id != spec.id and wanted.ram_mb > report.ram_available_mb
    label = label or (
        "the standard tutor" if spec.origin == "builtin" and spec.default else spec.name)
    features = [k.upper() for k, v in report.cpu_features.items() if v]
    gpu = report.chat.backend if report.chat.device == "gpu" else "none"
    return HardwareFit(
        ram_total_mb=report.ram_total_mb, ram_free_mb=report.ram_available_mb,
        cpu_features=features, gpu=gpu, model_id=spec.id, model_label=label,
        threads=report.chat.threads, backend=report.chat.device,
        words_per_s=round(words, 1), tokens_per_s=round(tokens, 1), refused=refused,
        wanted_model=wanted.name if smaller else "", wanted_ram_mb=wanted.ram_mb if smaller else 0)


def model_choice(registry: Registry, free_mb: int) -> dict[str, Any]:
    """Which tutor model this laptop runs and why, in words (``python -m inference devices``)."""
    wanted = registry.default("chat")
    try:
        chosen, refused = choose_model(registry, free_mb)
    except OutOfMemory as exc:
        return {"model": None, "why": exc.user_message(), "too_large": [wanted.name]}
    if chosen.id == wanted.id:
        why = (f"{chosen.name} needs about {chosen.ram_mb:,} MB of memory and "
               f"{free_mb:,} MB is free, so the standard tutor runs here.")
    else:
        why = (f"The standard tutor ({wanted.name}) needs about {wanted.ram_mb:,} MB of memory "
               f"but only {free_mb:,} MB is free, so the smaller {chosen.name} "
               f"(about {chosen.ram_mb:,} MB) runs here. A teacher can choose another model "
               "on the This laptop page.")
    return {"model": chosen.id, "why": why, "too_large": refused}


def save_fit(fit: HardwareFit, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(fit.to_dict(), indent=2), encoding="utf-8")
    tmp.replace(path)


def load_fit(path: Path) -> HardwareFit | None:
    """The saved result, or None when there is none yet (first start) or it is unreadable."""
    try:
        return HardwareFit.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        log.warning("hardware fit file %s unreadable (%s); measuring again", path, exc)
        return None
