"""Subjects page: what a learner can study, one entry per content pack."""

from __future__ import annotations

from PySide6.QtCore import QLocale
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
            # Two packs of one subject often differ only in their language (Fractions,
            # 分数入门): the line says both.
            line = (self.tr("{title} — {subject}, {language} · 1 lesson") if lessons == 1 else
                    self.tr("{title} — {subject}, {language} · {count} lessons")).format(
                title=info.title, subject=info.subject or self.tr("General"),
                language=language_name(info.language), count=lessons)
            item = QListWidgetItem(line)
            item.setToolTip(info.description)
            self.list.addItem(item)
        self.empty.setVisible(not packs)


def language_name(code: str) -> str:
    """A pack's language as its speakers write it ("English", "简体中文", "français");
    the code itself if Qt does not know it."""
    locale = QLocale(code.replace("-", "_"))
    language = locale.language()
    if language == QLocale.Language.C:
        return code
    if language == QLocale.Language.Chinese:  # which script matters to a reader
        traditional = locale.script() == QLocale.Script.TraditionalChineseScript
        return "繁體中文" if traditional else "简体中文"
    if language == QLocale.Language.English:
        return "English"  # not "American English": a pack's territory is not known
    return locale.nativeLanguageName() or code
