"""The Socratic guard: during practice, nothing shown to the learner may give the answer away.

:func:`answer_key` collects every form the answer can take; :func:`find_reveal` looks
for any of them in a piece of text (a model's hint, a chat reply). Numbers are compared
by value, so "0.75", "6/8", "75%", "three quarters" and "四分之三" all reveal 3/4.
Values that the question itself states are not counted: a hint may repeat "1/5 + 2/5".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from app.core.content.model import Question, QuestionType
from app.core.content.numeric import parse_number
from app.core.tutor.numbers import normalise, numbers_in

_LETTERS = "ABCDEFGHIJ"
_VERDICT_EN = re.compile(r"\b(true|false|correct|incorrect|right|wrong)\b")
_VERDICT_ZH = ("正确", "错误", "对的", "错的", "是对", "是错")


@dataclass(frozen=True)
class AnswerKey:
    """Every form of one question's answer that must stay hidden."""

    values: frozenset[Fraction] = frozenset()  # numeric answers, incl. numeric choices
    tolerance: Fraction = Fraction(0)
    phrases: tuple[str, ...] = ()  # normalised correct-choice texts, reference answers
    letters: tuple[str, ...] = ()  # "B" when choice B is correct
    keyword_groups: tuple[tuple[str, ...], ...] = ()  # short text rubric items
    verdict: bool = False  # true/false questions: any verdict word reveals
    stated: frozenset[Fraction] = frozenset()  # numbers the question itself shows


@dataclass(frozen=True)
class Reveal:
    """What gave the answer away, for logs and tests (never shown to the learner)."""

    kind: str  # "number", "phrase", "letter", "keywords", "verdict"
    detail: str


def answer_key(question: Question) -> AnswerKey:
    stated = frozenset(numbers_in(question.prompt))
    if question.type is QuestionType.NUMERIC:
        value = parse_number(question.answer)
        values = frozenset({value}) if value is not None else frozenset()
        return AnswerKey(values=values, tolerance=Fraction(question.tolerance), stated=stated)
    if question.type is QuestionType.TRUE_FALSE:
        return AnswerKey(verdict=True, stated=stated)
    if question.type is QuestionType.SHORT_TEXT:
        groups = tuple(tuple(normalise(a) for a in k.split("|")) for k in question.keywords)
        return AnswerKey(phrases=tuple(normalise(a) for a in question.answers),
                         keyword_groups=groups, stated=stated)
    if question.type is QuestionType.ORDERING:  # the whole order, as a list or a line
        return AnswerKey(phrases=(normalise(", ".join(question.items)),
                                  normalise(" ".join(question.items))), stated=stated)
    return _choice_key(question, stated)


def _choice_key(question: Question, stated: frozenset[Fraction]) -> AnswerKey:
    correct = [(i, c) for i, c in enumerate(question.choices) if c.correct]
    values = {v for _, c in correct if (v := parse_number(c.text)) is not None}
    phrases = tuple(normalise(c.text) for _, c in correct
                    if parse_number(c.text) is None and len(c.text.strip()) >= 3)
    letters = tuple(_LETTERS[i] for i, _ in correct if i < len(_LETTERS))
    return AnswerKey(values=frozenset(values), phrases=phrases, letters=letters, stated=stated)


def find_reveal(text: str, key: AnswerKey) -> Reveal | None:
    """The first way ``text`` gives the answer away, or None when it is safe to show."""
    plain = normalise(text)
    for check in (_number_reveal, _phrase_reveal, _letter_reveal, _keyword_reveal,
                  _verdict_reveal):
        found = check(plain, key)
        if found is not None:
            return found
    return None


def _number_reveal(plain: str, key: AnswerKey) -> Reveal | None:
    hidden = {v for v in key.values if v not in key.stated}
    for mentioned in numbers_in(plain):
        for value in hidden:
            if abs(mentioned - value) <= key.tolerance:
                return Reveal("number", f"{mentioned} equals the answer {value}")
    return None


def _phrase_reveal(plain: str, key: AnswerKey) -> Reveal | None:
    for phrase in key.phrases:
        if phrase and phrase in plain:
            return Reveal("phrase", phrase)
    return None


