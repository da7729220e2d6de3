"""`python -m app plan --pack PATH`: the plan a new learner would see, as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.core.content.importers import import_file
from app.core.content.library import builtin_dir
from tests.shared_data import SHARED_DATA

REPO = Path(__file__).resolve().parents[2]


def plan(path: Path) -> tuple[int, list[dict[str, str]], str]:
    done = subprocess.run([sys.executable, "-m", "app", "plan", "--pack", str(path)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    lines = done.stdout.strip().splitlines()
    items = json.loads(lines[-1])["plan"] if done.returncode == 0 else []
    return done.returncode, items, done.stderr


def test_an_imported_quiz_gets_new_skills_to_try(tmp_path: Path) -> None:
    source = SHARED_DATA / "quiz" / "qas_editor" / "gift" / "all.gift"
    report = import_file(source, tmp_path / "quiz")
    assert report.pack_dir is not None
    code, items, _ = plan(tmp_path / "quiz")
    assert code == 0 and len(items) == 3
    assert all(item["kind"] == "new skill" and item["skill"] and item["reason"]
               for item in items)


def test_a_zipped_pack_with_lessons_starts_with_a_lesson(tmp_path: Path) -> None:
    folder = builtin_dir() / "fractions"
    archive = tmp_path / "fractions.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in folder.rglob("*"):
            if path.is_file():
                zipped.write(path, Path("fractions") / path.relative_to(folder))
    code, items, _ = plan(archive)
    assert code == 0 and items[0]["kind"] == "new lesson"
    assert items[0]["reason"].startswith("Start ")


@pytest.mark.parametrize("name", ["missing", "not-a-pack"])
def test_a_bad_path_is_one_clear_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name == "not-a-pack":
        path.mkdir()
        (path / "notes.txt").write_text("hello")
    code, _items, err = plan(path)
    assert code == 2 and err.startswith("error: ") and "Traceback" not in err
