"""Inputs for the fuzz targets: real seed files, and hypothesis strategies that damage them.

Seeds are the real quiz files and decks in ``shared/data`` (see its README) and the
test fixtures; model files are built here (a few KB each) because real models are
hundreds of MB. Damage is of two kinds: byte-level (flip, cut, duplicate, splice in a
hostile token) and, for containers, structural (an Anki collection's tables and JSON
given values of the wrong type or shape; a pack zip given hostile member names; a GGUF
given odd metadata and chat templates) — byte damage alone rarely gets past a zip's CRC.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import struct
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import zstandard
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
QUIZ, ANKI = DATA / "quiz", DATA / "anki"
PACKS = REPO / "tests" / "content" / "fixtures" / "packs"

# Pieces known to upset parsers: deep nesting, long runs, the old ReDoS, odd numbers.
HOSTILE = [b" " * 4000, b"![a](" + b" " * 3000, b"<b>" * 600, b"[" * 600, b"{" * 600,
           b"{a=" * 300, b"\x00", b"\xff\xfe", b"&#x110000;", b"&amp;" * 50, b"]]>",
           b"<![CDATA[", b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", b"1e309", b"NaN", b"-0",
           b"::", b"~%", b"=", b"#", b"\t" * 50, b"\r", b"\n" * 50, b"[sound:" * 200,
           b"{{c1::", b"@@PLUGINFILE@@/", b"C:/Users/x.png", b"\\\\server\\share",
           b"\xe2\x80\xae", b"%", b"{{", b"}}", b"\"", b"'''", b"\"\"\"",
           # Runs long enough that a quadratic or cubic pattern passes the time limit:
           b"{{" * 10_000, b"{{c1::" * 3_000, b"[id:" * 5_000, b"\n" * 50_000,
           b"# a" + b" " * 5_000 + b"b", b"![" * 10_000, b"![](x" * 5_000 + b"<",
           b'"' + b"x" * 140_000, b',"' * 4_096]


def mutated(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """A seed with 1-8 byte-level edits."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        data = bytearray(draw(st.sampled_from(seeds)))
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, max(len(data) - 1, 0)))
            action = draw(st.sampled_from(["flip", "cut", "dup", "token", "truncate"]))
            if action == "flip" and data:
                data[at] = draw(st.integers(0, 255))
            elif action == "cut":
                del data[at:at + draw(st.integers(1, 256))]
            elif action == "dup":
                data[at:at] = data[at:at + draw(st.integers(1, 256))]
            elif action == "token":
                data[at:at] = draw(st.sampled_from(HOSTILE))
            else:
                del data[draw(st.integers(0, len(data))):]
        return bytes(data)

    return build()


def files(folder: Path, *patterns: str, limit: int = 64_000) -> list[bytes]:
    """The first ``limit`` bytes of each seed file (large files slow every input)."""
    found = sorted(p for pattern in patterns for p in folder.glob(pattern))
    return [p.read_bytes()[:limit] for p in found]


