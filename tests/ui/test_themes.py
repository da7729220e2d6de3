"""Every theme keeps its controls visible: borders in high contrast, and disabled buttons
that look disabled (a learner must see that "Check" cannot be pressed yet)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.settings import Settings
from app.ui.style import apply_style


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application (conftest's keep_the_look puts its look back afterwards)."""
    yield qapp


def _image(widget: QWidget) -> QImage:
    return widget.grab().toImage()


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_a_disabled_button_looks_disabled(app: QApplication, qtbot: QtBot,
                                          theme: str) -> None:
    apply_style(app, Settings(theme=theme))  # type: ignore[arg-type]
    enabled, disabled = QPushButton("Check my answer"), QPushButton("Check my answer")
    disabled.setEnabled(False)
    for button in (enabled, disabled):
        qtbot.addWidget(button)
        button.resize(200, 40)
        button.show()
    assert _image(enabled) != _image(disabled)


def _lightest_on_the_left_edge(widget: QWidget) -> int:
    image = _image(widget)
    middle = image.height() // 2
    return max(image.pixelColor(x, middle).lightness() for x in range(4))


@pytest.mark.parametrize("kind", [QListView, QLineEdit])
def test_high_contrast_keeps_the_borders_of_the_conversation_and_the_question_box(
        app: QApplication, qtbot: QtBot, kind: type[QWidget]) -> None:
    apply_style(app, Settings(theme="high-contrast"))
    widget = kind()
    qtbot.addWidget(widget)
    widget.resize(300, 120 if kind is QListView else 40)
    widget.show()
    assert _lightest_on_the_left_edge(widget) >= 200  # a white line on black
