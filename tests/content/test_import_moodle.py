"""Moodle XML and Aiken: every sample file, every question type imported or explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.content.importers import ImportFailed, import_file
from tests.content.import_helpers import QAS, questions, valid_pack

XML_FILES = sorted((QAS / "moodle_xml").glob("*.xml"))

# file -> (imported, skipped kinds): what each real Moodle sample must come out as.
EXPECTED = {
    "multichoice.xml": (1, []), "truefalse.xml": (1, []), "shortanswer.xml": (1, []),
    "numerical.xml": (1, []), "essay.xml": (0, ["essay"]),
    "description.xml": (0, ["description"]), "matching.xml": (0, ["matching"]),
    "cloze.xml": (0, ["embedded answers (Cloze)"]), "calculated.xml": (0, ["calculated"]),
    "calculatedmulti.xml": (0, ["calculated"]), "calculatedsimple.xml": (0, ["calculated"]),
    "ddwtos.xml": (0, ["drag-and-drop"]), "ddimageortext.xml": (0, ["drag-and-drop"]),
    "ddmarker.xml": (0, ["drag-and-drop"]), "gapselect.xml": (0, ["select missing words"]),
    "randomsamatch.xml": (0, ["random matching"]),
}


def test_every_sample_file_is_listed() -> None:
    assert {p.name for p in XML_FILES} == {*EXPECTED, "all.xml"}


@pytest.mark.parametrize("xml", [p for p in XML_FILES if p.name != "all.xml"],
                         ids=lambda p: p.stem)
def test_each_type_is_imported_or_explained(xml: Path, tmp_path: Path) -> None:
    report = import_file(xml, tmp_path / "pack")
    imported, kinds = EXPECTED[xml.name]
    assert report.imported_total == imported
    assert [s.kind for s in report.skipped] == kinds
    assert all(s.reason and s.where.startswith("question 1") for s in report.skipped)
    if imported:
        valid_pack(tmp_path / "pack")


def test_all_xml_summary_and_pack(tmp_path: Path) -> None:
    report = import_file(QAS / "moodle_xml" / "all.xml", tmp_path / "pack")
    assert report.summary() == (
        "imported 11 questions (5 multiple choice, 1 true/false, 4 numeric, 1 short text); "
        "skipped 14 (4 calculated: not supported: its numbers change on every attempt; "
        "3 drag-and-drop: not supported; 2 essay: no automatic grading; 1 description: "
        "text only, not a question; 1 embedded answers (Cloze): not supported: several "
        "answers in one text; 1 matching: not supported yet; 1 random matching: draws from "
        "the Moodle question bank; 1 select missing words: not supported)")
    pack = valid_pack(tmp_path / "pack")
    assert len(pack.questions) == 11
    # Pictures embedded as base64 are written to media/ and linked from the prompt.
    assert {"media/4.png", "media/dessin.svg", "media/moodlewhich.jpg"} <= set(pack.media)
    assert report.notes == []


def test_numerical_answer_tolerance_unit_and_feedback(tmp_path: Path) -> None:
    import_file(QAS / "moodle_xml" / "all.xml", tmp_path / "pack")
    by_source = {q["source"].split("“")[-1].rstrip("”"): q for q in questions(tmp_path / "pack")}
    assert (by_source["num:int"]["answer"], by_source["num:int"]["tolerance"],
            by_source["num:int"]["unit"]) == ("150", 0.0, "cm")
    assert by_source["num:float"]["tolerance"] == 0.001
    two = by_source["num:2ans"]["graded_answers"]
    assert two[1] == {"answer": "3", "credit": 0.0, "tolerance": 0.0,
                      "feedback": "No, this is the real part"}


def test_multichoice_feedback_and_general_feedback(tmp_path: Path) -> None:
    import_file(QAS / "moodle_xml" / "multichoice.xml", tmp_path / "pack")
    (q,) = questions(tmp_path / "pack")
    assert q["type"] in ("multiple_choice", "multiple_answer")
    assert sum(c["correct"] for c in q["choices"]) >= 1
    assert "![](media/4.png)" in q["prompt"]
    valid_pack(tmp_path / "pack")


def test_damaged_xml_is_refused_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "quiz.xml"
    bad.write_text("<?xml version='1.0'?><quiz><question type='truefalse'>", encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        import_file(bad, tmp_path / "pack")
    assert "is not readable XML" in str(caught.value)
    assert "Export the quiz again" in caught.value.hint
    assert not (tmp_path / "pack").exists()


def test_aiken_sample(tmp_path: Path) -> None:
    report = import_file(QAS / "aiken" / "aiken_1.txt", tmp_path / "pack")
    assert report.summary() == "imported 5 questions (5 multiple choice); nothing skipped"
    pack = valid_pack(tmp_path / "pack")
    first = pack.questions[0]
    assert first.prompt == "Which version of Moodle does this image represent?"
    assert [c.text for c in first.choices if c.correct] == ["2.5"]


def test_aiken_without_answer_line_is_reported(tmp_path: Path) -> None:
    quiz = tmp_path / "quiz.txt"
    quiz.write_text("Is the sky blue?\nA) Yes\nB) No\nANSWER: A\n\nHow many legs?\nA. 2\n"
                    "B. 4\n\nPick one\nA) x\nB) y\nANSWER: C\n", encoding="utf-8")
    report = import_file(quiz, tmp_path / "pack")
    assert report.imported_total == 1
    assert [(s.reason, s.where) for s in report.skipped] == [
        ("the ANSWER: line is missing", "line 6"), ("ANSWER: C names no option", "line 10")]


def test_damaged_picture_html_still_gives_a_valid_pack(tmp_path: Path) -> None:
    # Found by hypothesis: a cut <img> tag left "media/or" looking like a picture.
    quiz = tmp_path / "quiz.xml"
    quiz.write_text(
        '<quiz><question type="truefalse"><name><text>tf</text></name>'
        '<questiontext format="html"><text><![CDATA[Moodle 2.1? <img src="@@PLUGINFILE@@/or '
        'false?<br><img src="@@PLUGINFILE@@/x.jpg">]]></text></questiontext>'
        '<answer fraction="100"><text>true</text></answer>'
        '<answer fraction="0"><text>false</text></answer></question></quiz>',
        encoding="utf-8")
    report = import_file(quiz, tmp_path / "pack")
    assert report.imported_total == 1
    assert any("damaged" in note or "not in the file" in note for note in report.notes)
    valid_pack(tmp_path / "pack")


def test_xml_with_an_unknown_encoding_is_refused_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "quiz.xml"  # found by hypothesis: one byte lost from "utf-8"
    bad.write_bytes(b"<?xml version='1.0' encoding='tf-8'?>\n<quiz></quiz>")
    with pytest.raises(ImportFailed, match="is not readable XML"):
        import_file(bad, tmp_path / "pack")


CATEGORIES = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Iota</text></category>
    <info format="html"><text><![CDATA[<p>Greek letters: the <b>basics</b>.</p>]]></text></info>
  </question>
  <question type="truefalse"><name><text>t1</text></name>
    <questiontext format="html"><text>Iota is a Greek letter.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="category">
    <category><text>$course$/top/Iota/Kappa</text></category>
    <info format="moodle_auto_format"><text>Kappa comes after iota.</text></info>
  </question>
  <question type="truefalse"><name><text>t2</text></name>
    <questiontext format="html"><text>Kappa follows iota.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="category"><category><text>$course$/top/Empty</text></category></question>
  <question type="category"><category><text>$course$/top/Empty/Kappa</text></category></question>
  <question type="truefalse"><name><text>t3</text></name>
    <questiontext format="html"><text>Another kappa.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
</quiz>
"""


def test_categories_become_named_described_and_nested_skills(tmp_path: Path) -> None:
    """`$course$/Iota/Kappa` was the skill's name; now the last part, with the category's
    info as its description and the enclosing category (when it is a skill) before it."""
    quiz = tmp_path / "greek.xml"
    quiz.write_text(CATEGORIES, encoding="utf-8")
    import_file(quiz, tmp_path / "pack")
    skills = {s.id: s for s in valid_pack(tmp_path / "pack").skills}
    assert {sid: s.name for sid, s in skills.items()} == {
        "iota": "Iota", "kappa": "Iota · Kappa", "kappa-2": "Empty · Kappa"}  # two Kappas
    assert skills["iota"].description == "Greek letters: the **basics**."
    assert skills["kappa"].description == "Kappa comes after iota."
    assert skills["kappa"].prerequisites == ("iota",)
    assert skills["kappa-2"].prerequisites == ()  # "Empty" has no questions: no skill


def test_real_categories_are_named_by_their_last_part(tmp_path: Path) -> None:
    import_file(QAS / "moodle_xml" / "all.xml", tmp_path / "pack")
    names = {s.name for s in valid_pack(tmp_path / "pack").skills}
    assert names and not any("$" in n or "/" in n for n in names)
