"""The look: a calm palette, readable sizes, visible keyboard focus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.look import LookFields

if TYPE_CHECKING:  # only the pages that have combo boxes need the class
    from PySide6.QtWidgets import QComboBox

BASE_POINT_SIZE = 11

STYLE_SHEET = """
QListWidget#nav { border: none; background: palette(window); font-size: %(nav)dpt; }
QListWidget#nav::item { padding: 6px 12px; border-radius: 8px; margin: 2px 6px; }
QListWidget#nav::item:selected { background: palette(highlight);
                                 color: palette(highlighted-text); }
QLabel#pageTitle { font-size: %(title)dpt; font-weight: 600; }
QLabel#pageIntro { color: palette(placeholder-text); }
QLabel#boxTitle { font-weight: 600; }
QFrame#banner { background: #fff4ce; border: 1px solid #e0c060; border-radius: 8px; }
QFrame#banner QLabel { color: #3b2f00; }
QPushButton { padding: 6px 16px; }
QPushButton#suggestion { border: 1px solid palette(mid); border-radius: 14px;
                         padding: 4px 12px; background: palette(base); }
QPushButton#suggestion:hover { border-color: palette(highlight); }
QLabel#questionPrompt { font-size: %(prompt)dpt; }
QLabel#practiceFeedback, QLabel#practiceHint { border-radius: 8px; padding: 8px 12px; }
QLabel#practiceFeedback[verdict="correct"] { background: #dff3e4; color: #0b3d1c;
                                             border: 1px solid #3f9d5c; }
QLabel#practiceFeedback[verdict="incorrect"], QLabel#practiceFeedback[verdict="partial"] {
    background: #fff1d6; color: #4a3000; border: 1px solid #d29a2a; }
QLabel#practiceFeedback[verdict="unreadable"], QLabel#practiceFeedback[verdict="error"] {
    background: #eef0f4; color: #1d2430; border: 1px solid #8a93a3; }
QLabel#practiceHint { background: #e4eefc; color: #10284d; border: 1px solid #5b86c9; }
*:focus { outline: 2px solid palette(highlight); }
"""


# (window, text, base, button, highlight, highlighted text, mid, disabled text) per
# theme. High contrast is black and white with a yellow highlight: well above WCAG AAA's
# 7:1 everywhere; its disabled grey still reads at 7:1, dimmer than the white it replaces.
THEMES: dict[str, tuple[str, ...]] = {
    "dark": ("#202124", "#e8eaed", "#2b2c30", "#303134", "#4f8fdc", "#ffffff", "#5f6368",
             "#80868b"),
    "high-contrast": ("#000000", "#ffffff", "#000000", "#000000", "#ffff00", "#000000",
                      "#ffffff", "#9a9a9a"),
}


# "light": Fusion's own standard palette (Qt 6's ``QStyleFactory.create("fusion")
# .standardPalette()``), written out. Asking Qt for it wraps a QStyle, and PySide6 then
# builds seven of QStyle's enums before the first paint (about 6 ms); tests/ui/
# test_style.py checks this table against Qt's palette. Role: (enabled, disabled), #AARRGGBB.
FUSION_LIGHT: dict[str, tuple[str, str]] = {
    "WindowText": ("#ff000000", "#ffbebebe"), "Button": ("#ffefefef", "#ffefefef"),
    "Light": ("#ffffffff", "#ffffffff"), "Midlight": ("#ffcacaca", "#ffcacaca"),
    "Dark": ("#ff9f9f9f", "#ffbebebe"), "Mid": ("#ffb8b8b8", "#ffb8b8b8"),
    "Text": ("#ff000000", "#ffbebebe"), "BrightText": ("#ffffffff", "#ffffffff"),
    "ButtonText": ("#ff000000", "#ffbebebe"), "Base": ("#ffffffff", "#ffefefef"),
    "Window": ("#ffefefef", "#ffefefef"), "Shadow": ("#ff767676", "#ffb1b1b1"),
    "Highlight": ("#ff308cc6", "#ff919191"), "HighlightedText": ("#ffffffff", "#ffffffff"),
    "Link": ("#ff0000ff", "#ff0000ff"), "LinkVisited": ("#ffff00ff", "#ffff00ff"),
    "AlternateBase": ("#fff7f7f7", "#fff7f7f7"), "ToolTipBase": ("#ffffffdc", "#ffffffdc"),
    "ToolTipText": ("#ff000000", "#ff000000"), "PlaceholderText": ("#80000000", "#80000000"),
    "Accent": ("#ff308cc6", "#ff919191"),
}


def fusion_light_palette() -> QPalette:
    palette = QPalette()
    groups = QPalette.ColorGroup
    for name, (enabled, disabled) in FUSION_LIGHT.items():
        role = getattr(QPalette.ColorRole, name)
        for group, colour in ((groups.Active, enabled), (groups.Inactive, enabled),
                              (groups.Disabled, disabled)):
            palette.setColor(group, role, QColor(colour))
    return palette


def theme_palette(theme: str) -> QPalette:
    """The palette for ``theme``; "light" is Fusion's own standard palette."""
    colours = THEMES.get(theme)
    if colours is None:
        return fusion_light_palette()
    window, text, base, button, highlight, on_highlight, mid, disabled = (
        QColor(c) for c in colours)
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, window), (roles.WindowText, text), (roles.Base, base),
                         (roles.AlternateBase, button), (roles.Text, text),
                         (roles.Button, button), (roles.ButtonText, text),
                         (roles.Highlight, highlight), (roles.HighlightedText, on_highlight),
                         (roles.ToolTipBase, base), (roles.ToolTipText, text),
                         (roles.PlaceholderText, text if theme == "high-contrast" else mid),
                         (roles.Mid, mid), (roles.Link, highlight)):
        palette.setColor(role, colour)
    # setColor() above set every group, so a disabled button looked like an enabled one.
    for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.PlaceholderText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


