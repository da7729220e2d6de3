"""Subjects page: what a learner can study, one entry per content pack."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.core.content.library import LibraryPack


class SubjectsPage(QWidget):
    """A plain list of subjects; fed by :class:`ContentPage.packs_changed`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Subjects"))
        title.setObjectName("pageTitle")
        self.empty = QLabel(self.tr("There are no subjects yet. Ask your teacher to add a "
                                    "content pack."))
        self.empty.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Subjects you can learn"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

    def set_packs(self, packs: list[LibraryPack]) -> None:
        self.list.clear()
        for entry in packs:
            info = entry.pack.info
            lessons = len(entry.pack.lessons)
            line = self.tr("{title} — {subject} · {count} lessons").format(
                title=info.title, subject=info.subject or self.tr("General"), count=lessons)
            item = QListWidgetItem(line)
            item.setToolTip(info.description)
            self.list.addItem(item)
        self.empty.setVisible(not packs)
