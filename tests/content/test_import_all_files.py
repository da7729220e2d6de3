"""The acceptance check: every file under shared/data/quiz and shared/data/anki.

Each one either ends with an honest summary (every question counted as imported or
skipped, a valid pack when something was imported) or is refused with a message that
says what to do. Nothing crashes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.content.importers import ImportFailed, import_file
from tests.content.import_helpers import ANKI, QUIZ, valid_pack

ALL_FILES = sorted(p for root in (QUIZ, ANKI) for p in root.rglob("*") if p.is_file())
NOT_QUIZZES = {".json", ".md", ".yaml"}  # golden trees, licences, a note-model description


def test_the_shared_data_is_there() -> None:
    assert len(ALL_FILES) >= 190


@pytest.mark.parametrize("path", [p for p in ALL_FILES if p.suffix not in (".json",)],
                         ids=lambda p: str(p.relative_to(p.parents[2])))
def test_file_imports_or_is_refused_clearly(path: Path, tmp_path: Path) -> None:
    try:
        report = import_file(path, tmp_path / "pack")
    except ImportFailed as exc:
        assert path.suffix in NOT_QUIZZES or "LICENSE" in path.name, exc.user_message()
        assert exc.hint  # says what to do
        assert not (tmp_path / "pack").exists()
        return
    summary = report.summary()
    assert summary.startswith(f"imported {report.imported_total} question")
    if report.pack_dir is not None:
        assert len(valid_pack(tmp_path / "pack").questions) == report.imported_total