def xml_documents(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """A seed XML file with elements' text and attributes replaced by hostile text,
    elements removed or repeated: still well-formed, so it reaches the importer."""
    texts = st.sampled_from([t.decode("utf-8", "replace") for t in HOSTILE]
                            + ["", "1e309", "-5", "100", "nan", "x" * 10_000])

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        root = ET.fromstring(draw(st.sampled_from(seeds)))
        if root.tag.startswith("{"):  # keep <assessmentItem xmlns=…>, not <ns0:…>
            ET.register_namespace("", root.tag[1:].split("}")[0])
        elements = list(root.iter())
        for _ in range(draw(st.integers(1, 6))):
            element = draw(st.sampled_from(elements))
            action = draw(st.sampled_from(["text", "attribute", "remove", "repeat"]))
            if action == "text":
                element.text = draw(texts)
            elif action == "attribute" and element.attrib:
                element.set(draw(st.sampled_from(sorted(element.attrib))), draw(texts))
            elif action in ("remove", "repeat") and len(element):
                child = draw(st.sampled_from(list(element)))
                if action == "remove":
                    element.remove(child)
                else:
                    element.extend([child] * draw(st.integers(1, 20)))
        data = ET.tostring(root, encoding="utf-8")
        return draw(mutated([data])) if draw(st.integers(0, 4)) == 0 else data

    return build()


# --- Anki -----------------------------------------------------------------------------

ODD_VALUES: list[Any] = [None, 0, -1, 2**63 - 1, 1.5, "", "x", "1\x1f2", b"\x00\xff",
                         "\u202e", "{{c1::a}}", "<b>" * 300, "[]", "{}", "{{c1::" * 3_000,
                         "{{" * 10_000, "[sound:" * 5_000, "![a](" + " " * 30_000]
ODD_JSON: list[Any] = [[], "x", 1, None, {"1": []}, {"1": {"tmpls": "x", "flds": [1]}},
                       {"x": {"name": 5}}, {"1": {"tmpls": [None, {"qfmt": 3}],
                                                  "flds": [{"name": None}], "type": "1"}},
                       {"1": {"name": "n", "tmpls": [{"qfmt": "{{" * 10_000,
                                                      "afmt": "{{c1::" * 3_000}],
                              "flds": [{"name": "Front"}], "type": 1}},
                       {"1": {"name": "n", "tmpls": [{"qfmt": "{{Front}}",
                                                      "afmt": "{{Back}}"}] * 3,
                              "flds": [{"name": "Front"}, {"name": "Back"}]}}]
# (table, column) pairs an Anki collection of either schema may have.
COLUMNS = [("notes", "flds"), ("notes", "mid"), ("notes", "id"), ("cards", "ord"),
           ("cards", "nid"), ("cards", "did"), ("col", "models"), ("col", "decks"),
           ("notetypes", "config"), ("notetypes", "name"), ("templates", "config"),
           ("fields", "name"), ("decks", "name"), ("notetypes", "id")]


@cache
def anki_seeds() -> list[tuple[str, bytes]]:
    """(collection member name, collection bytes) of each seed deck, unpacked."""
    found: list[tuple[str, bytes]] = []
    decks = [*sorted(ANKI.glob("ankitects_tests/*.apkg")),
             REPO / "tests" / "content" / "data" / "modern-deck.apkg"]
    for deck in decks:
        with zipfile.ZipFile(deck) as archive:
            names = archive.namelist()
            member = next(n for n in ("collection.anki21b", "collection.anki21",
                                      "collection.anki2") if n in names)
            data = archive.read(member)
        if member.endswith("anki21b"):
            data = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)).read()
        found.append((member, data))
    for collection in sorted(ANKI.glob("ankitects_tests/*.anki2")):
        found.append(("collection.anki2", collection.read_bytes()))
    return found


def _damage_collection(data: bytes, edits: list[tuple[str, str, Any]]) -> bytes:
    """The collection with ``column`` of every row of ``table`` set to a value."""
    with tempfile.TemporaryDirectory(prefix="lantern-fuzz-") as tmp:
        path = Path(tmp) / "c.db"
        path.write_bytes(data)
        conn = sqlite3.connect(path)
        for table, column, value in edits:
            if table == "templates" and column == "*":
                _set_templates(conn, str(value))
                continue
            stored = json.dumps(value) if isinstance(value, list | dict) else value
            try:
                conn.execute(f"UPDATE {table} SET {column} = ?", (stored,))
            except sqlite3.DatabaseError:  # the other schema has no such table: no edit
                continue
        conn.commit()
        conn.close()
        return path.read_bytes()


def _set_templates(conn: sqlite3.Connection, template: str) -> None:
    """Every card template of the collection (front and back) set to ``template``."""
    config = _proto_field(1, template.encode()) + _proto_field(2, template.encode())
    with contextlib.suppress(sqlite3.DatabaseError):  # schema 11 has them in col.models
        conn.execute("UPDATE templates SET config = ?", (config,))
    try:
        row = conn.execute("SELECT models FROM col").fetchone()
    except sqlite3.DatabaseError:
        return
    models = json.loads(row[0]) if row and row[0] else {}
    for model in models.values():
        for tmpl in model.get("tmpls", []):
            tmpl["qfmt"] = tmpl["afmt"] = template
    conn.execute("UPDATE col SET models = ?", (json.dumps(models),))


HOSTILE_TEMPLATES = ["{{" * 10_000, "{{Front}}" + "{{c1::" * 3_000, "{{#" * 5_000,
                     "{{cloze:Text}}", "{{ " + " " * 20_000 + "x"]


