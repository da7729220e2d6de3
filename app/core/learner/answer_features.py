"""What a short written answer shows against its reference answers: the grader's features.

Each feature is a number the grader's logistic model weighs (:mod:`text_grading`). The
ideas are those of Sultan et al. 2016 ("Fast and easy short answer grading") and the
SemEval-2013 Task 7 baselines:

- **Question demoting**: words of the question are no evidence (a learner who repeats
  "terminal 1 and terminal 6" has said nothing yet), so they are dropped from the answer and
  the references before words are counted and before the demoted texts are embedded.
- **Meaning**: the best cosine between the answer and a reference answer, whole and demoted,
  and the cosine with the question itself (restating the question is not answering it).
- **Words**: the best share of a reference's content words the answer says (recall), of the
  answer's content words a reference says (precision) and of a reference's word pairs
  (order: "the water evaporates, leaving salt" is not "the salt evaporates"). Words match
  by stem, by prefix ("connect", "connection") or with a typo ("seperated").
- **Negation**: the answer is negated and the closest reference is not (or the reverse), or
  a word they share is negated in one only ("not connected" against "connected").
- **Length**: the answer's length in words, and whether it says nothing beyond the question.
- **Agreement** (:func:`agreement`): the demoted answer's embedding and the closest demoted
  reference's, compared dimension by dimension (their product and absolute difference, the
  pair features of InferSent and SentEval). One cosine says how close two meanings are; these
  say in which directions they meet or part, and the grader weighs each direction.

Text without spaces between words (Chinese, Japanese) has no words to count here: it gets
the meaning features alone (:data:`MEANING_FEATURES`), and the grader a model fitted on them.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.core.content.tokenize import STOPWORDS

NEGATIONS = frozenset({"not", "no", "never", "cannot", "without", "nothing", "none"})
WORD_FEATURES = ("similarity", "similarity_demoted", "question_similarity", "recall",
                 "precision", "pair_recall", "negation_mismatch", "negated_word",
                 "only_question", "length")
MEANING_FEATURES = ("similarity", "question_similarity")
_SUFFIXES = ("ing", "ed", "es", "s", "er", "ly")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_NEGATION_SCOPE = 3  # a negation this many words before a word negates it


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold().replace("n't", " not")
    return re.findall(r"\w+", text)


def stem(token: str) -> str:
    """A crude English stem: "captures", "captured", "capturing", "capture" -> "captur"."""
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    return token[:-1] if token.endswith("e") and len(token) > 3 else token


def has_cjk(*texts: str) -> bool:
    return any(_CJK.search(t) for t in texts)


def content_stems(text: str) -> list[str]:
    """The stems of ``text``'s content words, in order."""
    return [stem(t) for t in tokens(text) if t not in STOPWORDS and t not in NEGATIONS]


def demote(text: str, question: str) -> str:
    """``text`` without the words of ``question`` (or ``text`` when nothing else is left)."""
    asked = set(content_stems(question))
    kept = [t for t in tokens(text) if stem(t) not in asked]
    return " ".join(kept) if any(t not in STOPWORDS for t in kept) else text


def _edits_at_most(a: str, b: str, limit: int) -> bool:
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] <= limit


