"""The models the app uses, their loading state, and how to describe them to people.

:class:`ModelHost` is plain Python; it is only touched from the inference worker
(loading, generating) except for the read-only ``status`` snapshots the GUI shows.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, NoReturn, Protocol

from app.messages import QT_TRANSLATE_NOOP, message
from inference import devices, hardware
from inference.cancel import CancelToken
from inference.chat_template import Message
from inference.devices import DeviceChoice, DeviceReport
from inference.errors import InferenceError, ModelLoadError, OutOfMemory
from inference.heap import release_freed_memory
from inference.params import GenerationParams
from inference.registry import ModelSpec, Registry
from inference.versions import full_registry

if TYPE_CHECKING:  # the engines import NumPy, ONNX Runtime and llama.cpp: load them late
    from inference.embed import EmbedEngine
    from inference.llm import ChatEngineInfo

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]


class ChatBackend(Protocol):
    """What the app needs from a chat model: the local ``ChatEngine`` or a LAN server."""

    @property
    def info(self) -> ChatEngineInfo: ...

    def stream_chat(self, messages: Sequence[Message], params: GenerationParams | None = None,
                    cancel: CancelToken | None = None) -> Iterator[str]: ...

    def count_tokens(self, text: str) -> int: ...

    def close(self) -> None: ...


ChatLoader = Callable[[ModelSpec, DeviceChoice], ChatBackend]
EmbedLoader = Callable[[ModelSpec, DeviceChoice], "EmbedEngine"]


class LoadState(Enum):
    WAITING = "waiting"
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True)
class ModelStatus:
    role: str
    spec: ModelSpec
    state: LoadState = LoadState.WAITING
    error: InferenceError | None = None
    summary: str = ""  # e.g. "SmolLM2-135M · CPU · 2 threads"
    detail: str = ""  # the device reason, for a tooltip


class ModelHost:
    """Owns the chat and embedding engines for the app's lifetime.

    Args:
        registry: the model catalog; defaults to the built-in models plus the teacher's
            (``inference.versions.full_registry``), the active version being the default.
        chat_id / embed_id: registry ids, None for the defaults.
        force_cpu: ignore GPUs (the user chose "CPU" in Settings).
        threads: CPU threads, None for the number of physical cores.
        chat_loader / embed_loader: build an engine from a spec and a device choice;
            tests pass light fakes here, the app uses the real loaders.
    """

    def __init__(self, registry: Registry | None = None, *, chat_id: str | None = None,
                 embed_id: str | None = None, force_cpu: bool = False,
                 threads: int | None = None, chat_loader: ChatLoader | None = None,
                 embed_loader: EmbedLoader | None = None) -> None:
        self.registry = registry or full_registry()
        self._chat_loader, self._embed_loader = chat_loader, embed_loader
        chat = self.registry.get(chat_id) if chat_id else self.registry.default("chat")
        embed = self.registry.get(embed_id) if embed_id else self.registry.default("embed")
        self._status = {"chat": ModelStatus("chat", chat), "embed": ModelStatus("embed", embed)}
        self._force_cpu = force_cpu
        self._threads = threads
        self._lock = threading.Lock()
        self._chat: ChatBackend | None = None
        self._local_only = False
        self._embed: EmbedEngine | None = None
        self.report: DeviceReport | None = None

    def status(self, role: str) -> ModelStatus:
        with self._lock:
            return self._status[role]

    def _set(self, role: str, **changes: object) -> None:
        with self._lock:
            self._status[role] = replace(self._status[role], **changes)  # type: ignore[arg-type]

    def load_all(self, progress: Progress, cancel: CancelToken) -> None:
        """Detect devices, then load chat and embedding models; failures are recorded.

        One model failing does not stop the other from loading.
        """
        progress(QT_TRANSLATE_NOOP("ModelStatus", "Checking this computer…"), 0.05)
        self.report = devices.detect()
        self._fit_chat_model(self.report.ram_available_mb)
        chat_choice, embed_choice = self._choices(self.report)
        # The small search model first: its load peaks above what it keeps, and that peak
        # is lower before the tutor model's 1 GB arrives (docs/benchmarks.md, memory).
        steps = (("embed", embed_choice, self._load_embed, 0.15,
                  QT_TRANSLATE_NOOP("ModelStatus", "Loading the search model…")),
                 ("chat", chat_choice, self._load_chat, 0.3,
                  QT_TRANSLATE_NOOP("ModelStatus", "Loading the tutor model…")))
        for role, choice, load, at, saying in steps:
            cancel.raise_if_cancelled()
            progress(saying, at)
            self._load_one(role, choice, load)
            release_freed_memory()  # the load's transient copies, before the next one
        progress(QT_TRANSLATE_NOOP("ModelStatus", "Ready"), 1.0)

    def _fit_chat_model(self, free_mb: int) -> None:
        """Swap in a smaller tutor model when the chosen one would not fit in free memory.

        When none fits, the chosen one stays: its load then fails with the clear
        :class:`OutOfMemory` message instead of crashing.
        """
        spec = self._status["chat"].spec
        try:
            chosen, _refused = hardware.choose_model(self.registry, free_mb, preferred=spec.id)
        except OutOfMemory:
            return
        if chosen.id != spec.id:
            log.warning("%s needs %d MB, %d MB free: using %s", spec.id, spec.ram_mb, free_mb,
                        chosen.id)
            self._set("chat", spec=chosen)

    def _choices(self, report: DeviceReport) -> tuple[DeviceChoice, DeviceChoice]:
        chat, embed = report.chat, report.embed
        if self._force_cpu:
            chat, embed = devices.choose_chat(False, chat.threads), devices.choose_embed(
                [], embed.threads)
        if self._threads:
            chat = replace(chat, threads=self._threads)
            embed = replace(embed, threads=self._threads)
        return chat, embed

    def _load_one(self, role: str, choice: DeviceChoice,
                  load: Callable[[ModelSpec, DeviceChoice], str]) -> None:
        spec = self._status[role].spec
        self._set(role, state=LoadState.LOADING, error=None)
        try:
            summary = load(spec, choice)
        except InferenceError as exc:
            log.warning("%s model %s failed to load: %s", role, spec.id, exc)
            self._set(role, state=LoadState.FAILED, error=exc, summary=f"{spec.name} · not loaded")
            return
        except Exception as exc:  # a bug or an unexpected library error: still no crash
            log.exception("%s model %s failed unexpectedly", role, spec.id)
            wrapped = ModelLoadError(f"The {role} model could not be loaded ({exc}).")
            self._set(role, state=LoadState.FAILED, error=wrapped)
            return
        self._set(role, state=LoadState.READY, summary=summary, detail=choice.reason)

    def _load_chat(self, spec: ModelSpec, choice: DeviceChoice) -> str:
        from inference.loader import load_chat  # first use is on the inference lane

        engine = (self._chat_loader or load_chat)(spec, choice)
        self._chat = engine
        describe = getattr(engine, "describe", None)  # a LAN server says where it answers from
        if callable(describe):
            return str(describe())
        return describe_chat(spec, choice, engine.info.gpu_layers_offloaded)

    def _load_embed(self, spec: ModelSpec, choice: DeviceChoice) -> str:
        from inference.loader import load_embed

        engine = (self._embed_loader or load_embed)(spec, choice)
        self._embed = engine
        if engine.fell_back:
            return message(FELL_BACK, name=spec.name, threads=choice.threads)
        device = "CPU" if engine.provider == devices.CPU_PROVIDER else engine.provider
        return message(ON_DEVICE, name=spec.name, device=device, threads=choice.threads)

    def chat(self) -> ChatBackend:
        """The loaded chat engine; raises the load error if loading failed."""
        if self._chat is None:
            self._raise_unavailable("chat")
        if self._local_only:
            prefer_local = getattr(self._chat, "prefer_local", None)  # a LAN server's backend
            if callable(prefer_local):
                prefer_local()
        return self._chat

    def use_local_chat(self) -> None:
        """From now on the tutor answers on this laptop, never from a school server.

        For a session whose learner does not trust this laptop's class key: the server
        was chosen by settings that key signed. It lasts until Lantern restarts.
        """
        self._local_only = True

    def embed(self) -> EmbedEngine:
        if self._embed is None:
            self._raise_unavailable("embed")
        return self._embed

    def _raise_unavailable(self, role: str) -> NoReturn:
        error = self.status(role).error
        if error is not None:
            raise error
        raise ModelLoadError(f"The {role} model is not loaded yet.", hint="Please wait a moment.")

    def close(self) -> None:
        if self._chat is not None:
            self._chat.close()
            self._chat = None
        if self._embed is not None:
            self._embed.close()  # its memory back now, not when the collector finds it
            self._embed = None


def describe_chat(spec: ModelSpec, choice: DeviceChoice, offloaded: int | None) -> str:
    """"SmolLM2-135M · CPU · 2 threads", saying so when a requested GPU was not used."""
    if choice.device == "gpu" and offloaded:
        return message(ON_GPU, name=spec.name, layers=offloaded, threads=choice.threads)
    if choice.device == "gpu":
        return message(FELL_BACK, name=spec.name, threads=choice.threads)
    return message(ON_DEVICE, name=spec.name, device="CPU", threads=choice.threads)


# The status bar's summaries, translated where they are shown (app.messages).
ON_DEVICE = QT_TRANSLATE_NOOP("ModelStatus", "{name} · {device} · {threads} threads")
ON_GPU = QT_TRANSLATE_NOOP("ModelStatus", "{name} · GPU ({layers} layers) · {threads} threads")
FELL_BACK = QT_TRANSLATE_NOOP("ModelStatus",
                              "{name} · CPU (GPU fell back to CPU) · {threads} threads")
