"""One logging set-up for the whole app: a rotating file in the user's log dir.

Learners' answers and chat text are never logged (they are private); log records say
what happened, not what was said.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"


def setup_logging(log_dir: Path, *, level: int = logging.INFO, console: bool = False) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "lantern.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_lantern", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    _add(root, file_handler)
    if console:
        _add(root, logging.StreamHandler())
    root.setLevel(level)
    return log_file


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler._lantern = True  # type: ignore[attr-defined]
    root.addHandler(handler)
