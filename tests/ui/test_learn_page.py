"""The Learn screen: real packs rendered from Markdown, headings, tables, images."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument, QTextTable
from pytestqt.qtbot import QtBot

from app.core.content.library import LibraryPack, builtin_dir, list_packs
from app.ops.context import AppContext
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
def page(qtbot: QtBot, packs: list[LibraryPack], ctx: AppContext) -> LearnPage:
    widget = LearnPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    widget.set_packs(packs)
    return widget


def test_without_packs_it_says_to_ask_the_teacher(qtbot: QtBot, ctx: AppContext) -> None:
    page = LearnPage(ctx)
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


def test_the_tutor_beside_the_lesson_can_be_hidden_for_the_session(
        page: LearnPage, qtbot: QtBot) -> None:
    assert page.tutor.isVisible() and page.tutor.compact and page.tutor.subject is None
    assert page.tutor_toggle.text() == "Hide the tutor"
    qtbot.mouseClick(page.tutor_toggle, Qt.MouseButton.LeftButton)
    assert not page.tutor.isVisible()
    assert page.tutor_toggle.text() == page.tutor_toggle.accessibleName() == "Show the tutor"
    page.show_lesson("fractions", "what-is-a-fraction")  # another lesson: still hidden
    assert not page.tutor.isVisible()
    qtbot.mouseClick(page.tutor_toggle, Qt.MouseButton.LeftButton)
    assert page.tutor.isVisible() and page.tutor_toggle.text() == "Hide the tutor"


def test_free_chat_off_closes_the_box_beside_the_lesson(page: LearnPage, ctx: AppContext,
                                                         qtbot: QtBot) -> None:
    assert page.tutor.question.isEnabled() and page.tutor.closed.isHidden()
    ctx.settings.ai_policy = ctx.settings.ai_policy.model_copy(update={"free_chat": False})
    page.hide()
    page.show()  # coming back to the page re-reads the teacher's policy
    assert not page.tutor.question.isEnabled() and page.tutor.closed.isVisible()
    assert "teacher" in page.tutor.closed.text()


def test_a_question_beside_a_lesson_prefers_it_and_its_citation_scrolls_the_reader(
        qtbot: QtBot, packs: list[LibraryPack], make_ctx) -> None:  # type: ignore[no-untyped-def]
    from app.core.content.passages import pack_passages
    from tests.fakes import FakeChatEngine
    from tests.ui.conftest import fake_host
    from tests.ui.learning import load_models

    fractions = next(p.pack for p in packs if p.pack.info.id == "fractions")
    passage = next(p for p in pack_passages(fractions) if "simplest form" in p.text)
    engine = FakeChatEngine([passage.text.split(". ")[0] + ". "], delay_s=0)
    ctx = make_ctx(fake_host(engine))
    load_models(ctx)
    settings_asked: list[str | None] = []
    real_setting = ctx.tutor.setting

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        settings_asked.append(kwargs.get("open_lesson"))
        return real_setting(*args, **kwargs)

    ctx.tutor.setting = spy  # the real setting, watched
    page = LearnPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 420)
    page.show()
    page.set_packs(packs)
    assert page.show_lesson("fractions", LESSON)
    qtbot.keyClicks(page.tutor.question, "What is the simplest form of a fraction?")
    with qtbot.waitSignal(page.tutor.answer_finished, timeout=120_000):
        qtbot.mouseClick(page.tutor.ask_button, Qt.MouseButton.LeftButton)
        assert page.tutor.busy and page.tutor.model.message(1).streaming  # "Thinking…"
        assert page.tutor.stop_button.isEnabled() and page.tutor.status.isVisible()
    assert settings_asked == [LESSON]
    reply = page.tutor.model.message(1)
    assert reply.sources and not page.tutor.busy and page.tutor.status.isHidden()
    source = reply.sources[0]
    assert (source.lesson_id, source.heading) == (LESSON, passage.heading)
    assert page.reader.verticalScrollBar().value() == 0
    rect = page.tutor.view.visualRect(page.tutor.model.index(1))
    qtbot.mouseClick(page.tutor.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current == ("fractions", LESSON)
    assert page.reader.textCursor().block().text() == passage.heading
    assert page.reader.verticalScrollBar().value() > 0
