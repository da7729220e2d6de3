"""QTI 2: the qtiworks sample items, each imported or explained, one by one and as an IMS
content package (a zip with imsmanifest.xml, made here from the same items)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.core.content.importers import ImportFailed, import_file
from app.core.content.model import QuestionType
from app.core.learner.answers import answer_text, grade_answer
from tests.content.import_helpers import QUIZ, questions, valid_pack

QTI = QUIZ / "qti21_qtiworks"
IMPORTED = {"choice", "choice_fixed", "choice_multiple", "feedback", "feedback_adaptive",
            "hint", "inline_choice", "math", "shufflechoice", "shuffleinline_choice",
            "text_entry", "text_entry1", "text_entry2", "order", "order_partial_scoring"}
SKIPPED = {  # item -> kind reported
    "adaptive": "several answers in one item", "upload_composite": "several answers in one item",
    "adaptive_template": "randomised item", "template": "randomised item",
    "template_image": "randomised item", "associate": "associate", "match": "matching",
    "towns": "matching", "drawing": "drawing", "extended_text": "extended text",
    "nested_object": "extended text", "upload": "file upload", "gap_match": "drag-and-drop",
    "shufflegap_match": "drag-and-drop", "graphic_gap_match": "drag-and-drop",
    "graphic_order": "ordering",  # the items are pictures placed on a picture
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


def _package(tmp_path: Path, hrefs: list[str], extra: dict[str, bytes] | None = None) -> Path:
    """A content package whose manifest lists ``hrefs``; every qtiworks item is in it."""
    resources = "".join(f'<resource identifier="r{i}" type="imsqti_item_xmlv2p2" '
                        f'href="{h}"><file href="{h}"/></resource>' for i, h in enumerate(hrefs))
    manifest = ('<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m">'
                f'<organizations/><resources>{resources}'
                '<resource identifier="css" type="webcontent" href="style.css"/>'
                '</resources></manifest>')
    path = tmp_path / "bank.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest)
        for item in ITEMS:
            archive.write(item, f"items/{item.name}")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def test_a_content_package_imports_item_by_item(tmp_path: Path) -> None:
    """Refused before as "not an Anki deck"; now every listed item is imported or
    reported, exactly as when imported alone (15 of the 39 items)."""
    package = _package(tmp_path, [f"items/{p.name}" for p in ITEMS])
    report = import_file(package, tmp_path / "pack")
    assert report.imported_total == len(IMPORTED) == 15
    assert sorted(s.kind for s in report.skipped) == sorted(SKIPPED.values())
    pack = valid_pack(tmp_path / "pack")
    assert {q.type for q in pack.questions} == {
        QuestionType.MULTIPLE_CHOICE, QuestionType.MULTIPLE_ANSWER, QuestionType.SHORT_TEXT,
        QuestionType.ORDERING}


def test_a_package_names_what_it_lacks_and_refuses_what_escapes(tmp_path: Path) -> None:
    package = _package(tmp_path, ["items/order.xml", "items/gone.xml", "../../etc/passwd",
                                  "items/order.xml"], {"items/bad.xml": b"<assessmentItem"})
    report = import_file(package, tmp_path / "pack")
    assert report.imported_total == 1  # listed twice, imported once
    assert [(s.kind, s.where) for s in report.skipped] == [
        ("QTI item", "“items/gone.xml”"), ("QTI item", "“../../etc/passwd”")]


def test_a_package_with_no_items_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="lists no QTI items"):
        import_file(_package(tmp_path, []), tmp_path / "pack")


def test_an_order_item_becomes_an_ordering_question_a_learner_can_answer(
        tmp_path: Path) -> None:
    import_file(QTI / "order.xml", tmp_path / "pack")
    (q,) = questions(tmp_path / "pack")
    assert q["type"] == "ordering"
    assert q["items"] == ["Michael Schumacher", "Rubens Barrichello", "Jenson Button"]
    (question,) = valid_pack(tmp_path / "pack").questions
    assert grade_answer(question, (0, 1, 2)).correct
    wrong = grade_answer(question, (1, 0, 2))
    assert not wrong.correct and "2 items are not in their place" in wrong.message
    assert not grade_answer(question, (0, 1)).correct  # an item left out: unreadable
    assert answer_text(question, (2, 0, 1)) == (
        "Jenson Button\nMichael Schumacher\nRubens Barrichello")


def test_a_multiple_response_item_is_graded_on_the_whole_set(tmp_path: Path) -> None:
    import_file(QTI / "choice_multiple.xml", tmp_path / "pack")
    (question,) = valid_pack(tmp_path / "pack").questions
    assert question.type is QuestionType.MULTIPLE_ANSWER
    right = frozenset(i for i, c in enumerate(question.choices) if c.correct)
    assert len(right) > 1 and grade_answer(question, right).correct
    assert not grade_answer(question, frozenset(list(right)[:1])).correct
