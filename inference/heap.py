"""Give memory that the process has freed back to the operating system.

Loading a model frees a lot at once: ONNX Runtime parses the whole ``.onnx`` file into a
protobuf, copies the weights out and drops the parse (about 30 MB for the default
embedder). glibc keeps such freed heap pages resident in the arena of the thread that
loaded the model, and a later allocation on another thread does not reuse them, so they
only raised the app's peak. ``malloc_trim`` returns them; it is a no-op elsewhere.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim  # glibc only (not musl)
    except (OSError, AttributeError):
        return None
    return trim


def release_freed_memory() -> None:
    """Return freed heap pages to the OS (glibc); cheap, safe on any thread."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
