"""Spreadsheets saved as CSV: one question per row, first column asked, second expected.

The first row must name the columns (``country,capital,…``): guessing whether it is a
header or a first question is unreliable, so the contract is fixed. The prompt names both
columns: "country: **England** — what is the capital?"; when the header cells are empty,
the first cell is the whole question.
Further non-empty columns are kept as the worked solution ("capital:de: London").
A row whose answer cell is empty or only a picture is reported, not imported.
"""

from __future__ import annotations

import csv
from pathlib import Path

from app.core.content.importers.anki import plain
from app.core.content.importers.build import Answer, ImportJob, Unsupported, short_question
from app.core.content.importers.markup import to_markdown
from app.core.content.importers.writer import DraftQuestion, ImportFailed
from app.messages import QT_TRANSLATE_NOOP, message

KIND = QT_TRANSLATE_NOOP("ImportSkip", "spreadsheet row")
SNIFF_CHARS = 2048


def import_csv(path: Path, text: str, job: ImportJob) -> None:
    try:
        # The sniffer's patterns are quadratic in the sample (8 KB of ',"' took 1.5 s):
        # the header and first rows are enough to see the delimiter.
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:SNIFF_CHARS],
                                                                       ",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(text.splitlines(), dialect))
    except csv.Error as exc:  # e.g. a cell over the csv module's 128 KB field limit
        raise ImportFailed(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” is not a spreadsheet Lantern "
                                      "can read ({detail})."), name=path.name,
                    detail=str(exc)),
            hint=QT_TRANSLATE_NOOP("ImportError", "Save it again from the spreadsheet "
                                   "program as CSV, with one question per row.")) from None
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    skill = job.draft.skill(job.draft.title)
    for index, row in enumerate(body):
        job.step(index, len(body))
        where = message(QT_TRANSLATE_NOOP("ImportSkip", "line {line}"), line=index + 2)
        if not any(cell.strip() for cell in row):
            continue
        try:
            question = _row(row, header, f"{path.name}, {where}")
        except Unsupported as exc:
            job.report.skip(KIND, str(exc), where)
            continue
        job.add(question, skill, where)


def _row(row: list[str], header: list[str], source: str) -> DraftQuestion:
    if len(row) < 2:
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "it needs a question column and an answer column"))
    asked, expected = row[0].strip(), row[1].strip()
    if not asked:
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "the question cell is empty"))
    if not expected:
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "the answer cell is empty"))
    answer = plain(expected)
    if not answer:
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "the answer is a picture: no automatic grading"))
    if len(header) >= 2 and header[0].strip() and header[1].strip():
        prompt = f"{header[0].strip()}: **{to_markdown(asked)}** — what is the {header[1]}?"
    else:
        prompt = to_markdown(asked)
    names = [name.strip() or f"column {n}" for n, name in enumerate(header[2:], start=3)]
    extras = [f"- {name}: {to_markdown(cell)}" for name, cell in zip(names, row[2:],
                                                                     strict=False)
              if cell.strip()]
    return short_question(prompt, [Answer(answer, 1.0)], solution="\n".join(extras),
                          source=source)
