"""The last English in the Chinese UI: the question box's example, refusals, model
errors and import results all come in the UI's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from app.ui.i18n import UiLanguage
from app.ui.main_window import MainWindow
from inference.errors import ModelCorrupt, ModelNotFound, OutOfMemory
from tests.fakes import FakeChatEngine
from tests.ui.conftest import fake_host
from tests.ui.test_tutor_panel import _ask, _window


@pytest.fixture
def chinese(qapp: QApplication, built_translations: Path) -> Iterator[UiLanguage]:
    ui = UiLanguage(qapp)
    assert ui.install("zh_CN")
    yield ui
    ui.remove()


def _has_latin_words(text: str) -> bool:
    return any(word.isascii() and word.isalpha() and len(word) > 2 for word in text.split())


def test_the_question_box_example_and_a_refusal_come_in_chinese(
        chinese: UiLanguage, qtbot: QtBot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    engine = FakeChatEngine(["Paris."], delay_s=0)
    window: MainWindow = _window(qtbot, make_ctx(fake_host(engine)))  # an English pack
    tutor = window.tutor
    prompt = tutor.question.placeholderText() or tutor.prompt_label.text()
    assert "什么是分数" in prompt and not _has_latin_words(prompt)
    with qtbot.waitSignal(tutor.answer_finished, timeout=120_000) as done:
        _ask(qtbot, window, "What is the capital of France?")
    assert done.args[0] == "我在你的课文里没有找到这个内容，不想乱猜。去问问老师吧！"


@pytest.mark.parametrize("error", [
    ModelNotFound("The chat model file /x/chat.gguf is missing."),
    ModelCorrupt("The model file's header is damaged."),
    OutOfMemory("Not enough memory to load chat.gguf."),
])
def test_model_errors_are_said_in_chinese(chinese: UiLanguage, error: Exception) -> None:
    from app.ui.errors import describe_error

    said = describe_error(error)
    assert said and not _has_latin_words(said.replace("Lantern", "").replace(
        "python -m inference fetch", "")), said


def test_an_import_result_is_said_in_chinese(
        chinese: UiLanguage, qtbot: QtBot, make_ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.content.page import ContentPage

    page = ContentPage(make_ctx())
    qtbot.addWidget(page)
    quiz = tmp_path / "halves.gift"
    quiz.write_text("::Halves:: What is 1/2 + 1/2? {=1 ~2 ~1/4}\n\n"
                    "::Quarters:: How many quarters make a whole? {#4}\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(quiz), ""))
    with qtbot.waitSignal(page.import_finished, timeout=30_000) as done:
        page.import_quiz_button.click()
    first, installed = done.args[0].splitlines()
    assert first == "导入了 2 道题（单选题 1 道，数值题 1 道）。"
    assert installed.startswith("已安装“") and "2 道题" in installed


def test_a_pack_that_is_not_one_is_refused_in_chinese(
        chinese: UiLanguage, qtbot: QtBot, make_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.content.page import ContentPage

    page = ContentPage(make_ctx())
    qtbot.addWidget(page)
    broken = tmp_path / "fractions.zip"
    broken.write_bytes(b"PK\x03\x04 this is not a whole zip file")
    with qtbot.waitSignal(page.import_finished, timeout=30_000) as done:
        page.import_path(broken)
    assert done.args[0].startswith("“fractions.zip”"), done.args[0]
    assert not _has_latin_words(done.args[0].split("（")[0].replace("fractions.zip", ""))
