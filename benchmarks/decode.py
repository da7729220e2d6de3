"""decode_ratio: tokens/s through the app's tutor pipeline ÷ a raw llama-cpp-python loop.

Same loaded model, threads, prompt and ``max_tokens``; greedy decoding so both produce the
same tokens. Runs alternate (ours, raw, ours, raw, …) so drift in machine load hits both.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from app.core.streaming import relay_batched
from app.core.tutor import Conversation
from benchmarks.models import bench_threads, default_model_file
from benchmarks.registry import Figure, Stopwatch, benchmark, median_ratio
from inference.llm import ChatEngine, GenerationParams

QUESTION = "Explain how to add two fractions with different denominators, step by step."
MAX_TOKENS = 128
PAIRS = 7


def _ours(engine: ChatEngine, lane: ThreadPoolExecutor, params: GenerationParams) -> tuple[
        float, int]:
    """The app's path: conversation -> engine stream -> batched relay, on a worker lane."""

    count = [0]

    def counted(pieces: Iterator[str]) -> Iterator[str]:
        for piece in pieces:  # one piece per token, as llama.cpp streams them
            count[0] += 1
            yield piece

    def work() -> str:
        pieces = Conversation().stream_reply(engine, QUESTION, params=params)
        return relay_batched(counted(pieces), lambda _batch: None)

    with Stopwatch() as clock:
        lane.submit(work).result()
    return clock.seconds, count[0]


def _raw(llm: Any, prompt: str, engine: ChatEngine, lane: ThreadPoolExecutor,
         params: GenerationParams) -> tuple[float, int]:
    """What a developer would write with llama-cpp-python alone.

    It runs on the same lane thread as ours: llama.cpp's OpenMP team belongs to the
    calling thread, and two teams spin-waiting against each other on a small CPU would
    measure that contention rather than our pipeline.
    """

    def work() -> int:
        count = 0
        for chunk in llm.create_completion(
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
    path, threads = default_model_file("chat", ".gguf"), bench_threads()
    params = GenerationParams.deterministic(max_tokens=MAX_TOKENS)
    engine = ChatEngine(path, n_ctx=2048, n_threads=threads)
    # The raw loop drives the very same llama_cpp.Llama object: a second copy of the model
    # would compete for the CPU caches and measure cache thrash instead of our overhead.
    raw = engine.llama
    prompt = engine.render(Conversation().messages_for(QUESTION))
    pairs, ours_tps, raw_tps = [], [], []
    with ThreadPoolExecutor(1) as lane:
        _ours(engine, lane, params), _raw(raw, prompt, engine, lane, params)  # warm-up
        for _ in range(PAIRS):
            t_ours, n_ours = _ours(engine, lane, params)
            t_raw, n_raw = _raw(raw, prompt, engine, lane, params)
            ours_tps.append(n_ours / t_ours)
            raw_tps.append(n_raw / t_raw)
            pairs.append((ours_tps[-1], raw_tps[-1]))
    engine.close()
    return Figure(
        name="decode_ratio", value=median_ratio(pairs), unit="ratio", goal=">= 0.97",
        baseline="raw llama-cpp-python create_completion loop, same model/threads/prompt",
        detail={"ours_tokens_per_s": round(statistics.median(ours_tps), 1),
                "raw_tokens_per_s": round(statistics.median(raw_tps), 1),
                "pairs": PAIRS, "max_tokens": MAX_TOKENS, "threads": threads,
                "model": path.name})
