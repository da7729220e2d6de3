"""Anki decks that read like a subject: fields mapped by note type, markup kept out of
what is graded, the deck's language detected, readable skill names, missing media
counted in one line (issue 16). Decks written by ``anki_decks.write_apkg``."""

from __future__ import annotations

from pathlib import Path

from app.core.content.importers import import_file
from app.core.content.importers.language import detect_language
from app.core.content.importers.report import FieldMap
from tests.content.anki_decks import BASIC, CLOZE, HANZI, REVERSED, write_apkg
from tests.content.import_helpers import questions, valid_pack

LESSON = "mipt_chinese::semester_4::lesson_15::new_words"
WORDS = [("学习", "xuéxí", "учиться; изучать"), ("老师", "lǎoshī", "учитель"),
         ("朋友", "péngyou", "друг"), ("汉字", "hànzì", "китайские иероглифы")]


def _chinese_deck(tmp_path: Path) -> Path:
    notes = [(HANZI, LESSON, (hanzi, f"{pinyin}[sound:{pinyin}.mp3]",
                              f'<ul><li>{meaning}</li></ul><img src="{hanzi}.png">',
                              "a verb" if hanzi == "学习" else ""))
             for hanzi, pinyin, meaning in WORDS]
    return write_apkg(tmp_path / "chinese.apkg", notes, {"学习.png": b"\x89PNG fake"})


def test_a_chinese_deck_is_tagged_chinese_and_named_by_its_lesson(tmp_path: Path) -> None:
    report = import_file(_chinese_deck(tmp_path), tmp_path / "pack")
    pack = valid_pack(tmp_path / "pack")
    assert pack.info.language == "zh-Hans" and report.language == "zh-Hans"
    assert [s.name for s in pack.skills] == ["Lesson 15 · new words"]
    assert report.notes_read == 4 and report.imported_total == 4
    assert report.mapped == {FieldMap("Hanzi", "Hanzi", "Pinyin", "Hint"): 4}


def test_sounds_and_pictures_are_not_graded_and_missing_ones_are_one_line(
        tmp_path: Path) -> None:
    report = import_file(_chinese_deck(tmp_path), tmp_path / "pack")
    first = questions(tmp_path / "pack")[0]
    assert first["prompt"] == "学习"  # the hint field is behind a button in Anki: not shown
    assert first["answers"] == ["xuéxí"]  # without [sound:…]
    assert first["source_hints"] == ["a verb"]
    assert "учиться" in first["solution"] and "media/" in first["solution"]  # picture kept
    assert report.missing_media == {"sound": {f"{p}.mp3" for _h, p, _m in WORDS},
                                    "picture": {"老师.png", "朋友.png", "汉字.png"}}
    assert report.details() == [  # one line, however many files are missing
        "missing from the file (3 pictures, 4 sounds; shown as text): “hànzì.mp3”, "
        "“lǎoshī.mp3”, “péngyou.mp3”, “xuéxí.mp3”, “朋友.png” and 2 more"]
    lines = report.explanations()
    assert "4 notes → 4 questions." in lines
    assert "4 × Hanzi: Hanzi → question, Pinyin → answer, Hint → hint" in lines
    assert "Language detected: Chinese (simplified)." in lines
    assert "7 media files are missing from the file (those pictures and sounds are not " \
           "shown)." in lines


def test_reversed_and_cloze_notes_map_both_ways_and_blank_the_deletions(
        tmp_path: Path) -> None:
    deck = write_apkg(tmp_path / "mixed.apkg", [
        (BASIC, "Geography::Capitals", ("Capital of France?", "Paris<br>on the Seine")),
        (REVERSED, "Geography::Capitals", ("Japan", "Tokyo")),
        (CLOZE, "Geography::Rivers",
         ("The {{c1::Nile}} flows into the {{c2::Mediterranean::sea}}.", "Egypt")),
    ])
    report = import_file(deck, tmp_path / "pack")
    found = {q["prompt"]: q for q in questions(tmp_path / "pack")}
    assert found["Capital of France?"]["answers"] == ["Paris"]  # the first line is graded
    assert "on the Seine" in found["Capital of France?"]["solution"]
    assert found["Japan"]["answers"] == ["Tokyo"] and found["Tokyo"]["answers"] == ["Japan"]
    assert found["The […] flows into the Mediterranean."]["answers"] == ["Nile"]
    assert found["The Nile flows into the [sea]."]["answers"] == ["Mediterranean"]
    assert report.mapped == {
        FieldMap("Basic", "Front", "Back"): 1,
        FieldMap("Basic (and reversed card)", "Front", "Back"): 1,
        FieldMap("Basic (and reversed card)", "Back", "Front"): 1,
        FieldMap("Cloze", "Text", "", cloze=True): 2}
    pack = valid_pack(tmp_path / "pack")
    assert sorted(s.name for s in pack.skills) == ["Capitals", "Rivers"]
    assert pack.info.language == "en" and report.language == ""  # Latin: not claimed


def test_language_detection_by_script() -> None:
    assert detect_language(["学习", "xuéxí", "учиться"] * 5) == "zh-Hans"
    assert detect_language(["學習", "這是什麼", "們"] * 5) == "zh-Hant"
    assert detect_language(["ひらがなとカタカナ、漢字"] * 5) == "ja"
    assert detect_language(["안녕하세요 친구"] * 5) == "ko"
    assert detect_language(["Столица Франции — Париж"] * 5) == "ru"
    assert detect_language(["The capital of France is Paris"] * 5) is None
    assert detect_language(["学"]) is None  # too little to go on
