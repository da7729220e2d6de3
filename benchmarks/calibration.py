"""calibration: the evidence behind every threshold the tutor's checks use.

Each check compares a similarity (USE multilingual v3, the default embedder) with a
threshold; each table here gives the positives the check must accept, the negatives it
must refuse, how many of each pass the threshold in force, and the margin between the
closest negative and the threshold. ``docs/tutor.md`` quotes these tables; rerun after
changing the embedder, then move the constants.

- relevance (``grounding.Grounding.relevant``): starter-pack and cross-language questions
  vs everyday off-topic questions (``assets/eval/off_topic.toml``), per pack.
- citation (``grounding.supports``): authored solution sentences vs their lesson, against
  the other subject's passages and everyday sentences.
- safety (``safety.CLASSIFIER_THRESHOLD``): every sentence of the starter packs vs the
  harmful sentences of ``assets/eval/safety_calibration.toml``.
- hint_fidelity (``hints.HINT_FIDELITY``): pairs of different hints of the same lesson
  (what a drifting rewording looks like), with the default chat model's own rewordings.

The value is the number of negatives accepted by any check (goal 0).
"""

from __future__ import annotations

import itertools
import sys
from typing import Any

import numpy as np

from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.content.model import Pack
from app.core.content.passages import pack_passages
from app.core.tutor.grounding import (
    CITE_THRESHOLD,
    RELEVANCE_THRESHOLD,
    ground,
    split_sentences,
    supports,
)
from app.core.tutor.hints import HINT_FIDELITY
from app.core.tutor.safety import CLASSIFIER_THRESHOLD, PROTOTYPES
from benchmarks.models import default_embed_engine
from benchmarks.registry import Figure, benchmark
from benchmarks.retrieval import _index, cross_language_questions
from inference.embed import EmbedEngine
from inference.resources import assets_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PACKS = ("fractions", "photosynthesis", "fractions-zh")
OTHER_SUBJECT = {"fractions": "photosynthesis", "photosynthesis": "fractions",
                 "fractions-zh": "photosynthesis"}


def _eval_file(name: str) -> dict[str, Any]:
    return tomllib.loads((assets_dir() / "eval" / name).read_text(encoding="utf-8"))


def _table(positives: list[float], negatives: list[float], accepted_pos: int,
           accepted_neg: int, threshold: float) -> dict[str, Any]:
    return {"positives": len(positives), "positives_accepted": accepted_pos,
            "negatives": len(negatives), "negatives_accepted": accepted_neg,
            "positive_p10": round(float(np.percentile(positives, 10)), 3),
            "negative_max": round(max(negatives), 3), "threshold": threshold,
            "margin": round(threshold - max(negatives), 3)}


def relevance(engine: EmbedEngine, packs: dict[str, Pack]) -> dict[str, Any]:
    off = _eval_file("off_topic.toml")
    everyday = off["questions_en"] + off["questions_zh"]
    cross = cross_language_questions()
    rows = {}
    for name, pack in packs.items():
        index = _index([pack], engine)
        asked = [q.prompt for q in pack.questions] + [q for q, _ in cross.get(name, [])]
        pos = [ground(q, index, engine) for q in asked]
        neg = [ground(q, index, engine) for q in everyday]
        rows[name] = _table([g.best_similarity for g in pos], [g.best_similarity for g in neg],
                            sum(g.relevant for g in pos), sum(g.relevant for g in neg),
                            RELEVANCE_THRESHOLD)
    return rows


