"""Short-text grading: what the answer shows against the reference answers, plus rubric keywords.

- Features (:mod:`answer_features`): closeness in meaning to the best reference answer
  (the app's ONNX embedding model), the reference's content words the answer says and the
  answer's words the reference says, both without the question's own words (question
  demoting), word order, negation, length.
- Model: a logistic model over those features, and over the answer's agreement with the
  closest reference dimension by dimension (:func:`answer_features.agreement`), gives the
  probability that the answer is correct. Its weights are a :class:`Calibration` per
  embedding model id in
  ``assets/grading/calibration.json``, fitted on graded student answers (SemEval-2013
  Task 7) by ``python -m app.core.learner.grading_eval DIR --labels 2way --calibrate``; a
  model without an entry gets :data:`DEFAULT`. Text without spaces between words (Chinese)
  has no words to count: a second model over the meaning features alone grades it.
- Rubric: each keyword item is a word or phrase, alternatives separated by ``|``
  (``"absorb|capture"``). An item matches a word with the same stem ("absorbs",
  "absorbed"), unless a negation ("not", "never", "n't", …) comes just before it.
- Score: the probability; with keywords, 0.4 x probability + 0.6 x share of rubric items
  matched. CORRECT from ``correct_at``, PARTIAL from ``partial_at``.

The embedding call is slow-ish (milliseconds): run it on the inference lane, never on the
GUI thread.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from app.core.learner.answer_features import (
    MEANING_FEATURES,
    NEGATIONS,
    WORD_FEATURES,
    Evidence,
    Reading,
    evidence,
    has_cjk,
    stem,
    tokens,
)
from app.core.learner.grading import Grade, Verdict
from inference.registry import load_registry
from inference.resources import assets_dir


@dataclass(frozen=True)
class LogisticModel:
    """P(correct) = 1 / (1 + exp(-(bias + sum of weight x feature + agreement weights .
    agreement vector))); a model without agreement weights reads the named features alone."""

    weights: Mapping[str, float]
    bias: float
    agreement: tuple[float, ...] = ()  # one weight per number of answer_features.agreement

    def probability(self, values: Mapping[str, float],
                    agreement: npt.ArrayLike | None = None) -> float:
        z = self.bias + sum(w * values[name] for name, w in self.weights.items())
        if self.agreement:
            z += float(np.dot(self.agreement, self._checked(agreement)))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def _checked(self, agreement: npt.ArrayLike | None) -> npt.NDArray[np.float64]:
        vector = np.asarray(agreement if agreement is not None else (), dtype=np.float64)
        if vector.shape != (len(self.agreement),):
            # Weights fitted on another embedding model's vectors: grading would be noise.
            raise ValueError(f"the grader expects an agreement vector of {len(self.agreement)}"
                             f" numbers, got shape {vector.shape}")
        return vector

    def to_json(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"bias": self.bias, "weights": dict(self.weights)}
        return {**entry, "agreement": list(self.agreement)} if self.agreement else entry

    @classmethod
    def from_json(cls, entry: Mapping[str, Any], names: Sequence[str]) -> LogisticModel:
        weights = {name: float(entry["weights"][name]) for name in names}
        return cls(weights, float(entry["bias"]),
                   tuple(float(w) for w in entry.get("agreement", ())))


# Hand-set before any fitting (an embedding model without a calibration): an answer close
# in meaning to a reference that says most of its words, not negating it, is correct.
_WORDS = LogisticModel({"similarity": 4.0, "similarity_demoted": 2.0,
                        "question_similarity": -1.0, "recall": 3.0, "precision": 1.0,
                        "pair_recall": 1.0, "negation_mismatch": -1.0, "negated_word": -1.0,
                        "only_question": -1.0, "length": 0.0}, -5.5)
_MEANING = LogisticModel({"similarity": 10.0, "question_similarity": -1.0}, -6.0)


@dataclass(frozen=True)
class Calibration:
    """One embedding model's grading models and thresholds (see the module docstring)."""

    words: LogisticModel = field(default=_WORDS)  # answers with words to count
    meaning: LogisticModel = field(default=_MEANING)  # text without spaces (Chinese)
    correct_at: float = 0.5
    partial_at: float = 0.35

    def to_json(self) -> dict[str, Any]:
        return {"words": self.words.to_json(), "meaning": self.meaning.to_json(),
                "correct_at": self.correct_at, "partial_at": self.partial_at}

    @classmethod
    def from_json(cls, entry: Mapping[str, Any]) -> Calibration:
        return cls(LogisticModel.from_json(entry["words"], WORD_FEATURES),
                   LogisticModel.from_json(entry["meaning"], MEANING_FEATURES),
                   float(entry["correct_at"]), float(entry["partial_at"]))

    def probability(self, values: Mapping[str, float],
                    agreement: npt.ArrayLike | None = None) -> float:
        """P(correct) from the features (:func:`answer_features.features`) and the agreement
        vector (:func:`answer_features.agreement`); the meaning model, which reads no
        agreement, when words were not counted."""
        if "recall" in values:
            return self.words.probability(values, agreement)
        return self.meaning.probability(values)


