"""The Progress page and the "Why this?" card, driven with a real learner's computed data."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QBarSet, QChart
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from app.core.learner.activities import Kind
from app.ui.progress.charts import is_dark
from app.ui.progress.page import ProgressPage
from app.ui.progress.why import RecommendationCard
from tests.ui.progress_scenario import Scenario, build, dark_palette


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return build(train_learners=1500)


def bar_sets(chart: QChart) -> list[QBarSet]:
    return [s for series in chart.series() for s in series.barSets()]  # type: ignore[attr-defined]


def test_page_shows_mastery_forecast_activity_and_streak(qtbot: QtBot,
                                                         scenario: Scenario) -> None:
    page = ProgressPage()
    qtbot.addWidget(page)
    page.set_data(scenario.progress, scenario.recommendations)
    skills = scenario.progress.skills
    # One stacked row per skill (drawn bottom-up), holding that skill's mastery in %.
    rows = [sum(s.at(i) for s in bar_sets(page.mastery.chart())) for i in range(len(skills))]
    assert rows == pytest.approx([100 * s.mastery for s in reversed(skills)])
    forecast = bar_sets(page.forecast.chart())[0]
    assert [forecast.at(i) for i in range(14)] == list(scenario.progress.forecast)
    right, wrong = bar_sets(page.activity.chart())
    assert sum(right.at(i) + wrong.at(i) for i in range(28)) == scenario.answers
    assert "3 days in a row" in page.streak.text()


def test_every_recommendation_shows_its_reason_and_why(qtbot: QtBot, scenario: Scenario) -> None:
    page = ProgressPage()
    qtbot.addWidget(page)
    page.set_data(scenario.progress, scenario.recommendations)
    assert len(page.cards) == len(scenario.recommendations) > 0
    first = page.cards[0]
    assert first.reason.text() == scenario.recommendations[0].reason
    assert any(ch.isdigit() for ch in first.reason.text())
    page.show()
    assert not first.factors.isVisible()
    qtbot.mouseClick(first.why, Qt.MouseButton.LeftButton)
    assert first.factors.isVisible()
    labels = [name.text() for name, _, _ in first.factors.rows]
    assert labels == [f.label for f in scenario.recommendations[0].factors]


def test_start_emits_the_chosen_recommendation(qtbot: QtBot, scenario: Scenario) -> None:
    page = ProgressPage()
    qtbot.addWidget(page)
    page.set_data(scenario.progress, scenario.recommendations)
    with qtbot.waitSignal(page.activity_chosen) as blocker:
        qtbot.mouseClick(page.cards[-1].start, Qt.MouseButton.LeftButton)
    assert blocker.args == [scenario.recommendations[-1]]


def test_new_data_replaces_the_cards(qtbot: QtBot, scenario: Scenario) -> None:
    page = ProgressPage()
    qtbot.addWidget(page)
    page.set_data(scenario.progress, scenario.recommendations)
    page.set_data(scenario.progress, scenario.recommendations[:1])
    assert len(page.cards) == 1
    page.set_data(scenario.progress, [])
    assert page.cards == [] and page.next_title.isHidden()


def test_charts_follow_a_dark_palette(qtbot: QtBot, scenario: Scenario) -> None:
    page = ProgressPage()
    qtbot.addWidget(page)
    page.set_data(scenario.progress, scenario.recommendations)
    assert page.mastery.chart().theme() is QChart.ChartTheme.ChartThemeLight
    page.setPalette(dark_palette())  # type: ignore[arg-type]
    assert is_dark(page.mastery.palette())
    for view in (page.mastery, page.forecast, page.activity):
        chart = view.chart()
        assert chart.theme() is QChart.ChartTheme.ChartThemeDark
        text = view.palette().color(QPalette.ColorRole.WindowText)
        assert chart.axes()[0].labelsColor() == text
    assert bar_sets(page.forecast.chart())[0].count() == 14  # data survived the rebuild


def test_card_kinds_are_worded(qtbot: QtBot, scenario: Scenario) -> None:
    kinds = {r.kind for r in scenario.recommendations}
    assert Kind.REVIEW in kinds
    card = RecommendationCard(scenario.recommendations[0])
    qtbot.addWidget(card)
    assert card.why.text() == "Why this?"


def test_long_skill_names_stay_distinguishable_with_the_whole_name_on_hover(
        qtbot: QtBot, scenario: Scenario) -> None:
    from dataclasses import replace

    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QToolTip

    from app.core.learner.progress import SkillMastery

    titles = ("Adding and subtracting fractions with like denominators",
              "Adding and subtracting fractions with unlike denominators")
    skills = tuple(SkillMastery(f"s{i}", title, 0.3 + 0.3 * i, 4)
                   for i, title in enumerate(titles))
    page = ProgressPage()
    qtbot.addWidget(page)
    page.resize(720, 480)
    page.show()
    page.set_data(replace(scenario.progress, skills=skills), scenario.recommendations)
    chart = page.mastery
    labels = chart.labels
    assert len(set(labels)) == 2 and all("…" in label for label in labels), labels
    assert labels[0].endswith("…like denominators") and labels[1].endswith("unlike denominators")
    room = int(chart.width() * 0.4)
    assert all(QFontMetrics(chart.font()).horizontalAdvance(label) <= room for label in labels)
    bars = bar_sets(chart.chart())
    bars[0].hovered.emit(True, 1)  # the top row: the first skill
    assert QToolTip.text() == titles[0]
    assert titles[1] in chart.accessibleDescription()


@pytest.mark.parametrize(("streak", "best", "said"), [
    (1, 1, "Streak: 1 day in a row (best 1)"), (2, 5, "Streak: 2 days in a row (best 5)"),
    (0, 1, "No streak right now — best 1 day. Answer a question today!"),
    (0, 0, "Answer a question to start a streak."),
])
def test_streaks_read_naturally(qtbot: QtBot, scenario: Scenario, streak: int, best: int,
                                said: str) -> None:
    from dataclasses import replace

    page = ProgressPage()
    qtbot.addWidget(page)
    page.set_data(replace(scenario.progress, streak=streak, best_streak=best),
                  scenario.recommendations)
    assert page.streak.text() == said
