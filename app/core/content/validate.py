"""Checks across a whole pack: duplicate ids, unknown references, prerequisite cycles.

Per-item checks (field types, correct answers, numeric answers) happen while reading, in
``loader``/``questions``/``lessons``; together they report every problem at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from app.core.content.diagnostics import Diagnostic
from app.core.content.links import media_refs
from app.core.content.model import Pack, Skill
from app.messages import QT_TRANSLATE_NOOP, Message, message

PACK_FILE = "pack.toml"
# Per kind of id, whole sentences (a translation may need another word order).
TWICE = {
    "skill": (QT_TRANSLATE_NOOP("PackCheck", "The skill id “{id}” is used twice (first at "
                                "{where})."),
              QT_TRANSLATE_NOOP("PackCheck", "Give every skill its own id.")),
    "lesson": (QT_TRANSLATE_NOOP("PackCheck", "The lesson id “{id}” is used twice (first at "
                                 "{where})."),
               QT_TRANSLATE_NOOP("PackCheck", "Give every lesson its own id.")),
    "question": (QT_TRANSLATE_NOOP("PackCheck", "The question id “{id}” is used twice (first "
                                   "at {where})."),
                 QT_TRANSLATE_NOOP("PackCheck", "Give every question its own id.")),
}
UNKNOWN = {
    "skill": (QT_TRANSLATE_NOOP("PackCheck", "{what} refers to the unknown skill “{ref}”."),
              QT_TRANSLATE_NOOP("PackCheck", "Use the id of a skill that exists in the pack.")),
    "lesson": (QT_TRANSLATE_NOOP("PackCheck", "{what} refers to the unknown lesson “{ref}”."),
               QT_TRANSLATE_NOOP("PackCheck", "Use the id of a lesson that exists in the "
                                 "pack.")),
}


def check_pack(pack: Pack, diags: list[Diagnostic]) -> None:
    _duplicates(diags, "skill", ((s.id, PACK_FILE, s.lines.get("id", s.line))
                                 for s in pack.skills))
    _duplicates(diags, "lesson", ((x.id, x.path, x.lines.get("id", 1)) for x in pack.lessons))
    _duplicates(diags, "question", ((q.id, q.path, q.lines.get("id", q.line))
                                    for q in pack.questions))
    _references(pack, diags)
    _cycles(pack.skills, diags)
    _media(pack, diags)


def _duplicates(diags: list[Diagnostic], kind: str,
                items: Iterable[tuple[str, str, int]]) -> None:
    first: dict[str, tuple[str, int]] = {}
    for item_id, path, line in items:
        if item_id in first:
            where = "{}:{}".format(*first[item_id])
            said, fix = TWICE[kind]
            diags.append(Diagnostic(path, line, message(said, id=item_id, where=where), fix))
        else:
            first[item_id] = (path, line)


def _unknown(diags: list[Diagnostic], path: str, line: int, what: Message, kind: str, ref: str,
             known: set[str]) -> None:
    if ref not in known:
        close = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=0.6)
        said, fix = UNKNOWN[kind]
        if close:
            fix = message(QT_TRANSLATE_NOOP("PackCheck", "{fix} Did you mean “{name}”?"),
                          fix=fix, name=close[0])
        diags.append(Diagnostic(path, line, message(said, what=what, ref=ref), fix))


def _references(pack: Pack, diags: list[Diagnostic]) -> None:
    skills: set[str] = {s.id for s in pack.skills}
    lessons: set[str] = {x.id for x in pack.lessons}
    for skill in pack.skills:
        for pre in skill.prerequisites:
            _unknown(diags, PACK_FILE, skill.lines.get("prerequisites", skill.line),
                     message(QT_TRANSLATE_NOOP("PackCheck", "Skill “{id}”"), id=skill.id),
                     "skill", pre, skills)
    for lesson in pack.lessons:
        for ref in lesson.skills:
            _unknown(diags, lesson.path, lesson.lines.get("skills", 1),
                     message(QT_TRANSLATE_NOOP("PackCheck", "Lesson “{id}”"), id=lesson.id),
                     "skill", ref, skills)
    for q in pack.questions:
        what = message(QT_TRANSLATE_NOOP("PackCheck", "Question “{id}”"), id=q.id)
        _unknown(diags, q.path, q.lines.get("skill", q.line), what, "skill", q.skill, skills)
        if q.lesson is not None:
            _unknown(diags, q.path, q.lines.get("lesson", q.line), what, "lesson", q.lesson,
                     lessons)


def _cycles(skills: tuple[Skill, ...], diags: list[Diagnostic]) -> None:
    """Report each prerequisite cycle once, naming the skills in order."""
    graph: dict[str, list[str]] = {s.id: list(s.prerequisites) for s in skills}
    lines: dict[str, int] = {s.id: s.lines.get("prerequisites", s.line) for s in skills}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root in graph:
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = []
        while stack:
            node, index = stack.pop()
            if index == 0:
                if state.get(node) == 2:
                    continue
                state[node] = 1
                path.append(node)
            nexts = graph.get(node, [])
            if index < len(nexts):
                stack.append((node, index + 1))
                child = nexts[index]
                if state.get(child) == 1:
                    cycle = [*path[path.index(child):], child]
                    diags.append(Diagnostic(
                        PACK_FILE, lines[node],
                        message(QT_TRANSLATE_NOOP("PackCheck", "The prerequisites go round in "
                                                  "a circle: {cycle}."),
                                cycle=" → ".join(cycle)),
                        message(QT_TRANSLATE_NOOP("PackCheck", "Remove one of these "
                                                  "prerequisites, e.g. “{child}” from skill "
                                                  "“{node}”: a skill cannot (indirectly) "
                                                  "require itself."), child=child, node=node)))
                elif state.get(child) != 2 and child in graph:
                    stack.append((child, 0))
            else:
                state[node] = 2
                path.pop()


def _media(pack: Pack, diags: list[Diagnostic]) -> None:
    present = set(pack.media)
    texts = [(x.path, x.body_line, x.body) for x in pack.lessons]
    texts += [(q.path, q.lines.get("prompt", q.line), q.prompt) for q in pack.questions]
    for path, line, text in texts:
        for link in media_refs(text):  # a linear scan: pack text is untrusted
            if link.target not in present:
                offset = text.count("\n", 0, link.start)
                diags.append(Diagnostic(
                    path, line + offset,
                    message(QT_TRANSLATE_NOOP("PackCheck", "The picture “{name}” is not in "
                                              "the pack."), name=link.target),
                    QT_TRANSLATE_NOOP("PackCheck", "Add the file to the pack's media folder, "
                                      "or fix the file name (names are case-sensitive).")))

