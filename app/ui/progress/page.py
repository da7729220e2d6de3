"""The Progress page: mastery per skill, review forecast, activity, streak, what next.

The page only draws. Its data comes from :func:`app.core.learner.progress.compute_progress`
and :func:`app.core.learner.recommender.recommend`, computed on the ``db`` lane by the
caller, and arrives through :meth:`ProgressPage.set_data` on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.learner.activities import Recommendation
from app.core.learner.progress import FORECAST_DAYS, ProgressData
from app.ui.progress.charts import ActivityChart, ForecastChart, MasteryChart
from app.ui.progress.why import RecommendationCard


class ProgressPage(QWidget):
    """Shows a learner's progress.

    Signals:
        activity_chosen: a recommendation's Start button was pressed (carries it).
        report_requested: "Report for my teacher" was pressed.
    """

    activity_chosen = Signal(object)
    report_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Your progress"))
        self.title.setObjectName("pageTitle")
        self.streak = QLabel(self.tr("Answer a question to start a streak."))
        self.streak.setObjectName("pageIntro")
        self.report_button = QPushButton(self.tr("Report for my teacher"))
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
        grid = QGridLayout()
        grid.addWidget(self.mastery, 0, 0, 2, 1)
        grid.addWidget(self.forecast, 0, 1)
        grid.addWidget(self.activity, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        body = QWidget()
        column = QVBoxLayout(body)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.streak)
        header.addWidget(self.report_button)
        column.addLayout(header)
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
        if streak == 0:
            return self.tr("No streak right now — best {best} days. Answer a question today!"
                           ).format(best=best)
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
