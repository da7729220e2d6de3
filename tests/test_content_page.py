"""The Content and Subjects pages on real widgets, a real context and real pack files."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.ops.context import AppContext
from app.ui.content.page import ContentPage
from app.ui.content.subjects import SubjectsPage
from tests.content_support import MINI, copy_mini, edit

WAIT_MS = 15_000


@pytest.fixture
def ctx() -> Iterator[AppContext]:
    context = AppContext.create()
    yield context
    context.close()


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> ContentPage:
    widget = ContentPage(ctx)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.packs_changed, timeout=WAIT_MS):
        pass  # the first listing, read on the io lane
    return widget


def titles(page: ContentPage) -> list[str]:
    return [page.table.item(row, 0).text() for row in range(page.table.rowCount())]


def row_of(page: ContentPage, title: str) -> int:
    return titles(page).index(title)


def zip_of(folder: Path, archive: Path) -> Path:
    with zipfile.ZipFile(archive, "w") as out:
        for file in folder.rglob("*"):
            if file.is_file():
                out.write(file, file.relative_to(folder).as_posix())
    return archive


def test_import_zip_from_the_dialog_then_remove(qtbot: QtBot, page: ContentPage,
                                                ctx: AppContext, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    archive = zip_of(MINI, tmp_path / "decimals.zip")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(archive), "Content packs (*.zip)"))
    with qtbot.waitSignal(page.import_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(page.import_zip_button, Qt.MouseButton.LeftButton)
    assert finished.args == ["Installed “Decimals in a nutshell” 1.2.0: 3 skills, "
                             "2 lessons, 5 questions."]
    assert page.status.text() == finished.args[0] and page.progress.isHidden()
    qtbot.waitUntil(lambda: "Decimals in a nutshell" in titles(page), timeout=WAIT_MS)
    row = row_of(page, "Decimals in a nutshell")
    assert [page.table.item(row, c).text() for c in range(5)] == [
        "Decimals in a nutshell", "Maths", "1.2.0", "CC0 1.0", "Installed"]
    assert (ctx.paths.data / "content" / "mini-decimals" / "pack.toml").is_file()

    page.table.selectRow(row)
    assert page.remove_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.packs_changed, timeout=WAIT_MS):
        qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert "Decimals in a nutshell" not in titles(page)
    assert not (ctx.paths.data / "content" / "mini-decimals").exists()


def test_broken_pack_shows_every_problem_and_installs_nothing(
        qtbot: QtBot, page: ContentPage, ctx: AppContext, tmp_path: Path) -> None:
    broken = copy_mini(tmp_path)
    edit(broken / "questions" / "tenths.toml", 'answer = "0.7"', 'answer = "seven"')
    edit(broken / "pack.toml", 'prerequisites = []', 'prerequisites = ["hundredths"]')
    with qtbot.waitSignal(page.import_finished, timeout=WAIT_MS) as finished:
        page.import_path(broken)
    assert "has 2 problems" in finished.args[0]
    assert page.problems.isVisible() or not page.isVisible()
    text = page.problems.toPlainText()
    assert "questions/tenths.toml:" in text and "not a number" in text
    assert "pack.toml:" in text and "circle" in text
    assert not (ctx.paths.data / "content").exists() or not any(
        (ctx.paths.data / "content").iterdir())


def test_builtin_packs_are_listed_and_cannot_be_removed(page: ContentPage) -> None:
    assert page.packs, "the starter packs in assets/content should be listed"
    row = next(i for i, entry in enumerate(page.packs) if entry.builtin)
    page.table.selectRow(row)
    assert page.table.item(row, 4).text() == "Built in"
    assert not page.remove_button.isEnabled()
    assert "cannot be removed" in page.remove_button.toolTip()


def test_subjects_follow_the_packs(qtbot: QtBot, page: ContentPage) -> None:
    subjects = SubjectsPage()
    qtbot.addWidget(subjects)
    subjects.set_packs([])
    assert subjects.list.count() == 0 and not subjects.empty.isHidden()
    subjects.set_packs(page.packs)
    assert subjects.list.count() == len(page.packs) and subjects.empty.isHidden()
    first = page.packs[0].pack
    assert subjects.list.item(0).text() == (
        f"{first.info.title} — {first.info.subject} · {len(first.lessons)} lessons")
