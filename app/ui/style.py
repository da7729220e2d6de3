"""The look: a calm palette, readable sizes, visible keyboard focus."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app.settings import Settings

BASE_POINT_SIZE = 11

STYLE_SHEET = """
QListWidget#nav { border: none; background: palette(window); font-size: %(nav)dpt; }
QListWidget#nav::item { padding: 6px 12px; border-radius: 8px; margin: 2px 6px; }
QListWidget#nav::item:selected { background: palette(highlight);
                                 color: palette(highlighted-text); }
QLabel#pageTitle { font-size: %(title)dpt; font-weight: 600; }
QLabel#pageIntro { color: palette(placeholder-text); }
QFrame#banner { background: #fff4ce; border: 1px solid #e0c060; border-radius: 8px; }
QFrame#banner QLabel { color: #3b2f00; }
QPushButton { padding: 6px 16px; }
QPushButton#suggestion { border: 1px solid palette(mid); border-radius: 14px;
                         padding: 4px 12px; background: palette(base); }
QPushButton#suggestion:hover { border-color: palette(highlight); }
*:focus { outline: 2px solid palette(highlight); }
"""


def apply_style(app: QApplication, settings: Settings) -> None:
    scale = settings.font_scale / 100
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET % {"nav": round(12 * scale), "title": round(17 * scale)})
