"""The Simplified Chinese UI, from the compiled .qm: screens, messages from below the UI,
Qt's own buttons, switching in Settings, and the fallback to English."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.learner.activities import Kind, Lesson, Skill, SkillState
from app.core.learner.grading import grade_multiple_answer, grade_true_false
from app.core.learner.recommender import Situation, recommend
from app.core.learner.reviews import DueReview
from app.ops.context import AppContext
from app.settings import load_settings
from app.ui.i18n import UiLanguage, translated
from app.ui.main_window import MainWindow
from app.ui.progress.why import RecommendationCard
from app.ui.settings.fit_text import fit_details, fit_sentence
from app.ui.settings_page import SettingsPage
from app.ui.signin.common import StrengthLabel
from app.ui.signin.dialogs import NewProfileDialog
from inference.hardware import HardwareFit
from tests.ui.test_signin import PASSPHRASE, names, settle, sign_in

NAV_ZH = ["首页", "学习", "练习", "问 AI 老师", "进度", "设置", "这台电脑", "教师专区"]


@pytest.fixture
def language(qapp: QApplication, built_translations: Path) -> Iterator[UiLanguage]:
    ui = UiLanguage(qapp)
    yield ui
    ui.remove()


@pytest.fixture
def chinese(language: UiLanguage, ctx: AppContext) -> UiLanguage:
    """Lantern started with ``language = "zh_CN"`` in its settings."""
    ctx.settings = ctx.settings.model_copy(update={"language": "zh_CN"})
    assert language.install(ctx.settings.language)
    return language


@pytest.fixture
def window(chinese: UiLanguage, ctx: AppContext, qtbot: QtBot) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    return main


def test_the_main_window_and_sign_in_speak_chinese(window: MainWindow, qtbot: QtBot) -> None:
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == NAV_ZH
    assert window.windowTitle() == "Lantern — 你的离线 AI 老师"
    assert window.sign_out_button.text() == "退出登录"
    assert window.signin.sign_in_button.text() == "登录"
    qtbot.waitUntil(lambda: window.signin.message.isVisible())
    assert window.signin.message.text() == "还没有学习档案。点“我是新来的”创建一个吧。"


def test_new_profile_dialog_and_store_errors_in_chinese(window: MainWindow, qtbot: QtBot,
                                                        ctx: AppContext) -> None:
    qtbot.mouseClick(window.signin.new_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(NewProfileDialog)
    assert dialog is not None
    assert dialog.ok_button.text() == "确定"  # Qt's own qtbase_zh_CN
    assert dialog.avatar.itemText(0) == "狐狸"
    qtbot.keyClicks(dialog.passphrase, "abc")
    hint = dialog.findChild(StrengthLabel)
    assert hint is not None and hint.text() == "太短了：至少要 8 个字符。"
    dialog.passphrase.clear()
    dialog.nickname.setText("小明")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, PASSPHRASE)
    with qtbot.waitSignal(window.signin.signed_in, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.learner.text() == "已登录：小明"
    with qtbot.waitSignal(window.signed_out):
        qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: names(window) == ["小明"] and ctx.profile is None)
    settle(ctx)
    sign_in(window, qtbot, PASSPHRASE + " no")
    qtbot.waitUntil(lambda: window.signin.message.text().startswith("这个密码"), timeout=10_000)
    assert window.signin.message.text() == (
        "这个密码和这个学习档案对不上。请检查后再试，或者请老师帮你重设密码。")


def test_why_this_reasons_and_factors_are_translated(chinese: UiLanguage,
                                                    qtbot: QtBot) -> None:
    now = datetime(2026, 3, 10, 15, 0, tzinfo=timezone.utc)
    sit = Situation(skills=[Skill("parts", "分数的意义")],
                    lessons=[Lesson("l-parts", "分数的意义", ("parts",))],
                    states={"parts": SkillState("parts", 0.97, 10, now, 4, 5)},
                    completed_lessons=frozenset({"l-parts"}), now=now,
                    due=[DueReview("parts", recall=0.55, days_since=12, overdue_days=4)])
    rec = recommend(sit)[0]
    assert rec.kind is Kind.REVIEW
    card = RecommendationCard(rec)
    qtbot.addWidget(card)
    assert card.reason.text() == "复习“分数的意义” — 预计还记得 55%，上次练习：12 天前"
    assert card.why.text() == "为什么？"
    labels = {name.text(): value.text() for name, value, _ in card.factors.rows}
    assert labels["该复习了"] == "已过期 4 天"
    assert "预计还记得" in labels


def test_grading_words_are_translated_as_whole_sentences(chinese: UiLanguage) -> None:
    said = grade_multiple_answer({0, 1}, {0, 2}).message
    assert said == "Not quite: 1 right answer not picked and 1 picked answer is not right."
    assert translated(said) == "还差一点：有 1 个正确答案没选，还选了 1 个不对的答案。"
    assert translated(grade_true_false("maybe", answer=True).message) == "请选择“对”或“错”。"
    assert translated("分数的意义") == "分数的意义"  # content stays as written


def test_settings_shows_chinese_and_its_language_list(window: MainWindow) -> None:
    settings = window.settings
    assert settings.language.accessibleName() == "语言"
    assert [settings.language.itemText(i) for i in range(settings.language.count())] == [
        "English", "简体中文"]
    assert settings.language.currentData() == "zh_CN"
    assert settings.theme.itemText(settings.theme.findData("dark")) == "深色"


def test_switching_the_language_in_settings(language: UiLanguage, ctx: AppContext,
                                            qtbot: QtBot) -> None:
    """Chosen in English, said in Chinese, saved; the next start is in Chinese."""
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.language.accessibleName() == "Language"
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.language.setCurrentIndex(page.language.findData("zh_CN"))
    assert load_settings(ctx.paths.settings_file).language == "zh_CN"
    assert page.language_note.isVisible()
    assert page.language_note.text() == "Lantern 下次启动时会使用这种语言。"
    assert QCoreApplication.translate("MainWindow", "Home") == "Home"  # this run: unchanged
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.language.setCurrentIndex(page.language.findData("en"))
    assert not page.language_note.isVisible()
    # "Restart": install from the saved settings and build the page again.
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.language.setCurrentIndex(page.language.findData("zh_CN"))
    assert language.install(load_settings(ctx.paths.settings_file).language)
    ctx.settings = load_settings(ctx.paths.settings_file)
    again = SettingsPage(ctx)
    qtbot.addWidget(again)
    assert again.language.accessibleName() == "语言" and again.language_note.isHidden()


def test_a_missing_translation_falls_back_to_english(language: UiLanguage, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr("app.ui.i18n.qm_dir", lambda: tmp_path)  # no .qm there
    with caplog.at_level(logging.WARNING, logger="app.ui.i18n"):
        assert not language.install("zh_CN")
    assert QCoreApplication.translate("MainWindow", "Home") == "Home"
    assert "using English" in caplog.text


def test_this_laptops_measurement_is_described_in_chinese(chinese: UiLanguage) -> None:
    fit = HardwareFit(ram_total_mb=8192, ram_free_mb=4096, cpu_features=["AVX2"], gpu="none",
                      model_id="m", model_label="the standard tutor", threads=2,
                      backend="cpu", words_per_s=2.2, tokens_per_s=3.0, refused=["Big"])
    assert fit_sentence(fit) == ("使用标准 AI 老师时，这台电脑每秒大约写 2 个词。"
                                 "这对上课来说太慢了：可以考虑在下面让 AI 老师改用学校服务器。")
    assert fit_details(fit) == ("内存 8,192 MB（可用 4,096 MB）· CPU 特性：AVX2 · GPU：无 · "
                                "运行在2 个 CPU 线程上 · 对这台电脑来说太大：Big")


def test_this_laptops_measurement_in_english(language: UiLanguage) -> None:
    fit = HardwareFit(ram_total_mb=8192, ram_free_mb=4096, cpu_features=[], gpu="CUDA",
                      model_id="m", model_label="SmolLM2-135M", threads=2, backend="gpu",
                      words_per_s=1.0, tokens_per_s=1.5)
    assert fit_sentence(fit) == ("This laptop writes about 1 word a second with SmolLM2-135M."
                                 " That is slow for a lesson: consider pointing the tutor at a"
                                 " school server below.")
    assert fit_details(fit) == ("8,192 MB memory (4,096 MB free) · CPU features: none of "
                                "AVX2/NEON · GPU: CUDA · runs on its graphics card")
