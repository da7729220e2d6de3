"""A window showing one lesson, scrolled to the passage the tutor cited."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.core.content.model import Lesson


class LessonDialog(QDialog):
    def __init__(self, lesson: Lesson, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(lesson.title)
        self.resize(720, 560)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Lesson text"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(lesson.body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.scroll_to(heading)

    def scroll_to(self, heading: str) -> bool:
        """Put ``heading`` at the top of the view and select it; False if not found."""
        document = self.browser.document()
        found = document.find(heading, 0, QTextDocument.FindFlag.FindCaseSensitively)
        if found.isNull():
            return False
        self.browser.setTextCursor(found)
        end = QTextCursor(document)
        end.movePosition(QTextCursor.MoveOperation.End)
        self.browser.setTextCursor(end)  # scroll past, then back: the heading lands on top
        self.browser.setTextCursor(found)
        return True
