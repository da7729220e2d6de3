"""Hint ladder levels, wrong-answer feedback, and the teacher's policy switches."""

from __future__ import annotations

import pytest

from app.core.content.model import Choice, Question, QuestionId, QuestionType, SkillId
from app.core.tutor.feedback import wrong_answer_feedback
from app.core.tutor.hints import GENERIC_HINTS, HintRequest, authored_hint, hint_level
from app.core.tutor.policy import AIPolicy


def _q(qtype: QuestionType = QuestionType.NUMERIC, **fields: object) -> Question:
    base: dict[str, object] = {
        "id": QuestionId("q"), "skill": SkillId("s"), "type": qtype,
        "prompt": "Work out 1/5 + 2/5.", "difficulty": 2, "path": "q.toml", "line": 1,
        "answer": "3/5", "hints": ("nudge", "scaffold", "worked"),
        "solution": "Add the numerators: 3/5."}
    base.update(fields)
    return Question(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(("mastery", "wrong", "shown", "level"), [
    (0.9, 0, 0, 0), (0.2, 0, 0, 0), (0.9, 1, 0, 0), (0.2, 1, 0, 1), (0.9, 2, 0, 1),
    (0.9, 4, 0, 2), (0.2, 2, 0, 2), (0.9, 0, 1, 1), (0.9, 0, 5, 2),
])
def test_the_ladder_starts_at_the_nudge_then_follows_mastery_attempts_and_hints(
        mastery: float, wrong: int, shown: int, level: int) -> None:
    assert hint_level(HintRequest(_q(), mastery, wrong, shown)) == level


def test_authored_hints_come_first_and_imported_questions_get_generic_ones() -> None:
    assert authored_hint(_q(), 1) == "scaffold"
    assert authored_hint(_q(hints=()), 0) == GENERIC_HINTS[0]
    assert authored_hint(_q(hints=()), 0, language="zh-Hans").startswith("再慢慢读")


def test_an_imported_question_brings_its_own_help_to_the_top_of_the_ladder() -> None:
    """Imported quizzes have no lessons: the worked step is the question's own feedback."""
    q = _q(QuestionType.MULTIPLE_CHOICE, hints=("Think of a pizza cut in fifths.",),
           solution="Fifths are the same size, so count how many fifths there are.",
           choices=(Choice("3/5", True), Choice("3/10", False)), answer="")
    assert authored_hint(q, 0) == GENERIC_HINTS[0]
    assert authored_hint(q, 1) == "Think of a pizza cut in fifths."
    assert authored_hint(q, 2).startswith("Fifths are the same size")
    telling = _q(hints=(), solution="Add the numerators: the answer is 3/5.")
    assert authored_hint(telling, 2) == GENERIC_HINTS[2]  # it would give the answer away


def test_adding_the_denominators_is_named() -> None:
    feedback = wrong_answer_feedback(_q(), "3/10", may_reveal=False)
    assert "added the bottom numbers" in feedback.message and feedback.solution == ""


def test_swapped_fraction_and_percent_mistakes_are_named() -> None:
    assert "upside down" in wrong_answer_feedback(_q(), "5/3", may_reveal=False).message
    q = _q(prompt="Write 0.25 as a decimal.", answer="0.25")
    assert "100 times" in wrong_answer_feedback(q, "25", may_reveal=False).message
    assert "分母" in wrong_answer_feedback(_q(), "3/10", may_reveal=False,
                                           language="zh-Hans").message


def test_choice_feedback_is_the_authored_one() -> None:
    q = _q(QuestionType.MULTIPLE_CHOICE, choices=(
        Choice("3/5", True, "Yes."), Choice("3/10", False, "You added the denominators.")))
    assert wrong_answer_feedback(q, "3/10", may_reveal=False).message == (
        "You added the denominators.")


def test_the_solution_appears_only_when_the_policy_allows() -> None:
    policy = AIPolicy(reveal_after_attempts=2)
    assert not policy.may_reveal(1) and policy.may_reveal(2)
    assert AIPolicy(reveal_after_attempts=None).may_reveal(99) is False
    shown = wrong_answer_feedback(_q(), "1", may_reveal=policy.may_reveal(2))
    assert shown.solution.startswith("Add the numerators")


def test_answer_language_follows_the_pack_unless_set() -> None:
    assert AIPolicy().language_for("zh-Hans") == "zh-Hans"
    assert AIPolicy().language_for("en") == "en"
    assert AIPolicy(answer_language="en").language_for("zh-Hans") == "en"
