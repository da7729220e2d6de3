"""The Progress page: mastery per skill, review forecast, activity, streak, what next.

The page only draws. Its data comes from :func:`app.core.learner.progress.compute_progress`
and :func:`app.core.learner.recommender.recommend`, computed on the ``db`` lane by the
caller, and arrives through :meth:`ProgressPage.set_data` on the GUI thread.

Every figure is one subject's (skills belong to their pack): the subject picker at the
top chooses which, and is the same choice as Home's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.learner.activities import Recommendation
from app.core.learner.progress import FORECAST_DAYS, ProgressData
from app.ui.button_row import ButtonRow
from app.ui.progress.charts import ActivityChart, ForecastChart, MasteryChart
from app.ui.progress.why import RecommendationCard
from app.ui.style import narrow_combo
from app.ui.wrap_button import WrapButton

TWO_CHARTS_WIDTH = 640  # below this the charts go one under another


class ProgressPage(QWidget):
    """Shows a learner's progress.

    Signals:
        activity_chosen: a recommendation's Start button was pressed (carries it).
        subject_chosen: the learner picked another subject (carries its pack id).
        report_requested: "Report for my teacher" was pressed.
    """

    activity_chosen = Signal(object)
    subject_chosen = Signal(str)
    report_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Your progress"))
        self.title.setObjectName("pageTitle")
        self.subject = narrow_combo(QComboBox())
        self.subject.setAccessibleName(self.tr("Subject"))
        self.subject.setAccessibleDescription(self.tr("Whose figures the charts show"))
        self.subject.currentIndexChanged.connect(self._on_subject_changed)
        self.subject_label = QLabel(self.tr("Subject:"))
        self.subject_label.setBuddy(self.subject)
        self.streak = QLabel(self.tr("Answer a question to start a streak."))
        self.streak.setObjectName("pageIntro")
        self.streak.setWordWrap(True)  # a long sentence at 200 % must not widen the page
        self.report_button = WrapButton(self.tr("Report for my teacher"))
        self.report_button.setAccessibleDescription(
            self.tr("Shows a report of your progress that you can save for your teacher"))
        self.report_button.clicked.connect(self.report_requested)
        self.mastery = MasteryChart()
        self.forecast = ForecastChart()
        self.activity = ActivityChart()
        self.next_title = QLabel(self.tr("What next"))
        self.next_title.setObjectName("sectionTitle")
        self.cards: list[RecommendationCard] = []
        self._cards_box = QVBoxLayout()
        self._build()

    def _build(self) -> None:
        grid = self.grid = QGridLayout()
        self._arrange(side_by_side=True)
        body = QWidget()
        column = QVBoxLayout(body)
        # Title and subject side by side when there is room, else the subject below.
        column.addWidget(ButtonRow.header(self.title, self.subject_label, self.subject))
        # The report button shares the streak's row, or goes below it in a narrow window.
        column.addWidget(ButtonRow.header(self.streak, self.report_button))
        column.addLayout(grid)
        column.addWidget(self.next_title)
        column.addLayout(self._cards_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def set_subjects(self, subjects: Sequence[tuple[str, str]], current: str | None) -> None:
        """The installed subjects as (pack id, title); ``current`` is shown as chosen."""
        self.subject.blockSignals(True)
        self.subject.clear()
        for pack_id, title in subjects:
            self.subject.addItem(title, pack_id)
        self.subject.blockSignals(False)
        self.show_subject(current)

    def show_subject(self, pack_id: str | None) -> None:
        """Mark ``pack_id`` as the subject shown (its figures arrive by :meth:`set_data`)."""
        index = self.subject.findData(pack_id) if pack_id else -1
        self.subject.blockSignals(True)
        self.subject.setCurrentIndex(index if index >= 0 else self.subject.currentIndex())
        self.subject.blockSignals(False)

    def _on_subject_changed(self) -> None:
        pack_id = self.subject.currentData()
        if pack_id:
            self.subject_chosen.emit(pack_id)

    def _arrange(self, *, side_by_side: bool) -> None:
        """Mastery beside the other two charts, or all three in one column when narrow
        (two charts side by side made the page wider than a small window at 200 %)."""
        for chart in (self.mastery, self.forecast, self.activity):
            self.grid.removeWidget(chart)
        if side_by_side:
            self.grid.addWidget(self.mastery, 0, 0, 2, 1)
            self.grid.addWidget(self.forecast, 0, 1)
            self.grid.addWidget(self.activity, 1, 1)
        else:
            charts: tuple[QWidget, ...] = (self.mastery, self.forecast, self.activity)
            for row, one in enumerate(charts):
                self.grid.addWidget(one, row, 0)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1 if side_by_side else 0)
        self._side_by_side = side_by_side

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= TWO_CHARTS_WIDTH
        if wide != self._side_by_side:
            self._arrange(side_by_side=wide)

    def set_data(self, data: ProgressData, recommendations: Sequence[Recommendation]) -> None:
        """Show ``data`` and the recommendations (call on the GUI thread)."""
        self.mastery.set_skills(data.skills)
        # Day numbers on every other bar (the first bar is today, overdue included);
        # QtCharts needs distinct category names, so blank ones differ by their length.
        labels = [(data.today + timedelta(days=i)).strftime("%d") if i % 2 == 0 else " " * i
                  for i in range(FORECAST_DAYS)]
        self.forecast.set_forecast(data.forecast, labels)
        self.activity.set_activity(data.activity)
        self.streak.setText(self._streak_text(data.streak, data.best_streak))
        self._set_cards(recommendations)

    def _streak_text(self, streak: int, best: int) -> str:
        # Whole sentences per count ("1 day", not "1 days"); Chinese needs no plural.
        if streak == 0 and best == 0:
            return self.tr("Answer a question to start a streak.")
        if streak == 0:
            return (self.tr("No streak right now — best 1 day. Answer a question today!")
                    if best == 1 else
                    self.tr("No streak right now — best {best} days. Answer a question "
                            "today!").format(best=best))
        if streak == 1:
            return self.tr("Streak: 1 day in a row (best {best})").format(best=best)
        return self.tr("Streak: {days} days in a row (best {best})").format(
            days=streak, best=best)

    def _set_cards(self, recommendations: Sequence[Recommendation]) -> None:
        for card in self.cards:
            self._cards_box.removeWidget(card)
            card.deleteLater()
        self.cards = [RecommendationCard(rec) for rec in recommendations]
        for card in self.cards:
            card.chosen.connect(self.activity_chosen)
            self._cards_box.addWidget(card)
        self.next_title.setVisible(bool(self.cards))
