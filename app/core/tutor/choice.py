"""A closed question's answer, chosen from the model's scores instead of written freely.

Where code cannot decide a question that lists options ("A) water and oxygen  B) …") or
asks "True or false: …" (:mod:`.stated` decides only arithmetic ones), Qwen2.5 1.5B,
writing freely over the right passages, answered 16 of the photosynthesis pack's 29
questions right: "The energy in the wolf's meal first came from the deer", "True" then a
line break then an explanation that says the opposite, right answers that never named
their option. Read as a choice instead, on the same prompt, its scores pick better:

- **Options** are read in every cyclic order ("A) x B) y C) z", then "A) y B) z C) x"…)
  and each option's log-probability is summed over the orders. A small model favours
  some letters whatever they label; in the original order alone it picked the right
  option in 14 of the pack's 17 multiple-choice questions, over all orders in 16.
- **True or false**: " true"/" correct" against " false"/" incorrect"/" not" after "The
  statement is" (Chinese: 对/正确/真 against 错/不/假 after "这句话是"). Taking away the
  model's leaning on a content-free statement ("True or false: [...]", contextual
  calibration) was measured and dropped: over the ten such questions of
  ``assets/eval/answers.jsonl`` it turned one right Chinese answer wrong and fixed none
  (raw 8 of 10 right, calibrated 7).

Each reading changes only the question, at the end of the prompt: llama.cpp re-reads
its few tokens, not the passages. On Ask the tutor the reply then begins with the
choice, written by code in the reply's language ("The answer is C: stroma.", "The
statement is false."), and the model explains it; a model sentence that contradicts the
choice is not shown (:meth:`Stated.contradicted_by`, as for a result code stated). The
choice is the model's reading of the lessons, not a result code checked.

Needs a chat engine that gives scores (:class:`ChoiceScorer`: the local llama.cpp engine
does; a school server streams text only, and its replies to closed questions are
written freely, as before).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from app.core.tutor.stated import Option, Stated, split_options
from inference.chat_template import Message


@runtime_checkable
class ChoiceScorer(Protocol):
    """A chat engine that can say how likely each of a few next words is."""

    def score_next(self, messages: Sequence[Message], prefix: str,
                   continuations: Sequence[str]) -> list[float]: ...


@dataclass(frozen=True)
class Reading:
    """The question as the model reads it once: its text, and which choice each place's
    cues stand for (an option's letter names another option in another order)."""

    text: str
    order: tuple[int, ...]  # order[place] = the index of the choice at that place
    cues: tuple[tuple[str, ...], ...]  # by place; each spelling's first token is scored


@dataclass(frozen=True)
class Closed:
    """A question with a few possible answers: the results stated for each, how the
    reply opens before one, and the readings that decide it."""

    opening: str
    results: tuple[Stated, ...]
    readings: tuple[Reading, ...]

    @property
    def options(self) -> bool:
        """Whether the question lists options (else it asks true or false)."""
        return any(result.option for result in self.results)


def closed_question(question: str, language: str) -> Closed | None:
    """The question's possible answers where it lists options or asks true or false."""
    zh = language.startswith("zh")
    text = question.replace("*", "")
    stem, options = split_options(text)
    if len(options) >= 2:
        return _options(stem, options, zh)
    if _TRUE_OR_FALSE.search(text):
        return _true_or_false(text, zh)
    return None


# Anywhere: "A chocolate bar is snapped into 3 pieces of different sizes. True or false:
# each piece is one third of the bar." sets the scene first.
_TRUE_OR_FALSE = re.compile(r"(?:^|(?<=[\s.。!！?？]))(?:true or false|判断)\s*[:：?？]\s*",
                            re.IGNORECASE)


def _options(stem: str, options: list[Option], zh: bool) -> Closed:
    k = len(options)
    letters = [chr(ord("A") + place) for place in range(k)]
    cues = tuple((letter,) if zh else (f" {letter}",) for letter in letters)
    readings = []
    for shift in reversed(range(k)):  # the question as asked last: its read is kept
        order = tuple((place + shift) % k for place in range(k))
        lines = [f"{letters[place]}) {options[i].text}" for place, i in enumerate(order)]
        readings.append(Reading("\n".join([stem.rstrip(), *lines]), order, cues))
    results = tuple(Stated(_option_sentence(o.letter.upper(), o.text, zh), option=o.letter)
                    for o in options)
    return Closed("正确的选项是" if zh else "The correct option is", results, tuple(readings))


def _option_sentence(letter: str, text: str, zh: bool) -> str:
    body = text.strip().rstrip("。.")
    return f"答案是{letter}：{body}。" if zh else f"The answer is {letter}: {body}."


def _true_or_false(question: str, zh: bool) -> Closed:
    if zh:
        return Closed("这句话是", (Stated("这句话是对的。", verdict=True),
                               Stated("这句话是错的。", verdict=False)),
                      (Reading(question, (0, 1), (("对", "正确", "真"), ("错", "不", "假"))),))
    return Closed("The statement is", (Stated("The statement is true.", verdict=True),
                                       Stated("The statement is false.", verdict=False)),
                  (Reading(question, (0, 1), ((" true", " correct"),
                                              (" false", " incorrect", " not"))),))


def choose(scorer: ChoiceScorer, messages_for: Callable[[str], Sequence[Message]],
           closed: Closed) -> Stated:
    """The result the model scores highest over all readings. ``messages_for`` gives the
    prompt asking a reading's text. A place's spellings count together (the log of the
    sum of their probabilities), normalised over the places of its reading."""
    totals = np.zeros(len(closed.results))
    for reading in closed.readings:
        flat = [cue for spellings in reading.cues for cue in spellings]
        scores = iter(scorer.score_next(messages_for(reading.text), closed.opening, flat))
        places = np.array([np.logaddexp.reduce([next(scores) for _cue in spellings])
                           for spellings in reading.cues])
        log_p = places - np.logaddexp.reduce(places)
        for place, choice in enumerate(reading.order):
            totals[choice] += log_p[place]
    return closed.results[int(np.argmax(totals))]
