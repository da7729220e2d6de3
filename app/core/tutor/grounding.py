"""Grounded answers: find the lesson passages for a question, and cite them in the answer.

The tutor answers from the learner's own lessons. :func:`ground` retrieves passages
(the open lesson gets a boost) and decides whether anything relevant was found at all;
:func:`cite` makes sure the answer shows which passages it rests on. A 135M model does not
reliably write ``[1]`` markers itself, so where it wrote none, each answer sentence is
matched to the passage it is closest to (embedding similarity) and the marker added.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.core.content.index import Embedder, RetrievalIndex
from app.core.content.passages import Passage
from app.core.content.tokenize import tokens

# Calibrated on the starter packs (all 130 questions vs 12 everyday off-topic questions;
# `python -m benchmarks tutor_eval` reports both in "relevance"): English questions'
# best passage scores >= 0.26 by cosine, off-topic ones <= 0.22. all-MiniLM barely reads
# Chinese, so an off-topic Chinese question still scores up to 0.44 against Chinese text;
# there BM25 over character bigrams decides: questions >= 1.59, off-topic <= 0.83.
RELEVANCE_THRESHOLD = 0.24
CJK_LEXICAL_THRESHOLD = 1.2
CITE_THRESHOLD = 0.35  # an answer sentence this close to a passage is cited to it
OPEN_LESSON_BOOST = 1.5  # fused-score multiplier for passages of the lesson on screen
_MARKER = re.compile(r"\[(\d{1,2})\]")
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s*")
_CJK = re.compile(r"[\u3400-\u9fff\u3040-\u30ff]")


@dataclass(frozen=True)
class Source:
    number: int  # the [n] shown to the learner, 1-based
    passage: Passage
    similarity: float  # cosine between the question and the passage


@dataclass(frozen=True)
class Grounding:
    sources: tuple[Source, ...]
    best_similarity: float
    lexical: float = 0.0  # best BM25 score
    cjk: bool = False  # the question is written in Chinese (or Japanese) characters

    @property
    def relevant(self) -> bool:
        if not self.sources or self.best_similarity < RELEVANCE_THRESHOLD:
            return False
        return not self.cjk or self.lexical >= CJK_LEXICAL_THRESHOLD

    def source(self, number: int) -> Source | None:
        return next((s for s in self.sources if s.number == number), None)


@dataclass(frozen=True)
class CitedAnswer:
    text: str  # with [n] markers
    cited: tuple[Source, ...]
    attributed: bool  # markers were added by similarity, not written by the model


def ground(question: str, index: RetrievalIndex, embedder: Embedder, *,
           open_lesson: str | None = None, k: int = 3) -> Grounding:
    """The ``k`` best passages for ``question``, numbered, with the best similarity."""
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
    return Grounding(sources, best, lexical_score(question, index), has_cjk(question))


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def lexical_score(question: str, index: RetrievalIndex) -> float:
    """The best BM25 score of any passage (0 when no query word is in the lessons)."""
    vocab = index.bm25.vocab_dict
    known = [t for t in tokens(question) if t in vocab]
    if not known:
        return 0.0
    return float(np.max(index.bm25.get_scores(known)))


def passages_block(grounding: Grounding) -> str:
    """The numbered passages as they go into the prompt."""
    return "\n\n".join(f"[{s.number}] {s.passage.lesson_title} — {s.passage.heading}\n"
                       f"{s.passage.text}" for s in grounding.sources)


def cite(answer: str, grounding: Grounding, embedder: Embedder) -> CitedAnswer:
    """Keep the model's valid ``[n]`` markers, or attribute sentences to passages."""
    written = {int(n) for n in _MARKER.findall(answer)}
    valid = tuple(s for s in grounding.sources if s.number in written)
    numbers = {s.number for s in grounding.sources}
    cleaned = _MARKER.sub(lambda m: m.group() if int(m[1]) in numbers else "", answer).strip()
    if valid:
        return CitedAnswer(cleaned, valid, attributed=False)
    return _attribute(cleaned, grounding, embedder)


def _attribute(answer: str, grounding: Grounding, embedder: Embedder) -> CitedAnswer:
    sentences = [s for s in _SENTENCE.split(answer) if s.strip()]
    if not sentences or not grounding.sources:
        return CitedAnswer(answer, (), attributed=True)
    sims = embedder.embed(sentences) @ _source_vectors(grounding, embedder).T
    cited: list[Source] = []
    out: list[str] = []
    for i, sentence in enumerate(sentences):
        best = int(np.argmax(sims[i]))
        source = grounding.sources[best]
        if sims[i, best] >= CITE_THRESHOLD and source not in cited:
            cited.append(source)
            sentence = _with_marker(sentence, source.number)
        out.append(sentence)
    joiner = "" if has_cjk(answer) else " "
    return CitedAnswer(joiner.join(s.strip() for s in out),
                       tuple(sorted(cited, key=lambda s: s.number)), attributed=True)


def _with_marker(sentence: str, number: int) -> str:
    """"It is a part. " -> "It is a part [1]. " (the marker sits before the full stop)."""
    body = sentence.rstrip()
    tail = sentence[len(body):]
    if body and body[-1] in ".!?。！？":
        return f"{body[:-1]} [{number}]{body[-1]}{tail}"
    return f"{body} [{number}]{tail}"


def _source_vectors(grounding: Grounding, embedder: Embedder) -> np.ndarray:
    return embedder.embed([s.passage.search_text for s in grounding.sources])


def markers_in(text: str) -> Sequence[int]:
    return [int(n) for n in _MARKER.findall(text)]
