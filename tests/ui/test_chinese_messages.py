"""Words written below the UI reach the Chinese UI in Chinese: why quiz items were
skipped, what is wrong in a pack, why a model file was refused and how adding it goes.

Each path is driven through the real page (files chosen with a patched file dialog) and
every line shown is checked for an English sentence left untranslated.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from app.ops.context import AppContext
from app.ui.content.page import ContentPage
from app.ui.i18n import UiLanguage
from app.ui.settings.models_section import ModelsSection
from tests.content.support import MINI

WAIT_MS = 30_000
# Names the teacher typed or that a file holds ("evil.zip", “tenthz”, `models use …`):
# quoted or code, they stay as written.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|`[^`]*`|'[^']*'|\S*[./_]\S*")
# Three English words in a row is a sentence someone forgot to translate.
_ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,;:()-]+[A-Za-z]{2,}){2,}")


def english_in(text: str) -> list[str]:
    """The untranslated English runs in ``text`` (names in quotes and file names aside)."""
    return _ENGLISH_RUN.findall(_QUOTED.sub(" ", text))


@pytest.fixture
def chinese(qapp: QApplication, built_translations: Path) -> Iterator[UiLanguage]:
    ui = UiLanguage(qapp)
    assert ui.install("zh_CN")
    yield ui
    ui.remove()


def test_the_check_finds_english_and_leaves_names_alone() -> None:
    assert english_in("skipped essay at line 3: no automatic grading")
    assert not english_in("跳过了第 3 行的论述题：无法自动批改")
    assert not english_in("题目“What is a fraction”引用了不存在的知识点“tenthz”。")
    assert not english_in("第 2 题“Adding two halves”：需要一个“true”答案")


MOODLE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>Halves</text></name>
    <questiontext format="html"><text>What is 1/2 + 1/2?</text></questiontext>
    <answer fraction="100"><text>1</text></answer>
    <answer fraction="0"><text>2</text></answer>
  </question>
  <question type="essay">
    <name><text>Explain fractions</text></name>
    <questiontext format="html"><text>Explain what a fraction is.</text></questiontext>
  </question>
  <question type="multichoice">
    <name><text>No right answer</text></name>
    <questiontext format="html"><text>Pick one</text></questiontext>
    <answer fraction="0"><text>a</text></answer>
    <answer fraction="0"><text>b</text></answer>
  </question>
  <question type="truefalse">
    <name><text>Half a half</text></name>
    <questiontext format="html"><text>A half of a half is a quarter.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
  </question>
  <question type="calculated">
    <name><text>Changing numbers</text></name>
    <questiontext format="html"><text>{a} + {b}?</text></questiontext>
  </question>
</quiz>
"""
GIFT = """::Halves:: What is 1/2 + 1/2? {=1 ~2 ~1/4}

::Broken:: What is 2 + 2? {=4 ~3

::Essay:: Explain a fraction. {}

::Odd:: How many halves in a whole? {#two}
"""
AIKEN = """What is 1/2 + 1/2?
A) 1
B) 2
ANSWER: A

What is 1/4 + 1/4?
A) 1/2
B) 1
"""
CSV = "question,answer\nWhat is 1/2 of 4?,2\n,3\nHow much is a half?,\n"


def _import_quiz(page: ContentPage, qtbot: QtBot, quiz: Path,
                 monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(quiz), ""))
    with qtbot.waitSignal(page.import_finished, timeout=WAIT_MS) as done:
        page.import_quiz_button.click()
    return str(done.args[0])


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("fractions.xml", MOODLE, ["论述题", "无法自动批改", "的单选题：没有标为正确的选项",
                               "的判断题：需要一个“true”答案和一个“false”答案", "计算题"]),
    ("fractions.gift", GIFT, ["无法读取的题目", "论述题", "第 3 行"]),
    ("fractions.txt", AIKEN, ["缺少 ANSWER: 行"]),
    ("fractions.csv", CSV, ["问题单元格是空的", "答案单元格是空的"]),
])
def test_skipped_quiz_items_are_listed_in_chinese(
        chinese: UiLanguage, qtbot: QtBot, make_ctx: Callable[..., AppContext],
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str,
        expected: list[str]) -> None:
    page = ContentPage(make_ctx())
    qtbot.addWidget(page)
    quiz = tmp_path / name
    quiz.write_text(text, encoding="utf-8")
    summary = _import_quiz(page, qtbot, quiz, monkeypatch)
    shown = page.problems.toPlainText()
    assert not english_in(summary), summary
    heading, *lines = shown.splitlines()
    assert heading == "没有导入："
    assert lines and all(line.startswith("跳过了") for line in lines), shown
    assert not [line for line in lines if english_in(line)], shown
    for words in expected:
        assert words in shown, shown


