"""The light theme is Fusion's standard palette, written out (app/ui/style.py says why)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from app.ui.style import FUSION_LIGHT, theme_palette


def test_the_light_theme_is_fusion_s_standard_palette_in_every_group(
        qapp: QApplication) -> None:
    style = QStyleFactory.create("fusion")
    assert style is not None
    fusion, ours = style.standardPalette(), theme_palette("light")
    roles = [r for r in QPalette.ColorRole if r.name not in ("NoRole", "NColorRoles")]
    assert {r.name for r in roles} == set(FUSION_LIGHT)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive,
                  QPalette.ColorGroup.Disabled):
        for role in roles:
            # 8 bits a channel, as painted (Fusion computes Midlight with more precision)
            assert ours.color(group, role).rgba() == fusion.color(group, role).rgba(), (
                group, role)
