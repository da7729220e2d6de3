"""The baseline for startup_ratio: a bare PySide6 window with one label.

Prints the same JSON line as ``python -m app --startup-probe``: seconds from process
creation until the window has been shown and painted.
"""

from __future__ import annotations

import json
import sys
import time

import psutil
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


def main() -> int:
    app = QApplication(sys.argv[:1])
    label = QLabel("Hello")
    label.show()

    def report() -> None:
        print(json.dumps({"shown_s": time.time() - psutil.Process().create_time()}), flush=True)
        app.quit()

    QTimer.singleShot(0, report)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
