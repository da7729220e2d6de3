"""Grounding on the real Fractions pack: relevant passages, the no-passage path, citations."""

from __future__ import annotations

import pytest

from app.core.content.index import RetrievalIndex
from app.core.content.model import Pack
from app.core.tutor.grounding import Grounding, cite, ground
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
    cited = cite("The numerator is the top number [2]. See also [9].", found, embed_engine)
    assert not cited.attributed
    assert [s.number for s in cited.cited] == [2]
    assert "[9]" not in cited.text and "[2]" in cited.text


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
