"""Batch a stream of small text pieces into fewer, larger updates.

A model yields one token at a time; sending each one to the GUI would mean one signal
and one repaint per token. :func:`relay_batched` forwards at most one update per
``interval`` seconds, plus a final one, and returns the whole text.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

DEFAULT_INTERVAL_S = 0.03


def relay_batched(pieces: Iterable[str], emit: Callable[[str], None], *,
                  interval: float = DEFAULT_INTERVAL_S,
                  clock: Callable[[], float] = time.monotonic) -> str:
    """Call ``emit(batch)`` with concatenated pieces, at most once per ``interval``.

    Returns the full text. ``emit`` is never called with an empty string.
    """
    parts: list[str] = []
    pending: list[str] = []
    last = clock()
    for piece in pieces:
        parts.append(piece)
        pending.append(piece)
        now = clock()
        if now - last >= interval:
            emit("".join(pending))
            pending.clear()
            last = now
    if pending:
        emit("".join(pending))
    return "".join(parts)
