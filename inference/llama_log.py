"""Route llama.cpp's native log lines into Python ``logging``.

llama.cpp writes through a C callback; llama-cpp-python's default callback prints to
stderr. We replace it process-wide with one that forwards whole lines to the
``inference.llama_cpp`` logger, and remember how many layers were offloaded to a GPU so
the app can report a silent CPU fallback.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import logging
import re
import threading
from collections.abc import Iterator
from typing import Any

log = logging.getLogger("inference.llama_cpp")

# ggml_log_level: 0 NONE, 1 DEBUG, 2 INFO, 3 WARN, 4 ERROR, 5 CONT (continues the last line).
# llama.cpp's INFO is a hundred lines per model load: kept at DEBUG so the log stays readable.
_LEVELS = {0: logging.DEBUG, 1: logging.DEBUG, 2: logging.DEBUG, 3: logging.WARNING,
           4: logging.ERROR}
_OFFLOAD = re.compile(r"offloaded (\d+)/(\d+) layers to GPU")

_state_lock = threading.Lock()
_callback: Any = None  # keeps the ctypes callback alive for the life of the process
_pending: list[str] = []
_pending_level = logging.DEBUG
_offloaded: int | None = None


def install() -> None:
    """Install the callback once; later calls do nothing."""
    global _callback
    import llama_cpp

    with _state_lock:
        if _callback is not None:
            return
        _callback = llama_cpp.llama_log_callback(_on_log)
        llama_cpp.llama_log_set(_callback, ctypes.c_void_p(0))


def _on_log(level: int, text: bytes, _user_data: ctypes.c_void_p) -> None:
    global _pending_level
    piece = text.decode("utf-8", errors="replace")
    if level != 5:
        _pending_level = _LEVELS.get(level, logging.DEBUG)
    _pending.append(piece)
    if piece.endswith("\n"):
        line = "".join(_pending).rstrip()
        _pending.clear()
        _record(line, _pending_level)


def _record(line: str, level: int) -> None:
    global _offloaded
    if match := _OFFLOAD.search(line):
        _offloaded = int(match.group(1))
    if line:
        log.log(level, "%s", line)


def reset_offload() -> None:
    global _offloaded
    _offloaded = None


def last_offload() -> int | None:
    """Layers offloaded to a GPU by the last model load (None: llama.cpp did not say)."""
    return _offloaded


class _LogWriter(io.TextIOBase):
    def write(self, text: str) -> int:
        for line in text.splitlines():
            if line.strip():
                log.debug("%s", line)
        return len(text)


@contextlib.contextmanager
def python_prints_to_log() -> Iterator[None]:
    """Send llama-cpp-python's own ``print(..., file=sys.stderr)`` calls to the log.

    Used while constructing ``Llama(verbose=True)``: verbose mode is what stops
    llama-cpp-python from redirecting the process's stdout/stderr file descriptors, which
    is unsafe with other threads running and breaks in a windowed bundle with no console.
    """
    with contextlib.redirect_stderr(_LogWriter()):
        yield
