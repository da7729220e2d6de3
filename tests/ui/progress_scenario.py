"""A real learner for the Progress page: an ASSISTments 2015 test-split learner's answers.

Learner ``15864`` of pyKT's ``test.csv`` answered 69 questions on six skills. The model is
fitted on ``train_valid.csv``; the learner's answers are replayed through it, and through
FSRS per skill, to give real mastery, review cards and recommendations. Two things are
ours, because the dataset lacks them: the skills' titles (the dataset has only numeric
ids; we show them as the fractions skills of a starter pack) and the dates (the dataset
has no timestamps; the answers are spread over sessions in the last three weeks).

``python -m tests.ui.progress_scenario OUT.png [--dark]`` renders the page to a file
(run it under ``xvfb-run -a`` for a real X server); the UI test uses the same data.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from app.core.learner.activities import Lesson, Recommendation, Skill, SkillState
from app.core.learner.features import LearnerFeatures, Pace
from app.core.learner.model import LearnerModel
from app.core.learner.progress import Attempt, ProgressData, compute_progress
from app.core.learner.recommender import Situation, recommend
from app.core.learner.responses import load_pykt
from app.core.learner.reviews import ReviewCard, Reviews, rating_for

KT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "kt" / "assist2015_pykt"
LEARNER_ROW = 2  # uid 15864: the third row of test.csv
TODAY = date(2026, 3, 10)
SESSION_DAYS_AGO = (22, 21, 17, 16, 12, 6, 3, 2, 1)
TITLES = {"10": "Parts of a whole", "0": "Equivalent fractions", "7": "Comparing fractions",
          "45": "Adding fractions", "34": "Subtracting fractions", "13": "Fractions of an amount"}
LATER = [Skill("mult", "Multiplying fractions", ("45",)),
         Skill("div", "Dividing fractions", ("mult",))]


@dataclass(frozen=True)
class Scenario:
    progress: ProgressData
    recommendations: list[Recommendation]
    answers: int


def _sessions(count: int) -> list[datetime]:
    per = -(-count // len(SESSION_DAYS_AGO))
    days = [TODAY - timedelta(days=d) for d in SESSION_DAYS_AGO]
    return [datetime(day.year, day.month, day.day, 16, tzinfo=timezone.utc)
            + timedelta(minutes=i % per) for i, day in enumerate(
                d for d in days for _ in range(per))][:count]


def _cards(reviews: Reviews, attempts: list[Attempt]) -> list[ReviewCard]:
    cards: dict[str, ReviewCard] = {}
    by_session: dict[tuple[date, str], list[bool]] = {}
    for attempt in attempts:
        by_session.setdefault((attempt.at.date(), attempt.skill_id), []).append(attempt.correct)
    for (day, skill), answers in sorted(by_session.items()):
        share = sum(answers) / len(answers)
        card = cards.get(skill) or reviews.new_card(skill, card_id=len(cards) + 1)
        at = datetime(day.year, day.month, day.day, 17, tzinfo=timezone.utc)
        cards[skill] = reviews.review(card, rating_for(correct=share >= 0.6, score=share), at)
    return list(cards.values())


def build(train_learners: int | None = None) -> Scenario:
    """The scenario; ``train_learners`` limits the fit (tests) instead of the full file."""
    train = load_pykt(KT / "train_valid.csv")
    model = LearnerModel.fit(train if train_learners is None else
                             train.take_learners(train_learners))
    test = load_pykt(KT / "test.csv")
    keep = test.learner == LEARNER_ROW
    ids = [test.skill_names[s] for s in test.skill[keep]]
    times = _sessions(len(ids))
    attempts = [Attempt(t, k, bool(c)) for t, k, c in zip(times, ids, test.correct[keep],
                                                          strict=True)]
    state = model.new_state()
    for attempt in attempts:
        model.record(state, attempt.skill_id, attempt.correct)
    skills = [Skill(k, TITLES[k], (prev,) if prev else ())
              for prev, k in zip([None, *TITLES], TITLES, strict=False)] + LATER
    states = {}
    for skill in TITLES:
        mine = [a for a in attempts if a.skill_id == skill]
        recent = mine[-5:]
        states[skill] = SkillState(skill, model.mastery(state, skill), len(mine), mine[-1].at,
                                   sum(a.correct for a in recent), len(recent))
    reviews = Reviews()
    cards = _cards(reviews, attempts)
    now = datetime(TODAY.year, TODAY.month, TODAY.day, 15, tzinfo=timezone.utc)
    situation = Situation(
        skills=skills, lessons=[Lesson(f"lesson-{s.id}", s.title, (s.id,)) for s in skills],
        states=states, due=reviews.due(cards, now),
        features=LearnerFeatures(("football",), frozenset({"mult"}), Pace.STEADY, 6),
        completed_lessons=frozenset(f"lesson-{k}" for k in TITLES), now=now)
    progress = compute_progress(skills=skills, states=states, attempts=attempts, cards=cards,
                                reviews=reviews, today=TODAY)
    return Scenario(progress, recommend(situation), len(attempts))


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from app.settings import Settings
    from app.ui.progress.page import ProgressPage
    from app.ui.style import apply_style

    app = QApplication([])
    apply_style(app, Settings())
    if "--dark" in argv:
        app.setPalette(dark_palette())
    scenario = build()
    page = ProgressPage()
    page.set_data(scenario.progress, scenario.recommendations)
    page.cards[0].why.setChecked(True)
    page.resize(1100, 1000)
    page.show()
    app.processEvents()
    ok = page.grab().save(argv[0])
    page.close()
    return 0 if ok else 1


def dark_palette() -> object:
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#2b2c30"),
                         (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
                         (QPalette.ColorRole.Button, "#303134"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed"),
                         (QPalette.ColorRole.Highlight, "#8ab4f8"),
                         (QPalette.ColorRole.HighlightedText, "#202124")):
        palette.setColor(role, QColor(colour))
    return palette


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
