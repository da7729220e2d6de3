"""Just enough protobuf wire-format reading for Anki's media map and notetype configs.

Anki stores a few small messages as protobuf; a full protobuf runtime and Anki's
generated classes would be a large dependency for three fields.
"""

from __future__ import annotations

Value = int | bytes


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data):
            raise ValueError("truncated varint")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift > 63:
            raise ValueError("varint too long")


def fields(data: bytes) -> dict[int, list[Value]]:
    """Field number -> values (varints as int, length-delimited as bytes).

    Fixed 32/64-bit fields are skipped. Damaged data ends the read: what was read
    before it is returned (callers treat missing fields as defaults).
    """
    found: dict[int, list[Value]] = {}
    pos = 0
    try:
        while pos < len(data):
            key, pos = _varint(data, pos)
            number, wire = key >> 3, key & 7
            value: Value
            if wire == 0:
                value, pos = _varint(data, pos)
            elif wire == 2:
                size, pos = _varint(data, pos)
                value, pos = data[pos:pos + size], pos + size
            elif wire in (1, 5):
                pos += 8 if wire == 1 else 4
                continue
            else:
                break
            found.setdefault(number, []).append(value)
    except ValueError:
        pass
    return found
