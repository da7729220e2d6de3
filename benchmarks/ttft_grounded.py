"""ttft_grounded_ms: time to the first words on screen for a grounded question.

The real path of "Ask the tutor": retrieval in the pack's index, the grounded prompt, the
default chat model, the checks; the clock stops when the tutor emits its first words
(the sentence being written, as the panel shows it). Five learner questions per starter
pack, each in a fresh conversation, after one warm-up question, as in the app where the
tutor's instructions stay in llama.cpp's cache from one question to the next. Each is
followed by a follow-up in the same conversation ("Can you give me another example?"):
only its new tokens are read (see ``app/core/tutor/conversation.py``).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from app.core.content.index_cache import load_or_build
from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.tutor.conversation import Conversation
from app.core.tutor.policy import AIPolicy
from app.core.tutor.safe_stream import Streamed
from app.core.tutor.safety import SafetyFilter
from app.core.tutor.service import Setting, Tutor
from benchmarks.models import bench_threads, default_embed_engine, default_model_file
from benchmarks.registry import Figure, benchmark
from inference.cancel import CancelToken
from inference.llm import ChatEngine
from inference.params import GenerationParams

QUESTIONS = {
    "fractions": ("What is a fraction?", "Is 2/4 the same as 1/2?",
                  "How do I compare 3/4 and 2/3?", "How do I add 1/4 and 2/4?",
                  "What is a mixed number?"),
    "photosynthesis": ("What is photosynthesis?", "Where in a leaf does photosynthesis happen?",
                       "What do the light-dependent reactions make?",
                       "What happens in the Calvin cycle?",
                       "How are photosynthesis and respiration connected?"),
    "fractions-zh": ("什么是分数？", "2/4和1/2一样大吗？", "3/4和2/3哪个大？",
                     "同分母分数怎么相加？", "分数的基本性质是什么？"),
}
FOLLOW_UP = {"en": "Can you give me another example?", "zh": "能再举一个例子吗？"}
MAX_TOKENS = 48  # enough for the first sentences; the clock stops at the first


def _first_words_s(tutor: Tutor, question: str, setting: Setting,
                   conversation: Conversation) -> float:
    start = time.perf_counter()
    first: list[float] = []

    def emit(update: Streamed) -> None:
        if not first and (update.sentence or update.draft).strip():
            first.append(time.perf_counter() - start)

    tutor.answer(question, setting, conversation, emit=emit)
    return first[0] if first else float("nan")


@benchmark("ttft_grounded_ms")
def ttft_grounded_ms() -> Figure:
    threads = bench_threads()
    chat = ChatEngine(default_model_file("chat", ".gguf"), n_threads=threads)
    embed = default_embed_engine(threads)
    tutor = Tutor(chat, embed, SafetyFilter(embed))
    params = GenerationParams.deterministic(max_tokens=MAX_TOKENS)
    fresh: list[float] = []
    follow: list[float] = []
    per_pack: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as cache, ThreadPoolExecutor(1) as lane:
        for name, questions in QUESTIONS.items():
            pack = load_pack(builtin_dir() / name)
            index = load_or_build(pack, embedder=embed, model_sha256="bench",
                                  cache_dir=Path(cache), progress=lambda _m, _f: None,
                                  cancel=CancelToken())
            setting = Setting(index, pack.info.language, policy=AIPolicy(), params=params)
            follow_up = FOLLOW_UP["zh" if name.endswith("zh") else "en"]
            warm = lane.submit(_first_words_s, tutor, questions[0], setting, Conversation())
            first_question = warm.result()
            mine, mine_follow = [], []
            for question in questions:
                conversation = Conversation()
                mine.append(lane.submit(_first_words_s, tutor, question, setting,
                                        conversation).result())
                mine_follow.append(lane.submit(_first_words_s, tutor, follow_up, setting,
                                               conversation).result())
            fresh += mine
            follow += mine_follow
            per_pack[name] = {"fresh_p50_ms": round(1000 * statistics.median(mine)),
                              "follow_up_p50_ms": round(1000 * statistics.median(mine_follow)),
                              "first_question_of_the_session_ms": round(1000 * first_question)}
    chat.close()
    return Figure(
        name="ttft_grounded_ms", value=1000 * statistics.median(fresh), unit="ms",
        goal="<= 2500", baseline="absolute: a fresh grounded question, 2 threads",
        detail={"follow_up_p50_ms": round(1000 * statistics.median(follow)),
                "follow_up_goal": "<= 800", "questions": len(fresh), "threads": threads,
                "model": chat.info.model_name, "per_pack": per_pack})
