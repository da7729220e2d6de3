"""A refused import is explained in the UI's language (the importers' ImportError texts)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ops.context import AppContext
from app.ui.content.page import ContentPage
from app.ui.i18n import UiLanguage
from tests.content.support import MINI

WAIT_MS = 15_000


@pytest.fixture
def chinese(qapp: QApplication, built_translations: Path) -> Iterator[UiLanguage]:
    ui = UiLanguage(qapp)
    assert ui.install("zh_CN")
    yield ui
    ui.remove()


def _evil_zip(tmp_path: Path) -> Path:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for file in MINI.rglob("*"):
            if file.is_file():
                out.write(file, file.relative_to(MINI).as_posix())
        out.writestr("C:/Users/Public/Desktop/evil.txt", b"gotcha")
    return archive


def test_an_unsafe_pack_zip_is_refused_in_chinese(chinese: UiLanguage, qtbot: QtBot,
                                                  make_ctx: Callable[..., AppContext],
                                                  tmp_path: Path) -> None:
    ctx = make_ctx()
    page = ContentPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.import_finished, timeout=WAIT_MS) as finished:
        page.import_path(_evil_zip(tmp_path))
    assert finished.args == ["“evil.zip”里有一个不安全的文件名（C:/Users/Public/Desktop/"
                             "evil.txt）。请只使用你信任的人提供的资料包。"]
    assert not (ctx.paths.data / "content").exists() or not any(
        (ctx.paths.data / "content").iterdir())
    assert not Path("C:/Users/Public/Desktop/evil.txt").exists()
