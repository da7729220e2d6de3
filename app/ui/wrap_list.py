"""A list whose items' text wraps to the list's current width, whatever it was before.

Learn's lesson list is 240 px beside the lesson and the whole page wide above it (a small
window at 200 % text). Qt measured each wrapped item once, at the width of the moment:
after the list grew, "Fractions on a number line" was still laid out for 240 px and
painted as "Fractions on a number …" above an empty line. Here every item is measured
for the list's width now, and measured again when the width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem


class _WidthDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self.view.viewport().width() - 2 * self.view.spacing()
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, width, 10_000)
        return QSize(width, super().sizeHint(sized, index).height())


class _Relayout(QObject):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.view.scheduleDelayedItemsLayout()
        return super().eventFilter(watched, event)


def wrap_items(view: QListView) -> QListView:
    """Let ``view``'s items wrap onto more lines at whatever width it has (no "…")."""
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setItemDelegate(_WidthDelegate(view))
    view.viewport().installEventFilter(_Relayout(view))
    return view
