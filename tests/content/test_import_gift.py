"""GIFT: the parser against fuhrmanator's golden parse trees, and whole-file imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.content.importers import import_file
from app.core.content.importers.gift_parser import parse_gift
from tests.content.import_helpers import GOLDEN, QAS, questions, valid_pack

GOLDEN_FILES = sorted(GOLDEN.glob("*.gift"))


def test_the_golden_set_is_there() -> None:
    assert len(GOLDEN_FILES) == 51


@pytest.mark.parametrize("gift", GOLDEN_FILES, ids=lambda p: p.stem)
def test_parse_tree_matches_golden(gift: Path) -> None:
    expected = json.loads(gift.with_suffix(".json").read_text(encoding="utf-8"))
    got = [item.tree for item in parse_gift(gift.read_text(encoding="utf-8"))]
    assert got == expected


@pytest.mark.parametrize("gift", GOLDEN_FILES + sorted((QAS / "gift").glob("*.gift")),
                         ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_file_imports_with_an_honest_summary(gift: Path, tmp_path: Path) -> None:
    report = import_file(gift, tmp_path / "pack")
    trees = [i.tree for i in parse_gift(gift.read_text(encoding="utf-8"))]
    items = [t for t in trees if t["type"] != "Category"]
    assert report.imported_total + len(report.skipped) == len(items)  # nothing dropped
    assert report.summary().startswith(f"imported {report.imported_total} question")
    if report.imported_total:
        pack = valid_pack(tmp_path / "pack")
        assert len(pack.questions) == report.imported_total
    else:
        assert report.pack_dir is None and not (tmp_path / "pack").exists()


def test_qas_all_gift_summary(tmp_path: Path) -> None:
    report = import_file(QAS / "gift" / "all.gift", tmp_path / "pack")
    assert report.summary() == (
        "imported 17 questions (3 multiple choice, 2 multiple answer, 4 true/false, "
        "4 numeric, 4 short text); skipped 5 (2 essay: no automatic grading; "
        "2 matching: not supported yet; 1 description: text only, not a question)")
    pack = valid_pack(tmp_path / "pack")
    assert {s.name for s in pack.skills} == {  # categories with questions become skills
        "True-False", "Numericals", "Missing Words", "Shorts", "Multichoice"}  # last parts


def test_feedback_weights_and_tolerances_are_kept(tmp_path: Path) -> None:
    import_file(GOLDEN / "giftFormatPhpExamples.gift", tmp_path / "pack")
    by_prompt = {q["prompt"]: q for q in questions(tmp_path / "pack")}
    (tomb,) = [q for q in questions(tmp_path / "pack") if q["source"].endswith("Grant's Tomb")]
    assert [(c["text"], c["correct"], c["feedback"]) for c in tomb["choices"]] == [
        ("buried", False, "No one is buried there."), ("entombed", True, "Right answer!"),
        ("living", False, "We hope not!")]
    hard = by_prompt["Difficult multiple choice question."]
    assert hard["type"] == "multiple_choice"
    assert [(c["text"], c["correct"], c.get("credit")) for c in hard["choices"]] == [
        ("wrong answer", False, None), ("half credit answer", False, 0.5),
        ("full credit answer", True, None)]
    assert hard["choices"][2]["feedback"] == "well done!"
    born = [q for q in questions(tmp_path / "pack")
            if q["prompt"] == "When was Ulysses S. Grant born?"]
    assert {(q["answer"], q["tolerance"]) for q in born} == {("1822", 5.0), ("1822", 0.0)}
    partial = next(q for q in born if "graded_answers" in q)
    assert partial["graded_answers"][1] == {
        "answer": "1822", "credit": 0.5, "tolerance": 2.0,
        "feedback": "He was born in 1822. You get 50% credit for being close."}


def test_numeric_ranges_become_midpoint_and_tolerance(tmp_path: Path) -> None:
    import_file(GOLDEN / "numerical1.gift", tmp_path / "pack")
    found = {(q["answer"], q["tolerance"]) for q in questions(tmp_path / "pack")}
    assert ("3", 2.0) in found  # {#1..5}
    assert ("0", 5.0) in found  # {#-5..5}
    assert ("3.1415", 0.0005) in found


def test_multiple_answer_weights(tmp_path: Path) -> None:
    import_file(GOLDEN / "multipleAnswersFloat.gift", tmp_path / "pack")
    (q,) = questions(tmp_path / "pack")
    assert q["type"] == "multiple_answer"
    assert [(c["text"], c["correct"], c["credit"]) for c in q["choices"]] == [
        ("Africa", True, 0.33333), ("Asia", True, 0.33333), ("China", False, -1.0),
        ("Antarctica", True, 0.33333), ("America", False, -1.0)]


def test_true_false_feedback_follows_moodle(tmp_path: Path) -> None:
    # Moodle: {FALSE#a#b} shows a for the wrong answer (true) and b for the right one.
    import_file(GOLDEN / "totara_moodle_truefalse.gift", tmp_path / "pack")
    (q,) = questions(tmp_path / "pack")
    assert q["answer"] is False
    assert q["feedback_true"] == "42 is the Ultimate Answer."
    assert q["feedback_false"] == "You gave the right answer."


def test_general_feedback_becomes_the_solution(tmp_path: Path) -> None:
    import_file(GOLDEN / "totara_moodle_shortanswer_general_feedback.gift", tmp_path / "p")
    (q,) = questions(tmp_path / "p")
    assert q["solution"] == "Here is some general feedback!"
    assert q["answers"] == ["Frog"]
    assert [a["credit"] for a in q["graded_answers"]] == [1.0, 0.5, 0.0]


def test_a_broken_question_is_reported_and_the_rest_imported(tmp_path: Path) -> None:
    quiz = tmp_path / "broken.gift"
    quiz.write_text("What is 2+2? {#four}\n\nCapital of France? {=Paris ~London}\n\n"
                    "Unclosed {=yes ~no\n", encoding="utf-8")
    report = import_file(quiz, tmp_path / "pack")
    assert report.imported_total == 1
    assert [(s.kind, s.where) for s in report.skipped] == [
        ("unreadable question", "line 1"), ("unreadable question", "line 5")]
    assert "“four” is not a number" in report.skipped[0].reason
    valid_pack(tmp_path / "pack")


def test_pictures_missing_from_a_gift_file_are_reported(tmp_path: Path) -> None:
    report = import_file(QAS / "gift" / "numericals.gift", tmp_path / "pack")
    assert report.missing_media == {"picture": {"Mojito.jpg"}}
    prompts = [q["prompt"] for q in questions(tmp_path / "pack")]
    assert any("*(picture: " in p for p in prompts)
    valid_pack(tmp_path / "pack")


def test_pictures_next_to_the_gift_file_are_copied(tmp_path: Path) -> None:
    (tmp_path / "dot.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    quiz = tmp_path / "pics.gift"
    quiz.write_text('[html]<p>What is this?</p><img src\\="dot.png" alt\\="a dot">{=a dot ~a '
                    "line}\n", encoding="utf-8")
    report = import_file(quiz, tmp_path / "pack")
    assert report.notes == []
    (q,) = questions(tmp_path / "pack")
    assert "![a dot](media/dot.png)" in q["prompt"]
    assert (tmp_path / "pack" / "media" / "dot.png").read_bytes().endswith(b"fake")
    valid_pack(tmp_path / "pack")
