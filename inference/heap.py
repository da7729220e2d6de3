"""Give memory that the process has freed back to the operating system.

Loading a model frees a lot at once: ONNX Runtime parses the whole ``.onnx`` file into a
protobuf, copies the weights out and drops the parse (about 30 MB for the default
embedder). glibc keeps such freed heap pages resident in the arena of the thread that
loaded the model, and a later allocation on another thread does not reuse them, so they
only raised the app's peak. ``malloc_trim`` returns them; it is a no-op elsewhere.

Two more glibc defaults cost the app memory (:func:`tune_malloc`, docs/models.md, memory):

- threads get their own arenas (up to eight per core), and pages freed in one are not
  reused by another: the worker threads (models, disk, ONNX Runtime's) kept about 8 MB
  more at the peak than with two arenas;
- blocks of 128 KiB and more are mapped on their own and unmapped when freed, but the
  first such block freed raises that threshold (up to 32 MB), so later large blocks (a
  batch's activations, arrays) come from the heap and stay resident in pieces: the
  self-test peaked 6-10 MB higher, and varied by as much from run to run. Fixed at
  64 KiB it peaks about 3 MB lower than fixed at 128 KiB.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)


# mallopt's parameter numbers in glibc's malloc.h
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
MALLOC_ARENAS = 2
MMAP_THRESHOLD = 64 * 1024  # fixed; glibc starts at 128 KiB and raises it (below)


@functools.cache
def _glibc(name: str) -> Callable[..., int] | None:
    """A glibc function of this process (None elsewhere, e.g. on musl, macOS, Windows).

    ``CDLL(None)`` is the program's own symbol table, which holds libc's: no library
    search (``ctypes.util.find_library`` starts a subprocess, too slow at start-up).
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        function: Callable[..., int] = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None
    return function


def release_freed_memory() -> None:
    """Return freed heap pages to the OS (glibc); cheap, safe on any thread."""
    trim = _glibc("malloc_trim")
    if trim is not None:
        trim(0)


def tune_malloc() -> None:
    """Two malloc arenas for the whole process, and blocks of 64 KiB and more always
    mapped on their own (returned when freed). A no-op without glibc. Call it early: the app does so
    before its model threads start (app.ui.warmup; the self-test before any thread).
    glibc reads both values at each allocation, so they apply to what follows."""
    mallopt = _glibc("mallopt")
    if mallopt is None:
        return
    for parameter, value in ((_M_ARENA_MAX, MALLOC_ARENAS), (_M_MMAP_THRESHOLD, MMAP_THRESHOLD)):
        if not mallopt(parameter, value):
            log.debug("mallopt(%d, %d) was refused", parameter, value)
