"""``python -m app --startup-probe``: the app's side of the ``startup_ratio`` benchmark.

The first window is *interactive* once it has been painted and the sign-in screen shows
its list of profiles. The probe waits for both, prints one JSON line with that moment
(``shown_at``, epoch seconds; the benchmark subtracts the time it launched us) and quits.
``benchmarks/startup_bare.py`` times a bare PySide6 window the same way (just after its
first paint), so the ratio compares like with like.
"""

from __future__ import annotations

import json
import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from app.ui.first_paint import after_first_paint
from app.ui.main_window import MainWindow


class StartupProbe(QObject):
    """Quits ``app`` once ``window`` is painted and its sign-in screen lists the profiles."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(window)
        self._app = app
        self._waiting = {"painted", "listed"}
        after_first_paint(window, lambda: self._on_ready("painted"))
        window.signin.profiles_listed.connect(lambda: self._on_ready("listed"))

    def _on_ready(self, what: str) -> None:
        if not self._waiting:
            return
        self._waiting.discard(what)
        if not self._waiting:
            print(json.dumps({"shown_at": time.time()}), flush=True)  # the benchmark reads it
            self._app.quit()
