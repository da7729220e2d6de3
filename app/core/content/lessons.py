"""Read one lesson: TOML front matter between ``+++`` lines, then the Markdown body."""

from __future__ import annotations

from app.core.content.diagnostics import Diagnostic
from app.core.content.fields import Source, Table
from app.core.content.model import Lesson, LessonId, SkillId
from app.messages import QT_TRANSLATE_NOOP, message

FENCE = "+++"
FIELDS = frozenset({"id", "title", "skills", "reading_level", "order"})


def read_lesson(source: Source, diags: list[Diagnostic]) -> Lesson | None:
    """The lesson in ``source``, or None (with a diagnostic) when it cannot be read."""
    lines = source.lines
    if not lines or lines[0].strip() != FENCE:
        diags.append(Diagnostic(
            source.path, 1,
            QT_TRANSLATE_NOOP("PackCheck", "The lesson does not start with a +++ line."),
            QT_TRANSLATE_NOOP("PackCheck", 'Begin the file with a front matter block: a +++ '
                              'line, id = "…", title = "…", skills = ["…"], then another +++ '
                              "line.")))
        return None
    close = next((n for n in range(1, len(lines)) if lines[n].strip() == FENCE), None)
    if close is None:
        diags.append(Diagnostic(
            source.path, 1, QT_TRANSLATE_NOOP("PackCheck", "The front matter block is never "
                                              "closed."),
            QT_TRANSLATE_NOOP("PackCheck", "Add a line with just +++ after the last front "
                              "matter line.")))
        return None
    front = Source(source.path, "\n".join(lines[1:close]), offset=1)
    data = front.parse(diags)
    if data is None:
        return None
    lesson_id = data.get("id")
    what = (message(QT_TRANSLATE_NOOP("PackCheck", "Lesson “{id}”"), id=lesson_id)
            if isinstance(lesson_id, str) else QT_TRANSLATE_NOOP("PackCheck", "The lesson"))
    table = Table(front, data, diags, what=what)
    table.known(FIELDS)
    body = "\n".join(lines[close + 1:])
    lesson = Lesson(
        id=LessonId(table.text("id")), title=table.text("title"),
        skills=tuple(SkillId(s) for s in table.text_list("skills")),
        body=body, path=source.path, body_line=close + 2,
        reading_level=table.text("reading_level", required=False, example='"10-12"'),
        order=table.integer("order", low=0, high=10_000, default=0), lines=table.lines())
    if not body.strip():
        diags.append(Diagnostic(
            source.path, close + 1,
            message(QT_TRANSLATE_NOOP("PackCheck", "{what}: the lesson has no text."),
                    what=what),
            QT_TRANSLATE_NOOP("PackCheck", "Write the lesson below the closing +++ line.")))
    if not lesson.skills and "skills" not in data:
        table.error(None, message(QT_TRANSLATE_NOOP("PackCheck", "“{key}” is missing."),
                                  key="skills"),
                    QT_TRANSLATE_NOOP("PackCheck", 'Add skills = ["…"] with the ids of the '
                                      "skills this lesson teaches."))
    return lesson if lesson.id else None
