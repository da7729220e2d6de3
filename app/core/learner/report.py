"""The "Report for my teacher": mastery per skill, recent activity, and a short comment.

Built on the ``db`` lane from the same figures the Progress page shows (the journal's
snapshot) plus this week's answers per skill; the comment is added afterwards on the
inference lane (:func:`app.core.tutor.comments.checked_comment`). The report is shown to
the learner first and leaves the profile only as a file the learner chooses (PDF or CSV);
nothing of it is stored elsewhere.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from app.core.content.model import Pack
from app.core.learner import journal
from app.core.learner.model import LearnerModel
from app.core.learner.progress import DayActivity
from app.core.learner.reviews import Reviews
from app.core.tutor.comments import SkillReport
from app.store import Profile

RECENT_DAYS = 7


@dataclass(frozen=True)
class SkillRow:
    name: str
    mastery: float  # P(known), 0..1
    answers: int  # all time
    answers_week: int  # the last RECENT_DAYS days, today included
    right_week: int


@dataclass(frozen=True)
class TeacherReport:
    learner: str
    subject: str
    language: str  # the subject's language: the comment is written in it
    day: date
    skills: tuple[SkillRow, ...]
    days: tuple[DayActivity, ...]  # the last RECENT_DAYS days, oldest first
    comment: str = ""
    comment_by_model: bool = False  # False: Lantern's own sentences from the figures

    @property
    def answers_week(self) -> int:
        return sum(d.answers for d in self.days)

    @property
    def right_week(self) -> int:
        return sum(d.right for d in self.days)

    def with_comment(self, comment: str, *, by_model: bool) -> TeacherReport:
        return replace(self, comment=comment, comment_by_model=by_model)

    def skill_reports(self) -> list[SkillReport]:
        return [SkillReport(s.name, s.mastery, s.answers_week, s.right_week)
                for s in self.skills]


def build_report(profile: Profile, pack: Pack, *, learner: str, model: LearnerModel,
                 now: datetime, today: date) -> TeacherReport:
    """The figures of ``learner``'s report for ``pack`` (no comment yet). ``db`` lane."""
    progress, _plan = journal.snapshot(profile, pack, model=model, reviews=Reviews(),
                                       now=now, today=today)
    since = today - timedelta(days=RECENT_DAYS - 1)
    recent = [a for a in profile.attempts(pack_id=pack.info.id)
              if datetime.fromisoformat(a.created_at).astimezone().date() >= since]
    rows = tuple(SkillRow(s.title, s.mastery, s.attempts,
                          sum(1 for a in recent if a.skill_id == s.skill_id),
                          sum(1 for a in recent if a.skill_id == s.skill_id and a.correct))
                 for s in progress.skills)
    days = tuple(d for d in progress.activity if d.day >= since)
    return TeacherReport(learner, pack.info.title, pack.info.language, today, rows, days)


def figures_text(report: TeacherReport) -> str:
    """The figures as plain lines: what the model may write its comment from."""
    lines = [f"Student: {report.learner}", f"Subject: {report.subject}",
             f"Answers in the last {RECENT_DAYS} days: {report.answers_week}, "
             f"right: {report.right_week}"]
    lines += [f"Skill {row.name}: mastery {round(100 * row.mastery)}%, "
              f"{row.answers_week} answers this week ({row.right_week} right), "
              f"{row.answers} answers in all" for row in report.skills]
    return "\n".join(lines)


def report_csv(report: TeacherReport) -> str:
    """One table: a row per skill, a row per recent day, and the comment."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "name", "mastery_percent", "answers", "right"])
    for row in report.skills:
        writer.writerow(["skill", row.name, round(100 * row.mastery), row.answers, ""])
    for day in report.days:
        writer.writerow(["day", day.day.isoformat(), "", day.answers, day.right])
    writer.writerow(["comment", report.comment, "", "", ""])
    return out.getvalue()
