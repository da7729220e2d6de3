"""Derive a smaller embedder from a verified parent by pruning its vocabulary.

Universal Sentence Encoder multilingual v3 (``use-multilingual-v3-int8``) tokenizes inside
its graph: a ``SentencepieceTokenizer`` node (``onnxruntime-extensions``) turns the texts
into piece ids (128,000 pieces, Unigram), and TensorFlow's sharded ``embedding_lookup``
turns ids into rows: 17 int8 tables of 7,530 x 512, each with its own scale, where id
``i`` is row ``i // 17`` of table ``i % 17``. Those tables are 65.5 MB of the 71.8 MB file.

A *recipe* (the piece ids to keep, ``assets/models/*.keep``) makes the derived file:

1. **The tokenizer** keeps every piece, but the pieces not kept are marked ``UNUSED`` in
   its SentencePiece model, which the Unigram search skips. Text whose best segmentation
   uses only kept pieces is segmented exactly as before (the best path over a subset that
   contains it is the same path); other text falls back to kept sub-pieces (every single
   character is kept), not to ``<unk>``. The normal pieces with the lowest and highest
   score are always kept, because SentencePiece derives its unknown-piece penalty and the
   user-defined pieces' score from them.
2. **The tables** keep only the kept rows, each in its own table, so every row keeps its
   table's int8 scale and zero point: the vectors of kept pieces are bit-identical.
   Kept id ``i`` gets the new id ``17 * r + i % 17``, ``r`` its rank among the kept ids
   of table ``i % 17``; the graph's ``mod``/``floordiv`` lookup is unchanged.
3. **A ``Gather``** after the tokenizer maps old ids to new ids (128,000 int32); ids that
   cannot occur (not kept) map to ``<unk>``'s row.

The result is deterministic: the same parent and recipe give the same bytes, which the
registry pins by size and sha256 like any downloaded file. It is written as two files,
the graph and its weights (``model.onnx.data``), which ONNX Runtime loads with less
memory than one file.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from inference.errors import ModelLoadError
from inference.registry import DERIVED_GRAPH

TOKENIZER_OP = "SentencepieceTokenizer"
REMAP_NAME = "lantern/vocab_remap"
_NORMAL, _UNUSED = 1, 5  # SentencePiece piece types (sentencepiece_model.proto)
_PIECES_FIELD, _PIECE_TYPE = 1, 3
_PASS_THROUGH = ("Cast", "Squeeze")


# --- the recipe file -----------------------------------------------------------------

def write_recipe(path: Path, ids: Iterable[int], header: Sequence[str]) -> str:
    """Write sorted ``ids`` as runs (``first-last`` or one id a line) after ``# header``
    lines; returns the text. Runs keep the file small and its diffs readable."""
    lines = [f"# {line}" for line in header]
    for first, last in _runs(sorted(set(ids))):
        lines.append(str(first) if first == last else f"{first}-{last}")
    text = "\n".join(lines) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


def read_recipe(path: Path) -> npt.NDArray[np.int64]:
    """The sorted piece ids of a recipe file."""
    ids: list[int] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        first, _, last = line.partition("-")
        ids.extend(range(int(first), int(last or first) + 1))
    return np.unique(np.array(ids, dtype=np.int64))


def _runs(ids: list[int]) -> Iterator[tuple[int, int]]:
    start = prev = None
    for i in ids:
        if prev is not None and i == prev + 1:
            prev = i
            continue
        if start is not None and prev is not None:
            yield start, prev
        start = prev = i
    if start is not None and prev is not None:
        yield start, prev


# --- SentencePiece model proto, edited on the wire ------------------------------------
# Only the pieces' ``type`` changes; every other byte is copied as it is, so nothing
# depends on a SentencePiece or protobuf version.

@dataclass(frozen=True)
class Piece:
    text: str
    score: float
    type: int


def _varint(data: bytes, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _encode_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        low, value = value & 0x7F, value >> 7
        out.append(low | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _fields(data: bytes) -> Iterator[tuple[int, Any, bytes]]:
    """(field number, value, the field's raw bytes) of a serialized protobuf message."""
    i = 0
    while i < len(data):
        start = i
        key, i = _varint(data, i)
        wire = key & 7
        value: Any
        if wire == 0:
            value, i = _varint(data, i)
        elif wire == 2:
            size, i = _varint(data, i)
            value, i = data[i:i + size], i + size
        elif wire == 5:
            value, i = data[i:i + 4], i + 4
        elif wire == 1:
            value, i = data[i:i + 8], i + 8
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield key >> 3, value, data[start:i]


def sentencepiece_pieces(model: bytes) -> list[Piece]:
    """The pieces of a serialized SentencePiece ``ModelProto``, in id order."""
    pieces = []
    for number, value, _ in _fields(model):
        if number != _PIECES_FIELD:
            continue
        text, score, kind = "", 0.0, _NORMAL
        for sub, sub_value, _ in _fields(value):
            if sub == 1:
                text = sub_value.decode("utf-8")
            elif sub == 2:
                score = struct.unpack("<f", sub_value)[0]
            elif sub == _PIECE_TYPE:
                kind = sub_value
        pieces.append(Piece(text, score, kind))
    return pieces


def required_ids(pieces: Sequence[Piece]) -> set[int]:
    """Ids every derived vocabulary keeps: the special pieces, every single character
    (the fallback for text outside the recipe), and the normal pieces with the lowest and
    highest score (SentencePiece's unknown penalty and user-defined score come from them)."""
    normal = [i for i, p in enumerate(pieces) if p.type == _NORMAL]
    keep = {i for i, p in enumerate(pieces) if p.type != _NORMAL}
    keep |= {i for i in normal if len(pieces[i].text.removeprefix("\u2581")) <= 1}
    keep.add(min(normal, key=lambda i: pieces[i].score))
    keep.add(max(normal, key=lambda i: pieces[i].score))
    return keep


def mark_unused(model: bytes, keep: set[int]) -> bytes:
    """``model`` with every normal piece not in ``keep`` typed ``UNUSED``."""
    out = bytearray()
    index = 0
    for number, value, raw in _fields(model):
        if number != _PIECES_FIELD:
            out += raw
            continue
        parts = list(_fields(value))
        kind = next((v for n, v, _ in parts if n == _PIECE_TYPE), _NORMAL)
        if kind == _NORMAL and index not in keep:
            body = b"".join(r for n, _, r in parts if n != _PIECE_TYPE)
            body += _encode_varint(_PIECE_TYPE << 3) + _encode_varint(_UNUSED)
            out += _encode_varint(_PIECES_FIELD << 3 | 2) + _encode_varint(len(body)) + body
        else:
            out += raw
        index += 1
    return bytes(out)


# --- the graph -----------------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    """Which rows stay, and the old id -> new id map."""

    keep: npt.NDArray[np.int64]  # sorted old ids
    remap: npt.NDArray[np.int32]  # old id -> new id (unkept -> <unk>'s new id)
    shards: int


def plan(keep: Iterable[int], vocab: int, shards: int, unk_id: int = 0) -> Plan:
    kept = np.unique(np.fromiter(keep, dtype=np.int64))
    if kept.size == 0 or kept[0] < 0 or kept[-1] >= vocab or unk_id not in kept:
        raise ValueError("the kept ids must lie in the vocabulary and include <unk>")
    shard = kept % shards
    rank = np.zeros_like(kept)
    for s in range(shards):
        mask = shard == s
        rank[mask] = np.arange(int(mask.sum()))
    new = rank * shards + shard
    remap = np.full(vocab, new[np.searchsorted(kept, unk_id)], dtype=np.int32)
    remap[kept] = new
    return Plan(kept, remap, shards)


# The derived model is two files: the graph, and its weights beside it. ONNX Runtime
# builds its tensors from an external weights file without first holding a parsed copy
# of them, so the loaded session keeps 24 MB less than with the weights inside the graph
# (68 against 44 MB for this model; docs/models.md, memory).
MODEL_FILE = DERIVED_GRAPH
WEIGHTS_FILE = "model.onnx.data"
_INLINE_BYTES = 1024  # smaller tensors (shapes, scales) stay in the graph
_ALIGN = 4096  # each tensor starts on a page, so the runtime may map it


def derive(parent: Path, recipe: Path, folder: Path) -> list[Path]:
    """Write the vocabulary-pruned model from ``parent`` (already verified) and ``recipe``
    into ``folder``: :data:`WEIGHTS_FILE`, then :data:`MODEL_FILE` that names it. Each
    is written atomically (temp file, fsync, rename); returns their paths."""
    try:
        import onnx
    except ImportError as exc:  # the bundle never derives: it carries the result
        raise ModelLoadError("Building the pruned embedder needs the onnx package "
                             "(pip install onnx).") from exc
    model = onnx.load(str(parent))
    prune_graph(model, read_recipe(recipe))
    model.metadata_props.add(key="lantern.derived_from", value=_sha256(parent))
    model.metadata_props.add(key="lantern.recipe", value=_sha256(recipe))
    weights = move_weights_out(model, WEIGHTS_FILE)
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / WEIGHTS_FILE, folder / MODEL_FILE]
    for path, data in zip(written, (weights, model.SerializeToString(deterministic=True)),
                          strict=True):
        _write_atomic(path, data)
    return written


