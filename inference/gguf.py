"""Read a GGUF file's header without loading it: metadata, tensor extents, completeness.

A model a teacher brings on a USB stick may be half-copied, renamed, or something else
entirely. Reading the header is cheap (a few MB at most) and turns those cases into a
clear message before llama.cpp ever sees the file. Only the header is parsed; tensor data
is never read here.

Format (little-endian): magic ``GGUF``, version (u32, 2 or 3), tensor count (u64),
metadata count (u64), the metadata key/values, one info record per tensor, then the
tensor data at the next multiple of ``general.alignment`` (default 32).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from inference.errors import ModelCorrupt, ModelLoadError

MAGIC = b"GGUF"
_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?",
            10: "<Q", 11: "<q", 12: "<d"}
_STRING, _ARRAY = 8, 9
_MAX_COUNT = 1 << 24  # more entries than any real model: the header is garbage
# Limits a real header stays far below; beyond them the header is garbage or hostile
# (nested arrays once ended in RecursionError, a huge dimension count in MemoryError).
_MAX_ARRAY_DEPTH = 4  # GGUF writers nest arrays at most once
_MAX_DIMS = 8  # ggml tensors have at most 4 dimensions
_MAX_KEPT_BYTES = 64 << 20  # metadata strings kept in memory (vocabularies are skipped)
_MAX_ALIGNMENT = 1 << 16


class _Truncated(Exception):
    pass


@dataclass(frozen=True)
class GGUFHeader:
    version: int
    tensor_count: int
    metadata: dict[str, Any]
    data_offset: int  # where tensor data starts
    data_extent: int  # the largest tensor offset, relative to data_offset

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", ""))

    @property
    def name(self) -> str:
        return str(self.metadata.get("general.name", ""))

    @property
    def chat_template(self) -> str | None:
        value = self.metadata.get("tokenizer.chat_template")
        return str(value) if value else None

    @property
    def context_length(self) -> int | None:
        return _positive_int(self.metadata.get(f"{self.architecture}.context_length"))

    @property
    def file_type(self) -> int | None:
        value = self.metadata.get("general.file_type")
        return value if isinstance(value, int) and not isinstance(value, bool) else None


def _positive_int(value: Any) -> int | None:
    """An integer metadata value, or None when it is missing or not a sensible count."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 1 << 31:
        return None
    return value


def is_gguf(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == MAGIC


def read_header(path: Path) -> GGUFHeader:
    """Parse the header; raise :class:`ModelCorrupt` if the file ends too early.

    Raises:
        ModelLoadError: not a GGUF file, or a GGUF version Lantern does not know.
        ModelCorrupt: the file is cut short (an interrupted copy) or its header is garbage.
    """
    size = path.stat().st_size
    with open(path, "rb") as fh:
        if fh.read(4) != MAGIC:
            raise ModelLoadError(f"{path.name} is not a GGUF model file.")
        try:
            header = _parse(fh)
        except _Truncated as exc:
            raise _incomplete(path) from exc
    if header.data_offset + header.data_extent >= size:
        raise _incomplete(path)
    return header


def _incomplete(path: Path) -> ModelCorrupt:
    return ModelCorrupt(
        f"{path.name} is incomplete: the file ends before the model does.",
        hint="Copy the file again (wait until the copy has finished before removing the "
             "USB stick), then add it again.")


def _parse(fh: BinaryIO) -> GGUFHeader:
    version = _read(fh, "<I")
    if version not in (2, 3):
        raise ModelLoadError(f"This GGUF file has version {version}; Lantern reads 2 and 3.")
    tensors, kv_count = _read(fh, "<Q"), _read(fh, "<Q")
    if tensors > _MAX_COUNT or kv_count > _MAX_COUNT:
        raise ModelCorrupt("The model file's header is damaged.")
    metadata: dict[str, Any] = {}
    kept = 0
    for _ in range(kv_count):
        key = _string(fh)
        value = _value(fh, _read(fh, "<I"))
        kept += len(key) + (len(value) if isinstance(value, str) else 8)
        if kept > _MAX_KEPT_BYTES:
            raise _damaged("its metadata is too large")
        metadata[key] = value
    extent = 0
    for _ in range(tensors):
        _string(fh)
        dims = _read(fh, "<I")
        if dims > _MAX_DIMS:
            raise _damaged(f"a tensor with {dims} dimensions")
        _skip(fh, 8 * dims)
        _read(fh, "<I")  # ggml type
        extent = max(extent, _read(fh, "<Q"))
    alignment = metadata.get("general.alignment", 32)
    if isinstance(alignment, bool) or not isinstance(alignment, int) \
            or not 0 < alignment <= _MAX_ALIGNMENT:
        raise _damaged(f"general.alignment is {alignment!r}")
    offset = -(-fh.tell() // alignment) * alignment
    return GGUFHeader(version, tensors, metadata, offset, extent)


def _damaged(what: str) -> ModelCorrupt:
    return ModelCorrupt(f"The model file's header is damaged ({what}).")


def _skip(fh: BinaryIO, size: int) -> None:
    """Move past ``size`` bytes without reading them; a file that ends first is cut short."""
    start = fh.tell()
    end = fh.seek(0, 2)
    if start + size > end:
        raise _Truncated
    fh.seek(start + size)


def _read(fh: BinaryIO, fmt: str) -> Any:
    size = struct.calcsize(fmt)
    raw = fh.read(size)
    if len(raw) < size:
        raise _Truncated
    return struct.unpack(fmt, raw)[0]


def _string(fh: BinaryIO) -> str:
    length = _read(fh, "<Q")
    if length > 1 << 26:
        raise _damaged(f"a text of {length:,} bytes")
    raw = fh.read(length)
    if len(raw) < length:
        raise _Truncated
    return raw.decode("utf-8", errors="replace")


def _value(fh: BinaryIO, kind: int, depth: int = 0) -> Any:
    if kind in _SCALARS:
        return _read(fh, _SCALARS[kind])
    if kind == _STRING:
        return _string(fh)
    if kind == _ARRAY:
        if depth >= _MAX_ARRAY_DEPTH:
            raise _damaged(f"arrays nested more than {_MAX_ARRAY_DEPTH} deep")
        item_kind, count = _read(fh, "<I"), _read(fh, "<Q")
        if count > 1 << 28:
            raise _damaged(f"an array of {count:,} items")
        if item_kind in _SCALARS:  # fixed size: skipped in one step
            _skip(fh, count * struct.calcsize(_SCALARS[item_kind]))
            return count
        for _ in range(count):  # vocabularies: skipped, only their length matters
            _value(fh, item_kind, depth + 1)
        return count
    raise _damaged(f"unknown value type {kind}")
