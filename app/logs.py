"""One logging set-up for the whole app: a rotating file in the user's log dir.

Learners' answers and chat text are never logged (they are private); log records say
what happened, not what was said.

The window's start opens the file after the first paint (``logging.handlers`` alone costs
milliseconds the sign-in screen does not need): :func:`hold_logging` keeps the records
until :func:`release_logging` writes them to the file, in order.
"""

from __future__ import annotations

import logging
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"


def setup_logging(log_dir: Path, *, level: int = logging.INFO, console: bool = False) -> Path:
    import logging.handlers

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


class _Held(logging.Handler):
    """Keeps records in memory until :func:`release_logging` (see :func:`hold_logging`)."""

    def __init__(self, log_dir: Path) -> None:
        super().__init__()
        self.log_dir = log_dir
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)  # atomic: any thread may log


def hold_logging(log_dir: Path, *, level: int = logging.INFO) -> None:
    """Log from now on, into memory; :func:`release_logging` opens the file in ``log_dir``."""
    _add(logging.getLogger(), _Held(log_dir))
    logging.getLogger().setLevel(level)


def release_logging() -> None:
    """Open the log file (:func:`setup_logging`) and write the records held until now.

    Does nothing unless :func:`hold_logging` is holding records; safe from any thread.
    """
    root = logging.getLogger()
    held = next((h for h in list(root.handlers) if isinstance(h, _Held)), None)
    if held is None:
        return
    setup_logging(held.log_dir, level=root.level)  # removes the holding handler
    for record in held.records:
        root.handle(record)