def move_weights_out(model: Any, location: str) -> bytes:
    """Move the initializers' raw bytes out of ``model`` (in place) into one weights blob,
    in graph order, each page-aligned, and point the tensors at it; returns the blob."""
    from onnx import TensorProto
    from onnx.external_data_helper import set_external_data

    blob = bytearray()
    for tensor in model.graph.initializer:
        if len(tensor.raw_data) < _INLINE_BYTES:
            continue
        blob += bytes(-len(blob) % _ALIGN)
        set_external_data(tensor, location=location, offset=len(blob),
                          length=len(tensor.raw_data))
        blob += tensor.raw_data
        tensor.ClearField("raw_data")
        tensor.data_location = TensorProto.EXTERNAL
    return bytes(blob)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def prune_graph(model: Any, recipe_ids: npt.NDArray[np.int64]) -> Plan:
    """Prune ``model`` (an ``onnx.ModelProto``) in place; returns the plan used."""
    from onnx import helper, numpy_helper

    graph = model.graph
    tokenizer = _tokenizer_node(graph)
    attr = next(a for a in tokenizer.attribute if a.name == "model")
    pieces = sentencepiece_pieces(attr.s)
    tables = _shard_tables(graph)
    keep = set(int(i) for i in recipe_ids) | required_ids(pieces)
    chosen = plan(keep, len(pieces), len(tables))
    attr.s = mark_unused(attr.s, set(chosen.keep.tolist()))
    for s, table in enumerate(tables):
        rows = numpy_helper.to_array(table)
        ids = chosen.keep[chosen.keep % chosen.shards == s]
        table.CopyFrom(numpy_helper.from_array(rows[ids // chosen.shards], table.name))
    ids_name = tokenizer.output[0]
    remapped = ids_name + "/lantern_remapped"
    for node in graph.node:
        node.input[:] = [remapped if name == ids_name else name for name in node.input]
    graph.initializer.append(numpy_helper.from_array(chosen.remap, REMAP_NAME))
    position = list(graph.node).index(tokenizer) + 1
    graph.node.insert(position, helper.make_node(
        "Gather", [REMAP_NAME, ids_name], [remapped], name="lantern/vocab_remap_gather"))
    return chosen


def _tokenizer_node(graph: Any) -> Any:
    nodes = [n for n in graph.node if n.op_type == TOKENIZER_OP]
    if len(nodes) != 1:
        raise ModelLoadError(f"expected one {TOKENIZER_OP} node, found {len(nodes)}")
    return nodes[0]


def _shard_tables(graph: Any) -> list[Any]:
    """The embedding tables in shard order (table ``s`` holds ids ``i % n == s``).

    The order is read from the graph, not from names: each table feeds a ``Gather``
    whose indices are ``Compress``-ed by output ``s`` of the ``Split`` of the shard masks
    (through ``Cast`` and ``Squeeze``).
    """
    producer = {out: n for n in graph.node for out in n.output}
    inits = {t.name: t for t in graph.initializer}
    found: dict[int, Any] = {}
    for node in graph.node:
        compress = producer.get(node.input[1]) if node.op_type == "Gather" else None
        if node.input[0] not in inits or compress is None or compress.op_type != "Compress":
            continue
        name = compress.input[1]
        while (step := producer.get(name)) is not None and step.op_type in _PASS_THROUGH:
            name = step.input[0]
        if step is not None and step.op_type == "Split":
            found[list(step.output).index(name)] = inits[node.input[0]]
    if not found or sorted(found) != list(range(len(found))):
        raise ModelLoadError("this graph has no sharded embedding lookup to prune")
    return [found[s] for s in range(len(found))]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
