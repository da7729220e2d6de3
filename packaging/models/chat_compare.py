"""``python -m packaging.models chat-compare``: every chat model as the tutor.

The registered chat models and the retired ones (``retired.toml``: SmolLM2-135M, the
first default) are compared.

Each model answers the same learner questions through the app's own grounded tutor
(:class:`app.core.tutor.service.Tutor`: retrieval in the starter pack, the versioned
prompts, the safety filter, citations), greedy, in English and in Chinese. An answer is
correct when every key fact is in it (any of its alternatives, lower-cased substring),
no forbidden statement is ("not the same", "2/3 is bigger"), and a Chinese question is
answered in Chinese. Speed is the decode rate after the first token and the time to the
first token; memory is the peak RSS of a child process that loads only that model and the
embedder (``VmHWM``, as ``rss_overhead_mb`` measures it).
"""

from __future__ import annotations

import json
import logging
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app.core.content.index_cache import load_or_build
from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.content.tokenize import has_cjk
from app.core.tutor.conversation import Conversation
from app.core.tutor.policy import AIPolicy
from app.core.tutor.safety import SafetyFilter
from app.core.tutor.service import Setting, Tutor
from inference.cancel import CancelToken
from inference.devices import choose_embed
from inference.fetch import fetch_all
from inference.llm import ChatEngine, GenerationParams
from inference.loader import load_embed
from inference.registry import ModelSpec, load_registry, resolve

log = logging.getLogger(__name__)

MAX_TOKENS = 120


@dataclass(frozen=True)
class Case:
    pack: str
    question: str
    all_of: tuple[tuple[str, ...], ...]  # every group needs one of its alternatives
    none_of: tuple[str, ...] = ()


CASES: tuple[Case, ...] = (
    Case("fractions", "Is 2/4 the same as 1/2?", (("same", "equal", "equivalent"),),
         ("not the same", "not equal", "no,")),
    Case("fractions", "Which is bigger, 3/4 or 2/3?", (("3/4",),),
         ("2/3 is bigger", "2/3 is larger", "2/3 is greater")),
    Case("fractions", "What is 1/4 + 2/4?", (("3/4", "three quarters", "three fourths"),),
         ("3 3/4", "is 3/8", "= 3/8")),
    Case("fractions", "What is the denominator of 3/8?", (("8", "eight"),)),
    Case("fractions", "What is a mixed number?", (("whole",), ("fraction",))),
    Case("photosynthesis", "What gas do plants take in to make their food?",
         (("carbon dioxide", "co2", "co₂"),)),
    Case("photosynthesis", "What gas do plants give off during photosynthesis?",
         (("oxygen",),), ("carbon dioxide is the gas", "give off carbon dioxide",
                          "gives off carbon dioxide")),
    Case("photosynthesis", "What green pigment in leaves absorbs light?", (("chlorophyll",),)),
    Case("fractions-zh", "2/4和1/2一样大吗？", (("一样", "相等", "相同"),),
         ("不一样", "不相等", "不同")),
    Case("fractions-zh", "3/4和2/3哪个大？", (("3/4", "四分之三"),),
         ("2/3大", "2/3更大", "三分之二大", "三分之二更大")),
    Case("fractions-zh", "1/5加2/5等于多少？", (("3/5", "五分之三"),)),
    Case("fractions-zh", "分数3/8的分母是几？", (("8", "八"),)),
    Case("fractions-zh", "什么是分数？", (("平均分", "等份", "同样大"),)),
    Case("fractions-zh", "同分母分数相加时，分母怎么变？", (("不变",),)),
)


@dataclass(frozen=True)
class ChatResult:
    model: str
    file_mb: float
    score_en: float
    score_zh: float
    decode_tokens_per_s: float
    first_token_ms_p50: float
    peak_rss_mb: float
    answers: list[dict[str, Any]]


def correct(answer: str, case: Case) -> bool:
    text = answer.lower()
    if has_cjk(case.question) and not has_cjk(answer):
        return False
    return (all(any(alt in text for alt in group) for group in case.all_of)
            and not any(bad in text for bad in case.none_of))


class _TimedChat:
    """Wraps the engine to time the first token and the decoding after it."""

    def __init__(self, engine: ChatEngine) -> None:
        self.engine = engine
        self.first_s: list[float] = []
        self.decode_tokens = 0
        self.decode_s = 0.0

    def stream_chat(self, messages: Any, params: Any = None, cancel: Any = None) -> Any:
        start = time.perf_counter()
        first = None
        for piece in self.engine.stream_chat(messages, params, cancel):
            now = time.perf_counter()
            if first is None:
                first = now
                self.first_s.append(now - start)
            else:
                self.decode_tokens += 1
            yield piece
        if first is not None:
            self.decode_s += time.perf_counter() - first


RETIRED = Path(__file__).with_name("retired.toml")


def _candidates(cache: Path) -> list[tuple[ModelSpec, Path]]:
    """Registered chat models (from .models/) and retired ones (fetched into ``cache``)."""
    found = [(m, resolve(m) / m.file(".gguf").name)
             for m in load_registry().models if m.role == "chat"]
    retired = load_registry(RETIRED)
    fetch_all(retired, cache, report=log.info)
    found += [(m, cache / m.id / m.file(".gguf").name) for m in retired.models]
    return found


def run_one(name: str, path: Path, threads: int) -> dict[str, Any]:
    """Every case on one model, in this process; returns a :class:`ChatResult` dict."""
    embed = load_embed(load_registry().default("embed"), choose_embed([], threads))
    answers = []
    with ChatEngine(path, n_ctx=4096, n_threads=threads, name=name) as engine, \
            tempfile.TemporaryDirectory() as cache:
        chat = _TimedChat(engine)
        tutor = Tutor(chat, embed, SafetyFilter(embed))
        params = GenerationParams.deterministic(max_tokens=MAX_TOKENS)
        for case in CASES:
            pack = load_pack(builtin_dir() / case.pack)
            index = load_or_build(pack, embedder=embed, model_sha256="compare",
                                  cache_dir=Path(cache), progress=lambda _m, _f: None,
                                  cancel=CancelToken())
            setting = Setting(index, pack.info.language, policy=AIPolicy(), params=params)
            reply = tutor.answer(case.question, setting, Conversation(), emit=lambda _s: None)
            answers.append({"question": case.question, "answer": reply.text,
                            "correct": correct(reply.text, case)})
    marks = [bool(a["correct"]) for a in answers]

    def score(zh: bool) -> float:
        mine = [m for m, c in zip(marks, CASES, strict=True) if has_cjk(c.question) == zh]
        return round(sum(mine) / len(mine), 3)

    return asdict(ChatResult(
        name, round(path.stat().st_size / 1e6, 1), score(False), score(True),
        round(chat.decode_tokens / max(chat.decode_s, 1e-9), 1),
        round(1000 * statistics.median(chat.first_s), 1) if chat.first_s else 0.0,
        _peak_rss_mb(), answers))


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    import resource  # not Linux: the kernel's own peak (kilobytes here, bytes on macOS)

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def compare(cache: Path, threads: int) -> list[dict[str, Any]]:
    """Every chat model, each in its own process (so peak memory is its own)."""
    results = []
    for spec, path in _candidates(cache):
        done = subprocess.run(
            [sys.executable, "-m", "packaging.models.chat_compare", spec.name, str(path),
             str(threads)], capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        log.info("%s: %s", spec.name, results[-1])
    return results


if __name__ == "__main__":
    print(json.dumps(run_one(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])),
                     ensure_ascii=False))
