"""Returning freed heap pages to the OS after a model load."""

from __future__ import annotations

import sys

import pytest

from inference.heap import release_freed_memory


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