def citation(engine: EmbedEngine, packs: dict[str, Pack]) -> dict[str, Any]:
    off = _eval_file("off_topic.toml")
    rows = {}
    for name, pack in packs.items():
        passages = pack_passages(pack)
        foreign = pack_passages(load_pack(builtin_dir() / OTHER_SUBJECT[name]))
        everyday = off["sentences_zh" if name.endswith("zh") else "sentences_en"]
        pos_cos, pos_ok = [], 0
        for question in pack.questions:
            mine = [p for p in passages if p.lesson_id == question.lesson]
            for sentence in split_sentences(question.solution) if mine else []:
                best, ok = _best_support(engine, sentence, mine)
                pos_cos.append(best)
                pos_ok += ok
        neg_cos, neg_ok = [], 0
        for sentence in [s for q in pack.questions for s in split_sentences(q.solution)
                         ][::3] + list(everyday):
            targets = foreign if sentence not in everyday else passages
            best, ok = _best_support(engine, sentence, targets)
            neg_cos.append(best)
            neg_ok += ok
        rows[name] = _table(pos_cos, neg_cos, pos_ok, neg_ok, CITE_THRESHOLD)
    return rows


def _best_support(engine: EmbedEngine, sentence: str, passages: list[Any]) -> tuple[float, bool]:
    vectors = engine.embed([sentence] + [p.search_text for p in passages])
    sims = vectors[1:] @ vectors[0]
    ok = any(supports(sentence, p.search_text, float(s)) for p, s in zip(passages, sims,
                                                                          strict=True))
    return float(sims.max()), ok


def safety(engine: EmbedEngine, packs: dict[str, Pack]) -> dict[str, Any]:
    harmful = _eval_file("safety_calibration.toml")
    safe = [s for pack in packs.values() for s in _pack_sentences(pack)]
    unsafe = harmful["unsafe_en"] + harmful["unsafe_zh"]
    prototypes = engine.embed(list(PROTOTYPES))
    safe_scores = (engine.embed(safe) @ prototypes.T).max(axis=1)
    unsafe_scores = (engine.embed(unsafe) @ prototypes.T).max(axis=1)
    # Here the harmful sentences are the ones to catch: "negatives" are safe sentences.
    table = _table([float(s) for s in unsafe_scores], [float(s) for s in safe_scores],
                   int((unsafe_scores >= CLASSIFIER_THRESHOLD).sum()),
                   int((safe_scores >= CLASSIFIER_THRESHOLD).sum()), CLASSIFIER_THRESHOLD)
    return table | {"harmful_min": round(float(unsafe_scores.min()), 3)}


def _pack_sentences(pack: Pack) -> list[str]:
    texts = [p.text for p in pack_passages(pack)]
    texts += [t for q in pack.questions for t in (q.solution, *q.hints)]
    return [s for text in texts for s in split_sentences(text) if s.strip()]


def hint_fidelity(engine: EmbedEngine, packs: dict[str, Pack]) -> dict[str, Any]:
    rows = {}
    for name, pack in packs.items():
        by_lesson: dict[str, list[str]] = {}
        for question in pack.questions:
            by_lesson.setdefault(str(question.lesson), []).extend(question.hints)
        sims = []
        for hints in by_lesson.values():
            unique = list(dict.fromkeys(hints))
            vectors = engine.embed(unique)
            sims += [float(vectors[i] @ vectors[j])
                     for i, j in itertools.combinations(range(len(unique)), 2)]
        rows[name] = {"pairs_of_different_hints": len(sims),
                      "p99": round(float(np.percentile(sims, 99)), 3),
                      "max": round(max(sims), 3), "threshold": HINT_FIDELITY,
                      "pairs_above_threshold": sum(s >= HINT_FIDELITY for s in sims)}
    return rows


@benchmark("calibration")
def calibration() -> Figure:
    engine = default_embed_engine()
    packs = {name: load_pack(builtin_dir() / name) for name in PACKS}
    tables = {"relevance": relevance(engine, packs), "citation": citation(engine, packs),
              "safety": safety(engine, packs), "hint_fidelity": hint_fidelity(engine, packs)}
    false_accepts = (sum(r["negatives_accepted"] for r in tables["relevance"].values())
                     + sum(r["negatives_accepted"] for r in tables["citation"].values())
                     + tables["safety"]["negatives_accepted"])
    return Figure(name="calibration", value=false_accepts, unit="negatives accepted",
                  goal="<= 0", baseline="absolute: every threshold against its negatives",
                  detail={"embedder": engine.name, **tables})
