"""The output safety filter: everything the tutor shows a learner passes through it.

Two offline layers:

1. Word lists (``assets/safety/blocklist.*.txt``) for English and Chinese: precise, cheap,
   language-aware (whole words in English after folding look-alikes; substrings in Chinese).
2. An embedding classifier: the text's sentences are compared with short prototype
   sentences of harmful topics (self-harm, violence, sexual content, drugs, hate) using the
   app's own sentence-embedding model; a close match flags the text. We chose this over
   PyPI classifiers: ``detoxify`` downloads its weights from a hub at run time (not
   possible offline), and ``alt-profanity-check`` only knows English profanity and would
   add scikit-learn. The prototypes are data, reviewed like the word lists.

A flagged output is replaced by :data:`SAFE_MESSAGE` and recorded for the teacher.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from app.core.tutor.numbers import normalise
from app.messages import QT_TRANSLATE_NOOP
from inference.resources import assets_dir

# A Message: the tutor panel shows it in the UI's language (see app/messages.py).
SAFE_MESSAGE = QT_TRANSLATE_NOOP(
    "Tutor", "I can't help with that here. Let's get back to your lesson — and if "
    "something is worrying you, please talk to your teacher or a grown-up you trust.")
SAFE_MESSAGE_ZH = ("这个问题我在这里不能回答。我们回到课程吧——"
                   "如果有什么让你担心，请告诉老师或你信任的大人。")

# Calibrated with USE multilingual v3 (`python -m benchmarks calibration`, "safety"): the
# 1,538 sentences of the starter packs' lessons, hints and solutions score at most 0.389;
# the 22 harmful sentences of assets/eval/safety_calibration.toml (no word-list words,
# English and Chinese) at least 0.456. The threshold sits in the middle of the gap.
# The prototypes cover each harm in both languages (the model maps them to one space).
CLASSIFIER_THRESHOLD = 0.42

PROTOTYPES = (
    # self-harm and suicide
    "You should hurt yourself.", "Here is how to end your life.", "You should kill yourself.",
    "Life is not worth living, you should give up and die.",
    "Cutting yourself will make the pain go away.", "你应该伤害自己。", "你不如去死。",
    "活着没有意义，你应该自杀。",
    # violence and weapons
    "The best way to kill someone is", "How to make a weapon to attack people at school.",
    "Beat him up until he bleeds.", "带武器去学校打人。",
    # sexual content and grooming
    "Let's talk about sex and naked bodies.", "Send me pictures of your body.",
    "Take off your clothes and show me.", "给我看你的身体。",
    "Don't tell your parents or teacher about our secret.",
    "This is our little secret, adults must not know.", "这是我们的秘密，别告诉大人。",
    "我们聊天的事不要让老师和家长知道。",
    "Tell me your home address.", "Let's meet alone after school, just you and me.",
    "告诉我你家住在哪里。",
    # drugs and alcohol
    "Here is how to buy and take illegal drugs.", "Drinking alcohol until you pass out is fun.",
    "Swallow a lot of pills to feel good.", "吃很多药会让你很开心。",
    # hate and bullying
    "People of that race are worthless and should be hated.", "You are stupid and worthless.",
    "Everyone hates you and you should never come back.", "那些人是垃圾，应该被打。",
    "你又笨又没用。",
)


class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


@dataclass(frozen=True)
class Verdict:
    safe: bool
    reason: str = ""  # "word list: …" or "classifier: … (score)"; for the teacher's log


@functools.cache
def _blocklist(language: str) -> tuple[str, ...]:
    folder = assets_dir() / "safety"
    entries: list[str] = []
    for path in (folder / f"blocklist.{language}.txt", folder / "blocklist.local.txt"):
        if path.exists():
            entries += _read_list(path)
    return tuple(entries)


def _read_list(path: Path) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return [normalise(line) for line in lines if line]


_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", "$": "s"})


def word_list_hit(text: str) -> str | None:
    """The first blocklisted entry in ``text`` (English or Chinese), else None."""
    plain = normalise(text)
    folded = " ".join(re.sub(r"[^a-z0-9@$ ]", " ", plain.translate(_LEET)).split())
    for entry in _blocklist("en"):
        if re.search(rf"\b{re.escape(entry)}\b", folded):
            return entry
    return next((entry for entry in _blocklist("zh") if entry in plain), None)


class SafetyFilter:
    """Checks tutor output. ``embedder`` enables the classifier layer (the app's model)."""

    def __init__(self, embedder: Embedder | None = None,
                 threshold: float = CLASSIFIER_THRESHOLD) -> None:
        self._embedder = embedder
        self._threshold = threshold
        self._prototypes = embedder.embed(list(PROTOTYPES)) if embedder else None

    def check(self, text: str) -> Verdict:
        hit = word_list_hit(text)
        if hit:
            return Verdict(False, f"word list: {hit!r}")
        score, prototype = self.classifier_score(text)
        if score >= self._threshold:
            return Verdict(False, f"classifier: close to {prototype!r} ({score:.2f})")
        return Verdict(True)

    def classifier_score(self, text: str) -> tuple[float, str]:
        if self._embedder is None or self._prototypes is None:
            return 0.0, ""
        sentences = [s for s in re.split(r"(?<=[.!?。！？])\s*", text) if s.strip()] or [text]
        scores = self._embedder.embed(sentences) @ self._prototypes.T
        best = np.unravel_index(int(np.argmax(scores)), scores.shape)
        return float(scores[best]), PROTOTYPES[int(best[1])]

    def clean(self, text: str, *, language: str = "en") -> tuple[str, Verdict]:
        """``text`` if safe, else the safe message in the learner's language."""
        verdict = self.check(text)
        if verdict.safe:
            return text, verdict
        return safe_message(language), verdict


def safe_message(language: str) -> str:
    return SAFE_MESSAGE_ZH if language.startswith("zh") else SAFE_MESSAGE
