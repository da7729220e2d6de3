"""The Progress page's three charts, drawn with QtCharts and coloured from the palette.

Every chart takes its text and grid colours from the widget's palette and switches the
QtCharts theme with the palette's lightness, so it reads in light and dark themes; its
background is transparent so it sits on the window colour. Charts are rebuilt on
``set_*`` calls (a handful of bars: cheaper than diffing).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QEvent, QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import QToolTip, QWidget

from app.core.learner.progress import DayActivity, SkillMastery

# Colours chosen to stay distinguishable for the common colour-vision deficiencies and
# to keep 3:1 contrast on both #ffffff and #202124 backgrounds.
MASTERED = QColor("#2e8b57")
LEARNING = QColor("#d08c00")
STARTING = QColor("#c0504d")
REVIEWS = QColor("#3f7fbf")
RIGHT = QColor("#2e8b57")
WRONG = QColor("#b0b0b0")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def mastery_colour(mastery: float) -> QColor:
    return MASTERED if mastery >= 0.9 else LEARNING if mastery >= 0.5 else STARTING


class _Chart(QChartView):
    """A chart view that follows the palette and has an accessible description."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(title)
        self.setMinimumHeight(200)
        self._title = title
        self.setChart(self._new_chart())

    def _new_chart(self) -> QChart:
        chart = QChart()
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark(self.palette())
                       else QChart.ChartTheme.ChartThemeLight)
        chart.setBackgroundVisible(False)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitle(self._title)
        chart.setTitleBrush(self.palette().color(QPalette.ColorRole.WindowText))
        chart.legend().setLabelColor(self.palette().color(QPalette.ColorRole.WindowText))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def _style_axis(self, axis: QValueAxis | QBarCategoryAxis) -> None:
        text = self.palette().color(QPalette.ColorRole.WindowText)
        axis.setLabelsColor(text)
        grid = QColor(text)
        grid.setAlpha(50)
        axis.setGridLineColor(grid)
        axis.setLinePenColor(grid)

    def _install(self, chart: QChart, series: QBarSeries | QHorizontalStackedBarSeries |
                 QStackedBarSeries, x: QValueAxis | QBarCategoryAxis,
                 y: QValueAxis | QBarCategoryAxis) -> None:
        chart.addSeries(series)
        for axis, side in ((x, Qt.AlignmentFlag.AlignBottom), (y, Qt.AlignmentFlag.AlignLeft)):
            self._style_axis(axis)
            chart.addAxis(axis, side)
            series.attachAxis(axis)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.rebuild()
        super().changeEvent(event)

    def rebuild(self) -> None:
        """Redraw from the last data (after a palette change)."""


LABEL_SHARE = 0.4  # of the chart's width, at most, for a skill's name


def skill_labels(titles: Sequence[str], metrics: QFontMetrics, width: int) -> list[str]:
    """Skill names that fit ``width`` pixels and stay distinguishable.

    Skills of one lesson often share a long beginning ("Adding and subtracting fractions
    with like / unlike denominators"): QtCharts' own eliding at the end turned both into
    "Adding and subtracting …". A name too long to fit drops the words it shares with
    another skill's name ("…like denominators"), then is elided in the middle. A category
    axis merges equal names, so a label that still repeats one gets an invisible suffix.
    """
    labels: list[str] = []
    for title in titles:
        label = title
        if metrics.horizontalAdvance(title) > width:
            shared = max((_shared_words(title, other) for other in titles if other != title),
                         default=0)
            label = "…" + title[shared:] if shared else title
            label = metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, width)
        while label in labels:
            label += "\u200b"  # zero width: looks the same, a distinct category
        labels.append(label)
    return labels


def _shared_words(title: str, other: str) -> int:
    """Where the whole words ``title`` begins with, shared with ``other``, end."""
    end = 0
    for position, (mine, theirs) in enumerate(zip(title, other, strict=False)):
        if mine != theirs:
            break
        if mine == " ":
            end = position + 1
    return end


