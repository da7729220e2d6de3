"""decode_ratio: tokens/s through the app's tutor pipeline ÷ a raw llama-cpp-python loop.

Ours is what a learner's question goes through: retrieval from the Fractions pack, the
grounded prompt, the chat engine, sentence-by-sentence safety checks, citations. The raw
loop streams the very same grounded prompt with llama-cpp-python alone. Same loaded
model, threads and ``max_tokens``; greedy decoding so both produce the same tokens; runs
alternate (ours, raw, …) so drift in machine load hits both. Both count the tokens the
model produced and divide by the wall time of the whole request.
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.models import ModelHost
from app.core.tutor.conversation import Conversation
from app.core.tutor.policy import AIPolicy
from app.core.tutor.safety import SafetyFilter
from app.core.tutor.service import Setting, Tutor
from app.core.tutor.session import TutorSession
from benchmarks.models import bench_threads, default_embed_engine, default_model_file
from benchmarks.registry import Figure, Stopwatch, benchmark, median_ratio
from inference.cancel import CancelToken
from inference.embed import EmbedEngine
from inference.llm import ChatEngine, GenerationParams

QUESTION = "How do I add two fractions with different denominators?"
MAX_TOKENS = 128
PAIRS = 7


class CountingChat:
    """Wraps the engine to count the tokens it yields (one piece per token)."""

    def __init__(self, engine: ChatEngine) -> None:
        self.engine, self.tokens = engine, 0
        self.last_messages: Sequence[dict[str, str]] = ()

    def stream_chat(self, messages: Any, params: Any = None, cancel: Any = None) -> Iterator[str]:
        self.last_messages = messages
        for piece in self.engine.stream_chat(messages, params, cancel):
            self.tokens += 1
            yield piece


def _ours(tutor: Tutor, chat: CountingChat, setting: Setting,
          lane: ThreadPoolExecutor) -> tuple[float, int]:
    chat.tokens = 0
    with Stopwatch() as clock:
        lane.submit(tutor.answer, QUESTION, setting, Conversation(),
                    emit=lambda _sentence: None).result()
    return clock.seconds, chat.tokens


def _raw(engine: ChatEngine, prompt: str, lane: ThreadPoolExecutor,
         params: GenerationParams) -> tuple[float, int]:
    """What a developer would write with llama-cpp-python alone, on the same lane thread
    (llama.cpp's OpenMP team belongs to the calling thread; see docs/architecture.md)."""

    def work() -> int:
        count = 0
        for chunk in engine.llama.create_completion(
                prompt, max_tokens=params.max_tokens, temperature=0.0, seed=params.seed,
                repeat_penalty=params.repeat_penalty, top_k=params.top_k, top_p=params.top_p,
                stop=list(engine.template.stops), stream=True):
            count += bool(chunk["choices"][0]["text"])
        return count

    with Stopwatch() as clock:
        count = lane.submit(work).result()
    return clock.seconds, count


@benchmark("decode_ratio")
def decode_ratio() -> Figure:
    threads, path = bench_threads(), default_model_file("chat", ".gguf")
    engine = ChatEngine(path, n_ctx=2048, n_threads=threads)
    embed = default_embed_engine(threads)
    chat = CountingChat(engine)
    tutor = Tutor(chat, embed, SafetyFilter(embed))
    params = GenerationParams.deterministic(max_tokens=MAX_TOKENS)
    pack = load_pack(builtin_dir() / "fractions")
    pairs, ours_tps, raw_tps = [], [], []
    with ThreadPoolExecutor(1) as lane:
        session = TutorSession(cache_dir=_cache_dir())
        index = lane.submit(session.index, pack, _host(engine, embed), CancelToken()).result()
        setting = Setting(index, pack.info.language, policy=AIPolicy(), params=params)
        _ours(tutor, chat, setting, lane)  # warm-up; also captures the grounded prompt
        prompt = engine.render(chat.last_messages)
        _raw(engine, prompt, lane, params)
        for _ in range(PAIRS):
            t_ours, n_ours = _ours(tutor, chat, setting, lane)
            t_raw, n_raw = _raw(engine, prompt, lane, params)
            ours_tps.append(n_ours / t_ours)
            raw_tps.append(n_raw / t_raw)
            pairs.append((ours_tps[-1], raw_tps[-1]))
    prompt_tokens = engine.count_tokens(prompt)
    engine.close()
    return Figure(
        name="decode_ratio", value=median_ratio(pairs), unit="ratio", goal=">= 0.97",
        baseline="raw llama-cpp-python loop on the same grounded prompt, model and threads",
        detail={"ours_tokens_per_s": round(statistics.median(ours_tps), 1),
                "raw_tokens_per_s": round(statistics.median(raw_tps), 1),
                "prompt_tokens": prompt_tokens, "pairs": PAIRS,
                "max_tokens": MAX_TOKENS, "threads": threads, "model": path.name,
                "ours_includes": "retrieval, grounded prompt, safety per sentence, citations"})


def _cache_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="lantern-bench-"))


def _host(engine: ChatEngine, embed: EmbedEngine) -> ModelHost:
    host = ModelHost(chat_loader=lambda _s, _c: engine, embed_loader=lambda _s, _c: embed)
    host.load_all(lambda _m, _f: None, CancelToken())
    return host
