"""The practice guard's allow-list, and reading which answer a learner suggests."""

from __future__ import annotations

import pytest

from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.content.model import Pack, Question, QuestionType
from app.core.tutor.practice_guard import violation
from app.core.tutor.socratic import candidate_answers


@pytest.fixture(scope="module")
def packs() -> dict[str, Pack]:
    return {name: load_pack(builtin_dir() / name) for name in ("fractions", "fractions-zh")}


def first(pack: Pack, kind: QuestionType) -> Question:
    return next(q for q in pack.questions if q.type is kind)


@pytest.mark.parametrize(("reply", "rule"), [
    ("No.", "verdict"), ("Yes, that's it!", "verdict"), ("That's correct!", "verdict"),
    ("You're right.", "verdict"), ("Well done, Mia.", "verdict"), ("Not quite.", "verdict"),
    ("The correct answer is D.", "verdict"), ("对，就是这样。", "verdict"), ("答错了。", "verdict"),
    ("The first option is correct.", "verdict"), ("Look at the first one.", "option"),
    ("Try option two.", "option"), ("Pick (b).", "option"), ("I would go with the last one.",
                                                            "option"),
    ("选第二个。", "option"), ("最后一个。", "option"), ("看看选项B。", "option"),
    ("Is it 7/20? Think again.", "option"), ("Is it 2/3? Think again.", "number"),
    ("The answer is 5/10.", "verdict"), ("Maybe 5/10?", "number"), ("Is it 8/20?", "number"),
    # A bare yes or no opening a Chinese reply (Qwen2.5 1.5B: "是。" to a wrong guess).
    ("是。", "verdict"), ("不是！", "verdict"), ("是的，再想想。", "verdict"),
    # A refusal leaves the learner with nothing: the next hint is shown instead.
    ("I'm sorry, but I can't assist with that.", "refusal"),
    ("I can\u2019t help you with that.", "refusal"), ("抱歉，我不能告诉你。", "refusal"),
])
def test_a_reply_may_not_judge_name_an_option_or_bring_a_number(
        packs: dict[str, Pack], reply: str, rule: str) -> None:
    question = first(packs["fractions"], QuestionType.MULTIPLE_CHOICE)
    found = violation(reply, question)
    assert found is not None and found.rule == rule, (reply, found)


def test_the_choice_text_itself_is_an_option(packs: dict[str, Pack]) -> None:
    question = first(packs["fractions-zh"], QuestionType.MULTIPLE_CHOICE)
    assert violation("我觉得是一样大。", question) is not None


@pytest.mark.parametrize("reply", [
    "What does 'altogether' ask you to do with 3/10 and 4/10?",
    "Look at the denominators. Are the parts the same size?",
    "这两个分数的分母一样吗？想一想对不对。",
    "这是一个分数。分母表示什么？",
    "Look at each choice in turn. Which one can you rule out?",  # "one": a pronoun
])
def test_a_socratic_question_passes(packs: dict[str, Pack], reply: str) -> None:
    pack = packs["fractions-zh" if "分" in reply else "fractions"]
    assert violation(reply, first(pack, QuestionType.MULTIPLE_CHOICE)) is None


def test_numbers_of_the_hints_shown_so_far_are_allowed(packs: dict[str, Pack]) -> None:
    question = first(packs["fractions"], QuestionType.NUMERIC)  # 1/5 + 2/5
    reply = "Add 1 + 2 on top: how many fifths is that?"
    assert violation(reply, question) is not None  # the question states 1/5, not 1 or 2
    assert violation(reply, question, question.hints) is None


def test_the_suggested_answer_is_checked_against_the_key(packs: dict[str, Pack]) -> None:
    numeric = first(packs["fractions"], QuestionType.NUMERIC)
    assert candidate_answers("is it 3/10? yes or no", numeric) is False
    assert candidate_answers("I think 0.6", numeric) is True
    assert candidate_answers("I don't get it", numeric) is None
    choice = first(packs["fractions"], QuestionType.MULTIPLE_CHOICE)  # 7/10 is first
    assert candidate_answers("which option is correct, the first or the second?",
                             choice) is False
    assert candidate_answers("is it the first one?", choice) is True
    assert candidate_answers("is it 7/20?", choice) is False
    statement = first(packs["fractions"], QuestionType.TRUE_FALSE)  # false
    assert candidate_answers("is it true?", statement) is False
