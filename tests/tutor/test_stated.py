# ruff: noqa: RUF001  (full-width punctuation in Chinese questions)
"""The result a question asks for, stated by code where code alone decides it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.tutor.claims import claims_in, false_claims
from app.core.tutor.evaluate import load_items
from app.core.tutor.stated import echoes_note, stated_note, stated_result


@pytest.mark.parametrize(("question", "language", "sentence"), [
    ("What is 5/6 - 2/9?", "en", "5/6 - 2/9 = 11/18."),
    ("What is 4/9 + 2/9?", "en", "4/9 + 2/9 = 6/9 = 2/3."),
    ("Add these fractions: 3/4 + 3/4.", "en", "3/4 + 3/4 = 6/4 = 3/2 = 1 1/2."),
    ("Work out 3 − 1 1/4.", "en", "3 - 1 1/4 = 7/4 = 1 3/4."),
    ("1/5加2/5等于多少？", "zh-Hans", "1/5 + 2/5 = 3/5。"),
    ("Which is bigger, 2/3 or 3/4?", "en", "3/4 is bigger than 2/3."),
    ("Which is smaller: 2/3 or 3/4?", "en", "2/3 is smaller than 3/4."),
    ("三分之二和四分之三哪个大？", "zh-Hans", "四分之三比三分之二大。"),
    ("Is 2/4 the same as 1/2?", "en", "Yes, 2/4 and 1/2 are equal."),
    ("Is 2/3 the same as 3/4?", "en",
     "No, 2/3 and 3/4 are not equal. 3/4 is bigger than 2/3."),
    ("2/4和1/2相等吗？", "zh-Hans", "是的，2/4和1/2相等。"),
    ("Is 1/3 bigger than 1/2?", "en", "No, 1/2 is bigger than 1/3."),
    ("Is 2/4 bigger than 1/2?", "en", "No, 2/4 and 1/2 are equal."),
    ("1/2比1/3大吗？", "zh-Hans", "是的，1/2比1/3大。"),
    ("3/5和3/4相等吗？", "zh-Hans", "3/5和3/4不相等。3/4比3/5大。"),
    ("Which sign makes this true?  5/8 __ 3/8", "en", "5/8 > 3/8."),
    ("在 ○ 里应该填什么符号？  5/11 ○ 8/11", "zh-Hans", "5/11 < 8/11。"),
    ("2/7、6/7、4/7 中，最大的分数是哪个？", "zh-Hans", "最大的分数是6/7。"),
    ("Which is the smallest: 1/2, 2/3 or 3/5?", "en", "The smallest is 1/2."),
    ("Put 1/2, 1/4 and 1/3 in order from smallest to largest.", "en",
     "From smallest to largest: 1/4, 1/3, 1/2."),
    ("What is 12/18 in its simplest form?", "en", "12/18 in its simplest form is 2/3."),
    ("把 8/12 约成最简分数，结果是多少？", "zh-Hans", "8/12化成最简分数是2/3。"),
    ("Write 13/5 as a mixed number.", "en", "13/5 as a mixed number is 2 3/5."),
    ("Write 3 1/4 as an improper fraction.", "en", "3 1/4 as an improper fraction is 13/4."),
    ("Fill in the missing numerator: 3/5 = ?/20", "en",
     "3/5 = 12/20, so the missing number is 12."),
    ("在括号里填上合适的数：15/20 = 3/(  )", "zh-Hans", "15/20 = 3/4，所以要填的数是4。"),
    ("What is the lowest common denominator of 3/4 and 5/6?", "en",
     "The lowest common denominator of 3/4 and 5/6 is 12."),
    ("True or false: 1/2 + 1/3 = 2/5.", "en", "That is false: 1/2 + 1/3 = 5/6."),
    ("True or false: **1/6** is bigger than **1/4**, because 6 is bigger than 4.", "en",
     "That is false: 1/6 is smaller than 1/4."),
    ("True or false: **7/8** is bigger than **5/6**.", "en", "That is true: 7/8 > 5/6."),
    ("判断：3/8 + 5/8 = 1。", "zh-Hans", "这句话是对的：3/8 + 5/8 = 1。"),
    ("Which list is in order from smallest to largest? A) 1/2, 1/3, 1/4  B) 1/4, 1/3, 1/2 "
     " C) 1/3, 1/2, 1/4", "en", "The answer is B: 1/4, 1/3, 1/2."),
    ("Which fraction is equivalent to 2/3?\na. 3/4\nb. 4/6\nc. 2/5", "en",
     "The answer is B: 4/6."),
    ("Which fraction is closest to 1? (a) 1/2 (b) 9/10 (c) 3/4", "en",
     "The answer is B: 9/10."),
    # Where the question alone decides the result, it comes first, then the option.
    ("What is 12/18 in its simplest form? a) 6/9 b) 2/3 c) 4/6", "en",
     "12/18 in its simplest form is 2/3. That is option B."),
    ("What is 1/3 + 1/6? A. 2/9 B. 1/2 C. 2/6", "en", "1/3 + 1/6 = 1/2. That is option B."),
    ("把 8/12 约成最简分数，结果是多少？\nA) 2/3\nB) 4/6\nC) 6/10", "zh-Hans",
     "8/12化成最简分数是2/3。也就是选项A。"),
    # An option code cannot read ("They are equal"): the question alone still decides.
    ("Which is bigger: **3/4** or **5/7**?\nA) 3/4\nB) 5/7\nC) They are equal", "en",
     "3/4 is bigger than 5/7."),
    ("哪个分数最大？A. 2/7 B. 6/7 C. 4/7", "zh-Hans", "答案是B：6/7。"),
    ("判断：因为 8 > 5，所以 1/8 > 1/5。", "zh-Hans", "这句话是错的：1/8小于1/5。"),
    # "加上1，得到 2/3" is a step in words, not the claim 1 = 2/3: judged by 1/2 = 2/3.
    ("判断：把 1/2 的分子和分母都加上1，得到 2/3，所以 1/2 = 2/3。", "zh-Hans",
     "这句话是错的：1/2小于2/3。"),
])
def test_the_result_is_stated_in_one_true_sentence(question: str, language: str,
                                                   sentence: str) -> None:
    stated = stated_result(question, language)
    assert stated is not None and stated.sentence == sentence
    assert not false_claims(sentence)


@pytest.mark.parametrize("question", [
    "What is a fraction?",
    "Sam has 3 apples and gets 2 more.",  # a count, not a comparison
    "2/4 is not the same as 1/2, is it?",  # the learner's claim: the verdict note judges it
    "How does the Calvin cycle use 12 ATP?",
    # A true/false statement code cannot judge as a whole: no other reading either.
    "True or false: 2/4 and 1/2 are at the same point on a number line.",
    "True or false: 4/4 = 1 because you can add the tops.",
    "A jug holds 3/4 of a litre. You pour out 1/3 of a litre. How much is left?",
    # Options code cannot judge: no other reading of their numbers either.
    "What does the 8 in 5/8 tell you? a) the whole is cut into 8 equal parts b) 8 are eaten",
])
def test_nothing_is_stated_where_code_does_not_decide(question: str) -> None:
    assert stated_result(question) is None


def test_a_blank_to_fill_is_not_read_as_a_claim() -> None:
    assert claims_in("Fill in the missing number: 18/24 = 3/?") == []
    assert claims_in("在括号里填上合适的数：2/3 = (  )/12") == []


@pytest.mark.parametrize(("question", "language", "contradicting", "fine"), [
    ("Is 2/3 the same as 3/4?", "en",
     ["Yes, they are the same [1].", "2/3 is bigger.", "The bigger one is 2/3.",
      "No, 2/3 and 3/4 are not equal.", "3/4 is bigger than 2/3 [2]."],  # said already
     ["3/4 is bigger than 2/3 because its pieces are bigger.", "Write both over 12 [1]."]),
    ("2/4和1/2相等吗？", "zh-Hans", ["不，它们不相等。", "不对。"],
     ["对，它们相等 [1]。", "对于分数来说，分母表示平均分成几份。"]),
    ("What is 1/5 + 2/5?", "en", ["The answer is 3/10.", "1/5 + 2/5 = 3/5."],
     ["The answer is 6/10, which is 3/5.", "Add the numerators: 1 + 2 = 3."]),
    # A bare "False." after it says nothing new: a repeat, not shown either.
    ("True or false: 1/2 + 1/3 = 2/5.", "en", ["True.", "This is true.", "False."],
     ["False, because the bottoms are not added.",
      "It is true that you add the numerators."]),
    ("2/7、6/7、4/7 中，最大的分数是哪个？", "zh-Hans", ["4/7最大。", "答案是4/7。"],
     ["分母相同，分子大的分数大。"]),
    ("What is 12/18 in its simplest form?", "en",
     ["12/18 is already in its simplest form because 6 divides both."],
     ["Divide the top and the bottom by 6 [1]."]),
    ("Which is bigger? A) 2/3 B) 3/4", "en", ["The answer is A.", "I would choose (a)."],
     ["The answer is B.", "A fraction names equal parts."]),
])
def test_a_model_sentence_that_contradicts_the_result_is_found(
        question: str, language: str, contradicting: list[str], fine: list[str]) -> None:
    stated = stated_result(question, language)
    assert stated is not None
    assert all(stated.contradicted_by(s) for s in contradicting)
    assert not any(stated.contradicted_by(s) for s in fine)


def test_the_model_is_told_its_reply_begins_with_the_result() -> None:
    stated = stated_result("What is 1/5 + 2/5?")
    assert stated is not None and '"1/5 + 2/5 = 3/5."' in stated_note(stated, "en")
    # Qwen2.5 1.5B copied a longer note into its reply: a sentence that repeats it goes.
    assert echoes_note('The first sentence of your reply is already written: "1/5 + 2/5 = '
                       '3/5." Now explain why in two or three short sentences.', stated, "en")
    assert not echoes_note("Add the numerators and keep the denominator [1].", stated, "en")
    zh = stated_result("1/5加2/5等于多少？", "zh-Hans")
    assert "“1/5 + 2/5 = 3/5。”" in stated_note(zh, "zh-Hans")
    assert stated_note(None, "en") == ""


def test_no_stated_sentence_over_the_evaluation_file_is_false() -> None:
    """Every sentence code states for the questions of ``assets/eval/answers.jsonl`` is
    read by the claims checker as true (a misread would hold the reply's first line back)."""
    for item in load_items("answers", Path(__file__).parents[2] / "assets/eval/answers.jsonl"):
        for language in ("en", "zh-Hans"):
            stated = stated_result(item["question"], language)
            assert stated is None or not false_claims(stated.sentence), item["id"]


@pytest.mark.parametrize(("question", "language", "sentence", "shown"), [
    ("Is 2/4 the same as 1/2?", "en",
     "Yes, 2/4 and 1/2 are equal because they name the same amount [1].",
     "This is because they name the same amount [1]."),
    ("2/4和1/2相等吗？", "zh-Hans", "是的，2/4和1/2相等，因为它们表示同样多 [1]。",
     "这是因为它们表示同样多 [1]。"),
    ("Is 2/4 the same as 1/2?", "en", "Both name the same amount [1].",
     "Both name the same amount [1]."),
])
def test_a_sentence_that_opens_with_the_result_again_starts_at_the_why(
        question: str, language: str, sentence: str, shown: str) -> None:
    stated = stated_result(question, language)
    assert stated is not None and stated.without_repeat(sentence) == shown


@pytest.mark.parametrize(("question", "language", "sentence", "misreasons"), [
    # The whole-number misconception, as Qwen2.5 1.5B wrote it under "3/4比2/3大。".
    ("3/4和2/3哪个大？", "zh-Hans", "因为分子是3，而2的分子是2，所以分子更大，分数就更大。", True),
    ("三分之二和四分之三哪个大？", "zh-Hans", "因为分子3比2大，所以四分之三更大。", True),
    ("Which is bigger, 3/4 or 2/3?", "en", "This is because its numerator is bigger.", True),
    ("Which is bigger, 3/4 or 2/3?", "en", "3/4 has a bigger denominator, so it is bigger.",
     True),
    # Sound reasons: a common denominator, or one part really is the same.
    ("3/4和2/3哪个大？", "zh-Hans", "把它们通分：3/4 = 9/12，2/3 = 8/12，9/12 的分子更大。", False),
    ("Which is bigger, 3/4 or 2/3?", "en",
     "With a common denominator, 3/4 = 9/12 and 2/3 = 8/12, and 9 is more than 8.", False),
    ("Which is bigger, 3/7 or 5/7?", "en", "5/7 has the bigger numerator.", False),
    ("Which is bigger, 1/4 or 1/6?", "en",
     "A bigger denominator means smaller pieces, so 1/4 is bigger.", False),
    ("Which is bigger, 3/4 or 2/3?", "en", "3/4 is closer to 1 than 2/3 is.", False),
])
def test_a_comparison_explained_by_one_part_alone_is_found(
        question: str, language: str, sentence: str, misreasons: bool) -> None:
    stated = stated_result(question, language)
    assert stated is not None
    assert stated.misreasons(sentence) is misreasons
