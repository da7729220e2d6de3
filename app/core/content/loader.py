"""Load a pack (folder or ``.zip``) into a :class:`Pack`, collecting every problem.

:func:`read_pack` never raises on bad content: it builds what it can and returns all the
problems it found, so a teacher can fix a pack in one pass. :func:`load_pack` is the
strict entry point the app uses: it raises :class:`ContentError` unless the pack is clean.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.core.content.diagnostics import ContentError, Diagnostic
from app.core.content.fields import Source, Table
from app.core.content.lessons import read_lesson
from app.core.content.model import Pack, PackId, PackInfo, Skill, SkillId
from app.core.content.questions import read_questions
from app.core.content.source import PackFiles, read_source
from app.core.content.validate import check_pack
from app.messages import QT_TRANSLATE_NOOP, message

PACK_FILE = "pack.toml"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PACK_FIELDS = frozenset({"id", "version", "title", "subject", "language", "licence", "authors",
                         "attribution", "description", "skills"})
SKILL_FIELDS = frozenset({"id", "name", "description", "prerequisites"})
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:[-+][0-9A-Za-z.+-]+)?$")


def load_pack(path: Path) -> Pack:
    """The pack at ``path``, fully validated.

    Raises:
        ContentError: it cannot be read, or it has problems (listed in ``diagnostics``).
    """
    pack, diags = read_pack(read_source(path))
    if diags:
        raise ContentError(
            f"“{path.name}” has {len(diags)} problem{'s' if len(diags) != 1 else ''}, "
            "so it was not loaded.",
            hint=f"Run `python -m app.core.content validate {path}` to see them all.",
            diagnostics=tuple(diags))
    return pack


def read_pack(files: PackFiles) -> tuple[Pack, list[Diagnostic]]:
    """Best-effort pack and the sorted list of every problem in it."""
    diags: list[Diagnostic] = []
    info, skills = _read_manifest(files, diags)
    lessons = [lesson for path in files.under("lessons", ".md")
               if (text := _text(files, path, diags)) is not None
               and (lesson := read_lesson(Source(path, text), diags))]
    questions = [q for path in files.under("questions", ".toml")
                 if (text := _text(files, path, diags)) is not None
                 for q in read_questions(Source(path, text), diags)]
    pack = Pack(info=info, skills=tuple(skills), lessons=tuple(lessons),
                questions=tuple(questions), media=tuple(files.under("media", "")))
    check_pack(pack, diags)
    return pack, sorted(set(diags))


def _text(files: PackFiles, path: str, diags: list[Diagnostic]) -> str | None:
    """The file's text, or None (reported) when it is not UTF-8."""
    try:
        return files.files[path].decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = files.files[path][:exc.start].count(b"\n") + 1
        diags.append(Diagnostic(
            path, line, QT_TRANSLATE_NOOP("PackCheck", "This file is not saved as UTF-8 text."),
            QT_TRANSLATE_NOOP("PackCheck", "Open it in a text editor and save it with UTF-8 "
                              "encoding.")))
        return None


def _read_manifest(files: PackFiles, diags: list[Diagnostic]) -> tuple[PackInfo, list[Skill]]:
    if PACK_FILE not in files.files:
        diags.append(Diagnostic(
            PACK_FILE, 0, QT_TRANSLATE_NOOP("PackCheck", "The pack has no pack.toml."),
            QT_TRANSLATE_NOOP("PackCheck", "Put a pack.toml with the pack's id, version and "
                              "title in the pack's top folder (see docs/content-packs.md).")))
        return PackInfo(PackId(""), "", "", "", ""), []
    source = Source(PACK_FILE, _text(files, PACK_FILE, diags) or "")
    doc = source.parse(diags) or {}
    table = Table(source, doc, diags, what=QT_TRANSLATE_NOOP("PackCheck", "The pack"))
    table.known(PACK_FIELDS)
    info = PackInfo(
        id=PackId(_checked(table, "id", ID_PATTERN, '"fractions"',
                           QT_TRANSLATE_NOOP("PackCheck", "use lowercase letters, digits "
                                             "and '-' only"))),
        version=_checked(table, "version", SEMVER, '"1.0.0"',
                         QT_TRANSLATE_NOOP("PackCheck", "use a semantic version: three "
                                           "numbers like 1.0.0")),
        title=table.text("title"), language=table.text("language", example='"en"'),
        licence=table.text("licence", example='"CC BY 4.0"'),
        subject=table.text("subject", required=False),
        authors=table.text_list("authors", example='["Your Name"]'),
        attribution=table.text("attribution", required=False),
        description=table.text("description", required=False))
    return info, _read_skills(source, table, diags)


def _checked(table: Table, key: str, pattern: re.Pattern[str], example: str, rule: str) -> str:
    value = table.text(key, example=example)
    if value and not pattern.match(value):
        table.error(key, message(QT_TRANSLATE_NOOP("PackCheck", "“{value}” is not a valid "
                                                   "{key}: {rule}."),
                                 value=value, key=key, rule=rule),
                    message(QT_TRANSLATE_NOOP("PackCheck", "Write it like {key} = {example}."),
                            key=key, example=example))
    return value


def _read_skills(source: Source, top: Table, diags: list[Diagnostic]) -> list[Skill]:
    raw = top.tables("skills")
    if not raw:
        top.error(None, QT_TRANSLATE_NOOP("PackCheck", "the pack has no skills."),
                  QT_TRANSLATE_NOOP("PackCheck", "Add at least one skill under a [[skills]] "
                                    "header."))
    starts = source.item_starts("skills", len(raw))
    ends = [*starts[1:], len(source.lines) + 1][:len(starts)]
    skills = []
    for data, start, end in zip(raw, starts, ends, strict=True):
        sid = data.get("id")
        what = (message(QT_TRANSLATE_NOOP("PackCheck", "Skill “{id}”"), id=sid)
                if isinstance(sid, str) else
                message(QT_TRANSLATE_NOOP("PackCheck", "The skill at line {line}"), line=start))
        table = Table(source, data, diags, what=what, start=start, end=end)
        table.known(SKILL_FIELDS)
        skill_id = table.text("id")
        skill = Skill(id=SkillId(skill_id), name=table.text("name"),
                      description=table.text("description", required=False),
                      prerequisites=tuple(SkillId(p) for p in table.text_list("prerequisites")),
                      line=start, lines=table.lines())
        if skill_id:
            skills.append(skill)
    return skills
