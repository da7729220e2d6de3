"""Grounded answers: find the lesson passages for a question, and cite them in the answer.

The tutor answers from the learner's own lessons. :func:`ground` retrieves passages
(the open lesson gets a boost) and decides whether anything relevant was found at all;
:func:`cite` makes sure the answer shows which passages it rests on. A 135M model does not
reliably write ``[1]`` markers itself, nor put them where they belong, so every sentence
is checked: a marker is kept, or added, only where the passage supports the sentence (see
:func:`supports`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.core.content.index import Embedder, RetrievalIndex
from app.core.content.passages import Passage
from app.core.content.tokenize import has_cjk, tokens
from app.core.tutor.claims import claims_in

# Calibrated with USE multilingual v3 (`python -m benchmarks calibration`, "relevance"):
# 166 positives (the starter packs' 130 questions and 36 questions asked in the other
# language) against 180 everyday off-topic questions (assets/eval/off_topic.toml, English
# and Chinese, against each pack). Off-topic questions reach a best cosine of 0.337, so
# RELEVANCE_THRESHOLD alone decides above it. Below it (down to RELEVANCE_FLOOR) a
# question is still relevant when most of its words (CJK: bigrams) are in the lessons:
# off-topic questions there share at most 67% ("Who is the best singer in the world?":
# best, world), the on-topic ones accepted 83% or more. One rule for both languages;
# 162 of 166 positives and 0 of 180 negatives are judged relevant.
RELEVANCE_THRESHOLD = 0.35
RELEVANCE_FLOOR = 0.22
RELEVANCE_COVERAGE = 0.75
# A sentence is cited to a passage only when meaning and words agree. Calibrated on the
# starter packs' authored solutions (sentences written from their lesson) vs. the other
# subject's passages and everyday sentences (`calibration`, "citation"): unrelated
# sentences reach a cosine of 0.330 (English) and 0.328 (Chinese); at 0.35 with 20% of the
# words (CJK: bigrams) in the passage, 84% of the English and 91% of the Chinese solution
# sentences are cited and none of the 371 unrelated ones. One rule for both languages.
CITE_THRESHOLD = 0.35  # cosine between a sentence and the passage
CITE_OVERLAP = 0.2  # share of a sentence's search tokens found in the passage
_UNSUPPORTED = -np.inf
CITE_MIN_TOKENS = 2  # "True." or "错误。" alone is a verdict, not a claim a passage can back
OPEN_LESSON_BOOST = 1.5  # fused-score multiplier for passages of the lesson on screen
_MARKER = re.compile(r"\[(\d{1,2})\]")
_SPACED_MARKER = re.compile(r"\s*\[\d{1,2}\]")
# A full stop ends a sentence only before a space ("0.67", "3.5 cm" are numbers); the
# Chinese marks end one anywhere.
_SENTENCE = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])\s*")


@dataclass(frozen=True)
class Source:
    number: int  # the [n] shown to the learner, 1-based
    passage: Passage
    similarity: float  # cosine between the question and the passage


@dataclass(frozen=True)
class Grounding:
    sources: tuple[Source, ...]
    best_similarity: float
    coverage: float = 0.0  # share of the question's search tokens found in the lessons

    @property
    def relevant(self) -> bool:
        if not self.sources or self.best_similarity < RELEVANCE_FLOOR:
            return False
        return (self.best_similarity >= RELEVANCE_THRESHOLD
                or self.coverage >= RELEVANCE_COVERAGE)

    def source(self, number: int) -> Source | None:
        return next((s for s in self.sources if s.number == number), None)


@dataclass(frozen=True)
class CitedAnswer:
    text: str  # with [n] markers
    cited: tuple[Source, ...]
    attributed: bool  # some markers were added by us (or none were kept), not all the model's
    contradicted: int = 0  # sentence-passage pairs refused: the sentence contradicts it


# "True or false:" frames a statement; its words are in no lesson. Left in, they took
# "True or false: *stroma* and *stomata* are two names for the same thing." below the
# relevance floor (cosine 0.245, 62% of its words in the lessons) and the tutor refused.
_FRAME = re.compile(r"^\W*(?:true or false|判断(?:对错|正误)?)\s*[:：?？]?\s*", re.IGNORECASE)


def topic(question: str) -> str:
    """What ``question`` is about, for retrieval: without a "True or false:" frame."""
    return _FRAME.sub("", question, count=1).strip() or question


def ground(question: str, index: RetrievalIndex, embedder: Embedder, *,
           open_lesson: str | None = None, k: int = 3) -> Grounding:
    """The ``k`` best passages for ``question``, numbered, with the best similarity."""
    question = topic(question)
    hits = index.search(question, embedder=embedder, k=max(8, k))
    if open_lesson:
        hits.sort(key=lambda h: -h.score * (OPEN_LESSON_BOOST
                                            if h.passage.lesson_id == open_lesson else 1.0))
    if not hits:
        return Grounding((), 0.0)
    query = embedder.embed([question])[0]
    position = {id(p): i for i, p in enumerate(index.passages)}
    sims = [float(index.vectors[position[id(h.passage)]] @ query) for h in hits[:k]]
    sources = tuple(Source(n, h.passage, s) for n, (h, s) in enumerate(zip(hits[:k], sims,
                                                                            strict=True), 1))
    best = max(float(index.vectors[position[id(h.passage)]] @ query) for h in hits)
    return Grounding(sources, best, coverage(question, index))


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, each with its end mark."""
    return [s for s in _SENTENCE.split(text) if s.strip()]


def coverage(question: str, index: RetrievalIndex) -> float:
    """The share of the question's search tokens (words, CJK bigrams) in the lessons."""
    words = set(tokens(question))
    vocab = index.bm25.vocab_dict
    return sum(1 for w in words if w in vocab) / len(words) if words else 0.0


def cite(answer: str, grounding: Grounding, embedder: Embedder) -> CitedAnswer:
    """Cite each sentence to a passage that supports it; other markers are removed.

    A marker the model wrote is kept when its passage supports the sentence; a sentence
    without a (kept) marker gets one for the passage that supports it best, if any.
    """
    numbers = {s.number for s in grounding.sources}
    cleaned = _MARKER.sub(lambda m: m.group() if int(m[1]) in numbers else "", answer).strip()
    sentences = split_sentences(cleaned)
    if not sentences or not grounding.sources:
        return CitedAnswer(_SPACED_MARKER.sub("", cleaned).strip(), (), attributed=True)
    plain = [_SPACED_MARKER.sub("", s) for s in sentences]
    ok = support_matrix(plain, grounding, embedder)
    refused = 0
    for i, sentence in enumerate(plain):
        for j, source in enumerate(grounding.sources):
            if ok[i, j] > _UNSUPPORTED and contradicts(sentence, source.passage.text):
                ok[i, j] = _UNSUPPORTED  # a citation must never vouch for a contradiction
                refused += 1
    cited: list[Source] = []
    out: list[str] = []
    added = kept = False
    for i, sentence in enumerate(plain):
        written = [n for n in markers_in(sentences[i]) if ok[i, n - 1] > _UNSUPPORTED]
        if written:
            cited += [grounding.sources[n - 1] for n in written]
            kept = True
            out.append(_with_markers(sentence, written))
            continue
        best = _best_supporting(ok[i], grounding, cited)
        if best is not None:
            cited.append(best)
            added = True
            sentence = _with_markers(sentence, [best.number])
        out.append(sentence)
    joiner = "" if has_cjk(answer) else " "
    unique = {s.number: s for s in cited}
    return CitedAnswer(joiner.join(s.strip() for s in out),
                       tuple(unique[n] for n in sorted(unique)), attributed=added or not kept,
                       contradicted=refused)


_NEGATION = re.compile(r"\b(?:not|no|never|cannot|nor|neither|none)\b|n't\b|不|没有|没|并非")
NEGATION_OVERLAP = 0.6  # share of the sentence's words in one passage sentence: "the same"


def contradicts(sentence: str, passage: str) -> bool:
    """Whether ``sentence`` says the opposite of ``passage``.

    - an arithmetic claim that is false, or that the passage states the other way round
      (the passage "1/2 = 2/4" against "2/4 is not the same as 1/2");
    - a negation: the passage sentence that shares most of the sentence's words
      (>= NEGATION_OVERLAP) has a "not"/"不" where the sentence has none, or the reverse.
    """
    stated = claims_in(sentence)
    if any(not c.holds for c in stated):
        return True
    passage_claims = claims_in(passage)
    for claim in stated:
        pair = {claim.left.value, claim.right.value}
        if any({p.left.value, p.right.value} == pair and p.relation == claim.relation
               and p.negated != claim.negated for p in passage_claims):
            return True
    return _negates(sentence, passage)


