"""The practice guard: what a tutor reply may say while the learner practises (an allow-list).

The Socratic guard (:mod:`socratic`) looks for the right answer; a block-list like that
lets a wrong verdict ("No." to the right answer), a wrong number ("The answer is 4/10.")
or a position ("The first option is correct.") through. In practice a reply may
therefore contain

- no verdict on any answer: yes/no, right/wrong, correct, true/false, well done, 对/错…
  (grading belongs to "Check my answer" alone);
- no option named by its text, letter, number or position ("B", "option two", "the
  first one", "第二个", "最后一个");
- no number that is neither in the question nor in the authored hints shown so far.

:func:`violation` says which rule a text breaks (for logs and tests), or None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from app.core.content.model import Question, QuestionType
from app.core.tutor.numbers import normalise, numbers_in

_VERDICT_EN = re.compile(
    r"\b(yes|yeah|yep|yup|nope|correct|incorrect|correctly|right|wrong|true|false|exactly|"
    r"perfect|well done|good job|great job|nice work|nice job|you got it|spot on|that's it|"
    r"that is it|not quite|bingo|absolutely)\b|^\W*no\b|\bno\s*[,.!]"
    r"|\b(?:the\s+)?(?:final\s+)?answer\s+(?:is|was|would be|=)")
_VERDICT_ZH = re.compile(
    r"正确|错误|没错|不对|对的|错的|是对|是错|答对|答错|对了|错了|算对|算错|是的|说得对|"
    r"很好|真棒|太棒|完全对|不正确|答案是|答案为|"
    r"(?<![相绝反针面核比应])对(?![于比应称待照面象话方手齐])")
# "是。", "不是！", "是的": a bare yes or no opening the reply. "是" inside a sentence ("这是
# 一个分数") judges nothing, so only the reply's first word counts. Qwen2.5 1.5B answered
# "是。" to "是2/5吗？说对或者不对就行。" (2/5 was wrong) in an evaluation sample.
# A refusal is not tutoring: Qwen2.5 1.5B answered "Just tell me" with "I'm sorry, but I
# can't assist with that." (2 of 32 practice replies), which left the learner with nothing.
# An apology alone is not one ("I'm sorry for the confusion…" is judged as a rewording).
_REFUSAL = re.compile(r"\b(?:i can(?:no|['\u2019])t (?:assist|help)|"
                      r"i(?:['\u2019]m| am) (?:not able|unable) to (?:assist|help))\b"
                      r"|我不能|我无法|无法帮")
_BARE_YES_NO_ZH = re.compile(r"^\W*(?:不)?是(?:的)?\s*(?:[。！!，,.…;；]|$)")
_FRACTION_FORM = re.compile(r"(?<![\d.])(\d+)\s*/\s*(\d+)(?![\d.])")
_OPTION = re.compile(
    r"\b(?:option|choice|answer|choose|pick|select|letter|number)\s*[#(]?\s*"
    r"(?:[a-e]|\d|one|two|three|four|five)\b(?!\s*/)"
    r"|(?<![a-z0-9])\(?[a-e]\)(?![a-z])"
    r"|^\s*[a-e][.):](?:\s|$)"
    r"|\b(?:first|second|third|fourth|fifth|last|top|bottom|middle|1st|2nd|3rd|4th|former|"
    r"latter|other)\s+(?:one|option|choice|answer|box|button)\b"
    r"|\bthe\s+(?:first|second|third|fourth|fifth|last|former|latter)\s*(?:[.,!?;:]|$|is\b|"
    r"was\b)"
    r"|\b(?:one|option|choice|answer)\s+(?:above|below)\b"
    r"|选项|[a-e]\s*项|选\s*[a-e](?![a-z])|答案是\s*[a-e](?![a-z])"
    r"|第\s*[一二三四五六1-6]\s*(?:个|项|种|条)|最后一个|最后那个|最后一项|上面那个|下面那个",
    re.MULTILINE)


@dataclass(frozen=True)
class Violation:
    """Which rule a reply broke; for logs and tests, never shown to the learner."""

    rule: str  # "refusal", "verdict", "option", "number"
    detail: str


# "one" as a pronoun is no number: "Which one can you rule out?" is the kind of question a
# tutor should ask (it was refused as bringing the number 1 into a question without it).
_PRONOUN_ONE = re.compile(r"\b(?:which|each|any|every|this|that|the|no|some)\s+one\b(?!\s*/)"
                          r"|\bone\s+(?:of|another)\b")


def allowed_numbers(question: Question, hints_shown: Iterable[str]) -> set[Fraction]:
    """The values a reply may mention: the question's and the shown hints'."""
    allowed = numbers_in(question.prompt)
    for hint in hints_shown:
        allowed |= numbers_in(hint)
    return allowed


def violation(text: str, question: Question, hints_shown: Iterable[str] = ()) -> Violation | None:
    """The first rule ``text`` breaks as a practice reply to ``question``, or None."""
    plain = normalise(text)
    refusal = _REFUSAL.search(plain)
    if refusal:
        return Violation("refusal", refusal.group())
    asks = plain.replace("对不对", "").replace("对吗", "")  # asking is not judging
    verdict = (_VERDICT_EN.search(plain) or _VERDICT_ZH.search(asks)
               or _BARE_YES_NO_ZH.search(plain))
    if verdict:
        return Violation("verdict", verdict.group())
    option = _OPTION.search(plain) or _option_text(plain, question)
    if option:
        return Violation("option", option if isinstance(option, str) else option.group())
    shown = (question.prompt, *hints_shown)
    extra = numbers_in(_PRONOUN_ONE.sub(" ", plain)) - allowed_numbers(question, shown[1:])
    if extra:
        return Violation("number", ", ".join(sorted(str(v) for v in extra)))
    forms = _fraction_forms(shown)
    written = [f"{n}/{d}" for n, d in _FRACTION_FORM.findall(plain) if (n, d) not in forms]
    if written:  # "4/10" is 2/5 by value, but not what the question wrote
        return Violation("number", ", ".join(written))
    return None


def _fraction_forms(texts: Iterable[str]) -> set[tuple[str, str]]:
    return {pair for text in texts for pair in _FRACTION_FORM.findall(normalise(text))}


def _option_text(plain: str, question: Question) -> str | None:
    """An option's own words in the reply (unless the question itself says them)."""
    if question.type not in (QuestionType.MULTIPLE_CHOICE, QuestionType.MULTIPLE_ANSWER):
        return None
    prompt = normalise(question.prompt)
    for choice in question.choices:
        text = normalise(choice.text).strip(" .。")
        if len(text) >= 2 and text not in prompt and text in plain:
            return text
    return None
