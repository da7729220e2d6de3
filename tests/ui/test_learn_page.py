"""The Learn screen: real packs rendered from Markdown, headings, tables, images."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument, QTextTable
from pytestqt.qtbot import QtBot

from app.core.content.library import LibraryPack, builtin_dir, list_packs
from app.ui.learn.page import LearnPage

LESSON = "equivalent-fractions"
EXTRA = """

## A table and a picture

| Fraction | Same as |
|---|---|
| 1/2 | 2/4 |
| 2/3 | 8/12 |

![Two thirds of a bar](media/bar.png)
"""


@pytest.fixture
def packs(tmp_path: Path) -> list[LibraryPack]:
    """The real starter packs, with a table and an image added to one lesson."""
    root = tmp_path / "builtin"
    shutil.copytree(builtin_dir(), root)
    pack = root / "fractions"
    (pack / "media").mkdir(exist_ok=True)
    image = QImage(60, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    assert image.save(str(pack / "media" / "bar.png"))
    lesson = pack / "lessons" / "03-equivalent-fractions.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    found, problems = list_packs(builtin=root, installed=tmp_path / "none")
    assert not problems
    return found


@pytest.fixture
def page(qtbot: QtBot, packs: list[LibraryPack]) -> LearnPage:
    widget = LearnPage()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    widget.set_packs(packs)
    return widget


def test_without_packs_it_says_to_ask_the_teacher(qtbot: QtBot) -> None:
    page = LearnPage()
    qtbot.addWidget(page)
    page.set_packs([])
    assert "teacher" in page.reader.toPlainText() and not page.practise.isEnabled()


def test_lesson_list_follows_the_subject(page: LearnPage, packs: list[LibraryPack]) -> None:
    titles = [page.subject.itemText(i) for i in range(page.subject.count())]
    assert titles == [p.pack.info.title for p in packs]
    page.subject.setCurrentIndex(page.subject.findData("fractions"))
    fractions = next(p.pack for p in packs if p.pack.info.id == "fractions")
    assert page.lessons.count() == len(fractions.lessons)


def test_markdown_is_rendered_with_headings_lists_tables_and_images(page: LearnPage) -> None:
    assert page.show_lesson("fractions", LESSON)
    document = page.reader.document()
    text = page.reader.toPlainText()
    assert "**" not in text and "## " not in text  # rendered, not shown as source
    headings, images = [], []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            headings.append(block.text())
        for fragment_it in block:
            fmt = fragment_it.fragment().charFormat()
            if fmt.isImageFormat():
                images.append(fmt.toImageFormat().name())
        block = block.next()
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert "Equivalent fractions" in headings and "A table and a picture" in headings
    assert len(tables) == 1 and tables[0].rows() == 3
    assert images == ["media/bar.png"]
    loaded = page.reader.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                      QUrl(images[0]))
    assert QImage.fromData(loaded).width() == 60  # found in the pack's folder, decodable


def test_show_lesson_scrolls_to_a_heading(page: LearnPage, qtbot: QtBot) -> None:
    page.resize(700, 300)
    assert page.show_lesson("fractions", LESSON)
    assert page.reader.verticalScrollBar().value() == 0
    assert page.show_lesson("fractions", LESSON, heading="Simplifying fractions")
    assert page.reader.verticalScrollBar().value() > 0
    assert page.reader.textCursor().block().text() == "Simplifying fractions"
    assert not page.show_lesson("fractions", "no-such-lesson")
    assert not page.show_lesson("no-such-pack", LESSON)


def test_practise_this_lesson(page: LearnPage, qtbot: QtBot) -> None:
    page.show_lesson("fractions", LESSON)
    with qtbot.waitSignal(page.practise_requested) as signal:
        qtbot.mouseClick(page.practise, Qt.MouseButton.LeftButton)
    assert signal.args == ["fractions", LESSON]


def test_choosing_a_lesson_in_the_list_opens_it(page: LearnPage) -> None:
    page.subject.setCurrentIndex(page.subject.findData("fractions"))
    page.lessons.setCurrentRow(1)
    assert page.current is not None and page.current[0] == "fractions"
    assert page.practise.isEnabled()
