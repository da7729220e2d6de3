"""Release a streamed answer sentence by sentence, each one checked before it is shown.

Streaming keeps the tutor feeling alive; safety needs to see text before the learner
does. We hold tokens until a sentence ends, check it, then release it. If a sentence is
flagged, generation stops and :class:`Flagged` is raised: the caller replaces the whole
reply with the safe message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.core.tutor.safety import SafetyFilter, Verdict

_SENTENCE_END = re.compile(r"[.!?。！？\n]\s*$")


class Flagged(Exception):
    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.reason)
        self.verdict = verdict


def checked_sentences(pieces: Iterator[str], safety: SafetyFilter) -> Iterator[str]:
    """Yield ``pieces`` regrouped into whole sentences that passed ``safety``.

    Raises:
        Flagged: a sentence failed the check; the rest of the stream is not read.
    """
    pending: list[str] = []
    for piece in pieces:
        pending.append(piece)
        if _SENTENCE_END.search(piece):
            yield _checked("".join(pending), safety)
            pending.clear()
    if pending:
        yield _checked("".join(pending), safety)


def _checked(sentence: str, safety: SafetyFilter) -> str:
    verdict = safety.check(sentence)
    if not verdict.safe:
        raise Flagged(verdict)
    return sentence
