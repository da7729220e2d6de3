"""The Settings screen: text size, theme and idle lock apply at once and are saved."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ops.context import AppContext
from app.settings import load_settings
from app.ui.main_window import MainWindow
from app.ui.settings_page import SettingsPage
from app.ui.style import BASE_POINT_SIZE, nav_point_size


@pytest.fixture
def ctx(qtbot: QtBot) -> Iterator[AppContext]:
    context = AppContext.create()
    yield context
    context.close()


def test_text_size_and_theme_apply_at_once_and_are_saved(ctx: AppContext,
                                                         qtbot: QtBot) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.font_scale.setCurrentIndex(page.font_scale.findData(200))
    assert QApplication.font().pointSizeF() == pytest.approx(2 * BASE_POINT_SIZE)
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.theme.setCurrentIndex(page.theme.findData("high-contrast"))
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Window) == QColor("#000000")
    assert palette.color(QPalette.ColorRole.WindowText) == QColor("#ffffff")
    saved = load_settings(ctx.paths.settings_file)
    assert (saved.font_scale, saved.theme) == (200, "high-contrast")
    assert page.status.text() == "Saved."


def test_idle_lock_follows_the_setting(ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.settings.saved, timeout=10_000):
        window.settings.idle.setValue(3)
    assert window.idle._timer.interval() == 3 * 60_000
    assert load_settings(ctx.paths.settings_file).idle_lock_minutes == 3


def test_a_failed_save_says_so_and_keeps_the_change(ctx: AppContext, qtbot: QtBot) -> None:
    ctx.paths.settings_file.unlink(missing_ok=True)
    ctx.paths.settings_file.mkdir()  # a folder where the file should be: writing fails
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.font_scale.setCurrentIndex(page.font_scale.findData(150))
    qtbot.waitUntil(lambda: "could not be saved" in page.status.text(), timeout=10_000)
    assert ctx.settings.font_scale == 150
    assert QApplication.font().pointSizeF() == pytest.approx(1.5 * BASE_POINT_SIZE)


def test_navigation_grows_with_the_text_so_no_label_is_clipped(ctx: AppContext,
                                                               qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    normal = window.nav.width()
    with qtbot.waitSignal(window.settings.saved, timeout=10_000):
        window.settings.font_scale.setCurrentIndex(window.settings.font_scale.findData(200))
    assert window.nav.width() > normal
    font = QFont(QApplication.font())
    font.setPointSizeF(nav_point_size(ctx.settings))
    metrics = QFontMetrics(font)
    for row in range(window.nav.count()):
        assert metrics.horizontalAdvance(window.nav.item(row).text()) < window.nav.width() - 24
