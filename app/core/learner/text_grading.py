"""Short-text grading: closeness in meaning to the reference answers, plus rubric keywords.

- Meaning: cosine similarity between the answer's sentence embedding and each reference
  answer's (the app's ONNX embedding model), mapped to 0..1 between
  :data:`SIM_FLOOR` (unrelated) and :data:`SIM_FULL` (a paraphrase).
- Rubric: each keyword item is a word or phrase, alternatives separated by ``|``
  (``"absorb|capture"``). An item matches a word with the same stem ("absorbs",
  "absorbed"), unless a negation ("not", "never", "n't", …) comes just before it.
- Reference words: without keywords, the content words of the best-matching reference
  answer stand in for a rubric (their share found in the answer, by stem); not for
  Chinese, which has no spaces to find words by (meaning alone there).
- Score: 0.4 x meaning + 0.6 x share of rubric items matched when the question has
  keywords; otherwise (1 - w) x meaning + w x reference words, w = ``rubric_weight``.

The cosine range, the thresholds and ``rubric_weight`` depend on the embedding model, so
they are a :class:`Calibration` per model id in ``assets/grading/calibration.json``,
fitted on graded student answers (SemEval-2013 Task 7) by
``python -m app.core.learner.grading_eval DIR --labels 2way --calibrate``; a model
without an entry gets :data:`DEFAULT`. The embedding call is slow-ish (milliseconds): run
it on the inference lane, never on the GUI thread.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from app.core.content.tokenize import STOPWORDS
from app.core.learner.grading import Grade, Verdict
from inference.registry import load_registry
from inference.resources import assets_dir


@dataclass(frozen=True)
class Calibration:
    """How one embedding model's cosines map to a grade (see the module docstring)."""

    sim_floor: float = 0.35  # unrelated
    sim_full: float = 0.70  # a paraphrase
    correct_at: float = 0.65
    partial_at: float = 0.35
    rubric_weight: float = 0.0  # weight of the reference answer's words (no keywords)


DEFAULT = Calibration()  # hand-set on all-MiniLM-L6-v2 before the SemEval calibration


def calibration_file() -> Path:
    return assets_dir() / "grading" / "calibration.json"


def load_calibration(model_id: str | None, path: Path | None = None) -> Calibration:
    """The calibration fitted for ``model_id``, else for the model it is derived from
    (the pruned default embedder gives its parent's vectors on our languages' text, so
    the parent's fit is its fit; ``Registry.lineage``), else :data:`DEFAULT`."""
    try:
        entries = json.loads((path or calibration_file()).read_text("utf-8"))
    except (OSError, ValueError):
        return DEFAULT
    for key in _lineage(model_id):
        try:
            entry = entries[key]["calibration"]
            return Calibration(**{k: float(v) for k, v in entry.items()})
        except (KeyError, TypeError, ValueError):
            continue
    return DEFAULT


def _lineage(model_id: str | None) -> list[str]:
    if model_id is None:
        return []
    try:
        return load_registry().lineage(model_id)
    except (OSError, ValueError):
        return [model_id]


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


def content_stems(text: str) -> set[str]:
    """The stems of ``text``'s content words (the reference answer's own rubric)."""
    return {_stem(t) for t in _tokens(text) if t not in STOPWORDS and t not in NEGATIONS}


def reference_coverage(answer: str, references: Sequence[str]) -> float:
    """The best share of a reference answer's content words found in ``answer``."""
    said = {_stem(t) for t in _tokens(answer)}
    shares = [len(words & said) / len(words) for r in references
              if (words := content_stems(r))]
    return max(shares, default=0.0)


def score_parts(meaning_sim: float, coverage: float, calibration: Calibration) -> float:
    """The score from the cosine and the reference words (no teacher keywords)."""
    c = calibration
    meaning = float(np.clip((meaning_sim - c.sim_floor) / (c.sim_full - c.sim_floor), 0.0, 1.0))
    return (1 - c.rubric_weight) * meaning + c.rubric_weight * coverage


def grade_short_text(embedder: Embedder, answer: str, *, references: Sequence[str],
                     keywords: Sequence[str] = (),
                     calibration: Calibration = DEFAULT) -> Grade:
    """Grade a short written answer; see the module docstring for the score."""
    if not _tokens(answer):
        return Grade(Verdict.UNREADABLE, 0.0, "Write your answer in a few words first.")
    if not references:
        raise ValueError("a short-text question needs at least one reference answer")
    c = calibration
    sim = similarity(embedder, answer, references)
    matched = [k for k in keywords if keyword_matches(answer, k)]
    missing = [k for k in keywords if k not in matched]
    if keywords:
        meaning = float(np.clip((sim - c.sim_floor) / (c.sim_full - c.sim_floor), 0.0, 1.0))
        score = (1 - KEYWORD_WEIGHT) * meaning + KEYWORD_WEIGHT * len(matched) / len(keywords)
    elif any(_CJK.search(r) for r in references):  # no spaces: no words to count
        score = score_parts(sim, 0.0, replace(c, rubric_weight=0.0))
    else:
        score = score_parts(sim, reference_coverage(answer, references), c)
    verdict = (Verdict.CORRECT if score >= c.correct_at else
               Verdict.PARTIAL if score >= c.partial_at else Verdict.INCORRECT)
    return Grade(verdict, round(score, 3), _message(verdict, missing), tuple(matched),
                 tuple(missing), round(sim, 3))
