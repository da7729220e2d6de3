"""lan_decode_ratio: tokens/s through the LAN path ÷ the same model run in-process.

The LAN path is Lantern's :class:`inference.remote.RemoteChat` (HTTP + server-sent events)
against llama-cpp-python's own OpenAI-compatible server on 127.0.0.1, serving the same
GGUF with the same threads; the baseline is the app's local :class:`ChatEngine`. Both
decode greedily from the same messages, alternately (LAN, local, LAN, local, …) and never
at the same time, so the ratio is what the HTTP/SSE path and the server add. On a real
school network the server is a stronger computer, so this is the cost, not the speed-up.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from app.core.tutor import Conversation
from benchmarks.models import bench_threads, default_model_file
from benchmarks.registry import Figure, Stopwatch, benchmark, median_ratio
from inference.errors import InferenceError
from inference.llm import ChatEngine, GenerationParams
from inference.remote import RemoteChat, ServerConfig

QUESTION = "Explain how to add two fractions with different denominators, step by step."
MAX_TOKENS = 64
PAIRS = 3


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(threads: int) -> tuple[subprocess.Popen[bytes], RemoteChat]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model",
         str(default_model_file("chat", ".gguf")), "--host", "127.0.0.1", "--port", str(port),
         "--n_ctx", "2048", "--n_threads", str(threads)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None:
        try:
            return process, RemoteChat(ServerConfig(f"http://127.0.0.1:{port}"))
        except InferenceError:
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError("llama_cpp.server did not start")


def _timed(model: ChatEngine | RemoteChat, lane: ThreadPoolExecutor,
           params: GenerationParams) -> tuple[float, int]:
    messages = Conversation().messages_for(QUESTION)

    def work() -> int:
        return sum(1 for _ in model.stream_chat(messages, params))

    with Stopwatch() as clock:
        count = lane.submit(work).result()
    return clock.seconds, count


@benchmark("lan_decode_ratio")
def lan_decode_ratio() -> Figure:
    threads = bench_threads()
    params = GenerationParams.deterministic(max_tokens=MAX_TOKENS)
    process, remote = _start_server(threads)
    engine = ChatEngine(default_model_file("chat", ".gguf"), n_ctx=2048, n_threads=threads)
    pairs, lan_tps, local_tps = [], [], []
    try:
        with ThreadPoolExecutor(1) as lane:
            _timed(remote, lane, params), _timed(engine, lane, params)  # warm-up
            for _ in range(PAIRS):
                t_lan, n_lan = _timed(remote, lane, params)
                t_local, n_local = _timed(engine, lane, params)
                lan_tps.append(n_lan / t_lan)
                local_tps.append(n_local / t_local)
                pairs.append((lan_tps[-1], local_tps[-1]))
    finally:
        engine.close()
        process.terminate()
        process.wait(timeout=30)
    return Figure(
        name="lan_decode_ratio", value=median_ratio(pairs), unit="ratio", goal=">= 0.8",
        baseline="the same GGUF in-process (ChatEngine), same threads, messages, max_tokens",
        detail={"lan_tokens_per_s": round(statistics.median(lan_tps), 1),
                "local_tokens_per_s": round(statistics.median(local_tps), 1),
                "pairs": PAIRS, "max_tokens": MAX_TOKENS, "threads": threads,
                "server": "llama_cpp.server on 127.0.0.1"})
