"""Content page: a teacher imports a pack (folder or .zip), sees every pack, removes one.

All reading and copying goes through :mod:`app.ops.content`; this widget only shows
progress, the summary, and every problem of a pack that could not be imported.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.content.diagnostics import ContentError, Diagnostic
from app.core.content.importers.report import ImportReport
from app.core.content.importers.writer import UNKNOWN_LICENCE
from app.core.content.library import InstallResult, LibraryPack
from app.ops import content as content_ops
from app.ops.content import ImportOutcome
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from app.ui.button_row import ButtonRow
from app.ui.errors import describe_error, show_error
from app.ui.i18n import translated
from app.ui.wrap_button import WrapButton

log = logging.getLogger(__name__)

LICENCE_COLUMN = 3
# Version and "Built in"/"Installed" give way first when the table is too narrow for all
# five columns (200 % text in a small window), rather than the table scrolling sideways.
NARROW_HIDDEN = (2, 4)


class ContentPage(QWidget):
    """Signals:
        packs_changed: the list of usable packs (``list[LibraryPack]``) after each refresh.
        import_finished: the summary line shown after an import ended (any outcome).
    """

    packs_changed = Signal(object)
    import_finished = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._handle: TaskHandle | None = None
        self.packs: list[LibraryPack] = []
        self._build()
        self.refresh()

    def _build(self) -> None:
        title = QLabel(self.tr("Content packs"))
        title.setObjectName("pageTitle")
        intro = QLabel(self.tr("Each pack is one subject: lessons, skills and questions. "
                               "Import a pack folder or a .zip file that a teacher made."))
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        self.table = self._make_table()
        buttons = self._make_buttons()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Import result"))
        self.credits = QLabel()
        self.credits.setWordWrap(True)
        self.credits.setObjectName("pageIntro")
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName(self.tr("Problems found in the pack"))
        layout = QVBoxLayout(self)
        top: list[QWidget] = [title, intro, self.table]
        for widget in top:
            layout.addWidget(widget)
        layout.addLayout(buttons)
        bottom: list[QWidget] = [self.credits, self.progress, self.status, self.problems]
        for widget in bottom:
            layout.addWidget(widget)
        self._set_busy(False)
        self.problems.hide()

    def _make_buttons(self) -> QVBoxLayout:
        self.import_folder_button = QPushButton(self.tr("Import pack folder…"))
        self.import_zip_button = QPushButton(self.tr("Import pack .zip…"))
        # Quizzes from other tools have their own button: teachers did not look for them
        # behind ".zip".
        self.import_quiz_button = WrapButton(self.tr(
            "Import quiz file… (Moodle XML, GIFT, Aiken, Anki, CSV, QTI)"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.import_folder_button.clicked.connect(self._on_import_folder_clicked)
        self.import_zip_button.clicked.connect(self._on_import_zip_clicked)
        self.import_quiz_button.clicked.connect(self._on_import_quiz_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        # A row, or a column in a narrow window; the quiz button's text wraps there.
        packs = ButtonRow([self.import_folder_button, self.import_zip_button,
                           self.remove_button], [self.cancel_button])
        quiz = QHBoxLayout()
        quiz.addWidget(self.import_quiz_button)
        quiz.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(packs)
        column.addLayout(quiz)
        return column

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        needed = sum(max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c))
                     for c in range(header.count()))
        narrow = self.table.viewport().width() < needed
        for column in NARROW_HIDDEN:
            self.table.setColumnHidden(column, narrow)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Subject"),
                                         self.tr("Version"), self.tr("Licence"),
                                         self.tr("Where")])
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setAccessibleName(self.tr("Content packs on this computer"))
        table.itemSelectionChanged.connect(self._update_buttons)
        return table

    # --- listing ---------------------------------------------------------------------

    def refresh(self) -> None:
        content_ops.list_packs(parent=self, ctx=self._ctx, on_done=self._on_list_done,
                               on_error=self._on_task_error)

    def _on_list_done(self, listing: content_ops.Listing) -> None:
        self.packs, problems = listing
        self.table.setRowCount(len(self.packs))
        for row, entry in enumerate(self.packs):
            info = entry.pack.info
            where = self.tr("Built in") if entry.builtin else self.tr("Installed")
            for column, text in enumerate((info.title, info.subject, info.version,
                                           info.licence, where)):
                item = QTableWidgetItem(text)
                item.setToolTip(info.attribution or info.description)
                if column == LICENCE_COLUMN and text.startswith(UNKNOWN_LICENCE):
                    self._explain_unknown_licence(item)
                self.table.setItem(row, column, item)
        self._fit_columns()
        credited = [f"{e.pack.info.title}: {e.pack.info.attribution}" for e in self.packs
                    if e.pack.info.attribution]
        self.credits.setText(self.tr("Credits — {lines}").format(lines="; ".join(credited))
                             if credited else "")
        if problems:
            log.warning("%d content packs could not be read", len(problems))
            self._show_problems(self.tr("Some packs could not be read:"), problems)
        self._update_buttons()
        self.packs_changed.emit(list(self.packs))

    def _explain_unknown_licence(self, item: QTableWidgetItem) -> None:
        """An imported quiz does not say its licence; "unknown: check …" alone left
        teachers wondering whether they may use it."""
        item.setText(self.tr("Unknown: ask the author"))
        item.setToolTip(self.tr(
            "The quiz file did not say under which licence its questions may be shared. "
            "Using them in your own class is usually fine; before you give the pack to "
            "others, ask whoever wrote the questions, then set the licence in the pack's "
            "pack.toml."))

    def selected(self) -> LibraryPack | None:
        rows = self.table.selectionModel().selectedRows()
        return self.packs[rows[0].row()] if rows else None

    # --- import ----------------------------------------------------------------------

    def _on_import_folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a pack folder"))
        if folder:
            self.import_path(Path(folder))

    def _on_import_zip_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a pack .zip file"), "",
            self.tr("Content packs (*.zip);;All files (*)"))
        if name:
            self.import_path(Path(name))

    def _on_import_quiz_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a quiz file"), "",
            self.tr("Quizzes (*.xml *.gift *.txt *.apkg *.colpkg *.anki2 *.anki21 *.csv "
                    "*.tsv *.zip);;All files (*)"))
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> None:
        """Start importing ``path``; the outcome is shown on the page."""
        if self._handle is not None:
            return
        self._set_busy(True)
        self.problems.hide()
        self._on_import_progress(self.tr("Starting…"), 0.0)
        self._handle = content_ops.import_pack(
            parent=self, ctx=self._ctx, path=path, on_progress=self._on_import_progress,
            on_done=self._on_import_done, on_error=self._on_import_error,
            on_cancel=self._on_import_cancelled)

    def _on_import_progress(self, message: str, fraction: float) -> None:
        self.progress.setValue(round(100 * fraction))
        self.status.setText(translated(message))

    def _on_import_done(self, outcome: ImportOutcome) -> None:
        lines = [self._quiz_summary(outcome.report)] if outcome.report else []
        if outcome.report is not None:  # what was mapped how, language, missing media
            lines += [translated(m) for m in outcome.report.explanations()]
        if outcome.installed is not None:
            lines.append(self._installed_summary(outcome.installed))
        self._finish("\n".join(lines))
        if outcome.report is not None and (outcome.report.skipped or outcome.report.notes):
            self._show_problems(self.tr("Not imported:"), self._details(outcome.report))
        self.refresh()

    def _quiz_summary(self, report: ImportReport) -> str:
        """E.g. "Imported 3 questions (2 multiple choice, 1 numeric); skipped 1."."""
        labels = {"multiple_choice": self.tr("multiple choice"),
                  "multiple_answer": self.tr("multiple answer"),
                  "true_false": self.tr("true/false"), "numeric": self.tr("numeric"),
                  "short_text": self.tr("short text"), "ordering": self.tr("ordering")}
        kinds = self.tr(", ").join(
            self.tr("{count} {kind}").format(count=report.imported[key], kind=label)
            for key, label in labels.items() if report.imported[key])
        total = report.imported_total
        line = (self.tr("No question could be imported.") if total == 0 else
                self.tr("Imported 1 question ({kinds}).").format(kinds=kinds) if total == 1
                else self.tr("Imported {count} questions ({kinds}).").format(
                    count=total, kinds=kinds))
        if report.skipped:
            line += " " + self.tr("Skipped {count}: see the list below.").format(
                count=len(report.skipped))
        return line

    def _details(self, report: ImportReport) -> list[str]:
        """One line per skipped item and per note, in the UI's language (the command
        line prints ``report.details()``, the same in English)."""
        lines = [self.tr("Skipped {kind} at {where}: {reason}").format(
                     kind=translated(s.kind), where=translated(s.where),
                     reason=translated(s.reason)) if s.where else
                 self.tr("Skipped {kind}: {reason}").format(
                     kind=translated(s.kind), reason=translated(s.reason))
                 for s in report.skipped]
        return lines + [translated(note) for note in report.notes]

    def _diagnostic_line(self, problem: Diagnostic) -> str:
        """A pack problem and its fix in the UI's language (``str(problem)`` in English)."""
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        return self.tr("{where}: {problem} Fix: {fix}").format(
            where=where, problem=translated(problem.message), fix=translated(problem.fix))

    def _installed_summary(self, installed: InstallResult) -> str:
        info, pack = installed.pack.info, installed.pack
        line = self.tr("Installed “{title}” {version}: {skills} skills, {lessons} lessons, "
                       "{questions} questions.").format(
            title=info.title, version=info.version, skills=len(pack.skills),
            lessons=len(pack.lessons), questions=len(pack.questions))
        if installed.replaced_version:
            line += " " + self.tr("It replaces version {version}.").format(
                version=installed.replaced_version)
        return line

    def _on_import_error(self, error: Exception) -> None:
        if not isinstance(error, ContentError):
            self._finish(self.tr("The import failed."))
            show_error(self, error)
            return
        self._finish(describe_error(error))  # in the UI's language
        if error.diagnostics:
            self._show_problems(self.tr("Problems to fix:"),
                                [self._diagnostic_line(d) for d in error.diagnostics])

    def _on_import_cancelled(self) -> None:
        self._finish(self.tr("Import cancelled. Nothing was changed."))

    def _on_cancel_clicked(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def _finish(self, summary: str) -> None:
        self._handle = None
        self._set_busy(False)
        self.status.setText(summary)
        self.import_finished.emit(summary)

    # --- remove ----------------------------------------------------------------------

    def _on_remove_clicked(self) -> None:
        entry = self.selected()
        if entry is None or entry.builtin:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove pack"),
            self.tr("Remove “{title}” from this computer? Learners' progress is kept.")
            .format(title=entry.pack.info.title))
        if answer == QMessageBox.StandardButton.Yes:
            self.remove(entry)

    def remove(self, entry: LibraryPack) -> None:
        content_ops.remove_pack(parent=self, ctx=self._ctx, entry=entry,
                                on_done=self._on_remove_done, on_error=self._on_task_error)

    def _on_remove_done(self) -> None:
        self.status.setText(self.tr("Pack removed."))
        self.refresh()

    # --- shared ----------------------------------------------------------------------

    def _on_task_error(self, error: Exception) -> None:
        show_error(self, error)

    def _show_problems(self, heading: str, lines: list[str]) -> None:
        self.problems.setPlainText("\n".join([heading, *lines]))
        self.problems.show()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        for button in (self.import_folder_button, self.import_zip_button,
                       self.import_quiz_button):
            button.setEnabled(not busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        entry = self.selected()
        self.remove_button.setEnabled(entry is not None and not entry.builtin
                                      and self._handle is None)
        self.remove_button.setToolTip(
            self.tr("Packs that come with Lantern cannot be removed.")
            if entry is not None and entry.builtin else "")

    def shutdown(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
