"""Anki: Anki's own test decks (legacy), a modern zstd deck, plain-text notes, CSV."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.core.content.importers import ImportFailed, import_file
from tests.content.import_helpers import ANKI, HERE_DATA, questions, valid_pack

ANKITECTS = ANKI / "ankitects_tests"
GEOGRAPHY = ANKI / "ultimate_geography_csv"
MODERN = HERE_DATA / "modern-deck.apkg"

# file -> exact summary: each real file must end with this honest line.
SUMMARIES = {
    "anki2-alpha.anki2": "imported 0 questions; skipped 1 (1 flashcard: the back of the "
                         "card is empty)",
    "diffmodels2-1.apkg": "imported 1 question (1 short text); nothing skipped",
    "diffmodels2-2.apkg": "imported 2 questions (2 short text); nothing skipped",
    "diffmodeltemplates-1.apkg": "imported 1 question (1 short text); nothing skipped",
    "diffmodeltemplates-2.apkg": "imported 1 question (1 short text); nothing skipped",
    "media.apkg": "imported 0 questions; skipped 1 (1 flashcard: the back of the card is "
                  "empty)",
    "mediacheck.anki2": "imported 1 question (1 short text); skipped 2 (2 flashcard: the "
                        "answer is a picture or sound: no automatic grading)",
    "text-2fields.txt": "imported 6 questions (6 short text); skipped 3 (1 flashcard: a "
                        "line needs a question and an answer separated by a tab; 1 "
                        "flashcard: the back of the card is empty; 1 flashcard: the front "
                        "of the card is empty)",
    "text-tags.txt": "imported 2 questions (2 short text); nothing skipped",
    "text-update.txt": "imported 1 question (1 short text); nothing skipped",
    "update1.apkg": "imported 1 question (1 short text); nothing skipped",
    "update2.apkg": "imported 1 question (1 short text); nothing skipped",
}


def test_every_file_is_listed() -> None:
    assert {p.name for p in ANKITECTS.iterdir()} == set(SUMMARIES)


@pytest.mark.parametrize("deck", sorted(ANKITECTS.iterdir()), ids=lambda p: p.name)
def test_ankitects_decks(deck: Path, tmp_path: Path) -> None:
    report = import_file(deck, tmp_path / "pack")
    assert report.summary() == SUMMARIES[deck.name]
    if report.imported_total:
        valid_pack(tmp_path / "pack")


def test_reversed_cards_give_one_question_each(tmp_path: Path) -> None:
    import_file(ANKITECTS / "diffmodels2-2.apkg", tmp_path / "pack")
    pairs = [(q["prompt"], q["answers"]) for q in questions(tmp_path / "pack")]
    assert pairs == [("front", ["back"]), ("back", ["front"])]


def test_modern_apkg_is_zstd_with_protobuf_media() -> None:
    with zipfile.ZipFile(MODERN) as archive:
        assert "collection.anki21b" in archive.namelist()
        assert archive.read("collection.anki21b")[:4] == b"\x28\xb5\x2f\xfd"
        assert archive.read("media")[:4] == b"\x28\xb5\x2f\xfd"


def test_modern_apkg_imports_cards_cloze_and_media(tmp_path: Path) -> None:
    report = import_file(MODERN, tmp_path / "pack")
    assert report.summary() == ("imported 6 questions (6 short text); skipped 1 "
                                "(1 flashcard: the back of the card is empty)")
    pack = valid_pack(tmp_path / "pack")
    assert pack.media == ("media/half-circle.png",)  # referenced: kept; unused: not
    assert (tmp_path / "pack" / "media" / "half-circle.png").read_bytes()[:4] == b"\x89PNG"
    assert [s.name for s in pack.skills] == ["Halves"]  # the deck path's last part
    found = {q["prompt"]: q for q in questions(tmp_path / "pack")}
    red = found["What fraction of the circle is red?\n![](media/half-circle.png)"]
    assert red["answers"] == ["one half"]
    assert found["How many halves make one whole?"]["answers"] == ["2"]
    assert found["numerator"]["answers"] == ["the top number of a fraction"]
    assert found["the top number of a fraction"]["answers"] == ["numerator"]
    cloze = found["In 3/4 the numerator is 3 and the [bottom number] is 4."]
    assert cloze["answers"] == ["denominator"]
    assert cloze["solution"].endswith("The denominator counts the equal parts.")
    assert found["In 3/4 the […] is 3 and the denominator is 4."]["answers"] == ["numerator"]


def test_a_zip_that_is_not_a_deck_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "photos.apkg"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("holiday.jpg", b"not a deck")
    with pytest.raises(ImportFailed) as caught:
        import_file(fake, tmp_path / "pack")
    assert "not an Anki deck" in str(caught.value)
    assert "Export" in caught.value.hint


def test_a_damaged_collection_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.anki2"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(ImportFailed, match="damaged or not an Anki collection"):
        import_file(broken, tmp_path / "pack")


@pytest.mark.parametrize("sheet", sorted(GEOGRAPHY.glob("*.csv")), ids=lambda p: p.name)
def test_ultimate_geography_spreadsheets(sheet: Path, tmp_path: Path) -> None:
    report = import_file(sheet, tmp_path / "pack")
    rows = len(sheet.read_text(encoding="utf-8").splitlines()) - 1
    assert report.imported_total + len(report.skipped) == rows  # every row accounted for
    if sheet.name == "main.csv":  # flags and maps: pictures only
        assert report.imported_total == 0 and report.pack_dir is None
    else:
        valid_pack(tmp_path / "pack")


def test_capitals_become_questions(tmp_path: Path) -> None:
    report = import_file(GEOGRAPHY / "capital.csv", tmp_path / "pack")
    assert report.summary() == "imported 219 questions (219 short text); nothing skipped"
    first = questions(tmp_path / "pack")[0]
    assert first["prompt"] == "country: **England** — what is the capital?"
    assert first["answers"] == ["London"]
    assert "- capital:fr: Londres" in first["solution"]


def test_flags_are_pictures_and_are_reported(tmp_path: Path) -> None:
    report = import_file(GEOGRAPHY / "main.csv", tmp_path / "pack")
    reasons = [s.reason for s in report.skipped]
    assert reasons.count("the answer is a picture: no automatic grading") == 221
    assert reasons.count("the answer cell is empty") == 102  # no flag for that row
    assert report.summary() == (
        "imported 0 questions; skipped 323 (221 spreadsheet row: the answer is a picture: "
        "no automatic grading; 102 spreadsheet row: the answer cell is empty)")


@pytest.mark.parametrize("name", ["LICENSE.md", "note_model_Ultimate_Geography.yaml"])
def test_files_that_are_not_quizzes_are_refused_clearly(name: str, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as caught:
        import_file(GEOGRAPHY / name, tmp_path / "pack")
    assert f"cannot tell what kind of quiz “{name}” is" in str(caught.value)
    assert "Lantern imports Moodle GIFT" in caught.value.hint
    assert not (tmp_path / "pack").exists()


def test_media_with_spaces_in_their_names_are_kept(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text('#separator:tab\n#html:true\n<img src="my map.png">Which country?\t'
                     "France\n", encoding="utf-8")
    (tmp_path / "my map.png").write_bytes(b"\x89PNG\r\n\x1a\nmap")
    report = import_file(notes, tmp_path / "pack")
    assert report.notes == []
    (q,) = questions(tmp_path / "pack")
    assert q["prompt"] == "![](media/my-map.png)Which country?"
    assert (tmp_path / "pack" / "media" / "my-map.png").is_file()
    valid_pack(tmp_path / "pack")


def test_sounds_are_kept_and_missing_ones_reported(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("[sound:bonjour.mp3] What does this word mean?\thello\n"
                     "[sound:lost.mp3] And this one?\tgoodbye\n", encoding="utf-8")
    (tmp_path / "bonjour.mp3").write_bytes(b"ID3fake")
    report = import_file(notes, tmp_path / "pack")
    first, second = questions(tmp_path / "pack")
    assert first["prompt"] == "[🔊 bonjour.mp3](media/bonjour.mp3) What does this word mean?"
    assert second["prompt"] == "*(sound: lost.mp3)* And this one?"
    assert report.missing_media == {"sound": {"lost.mp3"}}  # counted, one line in details
    assert report.details() == ["missing from the file (1 sound; shown as text): “lost.mp3”"]
    assert (tmp_path / "pack" / "media" / "bonjour.mp3").read_bytes() == b"ID3fake"
