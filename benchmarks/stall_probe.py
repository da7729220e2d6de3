"""Measure the GUI thread's longest stall while the real tutor streams an answer.

Run as a subprocess by the ``gui_stall_ms_max`` benchmark (it needs its own QApplication).
"""

from __future__ import annotations

import json
import sys
import tempfile

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtTest import QTest

from app.ops.context import AppContext
from app.paths import AppPaths
from app.ui.application import create_application
from app.ui.main_window import MainWindow
from app.ui.tripwire import StallTripwire
from inference.llm import GenerationParams

QUESTION = "Explain how to add two fractions with different denominators, step by step."


def _wait(signal: object) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    loop.exec()


def main() -> int:
    create_application()
    with tempfile.TemporaryDirectory() as home:
        import os

        os.environ["LANTERN_HOME"] = home
        ctx = AppContext.create(AppPaths.default())
        window = MainWindow(ctx, params=GenerationParams.deterministic(max_tokens=160))
        window.show()
        window.start_loading_models()
        _wait(window.models_ready)
        # The app builds these pages once its first window is painted (build_pages),
        # long before a learner reaches Ask the tutor; built here on first use, their
        # construction was measured as a stall of the streaming answer.
        _ = window.tutor, window.learning
        wire = StallTripwire(threshold_ms=100)
        wire.start()
        QTest.qWait(200)
        wire.reset_max()
        QTest.keyClicks(window.tutor.question, QUESTION)
        QTest.keyClick(window.tutor.question, Qt.Key.Key_Return)
        _wait(window.tutor.answer_finished)
        wire.stop()
        answer = window.tutor.model.message(1).text
        window.close()
        ctx.close()
    print(json.dumps({"max_gap_ms": round(wire.max_gap_ms, 1), "stalls_over_100ms":
                      len(wire.stalls), "answer_words": len(answer.split())}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
