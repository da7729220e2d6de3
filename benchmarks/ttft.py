"""ttft_cache_ratio: time to first token of a follow-up question, cached ÷ cold.

The prompt is a real grounded one (~600 tokens): the tutor's system prompt plus the
Fractions pack's passages, then a first question and its answer, then a follow-up. Cold:
every cache emptied, so the whole prompt is evaluated. Cached: the first exchange has just
run, so only the follow-up's new tokens are. Alternating pairs, median.
"""

from __future__ import annotations

import statistics
from concurrent.futures import ThreadPoolExecutor

from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.content.passages import pack_passages
from benchmarks.models import bench_threads, default_model_file
from benchmarks.registry import Figure, Stopwatch, benchmark
from inference.llm import ChatEngine, GenerationParams

PAIRS = 5
FIRST = "What is a fraction?"
FOLLOW_UP = "Can you give me another example with a pizza?"


def _context(engine: ChatEngine, target_tokens: int = 600) -> str:
    passages = pack_passages(load_pack(builtin_dir() / "fractions"))
    text = ""
    for number, passage in enumerate(passages, start=1):
        candidate = f"{text}[{number}] {passage.heading}: {passage.text}\n"
        if engine.count_tokens(candidate) > target_tokens:
            break
        text = candidate
    return text


def _ttft(engine: ChatEngine, messages: list[dict[str, str]], lane: ThreadPoolExecutor) -> float:
    def first_token() -> float:
        params = GenerationParams.deterministic(max_tokens=8)
        with Stopwatch() as clock:
            stream = engine.stream_chat(messages, params)
            next(stream)
        for _rest in stream:  # finish, so the cache holds the whole exchange
            pass
        return clock.seconds

    return lane.submit(first_token).result()


@benchmark("ttft_cache_ratio")
def ttft_cache_ratio() -> Figure:
    engine = ChatEngine(default_model_file("chat", ".gguf"), n_ctx=2048,
                        n_threads=bench_threads())
    system = "You are Lantern, a kind tutor. Use these lesson passages:\n" + _context(engine)
    first = [{"role": "system", "content": system}, {"role": "user", "content": FIRST}]
    prompt_tokens = engine.count_tokens(engine.render(first))
    follow = [*first, {"role": "assistant", "content": "A fraction names equal parts."},
              {"role": "user", "content": FOLLOW_UP}]
    cold, cached = [], []
    with ThreadPoolExecutor(1) as lane:
        for _ in range(PAIRS):
            lane.submit(engine.reset_prompt_cache).result()
            cold.append(_ttft(engine, follow, lane))
            lane.submit(engine.reset_prompt_cache).result()
            _ttft(engine, first, lane)  # the first exchange fills the cache
            cached.append(_ttft(engine, follow, lane))
    engine.close()
    ratio = statistics.median(c / k for c, k in zip(cached, cold, strict=True))
    return Figure(
        name="ttft_cache_ratio", value=ratio, unit="ratio", goal="<= 0.25",
        baseline="the same follow-up with every cache emptied (cold)",
        detail={"cached_ms": round(1000 * statistics.median(cached), 1),
                "cold_ms": round(1000 * statistics.median(cold), 1),
                "grounded_prompt_tokens": prompt_tokens, "pairs": PAIRS})
