"""Hostile quiz files and packs: linear time, bounded depth, bounded unpacking, safe names.

Each case is an attack found while trying the importers as a student would (issue 17):
it must end quickly in a result or a clear, typed refusal.
"""

from __future__ import annotations

import contextlib
import os
import resource
import time
import zipfile
from pathlib import Path

import pytest
import zstandard

from app.core.content.diagnostics import ContentError
from app.core.content.importers import ImportFailed, anki_package, import_file
from app.core.content.importers.debris import remove_import_debris
from app.core.content.importers.media import MediaResolver
from app.core.content.importers.writer import PackDraft
from app.core.content.limits import MAX_TOML_DEPTH
from app.core.content.loader import read_pack
from app.core.content.source import read_source, safe_member_name
from benchmarks._fuzz_inputs import _damage_collection, anki_seeds
from tests.content.import_helpers import ANKI, questions, valid_pack
from tests.content.support import copy_mini


def _gift(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "quiz.gift"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("spaces", [4_000, 30_000])
def test_the_picture_link_redos_imports_in_under_a_second(tmp_path: Path, spaces: int) -> None:
    """4,000 spaces took 35 s and 30,000 hours with the old regular expression."""
    quiz = _gift(tmp_path, "::Q1:: What is ![a](" + " " * spaces + " {=yes ~no}\n")
    start = time.perf_counter()
    report = import_file(quiz, tmp_path / "pack")
    assert time.perf_counter() - start < 1.0
    assert report.imported_total == 1


def test_picture_links_are_still_found_with_titles_and_brackets(tmp_path: Path) -> None:
    draft = PackDraft(pack_id="p", title="t", source_name="s")
    found = {"a b.png": b"A", "c.png": b"C"}
    resolver = MediaResolver(draft, found.get)
    text = resolver.text('See ![one](<a b.png> "title") and ![two]( c.png ) and '
                         "![three](https://x/y.png).", "q1")
    assert text == ("See ![one](media/a-b.png) and ![two](media/c.png) and "
                    "*(picture: three)*.")
    assert resolver.notes == ["q1: the picture “https://x/y.png” is on the internet; its "
                              "description was kept instead."]


def test_hostile_runs_in_media_references_stay_linear() -> None:
    draft = PackDraft(pack_id="p", title="t", source_name="s")
    resolver = MediaResolver(draft, None)
    for text in ["![" * 20_000, "[sound:" * 5_000, "![](x" * 10_000 + "<",
                 "![](media/" * 5_000]:
        start = time.perf_counter()
        resolver.text(text, "q")
        assert time.perf_counter() - start < 1.0, text[:20]


def test_deep_markup_imports_as_plain_words(tmp_path: Path) -> None:
    """Converting 5,000 nested elements ended in RecursionError; the words are kept."""
    xml = ("<quiz><question type='shortanswer'><name><text>Deep</text></name>"
           "<questiontext format='html'><text><![CDATA[" + "<b>" * 5_000 + "Capital of France?"
           + "</b>" * 5_000 + "]]></text></questiontext>"
           "<answer fraction='100'><text>Paris</text></answer></question></quiz>")
    path = tmp_path / "deep.xml"
    path.write_text(xml, encoding="utf-8")
    report = import_file(path, tmp_path / "pack")
    assert report.imported_total == 1
    assert questions(tmp_path / "pack")[0]["prompt"] == "Capital of France?"


def test_markup_a_parser_rejects_keeps_its_words(tmp_path: Path) -> None:
    """Found by fuzzing: html.parser raises on a marked section like ``<![CDA``."""
    path = tmp_path / "notes.txt"
    path.write_text("#separator:tab\nWhat <![CDA is this?\tan answer\n", encoding="utf-8")
    report = import_file(path, tmp_path / "pack")
    assert report.imported_total == 1


def test_deep_toml_is_a_diagnostic_not_a_recursion_error(tmp_path: Path) -> None:
    pack = copy_mini(tmp_path)
    (pack / "questions" / "deep.toml").write_text("x = " + "[" * 5_000 + "]" * 5_000)
    (pack / "questions" / "tables.toml").write_text("x = " + "{a = " * 2_000 + "1"
                                                    + "}" * 2_000)
    _pack, diags = read_pack(read_source(pack))
    deep = [d for d in diags if f"more than {MAX_TOML_DEPTH} levels" in d.message]
    assert {d.path for d in deep} == {"questions/deep.toml", "questions/tables.toml"}


def test_brackets_inside_toml_strings_are_not_nesting(tmp_path: Path) -> None:
    pack = copy_mini(tmp_path)
    with (pack / "pack.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n')
    (pack / "lessons" / "01-tenths.md").write_text(
        (pack / "lessons" / "01-tenths.md").read_text("utf-8").replace(
            "title =", 'note = "' + "[" * 100 + '"\ntitle =', 1), "utf-8")
    _pack, diags = read_pack(read_source(pack))
    assert not [d for d in diags if "nested" in d.message]


@pytest.mark.parametrize("name", ["C:/Users/Public/Desktop/evil.txt", "C:evil.txt",
                                  "\\\\server\\share\\evil.md", "//server/share/evil.md",
                                  "../evil.md", "/etc/evil", "media/x.png:stream"])
def test_pack_zips_with_names_that_land_elsewhere_are_refused(tmp_path: Path,
                                                             name: str) -> None:
    source = copy_mini(tmp_path)
    archive_path = tmp_path / "pack.zip"
    with zipfile.ZipFile(archive_path, "w") as archive:
        for path in sorted(source.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(source).as_posix())
        archive.writestr(name, b"evil")
    with pytest.raises(ContentError, match="unsafe file name"):
        read_source(archive_path)
    assert safe_member_name("media/bar.png") is not None


def _zstd_zeros(size: int) -> bytes:
    """``size`` zero bytes, zstd-compressed (a few KB), without holding them in memory."""
    compressor = zstandard.ZstdCompressor(level=3).compressobj()
    chunk = b"\x00" * 2**20
    out = [compressor.compress(chunk) for _ in range(size // 2**20)]
    return b"".join([*out, compressor.flush()])


def _deck_with_media(tmp_path: Path, media: dict[str, bytes]) -> Path:
    """A legacy deck whose only note shows the given pictures (zip members 0, 1, …)."""
    member, collection = next((m, d) for m, d in anki_seeds() if m == "collection.anki2")
    names = list(media)
    front = "Which?" + "".join(f'<img src="{n}">' for n in names)
    collection = _damage_collection(collection, [("notes", "flds", f"{front}\x1fThis one")])
    path = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, collection)
        archive.writestr("media", "{" + ", ".join(f'"{i}": "{n}"' for i, n in
                                                  enumerate(names)) + "}")
        for index, data in enumerate(media.values()):
            archive.writestr(str(index), data)
    return path


def test_a_deck_of_zstd_bombs_stays_within_its_memory_budget(tmp_path: Path) -> None:
    """A 107 KB deck once unpacked to 1.5 GB in memory: here 12 pictures claim 200 MB
    each (2.4 GB in all) in about 100 KB of file."""
    bomb = _zstd_zeros(200 * 2**20)
    bombs = {f"p{i}.png": bomb for i in range(12)}
    deck = _deck_with_media(tmp_path, bombs)
    assert deck.stat().st_size < 200_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = import_file(deck, tmp_path / "pack")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 400
    assert report.imported_total in (0, 1)
    assert not (tmp_path / "pack" / "media").exists()


def test_media_over_the_per_file_limit_is_left_out_and_said(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    monkeypatch.setattr(anki_package, "MAX_MEDIA_BYTES", 1000)
    deck = _deck_with_media(tmp_path, {"big.png": b"x" * 5000, "small.png": b"y" * 10})
    report = import_file(deck, tmp_path / "pack")
    assert [p.name for p in (tmp_path / "pack" / "media").iterdir()] == ["small.png"]
    assert "big.png" in report.missing_media["picture"]
    valid_pack(tmp_path / "pack")


def test_a_collection_over_its_limit_is_refused_before_filling_the_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 19 MB deck once wrote 4 GiB of temporary files."""
    monkeypatch.setattr(anki_package, "MAX_COLLECTION_BYTES", 4096)
    with pytest.raises(ImportFailed, match="unpacks to more than"):
        import_file(ANKI / "ankitects_tests" / "media.apkg", tmp_path / "pack")
    assert not (tmp_path / "pack").exists()


# Collections damaged the way the 31 crashing mutations were: (table, column, value).
DAMAGED = [
    [("col", "models", "[]")], [("col", "models", '"x"')], [("col", "decks", "[1, 2]")],
    [("col", "models", '{"1": {"tmpls": "x", "flds": [1]}}')],
    [("col", "models", '{"x": {"name": 5, "tmpls": [null]}}')],
    [("col", "models", "[" * 100_000)], [("notes", "flds", None)], [("notes", "flds", 7)],
    [("notes", "flds", b"\xff\xfe")], [("cards", "ord", None)], [("cards", "ord", "x")],
    [("cards", "ord", 2**62)], [("notes", "mid", "abc")], [("col", "models", None)],
]


@pytest.mark.parametrize("edits", DAMAGED, ids=lambda e: f"{e[0][0]}.{e[0][1]}")
def test_damaged_collection_values_give_a_report_or_a_typed_error(
        tmp_path: Path, edits: list[tuple[str, str, object]]) -> None:
    member, collection = next((m, d) for m, d in anki_seeds() if m == "collection.anki2")
    deck = tmp_path / "damaged.apkg"
    with zipfile.ZipFile(deck, "w") as archive:
        archive.writestr(member, _damage_collection(collection, edits))
        archive.writestr("media", "[]")  # a list, not the name map: once AttributeError
    try:
        report = import_file(deck, tmp_path / "pack")
    except ImportFailed as exc:
        assert "Anki deck" in str(exc)
        return
    assert report.summary().startswith("imported ")


def test_import_debris_of_killed_runs_is_removed_when_old(tmp_path: Path) -> None:
    old, fresh, other = (tmp_path / "lantern-anki-old", tmp_path / "lantern-import-new",
                         tmp_path / "someone-else")
    for folder in (old, fresh, other):
        folder.mkdir()
        (folder / "collection.sqlite").write_bytes(b"x" * 100)
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    os.utime(other, (time.time() - 7200, time.time() - 7200))
    assert remove_import_debris(tmp_path) == [old]
    assert fresh.exists() and other.exists() and not old.exists()


def test_cancelling_stops_an_import_between_questions(tmp_path: Path) -> None:
    from inference.cancel import CancelToken
    from inference.errors import Cancelled

    quiz = _gift(tmp_path, "".join(f"::Q{i}:: Is {i} even? {{T}}\n\n" for i in range(2000)))
    cancel = CancelToken()
    seen: list[float] = []

    def progress(fraction: float) -> None:
        seen.append(fraction)
        if fraction > 0.1:
            cancel.cancel()

    with pytest.raises(Cancelled):
        import_file(quiz, tmp_path / "pack", progress=progress, cancel=cancel)
    assert not (tmp_path / "pack").exists()
    assert max(seen) < 0.5


def test_hostile_anki_templates_and_clozes_import_in_linear_time(tmp_path: Path) -> None:
    """30 KB of "{{" in a card template took 53 s; "{{c1::" without "}}" was cubic."""
    member, collection = next((m, d) for m, d in anki_seeds() if m == "collection.anki2")
    for template, field in [("{{" * 15_000, "x"), ("{{Front}}", "{{c1::" * 5_000),
                            ("{{ " + " " * 30_000 + "x", "y")]:
        edits = [("templates", "*", template), ("notes", "flds", f"{field}\x1fback")]
        deck = tmp_path / "hostile.apkg"
        with zipfile.ZipFile(deck, "w") as archive:
            archive.writestr(member, _damage_collection(collection, edits))
        start = time.perf_counter()
        report = import_file(deck, tmp_path / f"pack-{len(template)}")
        assert time.perf_counter() - start < 2.0
        assert report.summary().startswith("imported ")


@pytest.mark.parametrize("text, suffix", [
    ("::Q:: [id:" * 20_000 + " {T}", ".gift"),  # was quadratic in the [id:…] pattern
    ("Which?\n" + "\n" * 200_000 + "A. x\nB. y\nANSWER: A\n", ".txt"),  # the Aiken sniff
])
def test_long_runs_in_text_quizzes_stay_linear(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"quiz{suffix}"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    with contextlib.suppress(ImportFailed):  # a refusal is fine, if it comes quickly
        import_file(path, tmp_path / "pack")
    assert time.perf_counter() - start < 2.0


def test_lesson_headings_and_links_are_read_in_linear_time() -> None:
    """A heading with 2,000 spaces took 63 s to split into passages (cubic pattern)."""
    from app.core.content.passages import _heading_title, _plain, _sections

    class Lesson:  # only what _sections reads
        body = "# Fractions" + " " * 30_000 + "x ##\nText [a](" + "[a](" * 10_000 + "\n"

    start = time.perf_counter()
    sections = _sections(Lesson())  # type: ignore[arg-type]
    _plain("![" * 30_000 + "[" * 30_000)
    assert time.perf_counter() - start < 1.0
    assert sections[1][0].startswith("Fractions") and sections[1][0].endswith("x")
    assert _heading_title("Title ##  ") == "Title"


def test_a_spreadsheet_cell_over_the_csv_limit_is_a_typed_refusal(tmp_path: Path) -> None:
    """Was an uncaught ``_csv.Error`` (field larger than field limit)."""
    path = tmp_path / "big.csv"
    path.write_text('question,answer\n"' + "x" * 200_000 + '",y\n', encoding="utf-8")
    with pytest.raises(ImportFailed, match="not a spreadsheet Lantern can read"):
        import_file(path, tmp_path / "pack")


def test_a_picture_name_with_a_nul_byte_is_reported_missing(tmp_path: Path) -> None:
    """Found by fuzzing: pathlib raised ValueError (embedded null byte) in the lookup."""
    path = tmp_path / "nul.csv"
    path.write_text("question,answer\nWhat is ![a](x\0y.png)?,z\n", encoding="utf-8")
    report = import_file(path, tmp_path / "pack")
    assert report.imported_total == 1
    assert report.missing_media == {"picture": {"x\0y.png"}}


def test_a_note_too_long_to_be_a_flashcard_is_skipped_unread(tmp_path: Path) -> None:
    member, collection = next((m, d) for m, d in anki_seeds() if m == "collection.anki2")
    huge = "x" * 1_100_000 + "\x1fback"
    deck = tmp_path / "long.apkg"
    with zipfile.ZipFile(deck, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, _damage_collection(collection, [("notes", "flds", huge)]))
    report = import_file(deck, tmp_path / "pack")
    assert report.imported_total == 0
    assert {s.reason for s in report.skipped} == {
        "the note is longer than 1,000,000 characters"}


def test_questions_past_the_per_file_limit_are_reported(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from app.core.content.importers import build

    monkeypatch.setattr(build, "MAX_QUESTIONS", 3)
    quiz = _gift(tmp_path, "".join(f"::Q{i}:: Is {i} even? {{T}}\n\n" for i in range(5)))
    report = import_file(quiz, tmp_path / "pack")
    assert report.imported_total == 3
    assert [s.reason for s in report.skipped] == ["more than 3 questions in one file"] * 2


def test_a_deck_path_nested_100000_levels_names_its_skill_quickly() -> None:
    """Skill names and prerequisites come from category and deck paths the file gives:
    only the last levels are looked at, and a name stays short."""
    from app.core.content.importers.skills import MAX_NAME, prerequisites, skill_names

    deep = "::".join(f"level_{i}" for i in range(100_000))
    paths = {"a": deep, "b": deep + "::leaf", "c": "x" * 1_000_000}
    start = time.perf_counter()
    names = skill_names(paths, deep_decks=True)
    needs = prerequisites(paths)
    assert time.perf_counter() - start < 2.0
    assert names["b"] == "Level 99999 · leaf"
    assert needs == {}  # nesting deeper than MAX_DEPTH levels is not followed
    assert all(len(name) <= MAX_NAME for name in names.values())
