"""The chat engine: one llama.cpp model, streamed token by token, cancellable.

One :class:`ChatEngine` owns one ``Llama`` object. llama.cpp contexts are not
thread-safe, so every call takes the engine's lock; the app additionally keeps all calls
on a single inference worker thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from inference import llama_log
from inference.cancel import CancelToken
from inference.chat_template import ChatTemplate, Message, from_metadata
from inference.devices import physical_cores
from inference.errors import (
    ContextFull,
    ModelLoadError,
    ModelNotFound,
    OutOfMemory,
)
from inference.params import GenerationParams

log = logging.getLogger(__name__)

# The tutor's context window. A grounded question with its passages is about 650 tokens
# with the reply, the instructions 250; 2,048 tokens hold those and the last exchanges,
# and the tutor drops the older half of its history when a prompt would not fit
# (``ContextFull``). The KV cache is memory for every token of the window: 112 MiB at
# 4,096 tokens with f16 keys and values, 44 MiB here (docs/models.md, memory).
TUTOR_CONTEXT = 2048

# The context's own memory, beyond the weights (Qwen2.5 1.5B, CPU; sizes from llama.cpp's
# log and /proc/self/status):
# - 64-token batches size the compute buffer for one batch's activations; a long prompt
#   touches all of it, and it reads as fast as with 128 or 256 (about 130 tokens/s).
# - Keys are kept as q8_0, values as f16: a quantized value cache needs flash attention,
#   which on the CPU made the first words of a grounded answer 20 % slower (2.81 s against
#   2.34 s) and follow-ups 28 % slower; q8_0 keys alone cost no speed measurably.
LEAN_CONTEXT: dict[str, Any] = {"n_batch": 64, "n_ubatch": 64, "type_k": 8}  # 8: GGML_TYPE_Q8_0


@dataclass(frozen=True)
class ChatEngineInfo:
    model_name: str
    path: Path
    n_ctx: int
    n_threads: int
    gpu_layers_requested: int
    gpu_layers_offloaded: int | None
    template_origin: str
    device: str = field(default="cpu")


class ChatEngine:
    """Load a GGUF and stream chat completions from it.

    Args:
        model_path: the ``.gguf`` file (already verified by the registry).
        n_ctx: context window in tokens.
        n_threads: CPU threads; defaults to the number of physical cores.
        n_gpu_layers: ``-1`` offloads everything when the build supports it, ``0`` CPU only.
        ram_mb: memory the model needs; loading is refused when less is available.
        name: the display name, e.g. "SmolLM2-135M".
    """

    def __init__(self, model_path: Path, *, n_ctx: int = TUTOR_CONTEXT,
                 n_threads: int | None = None,
                 n_gpu_layers: int = 0, ram_mb: int = 0, name: str | None = None,
                 prompt_cache_mb: int = 0) -> None:
        if not model_path.is_file():
            raise ModelNotFound(f"The chat model file {model_path} is missing.")
        _check_ram(ram_mb, model_path)
        self._lock = threading.Lock()
        self._stack = ExitStack()
        self._closed = False
        threads = n_threads or physical_cores()
        self._llm = self._load(model_path, n_ctx, threads, n_gpu_layers)
        self._stack.callback(self._llm.close)
        if prompt_cache_mb > 0:
            self._use_prompt_cache(prompt_cache_mb)
        self.template = self._template()
        self.info = ChatEngineInfo(
            model_name=name or model_path.stem, path=model_path, n_ctx=n_ctx,
            n_threads=threads, gpu_layers_requested=n_gpu_layers,
            gpu_layers_offloaded=llama_log.last_offload(),
            template_origin=self.template.origin,
            device="gpu" if (llama_log.last_offload() or 0) > 0 else "cpu",
        )

    def _load(self, path: Path, n_ctx: int, threads: int, gpu_layers: int) -> Any:
        import llama_cpp

        llama_log.install()
        llama_log.reset_offload()
        try:
            with llama_log.python_prints_to_log():
                # Read, not mapped: on the CPU llama.cpp repacks most weights into a
                # faster layout (CPU_REPACK, 597 MB for Qwen2.5 1.5B Q4_K_M); with the
                # file mapped, the pages it read stay resident beside the copy, so the
                # peak was the file plus 0.6 GB. Read, each weight lives once.
                llm = llama_cpp.Llama(
                    model_path=str(path), n_ctx=n_ctx, n_threads=threads,
                    n_threads_batch=threads, n_gpu_layers=gpu_layers, seed=0, verbose=True,
                    use_mmap=False, **LEAN_CONTEXT,
                )
        except MemoryError as exc:
            raise OutOfMemory(f"Not enough memory to load {path.name}.") from exc
        except (ValueError, RuntimeError, OSError) as exc:
            raise ModelLoadError(f"llama.cpp could not load {path.name}: {exc}") from exc
        llm.verbose = False  # no per-call timing prints once loaded
        return llm

    def _use_prompt_cache(self, megabytes: int) -> None:
        """Also keep evaluated prompts (KV state) in a RAM cache (off by default).

        llama.cpp itself reuses the KV cache for the longest prefix a prompt shares with
        the previous one, which is what the tutor's prompt layout is built for
        (``app/core/tutor/conversation.py``). llama-cpp-python's RAM cache would also
        cover a prompt run in between, but it saves a state after *every* completion,
        and a state holds the logits of the batch: 512 x 151,936 floats (311 MB) with
        Qwen2.5's vocabulary. With SmolLM2 that was cheap; with Qwen each answer paid
        seconds of copying, and a state larger than the cache was dropped at once.
        """
        from llama_cpp import LlamaRAMCache

        self._llm.set_cache(LlamaRAMCache(capacity_bytes=megabytes * 2**20))

    def reset_prompt_cache(self) -> None:
        """Forget every evaluated prompt (benchmarks measure the cold case with it)."""
        with self._lock:
            self._llm.reset()
            cache = self._llm.cache
            if cache is not None:
                self._llm.set_cache(type(cache)(capacity_bytes=cache.capacity_bytes))

    def _template(self) -> ChatTemplate:
        llm = self._llm
        meta: dict[str, str] = dict(llm.metadata or {})
        bos = _token_text(llm, llm.token_bos())
        eos = _token_text(llm, llm.token_eos())
        return from_metadata(meta, bos=bos, eos=eos)

    @property
    def llama(self) -> Any:
        """The underlying ``llama_cpp.Llama`` (benchmarks compare against it directly)."""
        return self._llm

    @property
    def metadata(self) -> dict[str, str]:
        return dict(self._llm.metadata or {})

    def render(self, messages: Sequence[Message]) -> str:
        return self.template.render(messages)

    def count_tokens(self, text: str) -> int:
        with self._lock:
            self._check_open()
            return len(self._tokens(text))

    def stream_chat(self, messages: Sequence[Message], params: GenerationParams | None = None,
                    cancel: CancelToken | None = None) -> Iterator[str]:
        """Yield the reply's text piece by piece; stops between tokens once ``cancel`` is set.

        Cancelling simply ends the stream (it is not an error). The prompt must fit the
        context window together with ``params.max_tokens``.
        """
        return self.stream_prompt(self.render(messages), params, cancel)

    def stream_prompt(self, prompt: str, params: GenerationParams | None = None,
                      cancel: CancelToken | None = None) -> Iterator[str]:
        params = params or GenerationParams()
        self._check_fits(prompt, params)
        return self._generate(prompt, params, cancel)

    def score_next(self, messages: Sequence[Message], prefix: str,
                   continuations: Sequence[str]) -> list[float]:
        """The model's score (logit) for the first token of each continuation, where its
        reply to ``messages`` begins with ``prefix``: which of a few answers it would
        write next, without sampling. Reads only what the last prompt did not share with
        this one (llama.cpp keeps those tokens), and the reply generated next from the
        same messages reuses this read in turn."""
        import llama_cpp

        prompt = self.render(messages) + prefix
        with self._lock:
            self._check_open()
            tokens = self._tokens(prompt)
            if len(tokens) >= self.info.n_ctx:
                raise _too_long(len(tokens))
            firsts = [self._tokens(c)[0] for c in continuations]
            self._read(tokens)
            logits = llama_cpp.llama_get_logits_ith(self._llm.ctx, -1)
            return [float(logits[t]) for t in firsts]

    def _tokens(self, text: str) -> list[int]:
        return list(self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def _read(self, tokens: list[int]) -> None:
        """Evaluate ``tokens``, keeping the part the context already holds (as llama-cpp-
        python's own generation does); at least the last token is read, for its logits."""
        held = self._llm.input_ids[: self._llm.n_tokens].tolist()
        same = 0
        for a, b in zip(held, tokens[:-1], strict=False):
            if a != b:
                break
            same += 1
        self._llm.n_tokens = same
        self._llm.eval(tokens[same:])

    def _check_fits(self, prompt: str, params: GenerationParams) -> None:
        used = self.count_tokens(prompt)
        if used + params.max_tokens > self.info.n_ctx:
            raise _too_long(used)

    def _generate(self, prompt: str, params: GenerationParams,
                  cancel: CancelToken | None) -> Iterator[str]:
        with self._lock:
            self._check_open()
            stream = self._llm.create_completion(
                prompt, max_tokens=params.max_tokens, temperature=params.temperature,
                top_p=params.top_p, top_k=params.top_k, repeat_penalty=params.repeat_penalty,
                seed=params.seed, stop=list(params.stop) + list(self.template.stops),
                stream=True,
            )
            try:
                for chunk in stream:
                    if cancel is not None and cancel.cancelled:
                        break
                    text = chunk["choices"][0]["text"]
                    if text:
                        yield text
            finally:
                stream.close()

    def close(self) -> None:
        """Free the model's memory. Safe to call twice; later calls raise, never crash."""
        with self._lock:
            self._closed = True
            self._stack.close()

    def _check_open(self) -> None:
        # llama.cpp dereferences freed memory if used after close: refuse instead.
        if self._closed:
            raise ModelLoadError("The chat model was closed.", hint="Restart Lantern.")

    def __enter__(self) -> ChatEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _too_long(used: int) -> ContextFull:
    return ContextFull(f"The conversation is too long for the model ({used} tokens).")


def _token_text(llm: Any, token: int) -> str:
    if token < 0:
        return ""
    try:
        return str(llm.detokenize([token], special=True).decode("utf-8", errors="ignore"))
    except TypeError:  # older llama-cpp-python without `special`
        return str(llm.detokenize([token]).decode("utf-8", errors="ignore"))


def _check_ram(ram_mb: int, path: Path) -> None:
    if ram_mb <= 0:
        return
    available = psutil.virtual_memory().available // 2**20
    if available < ram_mb:
        raise OutOfMemory(
            f"{path.name} needs about {ram_mb} MB of memory but only {available} MB is free."
        )