DEFAULT = Calibration()


def calibration_file() -> Path:
    return assets_dir() / "grading" / "calibration.json"


def load_calibration(model_id: str | None, path: Path | None = None) -> Calibration:
    """The calibration fitted for ``model_id``, else for the model it is derived from
    (the pruned default embedder gives its parent's vectors on our languages' text, so
    the parent's fit is its fit; ``Registry.lineage``), else :data:`DEFAULT` (none, or
    unreadable)."""
    try:
        entries = json.loads((path or calibration_file()).read_text("utf-8"))
    except (OSError, ValueError):
        return DEFAULT
    for key in _lineage(model_id):
        try:
            return Calibration.from_json(entries[key]["calibration"])
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


class Embedder(Protocol):
    """What grading needs from :class:`inference.embed.EmbedEngine`."""

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


def _same_word(word: str, wanted: str) -> bool:
    # A compound ending in the wanted word counts: "sunlight" mentions "light".
    return stem(word) == stem(wanted) or (len(wanted) >= 4 and word.endswith(wanted))


def _phrase_at(words: list[str], phrase: list[str]) -> list[int]:
    size = len(phrase)
    return [i for i in range(len(words) - size + 1)
            if all(_same_word(w, p) for w, p in zip(words[i:i + size], phrase, strict=True))]


def keyword_matches(answer: str, item: str) -> bool:
    """True if any ``|``-alternative of ``item`` occurs in ``answer``, not negated."""
    words = tokens(answer)
    for alternative in item.split("|"):
        if has_cjk(alternative):  # no spaces between words: match as a substring
            if unicodedata.normalize("NFKC", alternative.strip()) in unicodedata.normalize(
                    "NFKC", answer):
                return True
            continue
        phrase = tokens(alternative)
        for start in _phrase_at(words, phrase) if phrase else []:
            if not NEGATIONS.intersection(words[max(0, start - 3):start]):
                return True
    return False


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


def reading_features(embedder: Embedder, reading: Reading) -> Evidence:
    """The features and the agreement vector of one answer (one call to the embedding model)."""
    return evidence(reading, embedder.embed(reading.texts()))


def grade_short_text(embedder: Embedder, answer: str, *, references: Sequence[str],
                     question: str = "", keywords: Sequence[str] = (),
                     calibration: Calibration = DEFAULT) -> Grade:
    """Grade a short written answer to ``question``; see the module docstring for the score."""
    if not tokens(answer):
        return Grade(Verdict.UNREADABLE, 0.0, "Write your answer in a few words first.")
    if not references:
        raise ValueError("a short-text question needs at least one reference answer")
    c = calibration
    read = reading_features(embedder, Reading(answer, tuple(references), question))
    values = read.values
    score = c.probability(values, read.agreement)
    matched = [k for k in keywords if keyword_matches(answer, k)]
    missing = [k for k in keywords if k not in matched]
    if keywords:
        score = (1 - KEYWORD_WEIGHT) * score + KEYWORD_WEIGHT * len(matched) / len(keywords)
    verdict = (Verdict.CORRECT if score >= c.correct_at else
               Verdict.PARTIAL if score >= c.partial_at else Verdict.INCORRECT)
    return Grade(verdict, round(score, 3), _message(verdict, missing), tuple(matched),
                 tuple(missing), round(values["similarity"], 3))
