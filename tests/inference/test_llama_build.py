"""How llama.cpp is built (the Makefile's ``CMAKE_ARGS``)."""

from __future__ import annotations

import platform
from pathlib import Path

import pytest


@pytest.mark.skipif(platform.machine() != "x86_64", reason="AMX is an x86 instruction set")
def test_llama_cpp_is_built_without_amx_kernels() -> None:
    # On Xeons with AMX they crash at the first matrix product (llama.cpp #20824; every
    # answer of the tutor on the 2026-12-06 build machine); no laptop has AMX.
    import llama_cpp

    libraries = list((Path(llama_cpp.__file__).parent / "lib").glob("libggml-cpu*"))
    assert libraries
    for library in libraries:
        assert b"amx repack tensor" not in library.read_bytes(), library.name
