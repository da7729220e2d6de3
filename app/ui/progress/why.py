"""A recommendation card with its reason and a "Why this?" button that shows the factors.

Reusable on the Home screen: ``RecommendationCard(rec)``; connect ``chosen`` to start the
activity. The factors panel is hidden until the learner asks, so the card stays calm.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.learner.activities import Factor, Kind, Recommendation
from app.ui.i18n import translated


class FactorsPanel(QFrame):
    """The top factors behind a recommendation: label, value, and a bar for its weight."""

    def __init__(self, factors: tuple[Factor, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whyFactors")
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        top = max((f.weight for f in factors), default=1.0) or 1.0
        self.rows: list[tuple[QLabel, QLabel, QProgressBar]] = []
        for row, factor in enumerate(factors):
            name, value = QLabel(translated(factor.label)), QLabel(translated(factor.value))
            value.setWordWrap(True)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(max(0, round(100 * factor.weight / top)))
            bar.setTextVisible(False)
            bar.setFixedWidth(80)
            bar.setAccessibleName(self.tr("How much this counted"))
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(bar, row, 2)
            self.rows.append((name, value, bar))
        grid.setColumnStretch(1, 1)


class RecommendationCard(QFrame):
    """One "what next" suggestion.

    Signals:
        chosen: the learner pressed the start button; carries the recommendation.
    """

    chosen = Signal(object)

    def __init__(self, rec: Recommendation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rec = rec
        self.setObjectName("recommendation")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        kind = QLabel(self._kind_text(rec.kind))
        kind.setObjectName("recommendationKind")
        bold = QFont(kind.font())
        bold.setBold(True)
        kind.setFont(bold)
        self.reason = QLabel(translated(rec.reason))
        self.reason.setWordWrap(True)
        self.why = QToolButton()
        self.why.setText(self.tr("Why this?"))
        self.why.setCheckable(True)
        self.why.setAccessibleDescription(self.tr("Shows what this suggestion is based on"))
        self.start = QPushButton(self.tr("Start"))
        self.start.clicked.connect(lambda: self.chosen.emit(self.rec))
        self.factors = FactorsPanel(rec.factors)
        self.factors.setVisible(False)
        self.why.toggled.connect(self.factors.setVisible)
        buttons = QHBoxLayout()
        buttons.addWidget(self.why)
        buttons.addStretch(1)
        buttons.addWidget(self.start)
        column = QVBoxLayout(self)
        column.addWidget(kind)
        column.addWidget(self.reason)
        column.addWidget(self.factors)
        column.addLayout(buttons)

    def _kind_text(self, kind: Kind) -> str:
        return {Kind.NEW_LESSON: self.tr("New lesson"), Kind.NEW_SKILL: self.tr("New skill"),
                Kind.PRACTICE: self.tr("Practice"),
                Kind.REVIEW: self.tr("Review"), Kind.STRETCH: self.tr("Challenge")}[kind]