# Clauses are read on their own too: "Plants only carry out photosynthesis; they never
# carry out cellular respiration" shares too few words with any one passage sentence as a
# whole, while its second clause is the passage's "plants carry out both … and cellular
# respiration" negated (Qwen2.5 1.5B wrote it, cited, in an evaluation sample).
_CLAUSE = re.compile(r"[;；:：]|,\s*but\b|，\s*但")
_MIN_CLAUSE_TOKENS = 3


def _negates(sentence: str, passage: str) -> bool:
    sentence = without_markers(sentence)  # "[2]" is a link, not a word of the sentence
    clauses = [c for c in _CLAUSE.split(sentence) if len(tokens(c)) >= _MIN_CLAUSE_TOKENS]
    return any(_negates_one(part, passage) for part in dict.fromkeys([sentence, *clauses]))


def _negates_one(sentence: str, passage: str) -> bool:
    best = max(split_sentences(passage) or [passage], key=lambda p: overlap(sentence, p))
    if overlap(sentence, best) < NEGATION_OVERLAP:
        return False
    return bool(_NEGATION.search(sentence.lower())) != bool(_NEGATION.search(best.lower()))


def _best_supporting(row: np.ndarray, grounding: Grounding,
                     cited: list[Source]) -> Source | None:
    """The passage that supports the sentence best, unless it is already cited."""
    best = int(np.argmax(row))
    source = grounding.sources[best]
    return source if row[best] > _UNSUPPORTED and source not in cited else None


def support_matrix(sentences: Sequence[str], grounding: Grounding,
                   embedder: Embedder) -> np.ndarray:
    """``[i, j]``: how well source ``j`` supports sentence ``i``, or ``-inf`` where it
    does not (see :func:`supports`). Among passages about the same topic the one sharing
    the sentence's words wins: the mean of cosine and word overlap (Chinese: the overlap)."""
    passages = [s.passage.search_text for s in grounding.sources]
    sims = embedder.embed(list(sentences)) @ embedder.embed(passages).T
    scores = np.full((len(sentences), len(passages)), _UNSUPPORTED)
    for i, sentence in enumerate(sentences):
        for j, passage in enumerate(passages):
            if supports(sentence, passage, float(sims[i, j])):
                scores[i, j] = (sims[i, j] + overlap(sentence, passage)) / 2
    return scores


def supports(sentence: str, passage: str, similarity: float) -> bool:
    """Meaning and words agree: the sentence says something the passage says.

    Cosine >= CITE_THRESHOLD and >= CITE_OVERLAP of its search tokens (words, CJK
    bigrams) in the passage. A one-word sentence or a question is never cited.
    """
    if len(set(tokens(sentence))) < CITE_MIN_TOKENS or _is_question(sentence):
        return False
    return similarity >= CITE_THRESHOLD and overlap(sentence, passage) >= CITE_OVERLAP


def _is_question(sentence: str) -> bool:
    """A question (the model repeating the learner's, "3/4和2/3哪个大？") claims nothing
    a passage could back."""
    return _SPACED_MARKER.sub("", sentence).rstrip().endswith(("?", "？"))


def overlap(sentence: str, passage: str) -> float:
    """The share of the sentence's search tokens (words, CJK bigrams) in the passage."""
    words = set(tokens(sentence))
    return len(words & set(tokens(passage))) / len(words) if words else 0.0


def _with_markers(sentence: str, numbers: Sequence[int]) -> str:
    """"It is a part. " -> "It is a part [1]. " (the markers sit before the full stop)."""
    marks = "".join(f" [{n}]" for n in dict.fromkeys(numbers))
    body = sentence.rstrip()
    tail = sentence[len(body):]
    if body and body[-1] in ".!?。！？":
        return f"{body[:-1]}{marks}{body[-1]}{tail}"
    return f"{body}{marks}{tail}"


def without_markers(text: str) -> str:
    """``text`` without its "[n]" citation markers (what the learner reads as links)."""
    return _SPACED_MARKER.sub("", text)


def markers_in(text: str) -> Sequence[int]:
    return [int(n) for n in _MARKER.findall(text)]