def same_word(a: str, b: str) -> bool:
    """Stems ``a`` and ``b`` name the same word: equal, one a prefix of the other, or a typo."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return a.startswith(b) or b.startswith(a) or _edits_at_most(a, b, 1 if len(a) < 7 else 2)


def _share(wanted: set[str], said: set[str]) -> float:
    return sum(any(same_word(w, s) for s in said) for w in wanted) / len(wanted) if wanted else 0.0


def _pairs(text: str) -> set[tuple[str, str]]:
    stems = [stem(t) for t in tokens(text) if t not in STOPWORDS]
    return set(itertools.pairwise(stems))


def _negated_words(text: str) -> dict[str, bool]:
    words = tokens(text)
    return {stem(w): bool(NEGATIONS.intersection(words[max(0, i - _NEGATION_SCOPE):i]))
            for i, w in enumerate(words) if w not in STOPWORDS and w not in NEGATIONS}


def is_negated(text: str) -> bool:
    return bool(NEGATIONS.intersection(tokens(text)))


@dataclass(frozen=True)
class Reading:
    """One answer to read: the texts the embedding model must see, in :meth:`texts` order."""

    answer: str
    references: tuple[str, ...]
    question: str = ""

    @property
    def words(self) -> bool:
        """Whether words can be counted (not for text without spaces)."""
        return not has_cjk(self.answer, *self.references)

    def texts(self) -> list[str]:
        """Answer, question, references, then (with words) the demoted answer and references."""
        base = [self.answer, self.question or self.answer, *self.references]
        if not self.words:
            return base
        return [*base, demote(self.answer, self.question),
                *(demote(r, self.question) for r in self.references)]


def _unit(vectors: npt.ArrayLike) -> npt.NDArray[np.float64]:
    v = np.asarray(vectors, dtype=np.float64)
    return v / np.linalg.norm(v, axis=1, keepdims=True).clip(min=1e-12)


def features(reading: Reading, vectors: npt.ArrayLike) -> dict[str, float]:
    """The features of ``reading``; ``vectors`` are the embeddings of ``reading.texts()``."""
    v = _unit(vectors)
    n = len(reading.references)
    sims = v[2:2 + n] @ v[0]
    # Without a question there is nothing to restate: 0, not the answer's cosine with itself.
    asked = float(v[1] @ v[0]) if reading.question else 0.0
    meaning = {"similarity": float(sims.max()), "question_similarity": asked}
    if not reading.words:
        return meaning
    demoted = v[3 + n:3 + 2 * n] @ v[2 + n]
    return {**meaning, "similarity_demoted": float(demoted.max()),
            **_word_features(reading, sims)}


def agreement(reading: Reading, vectors: npt.ArrayLike) -> npt.NDArray[np.float64] | None:
    """The product and the absolute difference, dimension by dimension, of the demoted answer's
    embedding and the embedding of the demoted reference closest to it; ``None`` for text
    without words (nothing is demoted there). ``vectors`` as for :func:`features`."""
    if not reading.words:
        return None
    v = _unit(vectors)
    n = len(reading.references)
    answer, references = v[2 + n], v[3 + n:3 + 2 * n]
    closest = references[int(np.argmax(references @ answer))]
    return np.concatenate([answer * closest, np.abs(answer - closest)])


@dataclass(frozen=True)
class Evidence:
    """What the grader reads of one answer: :func:`features` and :func:`agreement`."""

    values: dict[str, float]
    agreement: npt.NDArray[np.float64] | None


def evidence(reading: Reading, vectors: npt.ArrayLike) -> Evidence:
    """:func:`features` and :func:`agreement` of ``reading`` from the same vectors."""
    return Evidence(features(reading, vectors), agreement(reading, vectors))


def _word_features(reading: Reading, sims: npt.NDArray[np.float64]) -> dict[str, float]:
    asked = set(content_stems(reading.question))
    said = set(content_stems(reading.answer))
    new = said - asked
    recalls, precisions, pair_recalls = [], [], []
    for reference in reading.references:
        wanted = set(content_stems(reference))
        wanted = wanted - asked or wanted  # a reference made of the question's words keeps them
        recalls.append(_share(wanted, new or said))
        precisions.append(_share(new, wanted))
        pairs = _pairs(reference)
        pair_recalls.append(len(pairs & _pairs(reading.answer)) / len(pairs) if pairs else 0.0)
    closest = int(np.argmax(sims + np.array(recalls)))
    reference = reading.references[closest]
    mine, theirs = _negated_words(reading.answer), _negated_words(reference)
    shared = mine.keys() & theirs.keys()
    return {"recall": max(recalls), "precision": max(precisions),
            "pair_recall": max(pair_recalls),
            "negation_mismatch": float(is_negated(reading.answer) != is_negated(reference)),
            "negated_word": sum(mine[w] != theirs[w] for w in shared) / max(1, len(shared)),
            "only_question": float(not new),
            "length": math.log1p(len(tokens(reading.answer)))}
