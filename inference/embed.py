"""Sentence embeddings with ONNX Runtime: tokenize, run, mean-pool, L2-normalise.

Two kinds of graph are served by one engine: a transformer exported with its token ids as
inputs (a Hugging Face ``tokenizer.json`` beside it, as all-MiniLM), and a graph that takes
the texts themselves and tokenizes inside (Universal Sentence Encoder multilingual, whose
SentencePiece op comes from ``onnxruntime-extensions``). Which one a file is, its first
input's type says; nothing else differs for the callers.

Follows fastembed's habits: explicit providers checked against what ONNX Runtime offers,
explicit thread counts, only the inputs the model declares are fed, and after loading
the provider actually in use is reported (a GPU that fell back to CPU is not hidden).
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import onnxruntime as ort

from inference.devices import CPU_PROVIDER, physical_cores
from inference.errors import ModelLoadError, ModelNotFound, ProviderUnavailable

if TYPE_CHECKING:  # imported when a model has a tokenizer file: USE tokenizes in its graph
    from tokenizers import Tokenizer

log = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]
# In-graph tokenizers see characters, not tokens: this turns max_length into a text cut
# (generous: CJK text is about one token a character, English about four characters).
CHARS_PER_TOKEN = 4
DEFAULT_MAX_LENGTH = 256
# A batch's padded size in characters (texts x the longest): activations grow with it, and
# faster than linearly in the length. Embedding the starter packs' lesson passages (~800
# characters), eight a batch peaked 146 MB above the loaded session, and with this budget
# 16 MB, no slower; short sentences still go eight at a time (docs/benchmarks.md).
BATCH_CHARS = 1536


class EmbedEngine:
    """Turn texts into unit-length vectors.

    Args:
        model_path: the ``.onnx`` file.
        tokenizer_path: a Hugging Face ``tokenizer.json``; ``None`` for a graph that takes
            strings and tokenizes inside.
        providers: ONNX Runtime providers in order of preference; default CPU.
        threads: intra-op threads; default the number of physical cores.
        max_length: longer texts are truncated to this many tokens.
        batch_size: texts per ONNX Runtime call.
        name: the display name; default the model's folder name.
    """

    def __init__(self, model_path: Path, tokenizer_path: Path | None, *,
                 providers: Sequence[str] = (CPU_PROVIDER,), threads: int | None = None,
                 max_length: int = DEFAULT_MAX_LENGTH, batch_size: int = 8,
                 name: str | None = None) -> None:
        for path in (model_path, tokenizer_path):
            if path is not None and not path.is_file():
                raise ModelNotFound(f"The embedding model file {path} is missing.")
        self.name = name or model_path.parent.name
        self.threads = threads or physical_cores()
        self.batch_size = batch_size
        self.max_chars = max_length * CHARS_PER_TOKEN
        self._tokenizer = _load_tokenizer(tokenizer_path, max_length) if tokenizer_path else None
        session = _load_session(model_path, list(providers), self.threads,
                                custom_ops=tokenizer_path is None)
        self._session: ort.InferenceSession | None = session
        self._inputs = {i.name for i in session.get_inputs()}
        self._text_input = _string_input(session)
        if self._tokenizer is None and self._text_input is None:
            raise ModelLoadError(f"{model_path.name} takes token ids but has no tokenizer.json.")
        self.requested_providers = list(providers)
        self.provider = session.get_providers()[0]
        if self.provider != self.requested_providers[0]:
            log.warning("embedding model asked for %s but runs on %s",
                        self.requested_providers[0], self.provider)
        self.dim = int(self.embed(["probe"]).shape[1])

    def close(self) -> None:
        """Release the ONNX Runtime session (and its memory) now, not whenever the
        garbage collector finds it; later calls to :meth:`embed` raise
        :class:`ModelLoadError`. Safe to call twice."""
        self._session = None

    @property
    def fell_back(self) -> bool:
        """True when ONNX Runtime did not use the first provider we asked for."""
        return self.provider != self.requested_providers[0]

    def embed(self, texts: Sequence[str]) -> Vectors:
        """An ``(len(texts), dim)`` float32 array of unit vectors."""
        if not texts:
            return np.zeros((0, getattr(self, "dim", 0)), dtype=np.float32)
        # Batch texts of similar length, then restore the caller's order: padding every
        # sentence to the longest passage in its batch cost more than the model itself
        # (benchmarks/embedding.py measured it). Pooling ignores padding, so vectors match.
        order = [int(i) for i in np.argsort([len(t) for t in texts], kind="stable")]
        parts = [self._embed_batch([texts[i] for i in batch])
                 for batch in self._batches(order, [len(t) for t in texts])]
        vectors = np.concatenate(parts, axis=0)
        out = np.empty_like(vectors)
        out[order] = vectors
        return out

    def _batches(self, order: list[int], lengths: list[int]) -> Iterator[list[int]]:
        """``order`` (shortest first) cut into batches of at most ``batch_size`` texts whose
        padded size stays within BATCH_CHARS (a single longer text goes alone)."""
        batch: list[int] = []
        for i in order:
            longest = min(lengths[i], self.max_chars)
            if batch and (len(batch) == self.batch_size
                          or (len(batch) + 1) * longest > BATCH_CHARS):
                yield batch
                batch = []
            batch.append(i)
        if batch:
            yield batch

    def _embed_batch(self, texts: Sequence[str]) -> Vectors:
        session = self._session
        if session is None:
            raise ModelLoadError(f"The embedding model {self.name} was closed.")
        if self._text_input is not None:
            # The graph tokenizes; bound its work as the token limit does for the others.
            strings = np.array([t[:self.max_chars] for t in texts], dtype=object)
            output = session.run(None, {self._text_input: strings})[0]
            return _pool_and_normalise(np.asarray(output, dtype=np.float32),
                                       np.ones((len(texts), 1), dtype=np.int64))
        assert self._tokenizer is not None
        encodings = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask,
                "token_type_ids": np.zeros_like(ids)}
        outputs = session.run(None, {k: v for k, v in feed.items() if k in self._inputs})
        return _pool_and_normalise(np.asarray(outputs[0], dtype=np.float32), mask)


def _pool_and_normalise(hidden: Vectors, mask: npt.NDArray[np.int64]) -> Vectors:
    if hidden.ndim == 3:  # token embeddings -> mean over real tokens
        weights = mask[..., None].astype(np.float32)
        hidden = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(hidden, axis=1, keepdims=True)
    return (hidden / np.clip(norms, 1e-12, None)).astype(np.float32)


def _load_tokenizer(path: Path, max_length: int) -> Tokenizer:
    from tokenizers import Tokenizer

    try:
        tok = Tokenizer.from_file(str(path))
    except Exception as exc:  # tokenizers raises plain Exception subclasses
        raise ModelLoadError(f"The tokenizer {path.name} could not be read: {exc}") from exc
    tok.enable_truncation(max_length=max_length)
    tok.enable_padding()
    return tok


def _string_input(session: ort.InferenceSession) -> str | None:
    first = session.get_inputs()[0]
    return first.name if first.type == "tensor(string)" else None


def _register_custom_ops(options: ort.SessionOptions) -> None:
    """The tokenizer ops of ``onnxruntime-extensions`` (SentencePiece, BERT tokenizers)."""
    try:
        path = _custom_ops_library()
    except ImportError as exc:
        raise ModelLoadError("This embedding model tokenizes inside its graph and needs the "
                             "onnxruntime-extensions package, which is not installed.") from exc
    options.register_custom_ops_library(path)


_OPS_MODULE = "onnxruntime_extensions._extensions_pydll"


def _custom_ops_library() -> str:
    """The file of ``onnxruntime-extensions``' op library, its module imported first.

    The package's ``__init__`` imports ``onnx`` (and ``ml_dtypes``) for tools the app
    does not use: 0.7 s and 20 MB once per process. So the library's own module is
    imported alone, exactly as the package would import it: its pybind11 state must
    exist before ONNX Runtime opens the same file (registering the file without that
    import crashed the test suite with SIGSEGV). Anything unexpected, and the package's
    own way is used.
    """
    loaded = sys.modules.get(_OPS_MODULE)
    if loaded is None:
        try:
            loaded = _import_ops_module()
        except (ImportError, OSError, StopIteration, TypeError) as exc:
            log.info("onnxruntime-extensions loaded through its package (%s)", exc)
            from onnxruntime_extensions import get_library_path

            return str(get_library_path())
    return str(loaded.__file__)


def _import_ops_module() -> ModuleType:
    package = importlib.util.find_spec("onnxruntime_extensions")  # not executed
    if package is None or not package.submodule_search_locations:
        raise ImportError("onnxruntime_extensions is not installed")
    folder = Path(next(iter(package.submodule_search_locations)))
    library = next(folder.glob("_extensions_pydll*" + _extension_suffix()))
    spec = importlib.util.spec_from_file_location(_OPS_MODULE, library)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {library}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[_OPS_MODULE] = module  # the package finds it here if imported later
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[_OPS_MODULE]
        raise
    return module


def _extension_suffix() -> str:
    return ".pyd" if sys.platform == "win32" else ".so"


def _load_session(path: Path, providers: list[str], threads: int, *,
                  custom_ops: bool = False) -> ort.InferenceSession:
    available = ort.get_available_providers()
    missing = [p for p in providers if p not in available]
    if missing:
        raise ProviderUnavailable(
            f"ONNX Runtime here cannot use {', '.join(missing)} (it offers {', '.join(available)})."
        )
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # No arena: ORT's CPU arena keeps the peak of the largest batch (attention over 256
    # tokens x 32 texts is hundreds of MB) for the life of the session; on a school laptop
    # that memory matters more than the few percent the arena saves.
    options.enable_cpu_mem_arena = False
    # No spinning: after each run ORT's worker threads spin-wait for more work. The tutor
    # embeds each sentence (safety, citations) between tokens of the chat model, and the
    # spinning threads took the cores llama.cpp decodes on: 38.3 against 36.7 ms a token
    # (no checks: 37.1). Without it 36.8; one sentence embeds in 1.07 instead of 0.87 ms
    # and 200 passages as fast (docs/benchmarks.md, decode_ratio).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # errors only; ORT warnings go nowhere useful for users
    if custom_ops:
        _register_custom_ops(options)
    try:
        return ort.InferenceSession(str(path), sess_options=options, providers=providers)
    except Exception as exc:  # ORT raises its own Fail/InvalidGraph classes
        raise ModelLoadError(f"ONNX Runtime could not load {path.name}: {exc}") from exc
