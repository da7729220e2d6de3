"""The gate corpus: generic pack parsing, the OpenStax chapter, and broken input."""

from __future__ import annotations

from pathlib import Path

import pytest

from packaging.models.corpus import (
    load_corpus,
    read_cnxml,
    read_pack,
    read_quiz_texts,
    split_sentences,
)

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
OPENSTAX = DATA / "curriculum" / "openstax_biology_photosynthesis"

LESSON = """+++
id = "what-is-a-fraction"
title = "What is a fraction?"
skills = ["fraction-meaning"]
+++

# What is a fraction?

A **fraction** names equal parts of one whole. A pizza cut into four equal slices
shows quarters.

## Numerator and denominator

The bottom number counts the equal parts. The top number counts the parts we take.
"""

QUESTIONS = """[[questions]]
id = "q1"
skill = "fraction-meaning"
lesson = "what-is-a-fraction"
type = "numeric"
difficulty = 1
prompt = "A pizza is cut into **4 equal slices**. What fraction is one slice?"
answer = "1/4"

[[questions]]
id = "q2"
skill = "fraction-meaning"
type = "true_false"
difficulty = 1
prompt = "Is one half bigger than one third of the same pizza?"
answer = true
"""


def make_pack(root: Path, name: str = "fractions") -> Path:
    pack = root / name
    (pack / "lessons").mkdir(parents=True)
    (pack / "questions").mkdir()
    (pack / "pack.toml").write_text(f'id = "{name}"\nversion = "1.0.0"\ntitle = "Fractions"\n')
    (pack / "lessons" / "01.md").write_text(LESSON)
    (pack / "questions" / "q.toml").write_text(QUESTIONS)
    return pack


def test_pack_lessons_split_by_heading_and_questions_keep_their_lesson(tmp_path: Path) -> None:
    passages, questions = read_pack(make_pack(tmp_path))
    assert [p.title for p in passages] == ["What is a fraction?", "Numerator and denominator"]
    assert {p.lesson for p in passages} == {"fractions/what-is-a-fraction"}
    assert "**" not in passages[0].text and "fraction names equal parts" in passages[0].text
    assert [q.lesson for q in questions] == ["fractions/what-is-a-fraction", None]
    assert questions[0].text.startswith("A pizza is cut into 4 equal slices")


@pytest.mark.skipif(not OPENSTAX.is_dir(), reason="shared/data is not beside the checkout")
def test_openstax_modules_give_passages_and_lesson_questions() -> None:
    passages, questions = read_cnxml(OPENSTAX / "m45448.index.cnxml")
    titles = [p.title for p in passages]
    assert "The Two Parts of Photosynthesis" in titles
    assert all(p.lesson == "openstax/m45448" for p in passages)
    assert "What two products result from photosynthesis?" in [q.text for q in questions]


@pytest.mark.skipif(not DATA.is_dir(), reason="shared/data is not beside the checkout")
def test_corpus_counts_every_source_and_is_stable(tmp_path: Path) -> None:
    make_pack(tmp_path / "content")
    first = load_corpus(tmp_path / "content", DATA)
    again = load_corpus(tmp_path / "content", DATA)
    assert first.texts() == again.texts()  # a seed alone decides what the build samples
    assert set(first.sources) == {"pack:fractions", "openstax", "quiz"}
    assert len(first.texts()) == len(set(first.texts()))
    assert len(first.retrieval_questions()) > 10


def test_a_broken_pack_is_skipped_and_named_not_fatal(tmp_path: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    make_pack(tmp_path, "good")
    bad = make_pack(tmp_path, "bad")
    (bad / "questions" / "q.toml").write_text('[[questions]]\nprompt = "unclosed\n')
    corpus = load_corpus(tmp_path, tmp_path / "no-shared-data")
    assert "pack:good" in corpus.sources and "pack:bad" not in corpus.sources
    assert len(corpus.skipped) == 1 and corpus.skipped[0].startswith("bad:")
    assert "skipped" in caplog.text


def test_sentences_split_on_ends_and_drop_fragments() -> None:
    text = "Plants make sugar from light. Yes. Where does the carbon come from? It is CO2 gas."
    assert split_sentences(text) == ["Plants make sugar from light.",
                                     "Where does the carbon come from?", "It is CO2 gas."]


def test_quiz_stems_are_read_as_a_learner_sees_them(tmp_path: Path) -> None:
    (tmp_path / "quiz.gift").write_text(
        "// a comment\n::Q1:: What is the capital&nbsp;of **France**? {=Paris ~Lyon}\n\n"
        "::Q2:: 2 + 2 \\= ? {#4}\n")
    assert [q.text for q in read_quiz_texts(tmp_path)] == ["What is the capital of France?",
                                                          "2 + 2 = ?"]


STARTER = Path(__file__).resolve().parents[2] / "assets" / "content"


@pytest.mark.skipif(not (STARTER / "fractions" / "pack.toml").is_file(),
                    reason="the starter packs are not in this checkout")
def test_the_starter_packs_give_the_gate_enough_text_and_linked_questions() -> None:
    corpus = load_corpus(STARTER, DATA)
    assert not corpus.skipped
    assert len(corpus.texts()) >= 1000
    lessons = {p.lesson for p in corpus.passages}
    linked = [q for q in corpus.retrieval_questions() if not q.lesson.startswith("openstax/")]
    assert len(linked) >= 100
    assert all(q.lesson in lessons for q in linked)  # every question's lesson is searchable
