"""The "Report for my teacher" dialog: the learner sees it first, then saves it as PDF/CSV.

The figures and the comment come from :func:`app.ops.report.teacher_report` (db lane,
then the inference lane; Stop cancels the model's part). The report is drawn as HTML in
a ``QTextBrowser``; the PDF is the same document printed by Qt's own ``QPdfWriter`` on
the ``io`` lane, and the CSV is :func:`app.core.learner.report.report_csv`. Files go
only where the learner chooses (``QFileDialog``); nothing else is written.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.atomic import write_text_atomic
from app.core.content.model import Pack
from app.core.learner.report import TeacherReport, report_csv
from app.ops import report as report_ops
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from app.ui.errors import describe_error


class TeacherReportDialog(QDialog):
    """Signals:
    report_ready(TeacherReport): the report is shown (its comment included).
    saved(str): a file was written (its path).
    """

    report_ready = Signal(object)
    saved = Signal(str)

    def __init__(self, ctx: AppContext, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.pack = ctx, pack
        self.report: TeacherReport | None = None
        self._handle: TaskHandle | None = None
        self.setWindowTitle(self.tr("Report for my teacher"))
        self.resize(640, 620)
        self.intro = QLabel(self.tr(
            "This is what your teacher will see. Read it first; then save it as a PDF or "
            "a spreadsheet (CSV) and give them the file. Nothing is sent anywhere."))
        self.intro.setWordWrap(True)
        self.intro.setObjectName("pageIntro")
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("Your report"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Report message"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.csv_button = QPushButton(self.tr("Save as CSV…"))
        self.csv_button.clicked.connect(self.choose_csv)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.stop_button, self.pdf_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addWidget(self.view, 1)
        column.addWidget(self.status)
        column.addLayout(buttons)
        self.rejected.connect(self.stop)
        self._set_busy(True)

    def start(self) -> None:
        """Gather the figures and have the comment written."""
        self.status.setText(self.tr("Writing your report… Stop ends it."))
        self._handle = report_ops.teacher_report(
            parent=self, ctx=self.ctx, pack=self.pack, on_done=self._on_report,
            on_error=self._on_error, on_cancel=self._on_cancel)

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.stop_button.setEnabled(busy)
        self.pdf_button.setEnabled(not busy and self.report is not None)
        self.csv_button.setEnabled(not busy and self.report is not None)

    def _on_report(self, report: TeacherReport) -> None:
        self._handle, self.report = None, report
        self.view.setHtml(self.report_html(report))
        self.status.setText("")
        self._set_busy(False)
        self.report_ready.emit(report)

    def _on_error(self, error: Exception) -> None:
        self._handle = None
        self.status.setText(describe_error(error))
        self._set_busy(False)

    def _on_cancel(self) -> None:
        self._handle = None
        self.status.setText(self.tr("Stopped. Close this and press the button again to "
                                    "write the report."))
        self._set_busy(False)

    # The report as a document ------------------------------------------------------

    def report_html(self, report: TeacherReport) -> str:
        esc = html.escape
        head = self.tr("{learner} — {subject}").format(learner=report.learner,
                                                        subject=report.subject)
        written = (self.tr("Written by the tutor's model from the figures below, and checked.")
                   if report.comment_by_model
                   else self.tr("Written by Lantern from the figures below."))
        words = {"title": self.tr("Report for my teacher"),
                 "date": self.tr("Date: {day}").format(day=report.day.isoformat()),
                 "comment": self.tr("Comment"), "mastery_title": self.tr("Mastery per skill"),
                 "skill": self.tr("Skill"), "mastery": self.tr("Mastery"),
                 "answers": self.tr("Answers"), "week": self.tr("This week"),
                 "right_week": self.tr("Right this week"),
                 "recent": self.tr("Recent activity (last 7 days)"), "day": self.tr("Day"),
                 "right": self.tr("Right")}
        w = {key: esc(text) for key, text in words.items()}
        skills = "".join(
            f"<tr><td>{esc(row.name)}</td><td align='right'>{round(100 * row.mastery)}%</td>"
            f"<td align='right'>{row.answers}</td><td align='right'>{row.answers_week}</td>"
            f"<td align='right'>{row.right_week}</td></tr>" for row in report.skills)
        days = "".join(
            f"<tr><td>{day.day.isoformat()}</td><td align='right'>{day.answers}</td>"
            f"<td align='right'>{day.right}</td></tr>" for day in report.days)
        table = "border='1' cellspacing='0' cellpadding='4' width='100%'"
        return (
            f"<h2>{w['title']}</h2><p><b>{esc(head)}</b><br>{w['date']}</p>"
            f"<h3>{w['comment']}</h3><p>{esc(report.comment)}</p><p><i>{esc(written)}</i></p>"
            f"<h3>{w['mastery_title']}</h3><table {table}><tr>"
            f"<th align='left'>{w['skill']}</th><th>{w['mastery']}</th>"
            f"<th>{w['answers']}</th><th>{w['week']}</th><th>{w['right_week']}</th></tr>"
            f"{skills}</table>"
            f"<h3>{w['recent']}</h3><table {table}><tr><th align='left'>{w['day']}</th>"
            f"<th>{w['answers']}</th><th>{w['right']}</th></tr>{days}</table>")

    # Saving ------------------------------------------------------------------------

    def choose_pdf(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as PDF"), str(Path.home() / "report.pdf"),
            self.tr("PDF files (*.pdf)"))
        if path:
            self.save_pdf(Path(path))

    def choose_csv(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as CSV"), str(Path.home() / "report.csv"),
            self.tr("CSV files (*.csv)"))
        if path:
            self.save_csv(Path(path))

    def save_pdf(self, path: Path) -> None:
        if self.report is None:
            return
        document_html = self.report_html(self.report)
        self._save(path, lambda: write_pdf(document_html, path))

    def save_csv(self, path: Path) -> None:
        if self.report is None:
            return
        text = report_csv(self.report)
        self._save(path, lambda: write_text_atomic(path, text))

    def _save(self, path: Path, work: Callable[[], object]) -> None:
        self.status.setText(self.tr("Saving…"))
        self.ctx.runner.submit("io", work, parent=self,
                               on_success=lambda _none: self._on_saved(path),
                               on_error=self._on_save_failed)

    def _on_saved(self, path: Path) -> None:
        self.status.setText(self.tr("Saved to {path}").format(path=str(path)))
        self.saved.emit(str(path))

    def _on_save_failed(self, error: Exception) -> None:
        self.status.setText(self.tr("The report could not be saved there. {reason}").format(
            reason=describe_error(error) or str(error)))


def write_pdf(document_html: str, path: Path) -> None:
    """Print the report's HTML to an A4 PDF with Qt's own writer (any thread).

    Written beside the target and renamed at the end, so a failed save never leaves a
    half file under the chosen name (QPdfWriter itself reports no errors).
    """
    part = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(part))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle("Lantern report")
    document = QTextDocument()
    document.setHtml(document_html)
    document.print_(writer)
    del writer  # the file is complete once the writer is gone
    if not part.exists():
        raise PermissionError(f"could not write {path}")
    os.replace(part, path)
