"""Grounding on the real Fractions pack: relevant passages, the no-passage path, citations."""

from __future__ import annotations

import re

import numpy as np
import pytest

from app.core.content.index import RetrievalIndex
from app.core.content.model import Pack
from app.core.content.passages import pack_passages
from app.core.tutor.grounding import (
    Grounding,
    Source,
    cite,
    ground,
    markers_in,
    split_sentences,
    support_matrix,
    supports,
    topic,
)
from inference.embed import EmbedEngine

pytestmark = pytest.mark.slow


def test_a_lesson_question_finds_its_lesson(fractions_index: RetrievalIndex,
                                            embed_engine: EmbedEngine) -> None:
    found = ground("How do I find an equivalent fraction?", fractions_index, embed_engine)
    assert found.relevant
    assert [s.number for s in found.sources] == [1, 2, 3]
    assert any("equivalent" in s.passage.lesson_id for s in found.sources)


@pytest.mark.parametrize("question", ["Who won the football world cup in 2018?",
                                      "What is the capital of France?", "法国的首都是哪里？"])
def test_off_topic_questions_are_not_relevant(question: str, fractions_index: RetrievalIndex,
                                              embed_engine: EmbedEngine) -> None:
    assert not ground(question, fractions_index, embed_engine).relevant


def test_every_starter_question_is_relevant_to_its_pack(
        fractions: Pack, fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    judged = [ground(q.prompt, fractions_index, embed_engine).relevant
              for q in fractions.questions]
    assert sum(judged) == len(judged)


def test_the_open_lesson_is_boosted(fractions_index: RetrievalIndex,
                                    embed_engine: EmbedEngine) -> None:
    plain = ground("What does the bottom number mean?", fractions_index, embed_engine)
    lesson = plain.sources[-1].passage.lesson_id
    boosted = ground("What does the bottom number mean?", fractions_index, embed_engine,
                     open_lesson=lesson)
    assert boosted.sources[0].passage.lesson_id == lesson


def test_markers_the_model_wrote_are_kept_and_bad_ones_dropped(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    found = ground("What is a numerator?", fractions_index, embed_engine)
    support = support_matrix(["The numerator is the top number."], found, embed_engine)[0]
    assert support.max() > -np.inf  # some passage backs the sentence: the model cites it
    mark = int(np.argmax(support)) + 1
    cited = cite(f"The numerator is the top number [{mark}]. See also [9].", found,
                 embed_engine)
    assert not cited.attributed
    assert [s.number for s in cited.cited] == [mark]
    assert "[9]" not in cited.text and f"[{mark}]" in cited.text


def test_an_answer_without_markers_is_attributed_by_similarity(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    found = ground("What is a numerator?", fractions_index, embed_engine)
    answer = found.sources[0].passage.text.split(". ")[0] + "."
    cited = cite(answer, found, embed_engine)
    assert cited.attributed and cited.cited
    assert cited.text.endswith(f" [{cited.cited[0].number}].")


def test_nothing_unrelated_gets_a_citation(fractions_index: RetrievalIndex,
                                           embed_engine: EmbedEngine) -> None:
    found = ground("What is a numerator?", fractions_index, embed_engine)
    cited = cite("My cat likes to sleep in the sun all afternoon.", found, embed_engine)
    assert cited.cited == () and "[" not in cited.text


def test_an_empty_grounding_is_never_relevant() -> None:
    assert not Grounding((), 0.9).relevant


def test_a_marker_on_a_sentence_its_passage_does_not_support_is_dropped(
        fractions_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    found = ground("What is a numerator?", fractions_index, embed_engine)
    cited = cite("True [1]. My cat likes to sleep in the sun all afternoon [2].", found,
                 embed_engine)
    assert cited.cited == () and "[" not in cited.text
    assert cited.text == "True. My cat likes to sleep in the sun all afternoon."


def test_a_paraphrase_is_cited_to_its_passage_and_an_unrelated_sentence_is_not(
        fractions: Pack, embed_engine: EmbedEngine) -> None:
    passages = pack_passages(fractions)
    defining = next(p for p in passages if p.heading == "Numerator and denominator")
    others = [p for p in passages if "numerator" not in p.text.lower()][:2]
    grounding = Grounding(tuple(Source(n, p, 0.5)
                                for n, p in enumerate([*others, defining], 1)), 0.5)
    cited = cite("The number on top of a fraction, the numerator, counts the parts we mean. "
                 "Football is played by two teams of eleven players.", grounding, embed_engine)
    paraphrase, football = _sentences(cited.text)
    assert markers_in(paraphrase) == [3] and [s.passage for s in cited.cited] == [defining]
    assert markers_in(football) == []


@pytest.mark.parametrize(("answer", "cited_sentences"), [
    ("分子相同时，分母越大，分数反而越小。", 1),  # a paraphrase of the lesson
    ("我的猫喜欢在阳光下睡觉。", 0),  # all-MiniLM scores this 0.53 against the lessons
    ("巧克力蛋糕是我最喜欢的甜点。", 0),  # and this 0.58
    ("错误。", 0),  # a verdict alone
])
def test_chinese_sentences_are_cited_by_their_words(
        answer: str, cited_sentences: int, fractions_zh: Pack,
        embed_engine: EmbedEngine) -> None:
    comparing = [p for p in pack_passages(fractions_zh) if p.lesson_id == "bi-jiao-da-xiao"]
    grounding = Grounding(tuple(Source(n, p, 0.5) for n, p in enumerate(comparing[:3], 1)), 0.5)
    assert len(cite(answer, grounding, embed_engine).cited) == cited_sentences


def test_the_calibration_authored_solutions_are_cited_everyday_sentences_never(
        photosynthesis: Pack, embed_engine: EmbedEngine) -> None:
    """CITE_THRESHOLD and CITE_OVERLAP against real data (docs/tutor.md has the figures)."""
    passages = pack_passages(photosynthesis)
    vectors = embed_engine.embed([p.search_text for p in passages])
    supported = total = 0
    for question in photosynthesis.questions:
        mine = [i for i, p in enumerate(passages) if p.lesson_id == question.lesson]
        for sentence in _sentences(question.solution) if mine else []:
            sims = embed_engine.embed([sentence])[0] @ vectors[mine].T
            total += 1
            supported += any(supports(sentence, passages[i].search_text, float(s))
                             for i, s in zip(mine, sims, strict=True))
    assert total > 80 and supported / total >= 0.85
    everyday = embed_engine.embed(list(EVERYDAY)) @ vectors.T
    assert not any(supports(sentence, p.search_text, float(everyday[i, j]))
                   for i, sentence in enumerate(EVERYDAY) for j, p in enumerate(passages))


EVERYDAY = ("My cat likes to sleep in the sun all afternoon.", "The football match ended two all.",
            "Paris is the capital of France.", "We went to the beach on Saturday.",
            "Chocolate cake is my favourite dessert.", "The weather will be rainy this weekend.",
            "Please remember to bring your library book tomorrow.", "Yes.", "True.")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?。！？])\s+", text) if s.strip()]


def test_a_decimal_point_does_not_end_a_sentence() -> None:
    assert split_sentences("It is 0.75 of the pizza. 分数很有用。对吧？Yes!") == [
        "It is 0.75 of the pizza.", "分数很有用。", "对吧？", "Yes!"]


def test_a_question_is_never_cited() -> None:
    passage = "比较分数的大小。分母相同，比分子：3/4 和 2/3 哪个大？先通分。"
    assert not supports("3/4和2/3哪个大？", passage, 0.9)
    assert not supports("Which is bigger, 3/4 or 2/3 [1]?", "Which is bigger, 3/4 or 2/3?", 0.9)
    assert supports("分母相同，比分子。", passage, 0.9)


def test_a_true_or_false_frame_is_not_searched_for() -> None:
    assert topic("True or false: *stroma* and *stomata* are two names for the same thing.") \
        == "*stroma* and *stomata* are two names for the same thing."
    assert topic("判断：3/8 + 5/8 = 1。") == "3/8 + 5/8 = 1。"
    assert topic("Is it true that plants breathe?") == "Is it true that plants breathe?"
