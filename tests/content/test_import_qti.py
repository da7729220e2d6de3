"""QTI 2.1: the 40 qtiworks sample items, each imported or explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.content.importers import ImportFailed, import_file
from tests.content.import_helpers import QUIZ, questions, valid_pack

QTI = QUIZ / "qti21_qtiworks"
IMPORTED = {"choice", "choice_fixed", "choice_multiple", "feedback", "feedback_adaptive",
            "hint", "inline_choice", "math", "shufflechoice", "shuffleinline_choice",
            "text_entry", "text_entry1", "text_entry2"}
SKIPPED = {  # item -> kind reported
    "adaptive": "several answers in one item", "upload_composite": "several answers in one item",
    "adaptive_template": "randomised item", "template": "randomised item",
    "template_image": "randomised item", "associate": "associate", "match": "matching",
    "towns": "matching", "drawing": "drawing", "extended_text": "extended text",
    "nested_object": "extended text", "upload": "file upload", "gap_match": "drag-and-drop",
    "shufflegap_match": "drag-and-drop", "graphic_gap_match": "drag-and-drop",
    "graphic_order": "ordering", "order": "ordering", "order_partial_scoring": "ordering",
    "graphic_associate": "picture hotspots", "hotspot": "picture hotspots",
    "select_point": "picture hotspots", "position_object": "picture hotspots",
    "hottext": "select text", "slider": "slider",
    "choice_multiple_chocolade": "choice", "likert": "choice",  # no right answer given
}
ITEMS = sorted(QTI.glob("*.xml"))


def test_every_item_is_listed() -> None:
    assert {p.stem for p in ITEMS} == IMPORTED | set(SKIPPED)


@pytest.mark.parametrize("item", ITEMS, ids=lambda p: p.stem)
def test_each_item_is_imported_or_explained(item: Path, tmp_path: Path) -> None:
    report = import_file(item, tmp_path / "pack")
    if item.stem in IMPORTED:
        assert report.imported_total == 1 and not report.skipped
        valid_pack(tmp_path / "pack")
    else:
        assert report.imported_total == 0
        assert [s.kind for s in report.skipped] == [SKIPPED[item.stem]]
        assert report.skipped[0].reason and report.skipped[0].where.startswith("item “")


def test_choice_with_inline_feedback(tmp_path: Path) -> None:
    import_file(QTI / "feedback.xml", tmp_path / "pack")
    (q,) = questions(tmp_path / "pack")
    assert q["prompt"] == "Who is the President of Mexico?"
    fox = next(c for c in q["choices"] if c["text"] == "Vicente Fox")
    assert fox["correct"] is True and fox["feedback"] == "Yes."


def test_text_entry_keeps_partial_credit_and_marks_the_gap(tmp_path: Path) -> None:
    import_file(QTI / "text_entry.xml", tmp_path / "pack")
    (q,) = questions(tmp_path / "pack")
    assert "sun of\n>  _____ ;" in q["prompt"]
    assert q["answers"] == ["York"]
    assert [(a["answer"], a["credit"]) for a in q["graded_answers"]] == [("York", 1.0),
                                                                          ("york", 0.5)]


def test_multiple_response_item(tmp_path: Path) -> None:
    import_file(QTI / "choice_multiple.xml", tmp_path / "pack")
    (q,) = questions(tmp_path / "pack")
    assert q["type"] == "multiple_answer"
    assert sorted(c["text"] for c in q["choices"] if c["correct"]) == ["Hydrogen", "Oxygen"]


def test_the_licence_file_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as caught:
        import_file(QTI / "LICENSE_qtiworks_BSD3.txt", tmp_path / "pack")
    assert "cannot tell what kind of quiz" in str(caught.value)
