"""A thread-safe cancel flag shared by a worker and the code that may stop it."""

from __future__ import annotations

import threading

from inference.errors import Cancelled


class CancelToken:
    """Set once by any thread; checked by long loops between steps (e.g. between tokens)."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled("Stopped.")

