"""The learner's turn in a grounded conversation: new passages, then the question.

Passages carry a label that is theirs for the whole conversation
(:meth:`Conversation.label_for`), so a follow-up sends only passages the model has not
read yet and llama.cpp reuses everything before it (see ``conversation.py``). The
grounding numbers its sources 1..k for this answer (what the learner sees and
:func:`grounding.cite` checks); :meth:`Turn.renumber` maps the model's labels back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.content.tokenize import has_cjk, tokens
from app.core.prompts import render_prompt
from app.core.tutor.conversation import Conversation
from app.core.tutor.grounding import Grounding, Source

_MARKER = re.compile(r"\[(\d{1,2})\]")


@dataclass(frozen=True)
class LearnerTurn:
    text: str  # as the model reads it
    new_labels: tuple[int, ...]  # labels of the passages this turn introduces
    numbers: dict[int, int]  # label -> the source number shown to the learner
    question: str = ""  # the question as asked: the end of ``text``

    def asking(self, other: str) -> str:
        """This turn, with the same passages, asking ``other`` instead (llama.cpp then
        re-reads only the question: :mod:`.choice` reads options in other orders)."""
        if not self.text.endswith(self.question):
            raise ValueError("the question is not the end of this turn")
        return self.text.removesuffix(self.question) + other.strip()

    def renumber(self, text: str) -> str:
        """The model's ``[label]`` markers as this answer's ``[n]``; a label of a passage
        this answer is not grounded on becomes ``[0]``, which citing removes."""
        return _MARKER.sub(lambda m: f"[{self.numbers.get(int(m[1]), 0)}]", text)


def learner_turn(question: str, grounding: Grounding | None,
                 conversation: Conversation) -> LearnerTurn:
    if grounding is None:
        return LearnerTurn(question.strip(), (), {}, question.strip())
    in_context = conversation.labels_in_context()
    numbers: dict[int, int] = {}
    new: list[tuple[int, Source]] = []
    for source in grounding.sources:
        passage = source.passage
        label = conversation.label_for((passage.pack_id, passage.lesson_id, passage.line))
        numbers[label] = source.number
        if label not in in_context:
            new.append((label, source))
    if not new:
        return LearnerTurn(question.strip(), (), numbers, question.strip())
    text = render_prompt("tutor_turn", passages=_block(new, question),
                         question=question.strip())
    return LearnerTurn(text, tuple(label for label, _source in new), numbers,
                       question.strip())


# Reading is most of the wait for the first words: a 1.5B model reads about 130 tokens a
# second on two cores, and three whole passages were ~600 tokens (4-5 s). Each passage is
# sent up to a sentence end within this many characters (a Chinese character is about one
# token, an English word about 1.3 tokens of 5 characters); citations are still checked
# against the whole passage.
EXCERPT_CHARS = {"latin": 480, "cjk": 200}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s|(?<=[。！？])")


def excerpt(text: str, question: str = "") -> str:
    """``text`` within the limit for its script, cut at sentence ends.

    Without ``question``: its start. With it: the sentence that shares most of the
    question's words first, then the sentences around it in the passage's order. A cut
    at the start lost the answer where it sat deeper in the passage: for "How many turns
    of the Calvin cycle does it take to make one molecule of glucose?" the model read the
    first 480 characters of the passage (reduction, regeneration) but not "it takes six
    turns", and Qwen2.5 1.5B answered "3 turns"; for "Which kind of light wave carries the
    most energy?" it missed "Short, tight waves carry the most energy" and said
    "ultraviolet".
    """
    limit = EXCERPT_CHARS["cjk" if has_cjk(text) else "latin"]
    if len(text) <= limit:
        return text
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    wanted = set(tokens(question))
    if not wanted or len(sentences) < 2:
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit)]
        return (text[:ends[-1]].rstrip() if ends else text[:limit].rstrip()) + " …"
    return _around_best(sentences, wanted, limit)


def _around_best(sentences: list[str], wanted: set[str], limit: int) -> str:
    """The best-matching sentence, then the sentences around it in order, as many as fit
    in ``limit`` characters (the window grows towards the neighbour sharing more of the
    question's words)."""
    scores = [len(wanted & set(tokens(s))) for s in sentences]
    best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
    used, low, high = len(sentences[best]), best, best
    while True:  # widen by the neighbour that shares more of the question (before on a tie)
        fits = [i for i in (low - 1, high + 1)
                if 0 <= i < len(sentences) and used + len(sentences[i]) + 1 <= limit]
        if not fits:
            break
        i = max(fits, key=lambda j: (scores[j], -j))
        used += len(sentences[i]) + 1
        low, high = min(low, i), max(high, i)
    window = [s.strip() for i, s in enumerate(sentences[low:high + 1], low) if i != best]
    joiner = "" if has_cjk(sentences[best]) else " "
    cut = " …" if low > 0 or high < len(sentences) - 1 else ""
    return joiner.join([sentences[best].strip(), *window]) + cut


def _block(labelled: list[tuple[int, Source]], question: str) -> str:
    return "\n\n".join(f"[{label}] {s.passage.lesson_title} — {s.passage.heading}\n"
                       f"{excerpt(s.passage.text, question)}" for label, s in labelled)
