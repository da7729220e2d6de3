"""The import contract: summary wording, CLI, progress, cancel, bad input, no overwrite."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.content.__main__ import main
from app.core.content.importers import ImportFailed, ImportReport, import_file
from app.core.content.importers.gift_parser import parse_gift
from inference.cancel import CancelToken
from inference.errors import Cancelled
from tests.content.import_helpers import GOLDEN, QAS, valid_pack


def test_summary_wording_matches_the_issue() -> None:
    report = ImportReport(source=Path("quiz.xml"),
                          imported=Counter(multiple_choice=12, numeric=4, short_text=2))
    report.skip("essay", "no automatic grading")
    report.skip("drag-and-drop", "not supported")
    report.skip("essay", "no automatic grading")
    assert report.summary() == (
        "imported 18 questions (12 multiple choice, 4 numeric, 2 short text); skipped 3 "
        "(2 essay: no automatic grading; 1 drag-and-drop: not supported)")


def test_summary_of_one_and_of_nothing() -> None:
    one = ImportReport(source=Path("q.gift"), imported=Counter(true_false=1))
    assert one.summary() == "imported 1 question (1 true/false); nothing skipped"
    assert ImportReport(source=Path("q.gift")).summary() == "imported 0 questions; nothing skipped"


def test_cli_imports_and_the_pack_validates(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["import", str(QAS / "gift" / "shorts.gift"), "--to", str(tmp_path / "p"),
                   "--pack-id", "my-shorts", "--language", "fr", "--licence", "CC BY 4.0"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.splitlines()[-1] == "imported 4 questions (4 short text); nothing skipped"
    assert f"wrote {tmp_path / 'p'}" in out
    pack = valid_pack(tmp_path / "p")
    assert (pack.info.id, pack.info.language, pack.info.licence) == ("my-shorts", "fr",
                                                                     "CC BY 4.0")
    assert main(["validate", str(tmp_path / "p")]) == 0


def test_cli_lists_skips_and_fails_when_nothing_can_be_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["import", str(QAS / "gift" / "essay.gift"), "--to", str(tmp_path / "p")])
    captured = capsys.readouterr()
    assert status == 1
    assert "skipped essay at line 1: no automatic grading" in captured.out
    assert captured.out.strip().endswith("imported 0 questions; skipped 2 (2 essay: no "
                                         "automatic grading)")
    assert "No pack was written" in captured.err
    assert not (tmp_path / "p").exists()


def test_cli_explains_a_missing_file(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "nope.gift"), "--to", str(tmp_path / "p")]) == 1
    assert "There is no file" in capsys.readouterr().err


def test_progress_rises_to_one(tmp_path: Path) -> None:
    seen: list[float] = []
    import_file(QAS / "moodle_xml" / "all.xml", tmp_path / "pack", progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 10


def test_cancel_writes_nothing(tmp_path: Path) -> None:
    token = CancelToken()

    def progress(fraction: float) -> None:
        if fraction > 0.3:
            token.cancel()

    with pytest.raises(Cancelled):
        import_file(QAS / "moodle_xml" / "all.xml", tmp_path / "pack", progress=progress,
                    cancel=token)
    assert list(tmp_path.iterdir()) == []  # no pack, no temporary folder left behind


def test_an_existing_pack_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "pack"
    target.mkdir()
    (target / "pack.toml").write_text("id = 'mine'\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        import_file(QAS / "gift" / "shorts.gift", target)
    assert "already exists and is not empty" in str(caught.value)
    assert "nothing was changed" in caught.value.hint
    assert [p.name for p in target.iterdir()] == ["pack.toml"]
    assert (target / "pack.toml").read_text(encoding="utf-8") == "id = 'mine'\n"


def test_an_empty_folder_may_be_the_target(tmp_path: Path) -> None:
    (tmp_path / "pack").mkdir()
    report = import_file(QAS / "gift" / "shorts.gift", tmp_path / "pack")
    assert report.pack_dir == tmp_path / "pack"
    valid_pack(tmp_path / "pack")


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "quiz.gift"
    empty.write_bytes(b"")
    with pytest.raises(ImportFailed, match="is empty"):
        import_file(empty, tmp_path / "pack")


def test_windows_1252_text_is_read(tmp_path: Path) -> None:
    quiz = tmp_path / "quiz.gift"
    quiz.write_bytes("Où est Zürich ? {=En Suisse ~En Autriche}\n".encode("cp1252"))
    import_file(quiz, tmp_path / "pack")
    assert valid_pack(tmp_path / "pack").questions[0].prompt == "Où est Zürich ?"


GIFT_SAMPLES = [p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.gift"))]
CONTROL = st.sampled_from([*"{}=~#:\\%->\n []TF", "::", "####", "\n\n", "{#", "->"])


@st.composite
def mutated_gift(draw: st.DrawFn) -> str:
    """A real GIFT file with characters deleted, inserted (often GIFT's own) or swapped."""
    text = draw(st.sampled_from(GIFT_SAMPLES))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["delete", "insert", "insert-any"]))
        if action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 5)):]
        else:
            piece = draw(CONTROL if action == "insert" else st.text(max_size=4))
            text = text[:at] + piece + text[at:]
    return text


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_gift())
def test_gift_parser_never_crashes(text: str) -> None:
    for item in parse_gift(text):
        assert item.tree["type"] in {"Category", "Description", "MC", "Short", "TF",
                                     "Numerical", "Matching", "Essay", "Invalid"}


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=mutated_gift())
def test_import_of_mutated_gift_gives_a_report_and_a_valid_pack(text: str,
                                                                tmp_path: Path) -> None:
    quiz, target = tmp_path / "quiz.gift", tmp_path / "pack"
    shutil.rmtree(target, ignore_errors=True)
    quiz.write_text(text, encoding="utf-8")
    try:
        report = import_file(quiz, target)
    except ImportFailed:
        return  # e.g. the mutation emptied the file: refused with a message
    assert report.summary().startswith("imported ")
    if report.pack_dir is not None:
        valid_pack(target)


def test_a_bad_pack_id_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="cannot be a pack id"):
        import_file(QAS / "gift" / "shorts.gift", tmp_path / "pack", pack_id="My Quiz")
    assert not (tmp_path / "pack").exists()