def anki_package(suffix: str) -> st.SearchStrategy[bytes]:
    """An ``.apkg``/``.colpkg`` whose collection has odd values (or whose bytes are hit).

    A ``.colpkg`` always holds ``collection.anki21b`` (zstd), as Anki 2.1.50+ writes it.
    """

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        member, data = draw(st.sampled_from(anki_seeds()))
        edits = draw(st.lists(st.tuples(st.sampled_from(COLUMNS),
                                        st.sampled_from(ODD_VALUES + ODD_JSON)),
                              min_size=1, max_size=3))
        if draw(st.integers(0, 3)) == 0:  # the deck's own templates made hostile
            # first: the other edits may leave col.models unreadable
            edits.insert(0, (("templates", "*"), draw(st.sampled_from(HOSTILE_TEMPLATES))))
        data = _damage_collection(data, [(t, c, v) for (t, c), v in edits])
        if suffix == ".colpkg":  # a whole-collection backup: always the zstd member
            member = "collection.anki21b"
        if member.endswith("anki21b"):
            data = zstandard.ZstdCompressor().compress(data)
        media = draw(st.sampled_from([b"{}", b"[]", b'{"0": "a.png"}', b"\x28\xb5\x2f\xfd",
                                      zstandard.ZstdCompressor().compress(b"\x0a\x03\x0a\x01a")]))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(member, data)
            archive.writestr("media", media)
            archive.writestr("0", draw(st.sampled_from([b"", b"\x28\xb5\x2f\xfd" * 4,
                                                        b"\x89PNG"])))
        packed = buffer.getvalue()
        if draw(st.booleans()):
            return draw(mutated([packed]))
        return packed

    return build()


# --- content packs ----------------------------------------------------------------------

HOSTILE_NAMES = ["C:/Users/Public/Desktop/evil.txt", "C:evil.txt", "\\\\server\\share\\x.md",
                 "//server/share/x.md", "../evil.md", "/etc/evil", "media/a:b.png",
                 "media/\x00.png", "lessons/" + "a/" * 200 + "x.md"]


@cache
def pack_files() -> list[dict[str, bytes]]:
    packs = []
    folders = [*PACKS.iterdir(), *(REPO / "assets" / "content").iterdir()]
    for folder in sorted(p for p in folders if (p / "pack.toml").is_file()):
        packs.append({p.relative_to(folder).as_posix(): p.read_bytes()
                      for p in sorted(folder.rglob("*")) if p.is_file()})
    return packs


