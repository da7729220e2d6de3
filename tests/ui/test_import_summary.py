"""After an import the Content page says what was mapped how, the language detected and
the media missing, in the UI's language (real widgets, a deck written by the tests)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ops.context import AppContext
from app.ui.content.page import ContentPage
from app.ui.i18n import UiLanguage
from tests.content.test_import_anki_mapping import _chinese_deck

WAIT_MS = 30_000


def _import(make_ctx: Callable[..., AppContext], qtbot: QtBot, deck: Path) -> list[str]:
    page = ContentPage(make_ctx())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.import_finished, timeout=WAIT_MS) as finished:
        page.import_path(deck)
    assert page.status.text() == finished.args[0]
    return str(finished.args[0]).splitlines()


def test_the_summary_says_how_the_deck_was_mapped(make_ctx: Callable[..., AppContext],
                                                 qtbot: QtBot, tmp_path: Path) -> None:
    lines = _import(make_ctx, qtbot, _chinese_deck(tmp_path))
    assert lines[:5] == [
        "Imported 4 questions (4 short text).",
        "4 notes → 4 questions.",
        "4 × Hanzi: Hanzi → question, Pinyin → answer, Hint → hint",
        "Language detected: Chinese (simplified).",
        "7 media files are missing from the file (those pictures and sounds are not shown)."]
    assert lines[5].startswith("Installed “chinese” 1.0.0: 1 skills")


@pytest.fixture
def chinese(qapp: QApplication, built_translations: Path) -> Iterator[UiLanguage]:
    ui = UiLanguage(qapp)
    assert ui.install("zh_CN")
    yield ui
    ui.remove()


def test_the_summary_is_translated(chinese: UiLanguage, make_ctx: Callable[..., AppContext],
                                   qtbot: QtBot, tmp_path: Path) -> None:
    lines = _import(make_ctx, qtbot, _chinese_deck(tmp_path))
    assert lines[1:5] == [
        "4 条笔记 → 4 道题。",
        "4 × Hanzi：Hanzi → 题目，Pinyin → 答案，Hint → 提示",
        "检测到的语言：简体中文。",
        "文件中缺少 7 个媒体文件（这些图片和声音不会显示）。"]
