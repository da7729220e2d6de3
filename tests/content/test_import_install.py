"""Importing a quiz straight into the library, as the Content page does."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.core.content.importers.install import import_and_install, is_quiz_file
from app.core.content.library import list_packs
from inference.cancel import CancelToken
from inference.errors import Cancelled
from tests.content.import_helpers import HERE_DATA, QAS


def test_quiz_is_imported_and_installed(tmp_path: Path) -> None:
    library = tmp_path / "library"
    steps: list[tuple[str, float]] = []
    report, result = import_and_install(QAS / "moodle_xml" / "all.xml", cancel=CancelToken(),
                                        target=library,
                                        progress=lambda m, f: steps.append((m, f)))
    assert result is not None and result.path == library / "all"
    assert report.pack_dir == result.path
    assert result.summary().startswith("Installed “all” 1.0.0: 3 skills, 0 lessons, "
                                       "11 questions.")
    packs, problems = list_packs(builtin=tmp_path / "none", installed=library)
    assert problems == [] and [p.pack.info.id for p in packs] == ["all"]
    fractions = [f for _m, f in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert steps[0][0] == "Reading the questions…"


def test_nothing_importable_installs_nothing(tmp_path: Path) -> None:
    report, result = import_and_install(QAS / "moodle_xml" / "essay.xml",
                                        cancel=CancelToken(), target=tmp_path / "library")
    assert result is None and report.pack_dir is None
    assert report.summary() == "imported 0 questions; skipped 1 (1 essay: no automatic " \
                               "grading)"
    assert not (tmp_path / "library").exists()


def test_cancel_installs_nothing(tmp_path: Path) -> None:
    token = CancelToken()

    def progress(_message: str, fraction: float) -> None:
        if fraction > 0.5:
            token.cancel()

    with pytest.raises(Cancelled):
        import_and_install(HERE_DATA / "modern-deck.apkg", cancel=token,
                           target=tmp_path / "library", progress=progress)
    assert list((tmp_path / "library").glob("*/pack.toml")) == []


def test_quiz_files_are_told_apart_from_packs(tmp_path: Path) -> None:
    pack_zip = tmp_path / "fractions.zip"
    with zipfile.ZipFile(pack_zip, "w") as archive:
        archive.writestr("fractions/pack.toml", "id = 'fractions'\n")
    assert not is_quiz_file(pack_zip)
    assert not is_quiz_file(tmp_path)
    assert is_quiz_file(HERE_DATA / "modern-deck.apkg")
    assert is_quiz_file(QAS / "gift" / "all.gift")
    assert is_quiz_file(QAS / "moodle_xml" / "all.xml")