class MasteryChart(_Chart):
    """Horizontal bars: P(known) per skill, 0-100%, coloured by band.

    Long skill names are elided in the middle (:func:`skill_labels`); hovering a bar
    shows the whole name, and the accessible description lists every skill.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self._skills: Sequence[SkillMastery] = ()
        self._labels: list[str] = []
        self._label_width = 0
        super().__init__(self.tr("Mastery per skill"), parent)

    def set_skills(self, skills: Sequence[SkillMastery]) -> None:
        self._skills = skills
        self.setMinimumHeight(max(200, 34 * len(skills) + 80))
        self.setAccessibleDescription("; ".join(
            self.tr("{skill}: {percent}%").format(skill=s.title, percent=round(100 * s.mastery))
            for s in skills))
        self.rebuild()

    @property
    def labels(self) -> list[str]:
        """The skill names on the axis, top first."""
        return list(reversed(self._labels))

    def full_name(self, row: int) -> str:
        """The whole name of the skill drawn in ``row`` (0 = the bottom bar)."""
        ordered = list(reversed(self._skills))
        return ordered[row].title if 0 <= row < len(ordered) else ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._skills and self._wanted_label_width() != self._label_width:
            self.rebuild()  # the names get more (or less) room

    def _wanted_label_width(self) -> int:
        return max(60, int(self.width() * LABEL_SHARE))

    def _on_hovered(self, status: bool, row: int) -> None:
        if status:
            QToolTip.showText(QCursor.pos(), self.full_name(row), self)
        else:
            QToolTip.hideText()

    def rebuild(self) -> None:
        chart, series = self._new_chart(), QHorizontalStackedBarSeries()
        chart.legend().hide()
        # QtCharts colours whole sets, so there is one set per band, stacked: each skill's
        # row has one non-zero bar, in its band's colour.
        bands = {MASTERED.name(): QBarSet(self.tr("Mastered")),
                 LEARNING.name(): QBarSet(self.tr("Learning")),
                 STARTING.name(): QBarSet(self.tr("Starting"))}
        ordered = list(reversed(self._skills))  # first skill on top
        for skill in ordered:
            colour = mastery_colour(skill.mastery).name()
            for name, bar_set in bands.items():
                bar_set.append(100 * skill.mastery if name == colour else 0.0)
        for name, bar_set in bands.items():
            bar_set.setColor(QColor(name))
            bar_set.setBorderColor(QColor(name))
            bar_set.hovered.connect(self._on_hovered)
            series.append(bar_set)
        series.setBarWidth(0.9)
        series.setLabelsVisible(False)
        self._label_width = self._wanted_label_width()
        axis_y = QBarCategoryAxis()
        axis_y.setLabelsFont(self.font())
        self._labels = skill_labels([s.title for s in ordered], QFontMetrics(self.font()),
                                    self._label_width)
        axis_y.append(self._labels or [""])
        axis_x = QValueAxis()
        axis_x.setRange(0, 100)
        axis_x.setLabelFormat("%d%%")
        axis_x.setTickCount(6)
        self._install(chart, series, axis_x, axis_y)


class ForecastChart(_Chart):
    """Bars: reviews due on each of the next 14 days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._counts: Sequence[int] = ()
        self._labels: Sequence[str] = ()
        super().__init__(self.tr("Reviews due: today (with overdue) and the next 13 days"),
                         parent)

    def set_forecast(self, counts: Sequence[int], labels: Sequence[str]) -> None:
        self._counts, self._labels = counts, labels
        self.rebuild()

    def rebuild(self) -> None:
        chart, series = self._new_chart(), QBarSeries()
        chart.legend().hide()
        bar_set = QBarSet(self.tr("Reviews"))
        bar_set.append([float(c) for c in self._counts])
        bar_set.setColor(REVIEWS)
        bar_set.setBorderColor(REVIEWS)
        series.append(bar_set)
        axis_x = QBarCategoryAxis()
        axis_x.append(list(self._labels) or [""])
        axis_y = _count_axis(max(self._counts, default=0))
        self._install(chart, series, axis_x, axis_y)


class ActivityChart(_Chart):
    """Stacked bars: right and other answers per day, last 28 days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._days: Sequence[DayActivity] = ()
        super().__init__(self.tr("Answers per day"), parent)

    def set_activity(self, days: Sequence[DayActivity]) -> None:
        self._days = days
        self.rebuild()

    def rebuild(self) -> None:
        chart, series = self._new_chart(), QStackedBarSeries()
        right, wrong = QBarSet(self.tr("Right")), QBarSet(self.tr("Not yet right"))
        right.append([float(d.right) for d in self._days])
        wrong.append([float(d.answers - d.right) for d in self._days])
        for bar_set, colour in ((right, RIGHT), (wrong, WRONG)):
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            series.append(bar_set)
        axis_x = QBarCategoryAxis()
        # 28 bars are too narrow for any label (QtCharts elides them to "..."): the axis is
        # unlabelled and the title names the first and last day instead.
        axis_x.append([str(i) for i in range(len(self._days))] or [""])
        axis_x.setLabelsVisible(False)
        if self._days:
            # A Qt date format, so each language orders day and month its own way.
            day_format = self.tr("d MMM")
            locale = QLocale()
            first, last = (locale.toString(QDate(d.year, d.month, d.day), day_format)
                           for d in (self._days[0].day, self._days[-1].day))
            chart.setTitle(self.tr("Answers per day, {first} to {last}").format(
                first=first, last=last))
        axis_y = _count_axis(max((d.answers for d in self._days), default=0))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._install(chart, series, axis_x, axis_y)


def _count_axis(top: int) -> QValueAxis:
    """A 0..top axis whose ticks fall on whole numbers (counts are never fractional)."""
    intervals = min(max(top, 1), 4)
    step = -(-max(top, 1) // intervals)
    axis = QValueAxis()
    axis.setRange(0, step * intervals)
    axis.setLabelFormat("%d")
    axis.setTickCount(intervals + 1)
    return axis
