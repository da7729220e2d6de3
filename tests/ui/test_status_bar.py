"""The status bar never clips: at 100-200 % text, in the default and the smallest window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ops.context import AppContext
from app.settings import Settings
from app.ui.main_window import MainWindow
from app.ui.status import ModelStatusBar
from app.ui.style import apply_style
from tests.fakes import FakeChatEngine
from tests.ui.conftest import fake_host


@pytest.fixture
def window(qtbot: QtBot, make_ctx) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The real window with its models loaded (a fake chat engine, the real search model)."""
    ctx: AppContext = make_ctx(fake_host(FakeChatEngine()))
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.models_ready, timeout=120_000):
        main.start_loading_models()
    yield main


def _rect_in(bar: ModelStatusBar, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(bar, QPoint(0, 0)), widget.size())


def _assert_nothing_clipped(bar: ModelStatusBar) -> None:
    for label in (bar.chat_label, bar.embed_label):
        metrics = QFontMetrics(label.font())
        room = label.contentsRect()
        assert metrics.horizontalAdvance(label.text()) <= room.width(), label.text()
        assert metrics.height() <= room.height(), label.text()
        if label.elided:  # an ellipsis, never a cut letter; the whole text in the tooltip
            assert label.text().endswith("…") and label.full_text in label.toolTip()
            assert label.full_text.startswith(label.text()[:-1])
    shown = [w for w in (bar.chat_label, bar.separator, bar.embed_label, bar.progress)
             if w.isVisible()]
    rects = [_rect_in(bar, w) for w in shown]
    for i, rect in enumerate(rects):
        assert bar.rect().contains(rect), shown[i]
        assert not any(rect.intersects(other) for other in rects[i + 1:]), shown[i]


@pytest.mark.parametrize("size", [(960, 680), (720, 480)])
def test_status_bar_text_fits_at_every_text_size(window: MainWindow, qtbot: QtBot,
                                                 size: tuple[int, int]) -> None:
    bar = window.status
    assert " · CPU · " in bar.chat_label.full_text  # the models are summarised
    assert bar.embed_label.full_text
    for scale in (100, 150, 200):
        apply_style(QApplication.instance(),  # type: ignore[arg-type]
                    Settings(font_scale=scale, theme="high-contrast"))
        window.fit_navigation()
        window.resize(*size)
        qtbot.waitUntil(lambda: window.width() == max(size[0], window.minimumWidth()))
        qtbot.wait(50)  # let the status bar lay itself out at the new size
        _assert_nothing_clipped(bar)
    assert bar.chat_label.elided or bar.embed_label.elided or size[0] > 900
