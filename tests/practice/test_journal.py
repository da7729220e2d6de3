"""Recording answers and the Home/Progress snapshot on a real SQLCipher profile and pack."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.content.model import Pack, QuestionType
from app.core.learner import journal
from app.core.learner.activities import Kind
from app.core.learner.answers import answer_text, grade_answer
from app.core.learner.grading import Verdict
from app.core.learner.model import LearnerModel
from app.core.learner.reviews import Reviews
from app.store import Profile, ProfileStore
from tests.store.constants import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(builtin_dir() / "fractions")


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    store = ProfileStore(tmp_path / "profiles", kdf=FAST_KDF)
    made = store.create(nickname="Mia", avatar="fox", passphrase=PASSPHRASE)
    yield made
    store.lock(made)


def first(pack: Pack, kind: QuestionType):  # type: ignore[no-untyped-def]
    return next(q for q in pack.questions if q.type is kind)


def test_every_question_type_is_graded_from_its_input(pack: Pack) -> None:
    mc = first(pack, QuestionType.MULTIPLE_CHOICE)
    right = next(i for i, c in enumerate(mc.choices) if c.correct)
    assert grade_answer(mc, right).verdict is Verdict.CORRECT
    assert grade_answer(mc, (right + 1) % len(mc.choices)).verdict is Verdict.INCORRECT
    assert grade_answer(mc, None).verdict is Verdict.UNREADABLE
    num = first(pack, QuestionType.NUMERIC)
    assert grade_answer(num, num.answer).verdict is Verdict.CORRECT
    assert grade_answer(num, "banana").verdict is Verdict.UNREADABLE
    tf = first(pack, QuestionType.TRUE_FALSE)
    truth = tf.answer == "true"
    assert grade_answer(tf, truth).correct and not grade_answer(tf, not truth).correct
    assert answer_text(tf, truth) == tf.answer
    assert answer_text(mc, right) == mc.choices[right].text


def test_short_text_needs_the_embedding_model(pack: Pack) -> None:
    short = first(pack, QuestionType.SHORT_TEXT)
    with pytest.raises(ValueError, match="embedding"):
        grade_answer(short, "a guess")


def test_short_text_is_graded_against_the_question_it_answers(pack: Pack) -> None:
    """The prompt reaches the grader: its words must not count as the learner's evidence."""
    short = first(pack, QuestionType.SHORT_TEXT)
    seen: list[str] = []

    class Recording:
        def embed(self, texts: list[str]) -> np.ndarray:
            seen.extend(texts)
            return np.ones((len(texts), 3), dtype=np.float32)

    grade_answer(short, "a guess", embedder=Recording())
    assert short.prompt in seen and short.answers[0] in seen


def test_an_answer_is_stored_and_moves_mastery_and_the_review_card(
        pack: Pack, profile: Profile) -> None:
    model, reviews = LearnerModel({}), Reviews()
    question = first(pack, QuestionType.NUMERIC)
    before = journal.skill_mastery(profile, pack.info.id, question.skill, model)
    grade = grade_answer(question, question.answer)
    recorded = journal.record_answer(profile, pack_id=pack.info.id, question=question,
                                     answer=question.answer, grade=grade, hints_used=0,
                                     time_taken_s=4.0, now=NOW, model=model,
                                     reviews=reviews)
    assert recorded.counted and recorded.mastery > before
    [attempt] = profile.attempts()
    assert attempt.correct and attempt.question_id == question.id
    stored = profile.skill_state(question.skill, pack_id=pack.info.id)
    assert stored is not None and stored.mastery == pytest.approx(recorded.mastery)
    card = json.loads(stored.card or "{}")
    assert card["item_id"] == question.skill and card["card"]["last_review"]


def test_an_unreadable_answer_stores_nothing(pack: Pack, profile: Profile) -> None:
    question = first(pack, QuestionType.NUMERIC)
    grade = grade_answer(question, "no idea")
    recorded = journal.record_answer(profile, pack_id=pack.info.id, question=question,
                                     answer="no idea", grade=grade, hints_used=0,
                                     time_taken_s=1.0, now=NOW, model=LearnerModel({}),
                                     reviews=Reviews())
    assert not recorded.counted and profile.attempts() == []


def test_snapshot_starts_with_the_first_lesson_and_shows_practice(
        pack: Pack, profile: Profile) -> None:
    model, reviews = LearnerModel({}), Reviews()
    progress, recs = journal.snapshot(profile, pack, model=model, reviews=reviews, now=NOW,
                                      today=date(2026, 3, 2))
    assert recs and recs[0].kind is Kind.NEW_LESSON
    assert progress.total_answers == 0
    question = next(q for q in pack.questions if q.skill == pack.skills[0].id)
    journal.record_answer(profile, pack_id=pack.info.id, question=question, answer="x",
                          grade=grade_answer(question, 0 if question.choices else "1"),
                          hints_used=0, time_taken_s=3.0, now=NOW, model=model,
                          reviews=reviews)
    today = datetime.now().astimezone().date()
    progress, recs = journal.snapshot(profile, pack, model=model, reviews=reviews,
                                      now=datetime.now(timezone.utc), today=today)
    assert progress.total_answers == 1
    first_skill = progress.skills[0]
    assert first_skill.attempts == 1 and first_skill.mastery > 0


def test_two_packs_with_the_same_skill_id_keep_separate_figures(
        pack: Pack, profile: Profile) -> None:
    """The issue's bug: practising English fractions showed on the Chinese pack's Home."""
    chinese = load_pack(builtin_dir() / "fractions-zh")
    model, reviews = LearnerModel({}), Reviews()
    question = next(q for q in pack.questions if q.skill == "fraction-meaning")
    assert any(s.id == "fraction-meaning" for s in chinese.skills)
    for _ in range(3):
        journal.record_answer(profile, pack_id=pack.info.id, question=question,
                              answer="x", grade=grade_answer(
                                  question, 0 if question.choices else question.answer),
                              hints_used=0, time_taken_s=2.0, now=NOW, model=model,
                              reviews=reviews)
    today = datetime.now().astimezone().date()
    english, _ = journal.snapshot(profile, pack, model=model, reviews=reviews,
                                  now=datetime.now(timezone.utc), today=today)
    other, plan = journal.snapshot(profile, chinese, model=model, reviews=reviews,
                                   now=datetime.now(timezone.utc), today=today)
    assert english.total_answers == 3 and other.total_answers == 0
    assert all(s.attempts == 0 and s.mastery == 0 for s in other.skills)
    assert profile.skill_state("fraction-meaning", pack_id=chinese.info.id) is None
    assert plan[0].kind is Kind.NEW_LESSON  # the Chinese pack starts from its first lesson
