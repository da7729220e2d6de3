"""Avatars: a coloured badge with the nickname's first letter, drawn (no image files).

Drawn rather than emoji so they look the same on every school laptop, fonts or not.
The id is what the index stores; the label is for screen readers and the picker.
"""

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication

from app.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


# No `from __future__ import annotations` here: see app.paths.AppPaths.
class Avatar(NamedTuple):  # not a dataclass: see app.paths.AppPaths
    id: str
    label: str
    color: str


def _t(text: str) -> str:
    return QCoreApplication.translate("Avatars", text)


AVATARS = (
    Avatar("fox", QT_TRANSLATE_NOOP("Avatars", "Fox"), "#e8743b"),
    Avatar("owl", QT_TRANSLATE_NOOP("Avatars", "Owl"), "#8a6bbe"),
    Avatar("turtle", QT_TRANSLATE_NOOP("Avatars", "Turtle"), "#3a9a5b"),
    Avatar("whale", QT_TRANSLATE_NOOP("Avatars", "Whale"), "#2f78c4"),
    Avatar("bee", QT_TRANSLATE_NOOP("Avatars", "Bee"), "#d9a400"),
    Avatar("rose", QT_TRANSLATE_NOOP("Avatars", "Rose"), "#c8456d"),
)
DEFAULT = AVATARS[0]


def avatar(avatar_id: str) -> Avatar:
    return next((a for a in AVATARS if a.id == avatar_id), DEFAULT)


def avatar_label(avatar_id: str) -> str:
    return _t(avatar(avatar_id).label)


def avatar_icon(avatar_id: str, letter: str, size: int = 48) -> "QIcon":
    """A round badge in the avatar's colour with ``letter`` in the middle."""
    # Imported here, not with the module: the sign-in screen imports this module, and
    # an empty one is painted without these types and the Qt namespace.
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(avatar(avatar_id).color))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    font = QFont()
    font.setPixelSize(int(size * 0.5))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter,
                     (letter[:1] or "?").upper())
    painter.end()
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)  # no selection tint: keep the colour true
    return icon
