"""Show a streamed answer as it is written; check each sentence as it completes.

What the learner sees (:class:`Streamed` updates):

- the sentence being written, as it comes (``draft``): a small model on a school laptop
  writes a long sentence in many seconds, and an answer that sat unchanged for 43 s
  looked broken. Drafts pass the word lists first (cheap: no model), so a listed word
  is never shown even for a moment;
- each finished sentence, once every check passed (``sentence``). The checks are a list
  of :data:`SentenceCheck` steps: the safety filter (word lists and its classifier)
  comes first, and other checks (e.g. of the sentence's arithmetic) plug in after it.
  A check may amend the sentence it is given, or raise :class:`Flagged`: the stream
  stops and the caller replaces the whole reply.

Nothing more than the sentence being written is ever held back. Near the token cap the
answer ends at the next sentence boundary, and if the cap cut a sentence short anyway,
that unfinished sentence is dropped: the reply never ends in "…but".
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from app.core.tutor.safety import SafetyFilter, Verdict, word_list_hit

# A sentence ends after . ! ? followed by a space (so "3.5" and "1/2." mid-stream are not
# ends until the next piece shows a space), after Chinese 。！？ and after a line break.
_BOUNDARY = re.compile("[.!?][\"')\\]]*\\s+|[。！？][\u201d\u2019」）]*\\s*|\n+")
_WORDY = re.compile(r"[^\W\d_]")  # a "sentence" of only digits ("1.") is a list number
DRAFT_EVERY_S = 0.1  # at most ten draft updates a second reach the screen
WRAP_UP_SHARE = 0.25  # of the token cap: when this much is left, end at the next sentence


class Flagged(Exception):
    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.reason)
        self.verdict = verdict


# One step run on every finished sentence: returns the sentence to show (the same text,
# or amended), or raises Flagged.
SentenceCheck = Callable[[str], str]


@dataclass(frozen=True)
class Streamed:
    """One update of a streaming reply.

    ``sentence``: a finished sentence that passed every check, to append to the reply.
    ``draft``: the sentence being written after it so far (replaces the previous draft;
    "" once it finished).
    """

    sentence: str = ""
    draft: str = ""


def safety_check(safety: SafetyFilter) -> SentenceCheck:
    """The safety filter as a sentence check: flagged sentences stop the stream."""
    def check(sentence: str) -> str:
        verdict = safety.check(sentence)
        if not verdict.safe:
            raise Flagged(verdict)
        return sentence
    return check


def checked_stream(pieces: Iterator[str], checks: Sequence[SentenceCheck], *,
                   max_tokens: int | None = None,
                   clock: Callable[[], float] = time.monotonic,
                   draft_every_s: float = DRAFT_EVERY_S) -> Iterator[Streamed]:
    """Regroup ``pieces`` (about one token each) into :class:`Streamed` updates.

    With ``max_tokens`` (the generation's cap), once less than a quarter of it is left
    the stream ends at the next finished sentence; an unfinished sentence at the very
    end is then dropped rather than shown cut off (unless it is all there is).

    Raises:
        Flagged: a draft hit the word lists, or a sentence failed a check; the rest of
        the stream is not read.
    """
    wrap_up_at = (max_tokens - max(4, int(max_tokens * WRAP_UP_SHARE))
                  if max_tokens else None)
    pending, count, shown_any, last_draft = "", 0, False, -draft_every_s
    for piece in pieces:
        count += 1
        pending += piece
        finished, pending = _split_finished(pending)
        for sentence in finished:
            shown_any = True
            yield Streamed(sentence=_run_checks(sentence, checks), draft=pending)
            last_draft = clock()
        if finished and wrap_up_at is not None and count >= wrap_up_at:
            return  # near the cap: end here, at a sentence boundary
        if pending.strip() and not finished and clock() - last_draft >= draft_every_s:
            _check_draft(pending)
            yield Streamed(draft=pending)
            last_draft = clock()
    if not pending.strip():
        return
    if shown_any and wrap_up_at is not None and count >= wrap_up_at:
        yield Streamed()  # the cap cut this sentence short: take its draft away
        return
    yield Streamed(sentence=_run_checks(pending, checks))


def _split_finished(text: str) -> tuple[list[str], str]:
    """The finished sentences at the start of ``text`` (each with its trailing space),
    and what remains."""
    finished: list[str] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        candidate = text[start:boundary.end()]
        if _WORDY.search(candidate):
            finished.append(candidate)
            start = boundary.end()
    return finished, text[start:]


def _check_draft(draft: str) -> None:
    # Whole words only: "ass" may yet become "assignment". Chinese is checked by
    # substring, so its unfinished end can be checked already.
    words = draft[:max(draft.rfind(" "), 0)]
    cjk = "".join(ch for ch in draft[len(words):] if ord(ch) > 0x2E7F)
    hit = word_list_hit(words + " " + cjk)
    if hit:
        raise Flagged(Verdict(False, f"word list: {hit!r}"))


def _run_checks(sentence: str, checks: Sequence[SentenceCheck]) -> str:
    for check in checks:
        sentence = check(sentence)
    return sentence