def pack_zip() -> st.SearchStrategy[bytes]:
    """A pack as a zip: one of its files damaged, maybe a hostile member name added."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        files_ = dict(draw(st.sampled_from(pack_files())))
        name = draw(st.sampled_from(sorted(files_)))
        files_[name] = draw(mutated([files_[name]]))
        if draw(st.booleans()):
            files_[draw(st.sampled_from(HOSTILE_NAMES))] = b"x"
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, data in files_.items():
                archive.writestr(member, data)
        packed = buffer.getvalue()
        return draw(mutated([packed])) if draw(st.integers(0, 4)) == 0 else packed

    return build()


def qti_package(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """A QTI content package: a manifest (maybe damaged, maybe naming hostile or missing
    members) and a few seed items, one of them reworked as :func:`xml_documents` does."""
    hrefs = st.sampled_from(["items/a.xml", "../evil.xml", "/etc/passwd", "C:/x.xml",
                             "items/missing.xml", "items/%2e%2e/a.xml", "", "items/b.xml"])

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        items = {"items/a.xml": draw(xml_documents(seeds)),
                 "items/b.xml": draw(st.sampled_from(seeds))}
        listed = draw(st.lists(hrefs, min_size=0, max_size=6))
        resources = "".join(f'<resource identifier="r{i}" type="imsqti_item_xmlv2p2" '
                            f'href="{href}"/>' for i, href in enumerate(listed))
        manifest = (f'<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1">'
                    f"<resources>{resources}</resources></manifest>").encode()
        if draw(st.integers(0, 4)) == 0:
            manifest = draw(mutated([manifest]))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("imsmanifest.xml", manifest)
            for member, data in items.items():
                archive.writestr(member, data)
            if draw(st.booleans()):
                archive.writestr(draw(st.sampled_from(HOSTILE_NAMES)), b"<x/>")
        packed = buffer.getvalue()
        return draw(mutated([packed])) if draw(st.integers(0, 6)) == 0 else packed

    return build()


# --- models -----------------------------------------------------------------------------

TEMPLATES = [
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}",
    "{% for i in range(999999999) %}x{% endfor %}",
    "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
    "{{ 'a' * 99999999 }}", "{{ 'a' | center(999999999) }}", "{{ 2 ** 99999999 }}",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "{{ messages[9]['content'] }}",
    "{{ raise_exception('no system role') if messages[0]['role'] == 'system' }}",
    "{{ ''.__class__.__mro__ }}", "{% set ns = namespace(a='ab') %}{% for i in range(60) %}"
    "{% set ns.a = ns.a ~ ns.a %}{% endfor %}", "{{ 1/0 }}", "{% for %}", "{{ (1,) * 10 }}",
]
GGUF_VALUE_KINDS = list(range(14))


def _gguf_string(text: bytes) -> bytes:
    return struct.pack("<Q", len(text)) + text


def gguf_file(metadata: list[tuple[bytes, int, bytes]], tensors: int = 1) -> bytes:
    """A GGUF v3 file: ``metadata`` as (key, value type, encoded value), a tensor record
    per ``tensors`` and 64 bytes of tensor data."""
    out = [b"GGUF", struct.pack("<IQQ", 3, tensors, len(metadata))]
    for key, kind, value in metadata:
        out += [_gguf_string(key), struct.pack("<I", kind), value]
    for index in range(tensors):
        out += [_gguf_string(b"t%d" % index), struct.pack("<I", 1), struct.pack("<Q", 4),
                struct.pack("<I", 0), struct.pack("<Q", 0)]
    head = b"".join(out)
    head += b"\x00" * (-len(head) % 32)
    return head + b"\x00" * 64


def _gguf_values() -> st.SearchStrategy[tuple[int, bytes]]:
    text = st.binary(max_size=40).map(_gguf_string)
    template = st.sampled_from(TEMPLATES).map(lambda t: _gguf_string(t.encode()))
    nested = st.integers(1, 12).map(lambda depth: b"".join(
        struct.pack("<IQ", 9, 1) for _ in range(depth)) + struct.pack("<IQ", 4, 0))
    return st.one_of(
        st.tuples(st.just(8), st.one_of(text, template)),
        st.tuples(st.just(4), st.integers(0, 2**32 - 1).map(lambda n: struct.pack("<I", n))),
        st.tuples(st.just(10), st.integers(0, 2**64 - 1).map(lambda n: struct.pack("<Q", n))),
        st.tuples(st.just(6), st.floats(width=32).map(lambda f: struct.pack("<f", f))),
        st.tuples(st.just(9), nested),
        st.tuples(st.sampled_from(GGUF_VALUE_KINDS), st.binary(max_size=16)))


def gguf() -> st.SearchStrategy[bytes]:
    """A small GGUF with odd metadata (types, nesting, templates, alignment), maybe hit."""
    keys = st.sampled_from([b"general.architecture", b"general.name", b"general.alignment",
                            b"llama.context_length", b"tokenizer.chat_template",
                            b"general.file_type", b"tokenizer.ggml.tokens", b"x"])

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        entries = [(b"general.architecture", 8, _gguf_string(b"llama")),
                   (b"tokenizer.chat_template", 8,
                    _gguf_string(draw(st.sampled_from(TEMPLATES)).encode()))]
        for key, (kind, value) in draw(st.lists(st.tuples(keys, _gguf_values()), max_size=4)):
            entries.append((key, kind, value))
        data = gguf_file(entries, tensors=draw(st.integers(0, 3)))
        return draw(mutated([data])) if draw(st.booleans()) else data

    return build()


def _proto_field(number: int, value: bytes | int) -> bytes:
    def varint(n: int) -> bytes:
        out = bytearray()
        while True:
            out.append((n & 0x7F) | (0x80 if n > 0x7F else 0))
            n >>= 7
            if not n:
                return bytes(out)

    if isinstance(value, int):
        return varint(number << 3) + varint(value)
    return varint(number << 3 | 2) + varint(len(value)) + value


def onnx_model() -> bytes:
    """A minimal ONNX ModelProto: IR version, producer, a graph with one Identity node and
    one opset import."""
    node = (_proto_field(1, b"x") + _proto_field(2, b"y") + _proto_field(4, b"Identity"))
    graph = _proto_field(1, node) + _proto_field(2, b"g")
    return (_proto_field(1, 8) + _proto_field(2, b"lantern-fuzz") + _proto_field(7, graph)
            + _proto_field(8, _proto_field(2, 17)))


def onnx() -> st.SearchStrategy[bytes]:
    """The minimal model with extra well-formed fields (any number, varint or bytes), or
    with its bytes damaged."""
    extra = st.lists(st.tuples(st.integers(1, 2**29 - 1),
                               st.one_of(st.integers(0, 2**63), st.binary(max_size=64))),
                     max_size=4).map(lambda fields: b"".join(_proto_field(n, v)
                                                             for n, v in fields))
    whole = st.tuples(st.booleans(), extra).map(
        lambda pair: (pair[1] + onnx_model()) if pair[0] else (onnx_model() + pair[1]))
    return st.one_of(whole, mutated([onnx_model()]))