def test_pack_problems_and_their_fixes_are_listed_in_chinese(
        chinese: UiLanguage, qtbot: QtBot, make_ctx: Callable[..., AppContext],
        tmp_path: Path) -> None:
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    manifest = pack / "pack.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8")
                        .replace('version = "1.2.0"', 'version = "1.2"')
                        .replace('prerequisites = ["tenths"]', 'prerequisites = ["tenthz"]'),
                        encoding="utf-8")
    questions = pack / "questions" / "tenths.toml"
    questions.write_text(questions.read_text(encoding="utf-8")
                         .replace('difficulty = 1', 'difficulty = 9', 1)
                         .replace('correct = false', 'correct = true', 1)
                         + '\n[[questions]]\nid = "extra"\nskill = "tenths"\ntype = "numeric"\n'
                         'difficulty = 1\nprompt = "1 + 0?"\nanswer = "1"\nhint = "typo"\n',
                         encoding="utf-8")
    page = ContentPage(make_ctx())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.import_finished, timeout=WAIT_MS):
        page.import_path(pack)
    heading, *lines = page.problems.toPlainText().splitlines()
    assert heading == "需要修改的问题："
    assert len(lines) >= 5, lines
    assert not [line for line in lines if english_in(line)], "\n".join(lines)
    shown = "\n".join(lines)
    for words in ("不是有效的 version", "引用了不存在的知识点“tenthz”", "你是不是想写“tenths”？",
                  "必须是 1 到 5 之间的整数", "单选题必须正好一个", "不是 Lantern 认识的字段",
                  "修改方法："):
        assert words in shown, shown


def test_a_file_that_is_not_a_model_is_refused_in_chinese(
        chinese: UiLanguage, qtbot: QtBot, make_ctx: Callable[..., AppContext],
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    section = ModelsSection(make_ctx())
    qtbot.addWidget(section)
    said: list[str] = []
    show = section._on_add_progress

    def progress(message: str, fraction: float) -> None:  # what the learner saw, in order
        show(message, fraction)
        said.append(section.status.text())

    monkeypatch.setattr(section, "_on_add_progress", progress)
    notes = tmp_path / "notes.gguf"
    notes.write_text("These are my lesson notes, not a model.", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(notes), ""))
    section.add_button.click()
    qtbot.waitUntil(lambda: "notes.gguf" in section.status.text(), timeout=WAIT_MS)
    refusal = section.status.text()
    assert refusal.startswith("notes.gguf 不是 Lantern 能使用的模型。"), refusal
    assert said == ["正在检查文件…"]
    assert not english_in(refusal), refusal


def test_model_loading_is_reported_in_chinese(chinese: UiLanguage, qtbot: QtBot) -> None:
    from app.core.models import ModelHost
    from app.ui.status import ModelStatusBar
    from inference.cancel import CancelToken
    from tests.fakes import FakeChatEngine

    bar = ModelStatusBar()
    qtbot.addWidget(bar)
    shown: list[str] = []

    def progress(message: str, fraction: float) -> None:
        bar.show_progress(message, fraction)
        shown.append(bar.chat_label.full_text)

    host = ModelHost(chat_loader=lambda spec, choice: FakeChatEngine(),  # type: ignore[arg-type,return-value]
                     embed_loader=lambda spec, choice: object())  # type: ignore[arg-type,return-value]
    host.load_all(progress, CancelToken())
    assert shown == ["正在检查这台电脑…", "正在加载搜索模型…", "正在加载 AI 老师的模型…",
                     "准备好了"]
