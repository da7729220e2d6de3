"""Give memory that the process has freed back to the operating system.

Loading a model frees a lot at once: ONNX Runtime parses the whole ``.onnx`` file into a
protobuf, copies the weights out and drops the parse (about 30 MB for the default
embedder). glibc keeps such freed heap pages resident in the arena of the thread that
loaded the model, and a later allocation on another thread does not reuse them, so they
only raised the app's peak. ``malloc_trim`` returns them; it is a no-op elsewhere.

glibc also gives threads their own arenas (up to eight per core), and pages freed in one
are not reused by another; the app's worker threads (models, disk, ONNX Runtime's) kept
about 8 MB more at the peak than with two arenas (docs/models.md, memory).
"""

from __future__ import annotations

import ctypes
import functools
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)


_M_ARENA_MAX = -8  # mallopt's parameter number in glibc's malloc.h
MALLOC_ARENAS = 2


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


def limit_malloc_arenas() -> None:
    """Two malloc arenas for the whole process; call before starting threads."""
    mallopt = _glibc("mallopt")
    if mallopt is not None and not mallopt(_M_ARENA_MAX, MALLOC_ARENAS):
        log.debug("mallopt(M_ARENA_MAX) was refused")
