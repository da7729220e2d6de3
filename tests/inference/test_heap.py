"""Returning freed heap pages to the OS after a model load."""

from __future__ import annotations

import subprocess
import sys

import pytest

from inference.heap import MALLOC_ARENAS, release_freed_memory


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_heap_pages_stay_resident_until_released() -> None:
    """Many small blocks (as a parsed protobuf leaves) under a block still in use: free()
    cannot shrink the heap past the live block, so the pages stay until trimmed."""
    blocks = [bytearray(b"x" * 4000) for _ in range(20_000)]  # ~80 MB, every page touched
    pin = bytearray(b"y" * 4000)  # allocated after them: it stays in use
    del blocks
    kept = _rss_kb()
    release_freed_memory()
    released = _rss_kb()
    assert kept - released > 40_000
    assert pin[0] == ord("y")


def test_it_is_safe_to_call_again() -> None:
    release_freed_memory()
    release_freed_memory()


_COUNT_ARENAS = """
import ctypes, sys, threading
from inference.heap import tune_malloc
if sys.argv[1] == "limit":
    tune_malloc()
start = threading.Barrier(8)
def churn():
    start.wait()
    for _ in range(3000):
        blocks = [bytearray(200) for _ in range(50)]
        del blocks
threads = [threading.Thread(target=churn) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
ctypes.CDLL(None).malloc_stats()  # one "Arena N:" paragraph per arena, on stderr
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_threads_share_two_malloc_arenas_once_limited() -> None:
    def arenas(mode: str) -> int:
        done = subprocess.run([sys.executable, "-c", _COUNT_ARENAS, mode], text=True,
                              capture_output=True, check=True, timeout=120)
        return done.stderr.count("Arena ")

    assert arenas("limit") <= MALLOC_ARENAS < arenas("default")


_KEEP_FREED_BLOCKS = """
import sys
from inference.heap import tune_malloc
if sys.argv[1] == "tuned":
    tune_malloc()
def rss_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
first = bytearray(4 << 20)  # mapped on its own; freeing it raises glibc's threshold
del first
# Large blocks with small live ones between them, as a batch's arrays among objects
# that outlive it: on the heap, the freed large blocks cannot be trimmed away.
pairs = [(bytearray(1 << 20), bytearray(4096)) for _ in range(48)]
pins = [small for _, small in pairs]
before = rss_kb()
del pairs
print(before - rss_kb())  # KiB returned to the system by the frees alone
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_freed_large_blocks_leave_the_process_once_tuned() -> None:
    def returned_mb(mode: str) -> float:
        done = subprocess.run([sys.executable, "-c", _KEEP_FREED_BLOCKS, mode], text=True,
                              capture_output=True, check=True, timeout=120)
        return int(done.stdout.strip()) / 1024

    assert returned_mb("tuned") > 40 > 8 > returned_mb("default")
