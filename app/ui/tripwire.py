"""A tripwire that logs any GUI-thread stall longer than a threshold, with its stack.

The GUI thread touches a heartbeat from a fast ``QTimer``; a watchdog thread checks the
heartbeat and, when it is late by more than ``threshold_ms``, records where the GUI thread
is stuck (``sys._current_frames()``) and logs it once per stall. It also keeps the longest
gap seen, which the ``gui_stall_ms_max`` benchmark reads.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

TICK_MS = 10


class StallTripwire(QObject):
    def __init__(self, threshold_ms: float = 100.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold_s = threshold_ms / 1000
        self.max_gap_ms = 0.0
        self.stalls: list[tuple[float, str]] = []  # (milliseconds, stack) of logged stalls
        self._gui_thread = threading.get_ident()
        self._beat = time.monotonic()
        self._reported = False
        self._stop = threading.Event()
        self._timer = QTimer(self)
        self._timer.setObjectName("stall-tripwire")
        self._timer.timeout.connect(self._on_tick)
        self._watchdog: threading.Thread | None = None

    def start(self) -> None:
        self._beat = time.monotonic()
        self._timer.start(TICK_MS)
        self._watchdog = threading.Thread(target=self._watch, name="lantern-tripwire",
                                          daemon=True)
        self._watchdog.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        if self._watchdog is not None:
            self._watchdog.join(timeout=1)

    def reset_max(self) -> None:
        self.max_gap_ms = 0.0

    def _on_tick(self) -> None:
        now = time.monotonic()
        gap_ms = (now - self._beat) * 1000 - TICK_MS
        self.max_gap_ms = max(self.max_gap_ms, gap_ms)
        self._beat = now
        self._reported = False

    def _watch(self) -> None:
        while not self._stop.wait(self.threshold_s / 2):
            late = time.monotonic() - self._beat
            if late > self.threshold_s and not self._reported:
                self._reported = True
                self._report(late)

    def _report(self, late_s: float) -> None:
        frame = sys._current_frames().get(self._gui_thread)
        stack = "".join(traceback.format_stack(frame)) if frame else "(no stack)"
        self.stalls.append((late_s * 1000, stack))
        log.warning("GUI thread blocked for more than %.0f ms at:\n%s", late_s * 1000, stack)
