"""The answer block ``{…}`` of a GIFT question, as a grammar-shaped tree.

Which type a block is follows Moodle: empty is an essay; ``#`` starts a numerical
answer; ``T``/``F``/``TRUE``/``FALSE`` is true-false; ``=a -> b`` items only are a
matching question; ``=``/``~`` items are multiple choice (all ``=`` makes it a short
answer); anything else is one correct short answer.
"""

from __future__ import annotations

import re

from app.core.content.importers.gift_text import (
    GiftSyntaxError,
    Tree,
    decode,
    encode_escapes,
    find_unescaped,
    number_spec,
    rich_text,
    split_unescaped,
    weight,
)
from app.messages import QT_TRANSLATE_NOOP, message

_TF = re.compile(r"^(TRUE|FALSE|T|F)(?=\s*(#|$))", re.DOTALL)


def parse_answers(raw: str, fmt: str) -> Tree:
    """The answer part of a question tree (everything but title and stem)."""
    body, global_raw = _cut_global_feedback(raw)
    tree: Tree = {"globalFeedback": _feedback(global_raw, fmt) if global_raw else None}
    text = body.strip()
    if not text:
        tree["type"] = "Essay"
    elif text.startswith("#"):
        tree.update(type="Numerical", choices=_numerical(text[1:], fmt))
    elif match := _TF.match(text):
        tree.update(_true_false(match.group(1), text[match.end():], fmt))
    elif text[0] in "=~":
        tree.update(_choices(text, fmt))
    else:
        tree.update(type="Short", choices=[_short_single(text, fmt)])
    return tree


def _cut_global_feedback(raw: str) -> tuple[str, str | None]:
    pos = 0
    while (pos := find_unescaped(raw, "#", pos)) >= 0:
        if raw.startswith("####", pos):
            return raw[:pos], raw[pos + 4:]
        pos += 1
    return raw, None


def _feedback(raw: str | None, fmt: str) -> Tree | None:
    if raw is None or not raw.strip():
        return None
    return rich_text(raw, fmt)


def _text_and_feedback(raw: str, fmt: str) -> tuple[str, Tree | None]:
    cut = find_unescaped(raw, "#")
    if cut < 0:
        return raw, None
    return raw[:cut], _feedback(raw[cut + 1:], fmt)


def _true_false(word: str, rest: str, fmt: str) -> Tree:
    parts = [text for marker, text in split_unescaped(rest, "#") if marker == "#"]
    if len(parts) > 2:
        raise GiftSyntaxError(QT_TRANSLATE_NOOP(
            "ImportSkip", "a true-false answer has at most two feedbacks (#…#…)"))
    feedbacks = [_feedback(p, fmt) for p in parts] + [None, None]
    return {"type": "TF", "isTrue": word in ("T", "TRUE"),
            "trueFeedback": feedbacks[0], "falseFeedback": feedbacks[1]}


def _items(text: str) -> list[tuple[str, str]]:
    items = split_unescaped(text, "=~")
    if items and items[0][0] == "":
        raise GiftSyntaxError(message(QT_TRANSLATE_NOOP(
            "ImportSkip", "the answer text “{text}” has no = or ~ before it"),
            text=items[0][1].strip()))
    return items


def _choices(text: str, fmt: str) -> Tree:
    items = _items(text)
    if all(marker == "=" and "->" in body for marker, body in items):
        return {"type": "Matching", "matchPairs": [_pair(body, fmt) for _, body in items]}
    choices = []
    for marker, body in items:
        credit, rest = weight(body)
        answer, feedback = _text_and_feedback(rest, fmt)
        if not answer.strip():
            raise GiftSyntaxError(message(QT_TRANSLATE_NOOP(
                "ImportSkip", "one answer after “{marker}” is empty"), marker=marker))
        choices.append({"isCorrect": marker == "=", "weight": credit,
                        "text": rich_text(answer, fmt), "feedback": feedback})
    kind = "Short" if all(c["isCorrect"] for c in choices) else "MC"
    return {"type": kind, "choices": choices}


def _pair(body: str, fmt: str) -> Tree:
    left, right = body.split("->", 1)
    answer, _ = _text_and_feedback(right, fmt)
    subanswer = decode(" ".join(encode_escapes(answer).split()))
    return {"subquestion": rich_text(left, fmt), "subanswer": subanswer}


def _short_single(text: str, fmt: str) -> Tree:
    answer, feedback = _text_and_feedback(text, fmt)
    return {"isCorrect": True, "weight": None, "text": rich_text(answer, fmt),
            "feedback": feedback}


def _numerical(text: str, fmt: str) -> Tree | list[Tree]:
    text = text.strip()
    if not text or text[0] not in "=~":
        answer, _ = _text_and_feedback(text, fmt)
        return number_spec(answer)
    choices = []
    for marker, body in _items(text):
        credit, rest = weight(body)
        answer, feedback = _text_and_feedback(rest, fmt)
        spec: Tree = (number_spec(answer) if answer.strip()
                      else {"format": fmt, "text": "*"})
        choices.append({"isCorrect": marker == "=", "weight": credit, "text": spec,
                        "feedback": feedback})
    return choices
