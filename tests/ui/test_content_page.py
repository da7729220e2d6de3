"""The Content and Subjects pages on real widgets, a real context and real pack files."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.core.content.index import RetrievalIndex
from app.core.content.loader import load_pack
from app.ops import content as content_ops
from app.ops.context import AppContext
from app.ui.content.page import ContentPage
from app.ui.content.subjects import SubjectsPage
from inference.cancel import CancelToken
from tests.content.support import MINI, copy_mini, edit
from tests.fakes import FakeChatEngine
from tests.ui.conftest import fake_host

WAIT_MS = 15_000


@pytest.fixture
def ctx(make_ctx: Callable[..., AppContext]) -> AppContext:
    return make_ctx()


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
                             "2 lessons, 6 questions."]
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
    assert not page.problems.isHidden()
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
        f"{first.info.title} — {first.info.subject}, English · {len(first.lessons)} lessons")
    chinese = next(i for i, e in enumerate(page.packs) if e.pack.info.language.startswith("zh"))
    assert ", 简体中文 · " in subjects.list.item(chinese).text()


def test_quizzes_have_their_own_button_and_an_unknown_licence_is_explained(
        qtbot: QtBot, page: ContentPage, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    button = page.import_quiz_button
    assert button.text() == "Import quiz file… (Moodle XML, GIFT, Aiken, Anki, CSV, QTI)"
    assert button.isVisibleTo(page) and button.isEnabled()
    quiz = tmp_path / "halves.gift"
    quiz.write_text("::Halves:: What is 1/2 + 1/2? {=1 ~2 ~1/4}\n\n"
                    "::Quarters:: How many quarters make a whole? {#4}\n", encoding="utf-8")
    asked: list[str] = []

    def choose(_parent: object, caption: str, _dir: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(quiz), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    with qtbot.waitSignal(page.import_finished, timeout=WAIT_MS):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "*.gift" in asked[0] and "*.xml" in asked[0] and "*.apkg" in asked[0]
    qtbot.waitUntil(lambda: any("halves" in t.casefold() for t in titles(page)),
                    timeout=WAIT_MS)
    row = next(r for r, t in enumerate(titles(page)) if "halves" in t.casefold())
    licence = page.table.item(row, 3)
    assert licence.text() == "Unknown: ask the author"
    assert "did not say under which licence" in licence.toolTip()


def test_cancel_import_changes_nothing(qtbot: QtBot, page: ContentPage, ctx: AppContext) -> None:
    gate = threading.Event()
    ctx.runner.submit("io", gate.wait)  # keep the io lane busy until Cancel was pressed
    page.import_path(MINI)
    assert not page.cancel_button.isHidden()
    assert not page.import_folder_button.isEnabled()
    with qtbot.waitSignal(page.import_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        gate.set()
    assert finished.args == ["Import cancelled. Nothing was changed."]
    assert page.import_folder_button.isEnabled()
    assert not (ctx.paths.data / "content" / "mini-decimals").exists()


@pytest.mark.slow
def test_build_index_op_reports_progress_and_caches(qtbot: QtBot,
                                                    make_ctx: Callable[..., AppContext]) -> None:
    """The op the tutor uses: real embedding model on the inference lane, cache on disk."""
    ctx = make_ctx(fake_host(FakeChatEngine()))
    ctx.models.load_all(lambda _m, _f: None, CancelToken())
    holder = QWidget()
    qtbot.addWidget(holder)
    pack = load_pack(MINI)
    progress: list[float] = []
    built: list[RetrievalIndex] = []
    content_ops.build_index(parent=holder, ctx=ctx, pack=pack,
                            on_progress=lambda _m, f: progress.append(f),
                            on_done=built.append, on_error=pytest.fail,
                            on_cancel=lambda: pytest.fail("not cancelled"))
    qtbot.waitUntil(lambda: bool(built), timeout=60_000)
    assert progress and progress[-1] == 1.0
    hits = built[0].search("Which is bigger, 0.5 or 0.45?", embedder=ctx.models.embed(), k=1)
    assert hits[0].passage.heading == "Comparing decimals"
    key = content_ops.embed_model_sha256(ctx)
    assert (ctx.paths.cache / "index" / f"mini-decimals@1.2.0-{key[:16]}").is_dir()


def test_a_moodle_quiz_file_is_imported_with_an_honest_summary(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    quiz = (Path(__file__).resolve().parents[2].parent / "shared" / "data" / "quiz" /
            "qas_editor" / "aiken")
    files = sorted(p for p in quiz.rglob("*") if p.is_file())
    assert files, "the shared Aiken sample is missing"
    from app.ops.context import AppContext
    from app.ui.content.page import ContentPage

    ctx = AppContext.create()
    page = ContentPage(ctx)
    qtbot.addWidget(page)
    try:
        with qtbot.waitSignal(page.import_finished, timeout=60_000) as done:
            page.import_path(files[0])
        assert done.args[0].startswith("Imported ")
    finally:
        page.shutdown()
        ctx.close()
