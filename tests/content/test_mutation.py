"""Property: however a valid pack is damaged, loading it never raises.

Hypothesis applies one to four random edits (delete/duplicate/swap lines, splice in TOML-ish
junk, change value types, drop a file, break the UTF-8) to the files of the small valid
pack, at least 1,000 times. Every outcome must be a pack plus a list of diagnostics that
point inside the pack's files.
"""

from __future__ import annotations

import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.content.diagnostics import ContentError, Diagnostic
from app.core.content.loader import read_pack
from app.core.content.source import PackFiles, read_source
from tests.content.support import MINI

EXAMPLES = 1_000
ORIGINAL = read_source(MINI)
PATHS = sorted(p for p in ORIGINAL.files if not p.startswith("media/"))
JUNK = ["=", "[", "]", "[[", "]]", '"', "'''", '"""', "{", "}", ",", "+++", "#", "\n",
        "true", "false", "-1", "0", "99", "1e999", "nan", '""', "[]", "{}", "x = 1",
        "[[questions]]", "[[questions.choices]]", "[[skills]]", "id = \"tenths\"",
        'type = "numeric"', 'answer = "1/0"', "prerequisites = [\"tenths\"]", "分数", "\ufeff"]

lines_edit = st.tuples(st.sampled_from(["delete", "duplicate", "swap", "truncate"]),
                       st.integers(0, 400), st.integers(0, 400))
splice = st.tuples(st.just("splice"), st.integers(0, 4000),
                   st.lists(st.sampled_from(JUNK) | st.text(max_size=5), max_size=4)
                   .map("".join))
retype = st.tuples(st.just("retype"), st.integers(0, 400),
                   st.sampled_from(['"text"', "1", "true", "[1, 2]", "{a = 1}", "[]", '""',
                                    "3.5", '["a", 2]']))
file_edit = st.tuples(st.sampled_from(["drop", "bytes"]), st.integers(0, 4000),
                      st.binary(min_size=1, max_size=3))
mutation = st.tuples(st.sampled_from(PATHS), st.one_of(lines_edit, splice, retype, file_edit))


Edit = tuple[str, int, object]


def mutate(files: dict[str, bytes], path: str, edit: Edit) -> None:
    kind, where, extra = edit
    if kind == "drop":
        files.pop(path, None)
        return
    data = files.get(path, b"")
    if kind == "bytes" and isinstance(extra, bytes):
        at = where % (len(data) + 1)
        files[path] = data[:at] + extra + data[at:]
        return
    text = data.decode("utf-8", errors="replace")
    files[path] = _edit_text(text, edit).encode("utf-8", errors="surrogatepass")


def _edit_text(text: str, edit: Edit) -> str:
    kind, where, extra = edit
    if kind == "splice":
        at = where % (len(text) + 1)
        return text[:at] + str(extra) + text[at + len(str(extra)) // 2:]
    lines = text.splitlines()
    if not lines:
        return text
    i = where % len(lines)
    j = extra % len(lines) if isinstance(extra, int) else 0
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "truncate":
        lines = lines[:i]
    elif kind == "retype" and "=" in lines[i]:
        lines[i] = lines[i].split("=", 1)[0] + "= " + str(extra)
    return "\n".join(lines)


def check(files: dict[str, bytes]) -> int:
    """Load the files; every diagnostic must be well formed. Returns how many there are."""
    _pack, diags = read_pack(PackFiles("mutated", files))
    assert all(isinstance(d, Diagnostic) and d.message and d.fix for d in diags)
    for diag in diags:
        assert diag.path in files or diag.path == "pack.toml", diag
        if diag.path in files:
            assert 0 <= diag.line <= files[diag.path].count(b"\n") + 2, diag
        assert str(diag).startswith(diag.path)
    return len(diags)


def test_mutated_packs_never_raise() -> None:
    runs: list[int] = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(mutation, min_size=1, max_size=4))
    def property_holds(edits: list[tuple[str, Edit]]) -> None:
        files = dict(ORIGINAL.files)
        for path, edit in edits:
            mutate(files, path, edit)
        runs.append(check(files))

    property_holds()
    assert len(runs) >= EXAMPLES
    # The edits bite: most damaged packs are reported as broken (some edits are harmless,
    # e.g. swapping two lines of a lesson's text).
    assert sum(1 for count in runs if count) > EXAMPLES // 2


@settings(max_examples=150, deadline=None, database=None)
@given(st.binary(max_size=300), st.integers(0, 200))
def test_damaged_zip_is_a_clear_error(tmp_path_factory: pytest.TempPathFactory, junk: bytes,
                                      cut: int) -> None:
    folder = tmp_path_factory.mktemp("zip")
    good = folder / "good.zip"
    with zipfile.ZipFile(good, "w") as out:
        for path, data in ORIGINAL.files.items():
            out.writestr(path, data)
    raw = good.read_bytes()
    damaged = folder / "damaged.zip"
    damaged.write_bytes(raw[:cut] + junk + raw[cut + len(junk):])
    try:
        files = read_source(damaged)
    except ContentError as exc:
        assert exc.user_message()
        return
    check(files.files)