def _letter_reveal(plain: str, key: AnswerKey) -> Reveal | None:
    for letter in key.letters:
        lower = letter.lower()
        patterns = (rf"\b(answer|option|choice|choose|pick|select)\s*(is\s*)?\(?{lower}\)?\b",
                    rf"\b\(?{lower}\)?\s*(is|was)\s*(the\s*)?(right|correct|answer)\b",
                    rf"^\(?{lower}\)?[.):]?\s*$")
        if any(re.search(p, plain, flags=re.MULTILINE) for p in patterns):
            return Reveal("letter", letter)
    return None


def _keyword_reveal(plain: str, key: AnswerKey) -> Reveal | None:
    groups = key.keyword_groups
    if len(groups) < 2:  # one keyword alone is a topic word, not the answer
        return None
    if all(any(alt and alt in plain for alt in group) for group in groups):
        return Reveal("keywords", "every rubric item is stated")
    return None


def _verdict_reveal(plain: str, key: AnswerKey) -> Reveal | None:
    if not key.verdict:
        return None
    match = _VERDICT_EN.search(plain)
    if match:
        return Reveal("verdict", match.group())
    zh = next((w for w in _VERDICT_ZH if w in plain), None)
    return Reveal("verdict", zh) if zh else None


_POSITIONS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4,
              "第一": 0, "第二": 1, "第三": 2, "第四": 3, "第五": 4}
_NAMED_LETTER = re.compile(r"\b(?:is it|option|choice|answer|pick|choose)\s*\(?([a-e])\)?(?![a-z])"
                           r"|(?<![a-z])([a-e])\s*(?:选项|项)|选\s*([a-e])(?![a-z])")
_NAMED_POSITION = re.compile(r"\b(first|second|third|fourth|fifth|last)\b(?:\s+(?:one|option|"
                             r"choice|answer))?|(第[一二三四五])个|(最后)一个")
_TF_WORDS = {"true": True, "false": False, "正确": True, "错误": False, "对": True, "错": False}


def candidate_answers(message: str, question: Question) -> bool | None:
    """Whether the answer the learner suggests in ``message`` is right; None if it names
    none. The model is told (it must know to help); the learner never hears a verdict."""
    plain = normalise(message)
    if question.type is QuestionType.NUMERIC:
        return _numeric_candidate(plain, question)
    if question.type is QuestionType.TRUE_FALSE:
        said = [v for w, v in _TF_WORDS.items() if re.search(rf"\b{w}\b" if w.isascii() else w,
                                                             plain)]
        return (said[0] == (question.answer.strip().lower() == "true")) if len(set(said)) == 1 \
            else None
    if question.type in (QuestionType.MULTIPLE_CHOICE, QuestionType.MULTIPLE_ANSWER):
        named = _named_choices(plain, question)
        return all(question.choices[i].correct for i in named) if named else None
    return None


def _numeric_candidate(plain: str, question: Question) -> bool | None:
    answer = parse_number(question.answer)
    stated = numbers_in(question.prompt)
    said = [v for v in numbers_in(plain) if v not in stated]
    if answer is None or not said:
        return None
    tolerance = Fraction(question.tolerance)
    return all(abs(v - answer) <= tolerance for v in said)


def _named_choices(plain: str, question: Question) -> set[int]:
    count = len(question.choices)
    named: set[int] = set()
    for match in _NAMED_LETTER.finditer(plain):
        letter = next(g for g in match.groups() if g)
        named.add(_LETTERS.index(letter.upper()))
    for match in _NAMED_POSITION.finditer(plain):
        word = next(g for g in match.groups() if g)
        named.add(count - 1 if word in ("last", "最后") else _POSITIONS[word.replace("个", "")])
    prompt = normalise(question.prompt)
    for i, choice in enumerate(question.choices):
        text = normalise(choice.text).strip(" .。")
        if len(text) >= 2 and text not in prompt and text in plain:
            named.add(i)
    values = {i for i, c in enumerate(question.choices)
              if (v := parse_number(c.text)) is not None and v in numbers_in(plain)
              and v not in numbers_in(question.prompt)}
    return {i for i in named | values if i < count}
