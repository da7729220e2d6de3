"""Short-text grading: closeness in meaning to the reference answers, plus rubric keywords.

- Meaning: cosine similarity between the answer's sentence embedding and each reference
  answer's (the app's ONNX embedding model), mapped to 0..1 between
  :data:`SIM_FLOOR` (unrelated) and :data:`SIM_FULL` (a paraphrase).
- Rubric: each keyword item is a word or phrase, alternatives separated by ``|``
  (``"absorb|capture"``). An item matches a word with the same stem ("absorbs",
  "absorbed"), unless a negation ("not", "never", "n't", …) comes just before it.
- Score: 0.4 x meaning + 0.6 x share of rubric items matched when the question has
  keywords; meaning alone otherwise.

Calibrated on all-MiniLM-L6-v2 (the default embed model); a different model may need
other thresholds. The embedding call is slow-ish (milliseconds): run it on the
inference lane, never on the GUI thread.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from app.core.learner.grading import Grade, Verdict

SIM_FLOOR = 0.35
SIM_FULL = 0.70
CORRECT_AT = 0.65
PARTIAL_AT = 0.35
KEYWORD_WEIGHT = 0.6  # rubric items are the teacher's explicit criteria: they weigh more
NEGATIONS = frozenset({"not", "no", "never", "cannot", "without", "nothing", "none"})
_SUFFIXES = ("ing", "ed", "es", "s", "er", "ly")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


class Embedder(Protocol):
    """What grading needs from :class:`inference.embed.EmbedEngine`."""

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


def _stem(token: str) -> str:
    """A crude English stem: "captures", "captured", "capturing", "capture" -> "captur"."""
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    return token[:-1] if token.endswith("e") and len(token) > 3 else token


def _same_word(word: str, wanted: str) -> bool:
    # A compound ending in the wanted word counts: "sunlight" mentions "light".
    return _stem(word) == _stem(wanted) or (len(wanted) >= 4 and word.endswith(wanted))


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold().replace("n't", " not")
    return re.findall(r"\w+", text)


def _phrase_at(words: list[str], phrase: list[str]) -> list[int]:
    size = len(phrase)
    return [i for i in range(len(words) - size + 1)
            if all(_same_word(w, p) for w, p in zip(words[i:i + size], phrase, strict=True))]


def keyword_matches(answer: str, item: str) -> bool:
    """True if any ``|``-alternative of ``item`` occurs in ``answer``, not negated."""
    words = _tokens(answer)
    for alternative in item.split("|"):
        if _CJK.search(alternative):  # no spaces between words: match as a substring
            if unicodedata.normalize("NFKC", alternative.strip()) in unicodedata.normalize(
                    "NFKC", answer):
                return True
            continue
        phrase = _tokens(alternative)
        for start in _phrase_at(words, phrase) if phrase else []:
            if not NEGATIONS.intersection(words[max(0, start - 3):start]):
                return True
    return False


def similarity(embedder: Embedder, answer: str, references: Sequence[str]) -> float:
    """Highest cosine similarity between ``answer`` and any reference answer."""
    vectors = np.asarray(embedder.embed([answer, *references]), dtype=np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-12)
    return float((vectors[1:] @ vectors[0]).max())


def _readable(item: str) -> str:
    first, *others = [a.strip() for a in item.split("|")]
    return f"{first} (or {', '.join(others)})" if others else first


def _message(verdict: Verdict, missing: list[str]) -> str:
    if verdict is Verdict.CORRECT and not missing:
        return "Well explained!"
    if missing:
        return "Your answer doesn't mention: " + "; ".join(_readable(m) for m in missing) + "."
    if verdict is Verdict.PARTIAL:
        return "You're on the right track. Can you explain it more fully?"
    return "That doesn't match what the question asks. Look at the lesson again."


def grade_short_text(embedder: Embedder, answer: str, *, references: Sequence[str],
                     keywords: Sequence[str] = ()) -> Grade:
    """Grade a short written answer; see the module docstring for the score."""
    if not _tokens(answer):
        return Grade(Verdict.UNREADABLE, 0.0, "Write your answer in a few words first.")
    if not references:
        raise ValueError("a short-text question needs at least one reference answer")
    sim = similarity(embedder, answer, references)
    meaning = float(np.clip((sim - SIM_FLOOR) / (SIM_FULL - SIM_FLOOR), 0.0, 1.0))
    matched = [k for k in keywords if keyword_matches(answer, k)]
    missing = [k for k in keywords if k not in matched]
    coverage = len(matched) / len(keywords) if keywords else 0.0
    score = ((1 - KEYWORD_WEIGHT) * meaning + KEYWORD_WEIGHT * coverage if keywords
             else meaning)
    verdict = (Verdict.CORRECT if score >= CORRECT_AT else
               Verdict.PARTIAL if score >= PARTIAL_AT else Verdict.INCORRECT)
    return Grade(verdict, round(score, 3), _message(verdict, missing), tuple(matched),
                 tuple(missing), round(sim, 3))
