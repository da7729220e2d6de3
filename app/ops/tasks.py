"""Background lanes and the bridge that brings results back to the GUI thread.

Like Anki's task manager: each resource that is not thread-safe gets one owner thread
(``inference`` for the models, ``db`` for the encrypted database). Work is a plain
function; its result, error or progress is delivered on the GUI thread, and only while
the ``parent`` widget that asked for it still exists.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Literal, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from inference.errors import Cancelled

log = logging.getLogger(__name__)

Lane = Literal["inference", "db", "io"]
T = TypeVar("T")


BACKGROUND_NICENESS = 10


def _lower_priority() -> None:
    """Let the GUI thread preempt background work.

    On Linux, niceness is per thread and inherited by threads a thread creates, so this
    also covers llama.cpp's OpenMP workers: with both cores busy generating, the GUI
    thread still gets the CPU the moment it needs it. Elsewhere this is a no-op.
    """
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)
        except OSError as exc:
            log.debug("could not lower a lane's priority: %s", exc)


class _Bridge(QObject):
    """Lives on the GUI thread; runs callables posted from any thread there.

    Worker threads never emit Qt signals: a queued signal with a Python argument makes
    Qt copy that argument while holding its signal-slot mutex, and copying needs the
    GIL. With the GUI thread holding the GIL inside a Qt call that wants the same mutex
    (``show()`` connecting a style's signals, say), both wait forever — we saw exactly
    that deadlock in CI. Instead the callable goes into a thread-safe deque and a plain
    ``QEvent`` (no Python payload, no signal-slot lock) wakes the GUI thread.
    """

    _WAKE = QEvent.Type(QEvent.registerEventType())

    def __init__(self) -> None:
        super().__init__()
        self._calls: deque[Callable[[], None]] = deque()

    def post(self, call: Callable[[], None]) -> None:
        self._calls.append(call)
        QCoreApplication.postEvent(self, QEvent(self._WAKE))

    def event(self, event: QEvent) -> bool:
        if event.type() != self._WAKE:
            return super().event(event)
        while self._calls:
            try:
                call = self._calls.popleft()
            except IndexError:  # drained by an earlier wake-up
                break
            call()
        return True


class TaskRunner:
    """Runs functions on single-thread lanes and reports on the GUI thread.

    Create it on the GUI thread. ``shutdown()`` must be called before the app exits
    (the app context does it); tests fail if a lane thread is left running.
    """

    def __init__(self) -> None:
        self._bridge = _Bridge()
        self._lanes: dict[str, ThreadPoolExecutor] = {}
        self._shut_down = False

    def _lane(self, lane: Lane) -> ThreadPoolExecutor:
        if lane not in self._lanes:
            self._lanes[lane] = ThreadPoolExecutor(
                1, thread_name_prefix=f"lantern-{lane}", initializer=_lower_priority)
        return self._lanes[lane]

    def post(self, call: Callable[[], None], *, parent: QObject | None = None) -> None:
        """Run ``call`` on the GUI thread soon; dropped if ``parent`` was deleted."""

        def guarded() -> None:
            if parent is None or shiboken6.isValid(parent):
                call()

        self._bridge.post(guarded)

    def submit(self, lane: Lane, work: Callable[[], T], *, parent: QObject | None = None,
               on_success: Callable[[T], None] | None = None,
               on_error: Callable[[Exception], None] | None = None,
               on_cancel: Callable[[], None] | None = None) -> Future[Any]:
        """Run ``work()`` on ``lane``; deliver its outcome on the GUI thread.

        A :class:`Cancelled` error goes to ``on_cancel`` (never to ``on_error``): a user's
        stop is not an error. After :meth:`shutdown` the work is dropped (the future is
        cancelled): a result delivered as the app closes must not start a lane thread
        that nobody stops.
        """
        if self._shut_down:
            log.debug("%s work after the lanes were shut down: dropped", lane)
            dropped: Future[Any] = Future()
            dropped.cancel()
            return dropped

        def run() -> None:
            try:
                result = work()
            except Cancelled:
                if on_cancel:
                    self.post(on_cancel, parent=parent)
            except Exception as exc:
                log.debug("task on %s lane failed", lane, exc_info=True)
                if on_error:
                    self.post(functools.partial(on_error, exc), parent=parent)
                else:
                    log.exception("unhandled error in a %s task", lane)
            else:
                if on_success:
                    self.post(functools.partial(on_success, result), parent=parent)

        return self._lane(lane).submit(run)

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop accepting work, drop queued work, and (by default) wait for running work."""
        self._shut_down = True
        for pool in self._lanes.values():
            pool.shutdown(wait=wait, cancel_futures=True)
        self._lanes.clear()