HIGH_CONTRAST_EXTRA = """
QRadioButton::indicator, QCheckBox::indicator { width: 0.9em; height: 0.9em;
    border: 2px solid #ffffff; background: #000000; }
QRadioButton::indicator { border-radius: 0.5em; }
QRadioButton::indicator:checked, QCheckBox::indicator:checked { background: #ffff00; }
QPushButton { border: 2px solid #ffffff; }
QPushButton:checked { background: #ffff00; color: #000000; }
QPushButton:disabled { border: 2px dashed #9a9a9a; color: #9a9a9a; }
QListView, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QSpinBox {
    border: 2px solid #ffffff; }
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QListView:focus {
    border-color: #ffff00; }
QLineEdit:disabled, QComboBox:disabled { border: 2px dashed #9a9a9a; }
"""


def nav_point_size(settings: LookFields) -> float:
    """The navigation's text size in points (it is larger than the body text)."""
    return round(12 * settings.font_scale / 100)


# Every platform gets the same widgets (create_application passes it to Qt).
STYLE = "fusion"


def apply_style(app: QApplication, settings: LookFields) -> None:
    """Font size, theme and style sheet from ``settings`` (the full settings, or the look
    read before them: app.look); call again after a change."""
    apply_font_and_theme(app, settings)
    apply_style_sheet(app, settings)


def apply_font_and_theme(app: QApplication, settings: LookFields) -> None:
    """The first half of :func:`apply_style`: before any widget is built (sizes are
    computed from the font)."""
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * settings.font_scale / 100)
    app.setFont(font)
    app.setPalette(theme_palette(settings.theme))  # the style is STYLE from the start


def apply_style_sheet(app: QApplication, settings: LookFields) -> None:
    """The second half of :func:`apply_style`. The first window gets it once it is built,
    before it shows: widgets built under a style sheet are styled again each time they are
    reparented into the window (about 5-10 ms more for the sign-in window)."""
    scale = settings.font_scale / 100
    sheet = STYLE_SHEET % {"nav": nav_point_size(settings), "title": round(17 * scale),
                           "prompt": round(13 * scale)}
    app.setStyleSheet(sheet + (HIGH_CONTRAST_EXTRA if settings.theme == "high-contrast"
                               else ""))


def narrow_combo(combo: QComboBox, chars: int = 8) -> QComboBox:
    """Let ``combo`` be narrower than its longest item (elided in the box; the open list
    shows every item whole): at 200 % text a box sized to "Photosynthesis (OpenStax)"
    made its page wider than a small window."""
    combo.setSizeAdjustPolicy(combo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo
