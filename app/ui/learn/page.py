"""The Learn screen: pick a subject and a lesson, read it, ask the tutor beside it, practise.

Lessons are Markdown rendered by ``QTextBrowser`` (headings, lists, tables, images from
the pack's folder). :meth:`LearnPage.show_lesson` opens a lesson and can scroll to one of
its headings: the tutor's citations call it. Packs arrive through :meth:`set_packs`
(from the Content page's refresh), so nothing here reads the disk on the GUI thread
except the lesson's images, which ``QTextBrowser`` loads from the pack folder on demand.

"Summary" asks the tutor for five checked bullet points about the open lesson
(``app.ops.summary``: cached, and stoppable like any answer) and shows them in the tutor
panel.

The tutor panel sits beside the reader (a splitter; "Hide the tutor" collapses it for the
rest of the session). Its questions are about the open lesson's subject, with the open
lesson preferred by retrieval, and continue their own conversation (not the Ask-the-tutor
page's); a citation scrolls the reader to the cited heading.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.content.library import LibraryPack
from app.core.content.model import Lesson, Pack
from app.core.tutor.conversation import Conversation
from app.ops import summary as summary_ops
from app.ops import tutor as tutor_ops
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from app.ui.button_row import ButtonRow
from app.ui.style import narrow_combo
from app.ui.tutor.beside import SideBySide
from app.ui.tutor.panel import OnError, OnReply, OnText, PanelReply, TutorPanel, reply_of
from app.ui.wrap_list import wrap_items
from inference.params import GenerationParams

LIST_WIDTH = 240  # the subject and lesson list beside the reader
READER_MIN_WIDTH = 420  # below this the list goes above the lesson (see _fit_lesson_list)
QWIDGETSIZE_MAX = (1 << 24) - 1


class LearnPage(QWidget):
    """Signals:
    practise_requested(pack_id, lesson_id): "Practise this lesson" was pressed; the
        lesson id is "" for "Practise this subject" (a pack with questions, no lessons).
    """

    practise_requested = Signal(str, str)

    def __init__(self, ctx: AppContext, *, params: GenerationParams | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._params = ctx, params
        self._conversation = Conversation()  # mutated on the inference lane only
        self.packs: dict[str, LibraryPack] = {}
        self.current: tuple[str, str] | None = None
        title = QLabel(self.tr("Learn"))
        title.setObjectName("pageTitle")
        self.subject = narrow_combo(QComboBox(), chars=6)  # fits its 240 px at 200 %
        self.subject.setFixedWidth(LIST_WIDTH)
        self.subject.setAccessibleName(self.tr("Subject"))
        self.subject.currentIndexChanged.connect(self._on_subject_changed)
        self.lessons = QListWidget()
        self.lessons.setAccessibleName(self.tr("Lessons"))
        self.lessons.setFixedWidth(LIST_WIDTH)
        wrap_items(self.lessons)  # long titles wrap, at 240 px or the page's width
        self.lessons.setSpacing(3)
        self.lessons.itemActivated.connect(self._on_lesson_item)
        self.lessons.currentItemChanged.connect(self._on_lesson_item)
        self.reader = QTextBrowser()
        self.reader.setObjectName("lessonReader")
        self.reader.setOpenExternalLinks(False)
        self.reader.setAccessibleName(self.tr("Lesson text"))
        self.practise = QPushButton(self.tr("Practise this lesson"))
        self.practise.setAccessibleName(self.practise.text())
        self.practise.setAccessibleDescription(
            self.tr("Opens practice questions about this lesson"))
        self.practise.clicked.connect(self._on_practise)
        self.practise.setEnabled(False)
        self.summary = QPushButton(self.tr("Summary"))
        self.summary.setAccessibleName(self.tr("Summarise this lesson"))
        self.summary.setAccessibleDescription(
            self.tr("The tutor writes five short points about this lesson, beside it"))
        self.summary.clicked.connect(self.summarise)
        self.summary.setEnabled(False)
        self._make_tutor()
        self._layout(title)
        self._show_placeholder()

    def _make_tutor(self) -> None:
        self.tutor = TutorPanel(
            self._ctx, params=self._params, compact=True, asker=self._ask_about_lesson,
            title=self.tr("Ask the tutor"),
            intro=self.tr("Questions here are about this lesson. Click an answer to see "
                          "where in the lesson it came from."),
            closed_reason=self.tr("Your teacher has turned off questions to the tutor."))
        self.tutor.set_prompt(self.tr("Ask about this lesson…"))
        self.tutor.source_opened.connect(self._on_source_opened)
        self.tutor.busy_changed.connect(
            lambda busy: self.summary.setEnabled(not busy and self.current is not None))
        self.tutor_toggle = QPushButton()
        self.tutor_toggle.setCheckable(True)
        self.tutor_toggle.setAccessibleDescription(
            self.tr("Shows or hides the tutor beside the lesson"))
        self.tutor_toggle.setChecked(True)
        self._label_toggle(visible=True)
        self.tutor_toggle.toggled.connect(self.set_tutor_visible)

    def _layout(self, title: QLabel) -> None:
        side = QVBoxLayout()
        side.addWidget(self.subject)
        side.addWidget(self.lessons, 1)
        reading = QWidget()
        main = QVBoxLayout(reading)
        main.setContentsMargins(0, 0, 0, 0)
        main.addWidget(self.reader, 1)
        # A column when narrow: side by side at 200 % they widened the page past the window.
        main.addWidget(ButtonRow([], [self.summary, self.practise]))
        self.beside = SideBySide(reading, self.tutor)
        row = self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.addLayout(side)
        row.addWidget(self.beside, 1)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.tutor_toggle)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addLayout(row, 1)
        order = [self.subject, self.lessons, self.reader, self.summary, self.practise,
                 self.tutor_toggle,
                 *self.tutor.tab_chain()]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_lesson_list(event.size().width())

    def _fit_lesson_list(self, width: int) -> None:
        """The lesson list beside the reader, or above it when the page is narrow.

        At 200 % text in a small window the list's 240 px beside it left the lesson text
        a strip a word wide ("What / a / fract"); above it, the list keeps a few lines.
        """
        beside = width >= LIST_WIDTH + READER_MIN_WIDTH
        wanted = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self.row.direction() == wanted:
            return
        self.row.setDirection(wanted)
        for widget in (self.subject, self.lessons):
            if beside:
                widget.setFixedWidth(LIST_WIDTH)
            else:
                widget.setMinimumWidth(0)
                widget.setMaximumWidth(QWIDGETSIZE_MAX)
        lines = self.lessons.fontMetrics().lineSpacing()
        self.lessons.setMaximumHeight(QWIDGETSIZE_MAX if beside else 5 * lines)

    def set_tutor_visible(self, visible: bool) -> None:
        """Show or collapse the tutor beside the lesson (kept while the app runs)."""
        self.tutor.setVisible(visible)
        self.beside.fit()
        self.tutor_toggle.setChecked(visible)
        self._label_toggle(visible=visible)

    def _label_toggle(self, *, visible: bool) -> None:
        self.tutor_toggle.setText(self.tr("Hide the tutor") if visible
                                  else self.tr("Show the tutor"))
        self.tutor_toggle.setAccessibleName(self.tutor_toggle.text())

    def _ask_about_lesson(self, text: str, on_text: OnText, on_reply: OnReply,
                          on_error: OnError) -> TaskHandle:
        pack_id, lesson_id = self.current or (self.subject.currentData() or "", None)
        return tutor_ops.ask(
            parent=self, ctx=self._ctx, question=text, params=self._params,
            pack=self._pack(pack_id), open_lesson=lesson_id, conversation=self._conversation,
            on_text=on_text, on_done=lambda reply: on_reply(reply_of(reply)),
            on_error=on_error)

    def _pack(self, pack_id: str) -> Pack | None:
        entry = self.packs.get(pack_id)
        return entry.pack if entry else None

    def _on_source_opened(self, pack_id: str, lesson_id: str, heading: str) -> None:
        self.show_lesson(pack_id, lesson_id, heading)

    def clear_tutor(self) -> None:
        """Forget the conversation beside the lesson (at sign-out: the next learner)."""
        self.tutor.clear()
        self._conversation = Conversation()  # the old one may still be in use on a lane

    def _show_placeholder(self) -> None:
        entry = self.packs.get(self.subject.currentData() or "")
        quiz_only = entry is not None and not entry.pack.lessons and entry.pack.questions
        self.practise.setText(self.tr("Practise this subject") if quiz_only
                              else self.tr("Practise this lesson"))
        self.practise.setAccessibleName(self.practise.text())
        self.practise.setEnabled(bool(quiz_only))
        if quiz_only:
            assert entry is not None
            text = self.tr("“{title}” has {count} questions but no lessons to read. Press "
                           "“Practise this subject” to answer them: the tutor beside each "
                           "question helps with hints.").format(
                title=entry.pack.info.title, count=len(entry.pack.questions))
        elif self.packs:
            # Not "on the left": in a narrow window the list is above the lesson.
            text = self.tr("Choose a lesson from the list to start reading.")
        else:
            text = self.tr("There are no lessons yet. Ask your teacher to add a subject.")
        self.reader.setPlainText(text)

    def choose_subject(self, pack_id: str) -> None:
        """Show ``pack_id``'s lessons, unless a lesson is open (the learner is reading)."""
        index = self.subject.findData(pack_id)
        if index >= 0 and self.current is None and index != self.subject.currentIndex():
            self.subject.setCurrentIndex(index)

    def set_packs(self, packs: list[LibraryPack]) -> None:
        """The subjects to offer; the open lesson stays open if its pack is still here."""
        self.packs = {entry.pack.info.id: entry for entry in packs}
        self.subject.blockSignals(True)
        self.subject.clear()
        for entry in packs:
            self.subject.addItem(entry.pack.info.title, entry.pack.info.id)
        self.subject.blockSignals(False)
        if self.current and self.current[0] in self.packs:
            self.show_lesson(*self.current)
        else:
            self.current = None
            self._on_subject_changed()

    def _on_subject_changed(self) -> None:
        if self.current is not None and self.current[0] != self.subject.currentData():
            self.current = None  # the open lesson belongs to the subject left behind
        if self.current is None:
            self._show_placeholder()
        self.lessons.blockSignals(True)
        self.lessons.clear()
        entry = self.packs.get(self.subject.currentData() or "")
        for lesson in sorted(entry.pack.lessons, key=lambda x: (x.order, x.id)) if entry else ():
            item = QListWidgetItem(lesson.title)
            item.setData(Qt.ItemDataRole.UserRole, lesson.id)
            self.lessons.addItem(item)
        self.lessons.blockSignals(False)

    def _on_lesson_item(self, item: QListWidgetItem | None, *_: object) -> None:
        pack_id = self.subject.currentData()
        if item is not None and pack_id:
            self.show_lesson(pack_id, item.data(Qt.ItemDataRole.UserRole))

    def show_lesson(self, pack_id: str, lesson_id: str, heading: str | None = None) -> bool:
        """Open a lesson and, if ``heading`` is given, scroll so that heading is on top.

        Returns False (and changes nothing) when the pack or lesson is not installed.
        """
        entry = self.packs.get(pack_id)
        lesson = entry.pack.lesson(lesson_id) if entry else None
        if entry is None or lesson is None:
            return False
        self._select(pack_id, lesson_id)
        if self.current != (pack_id, lesson_id) or heading is None:
            self._render(entry, lesson)
        self.current = (pack_id, lesson_id)
        self.practise.setText(self.tr("Practise this lesson"))
        self.practise.setAccessibleName(self.practise.text())
        self.practise.setEnabled(True)
        self.summary.setEnabled(True)
        if heading:
            self.scroll_to_heading(heading)
        return True

    def _select(self, pack_id: str, lesson_id: str) -> None:
        index = self.subject.findData(pack_id)
        if index != self.subject.currentIndex():
            self.subject.setCurrentIndex(index)
        self.lessons.blockSignals(True)
        for row in range(self.lessons.count()):
            if self.lessons.item(row).data(Qt.ItemDataRole.UserRole) == lesson_id:
                self.lessons.setCurrentRow(row)
        self.lessons.blockSignals(False)

    def _render(self, entry: LibraryPack, lesson: Lesson) -> None:
        source = entry.path / lesson.path
        self.reader.document().setBaseUrl(QUrl.fromLocalFile(str(source)))
        self.reader.setSearchPaths([str(entry.path), str(source.parent)])
        self.reader.setMarkdown(lesson.body)
        self.reader.setAccessibleDescription(lesson.title)
        self.reader.verticalScrollBar().setValue(0)

    def scroll_to_heading(self, heading: str) -> bool:
        """Scroll the open lesson so the heading with this text is at the top."""
        document = self.reader.document()
        block = document.begin()
        wanted = heading.strip().lstrip("#").strip().casefold()
        while block.isValid():
            if block.blockFormat().headingLevel() and block.text().strip().casefold() == wanted:
                self.reader.setTextCursor(QTextCursor(block))
                top = document.documentLayout().blockBoundingRect(block).top()
                self.reader.verticalScrollBar().setValue(int(top))
                return True
            block = block.next()
        found = document.find(heading, 0, QTextDocument.FindFlag(0))
        if not found.isNull():
            self.reader.setTextCursor(found)
            self.reader.ensureCursorVisible()
        return not found.isNull()

    def summarise(self) -> bool:
        """Show the open lesson's summary in the tutor panel (Stop works as for answers).

        Returns False when there is no lesson open or the tutor is busy.
        """
        entry = self.packs.get(self.current[0]) if self.current else None
        lesson = entry.pack.lesson(self.current[1]) if entry and self.current else None
        if entry is None or lesson is None:
            return False
        if not self.tutor_toggle.isChecked():
            self.set_tutor_visible(True)  # the summary appears in the tutor panel
        pack = entry.pack

        def start(_on_text: OnText, on_reply: OnReply, on_error: OnError) -> TaskHandle:
            return summary_ops.summarise_lesson(
                parent=self, ctx=self._ctx, pack=pack, lesson=lesson,
                on_done=lambda bullets: on_reply(PanelReply(bullet_text(bullets))),
                on_error=on_error, on_cancel=lambda: on_reply(PanelReply("")))

        return self.tutor.run(start, label=self.tr("Summary: {lesson}").format(
            lesson=lesson.title))

    def _on_practise(self) -> None:
        """Practise the open lesson; in a subject without lessons, all its questions."""
        if self.current is not None:
            self.practise_requested.emit(*self.current)
        elif self.practise.isEnabled() and self.subject.currentData():
            self.practise_requested.emit(self.subject.currentData(), "")


def bullet_text(bullets: list[str]) -> str:
    return "\n".join(f"• {bullet}" for bullet in bullets)
