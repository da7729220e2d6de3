"""Skill names a learner can read, from Moodle categories and Anki deck paths.

Quiz files name their groups by path: Moodle ``$course$/top/Fractions/Halves`` (``//``
is an escaped ``/``), GIFT ``qas editor/Essays``, Anki ``mipt_chinese::lesson_15::
new_words``. A skill is named after the last part of its path made readable
(``new_words`` → "New words"); when that part alone says little (two skills end in the
same part, or a deck three or more levels deep whose leaf is a generic word such as
"new words") the part above it is put in front: "Lesson 15 · new words". A category
nested in another category that is itself a skill of the pack gets it as a prerequisite.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

# Moodle context prefixes and the implicit root category: not part of the subject.
_MOODLE_ROOTS = {"$course$", "$system$", "$module$", "$coursecategory$", "top", ""}
_MOODLE_SPLIT = re.compile(r"(?<!/)/(?!/)")  # a single "/"; "//" is an escaped slash
_NUMBERED = re.compile(r"([A-Za-z])[ ]?(\d)")  # "lesson15" -> "lesson 15"
SEPARATOR = " · "
# Paths come from the file: a crafted one may nest thousands of levels or run to
# megabytes. Only the last levels matter for a name and for nesting, and a name is short.
MAX_DEPTH = 32
MAX_NAME = 120


def parts(path: str) -> list[str]:
    """The path's segments without Moodle's context prefix and ``top``."""
    if "::" in path:
        found = path.split("::")
    else:
        found = [p.replace("//", "/") for p in _MOODLE_SPLIT.split(path)]
    found = [p.strip() for p in found]
    while len(found) > 1 and (found[0].lower() in _MOODLE_ROOTS
                              or found[0].lower().startswith("default for ")):
        found.pop(0)
    return [p for p in found if p][-MAX_DEPTH:] or [path.strip()[:MAX_NAME]]


def readable(segment: str) -> str:
    """``lesson_15`` → "Lesson 15", ``new-words`` → "New words"; other text kept as is."""
    text = " ".join(segment.replace("_", " ").split())
    if "-" in text and " " not in text and text.islower():  # a slug: "new-words"
        text = text.replace("-", " ")
    text = _NUMBERED.sub(r"\1 \2", text) if re.fullmatch(r"[A-Za-z]+\d+", text) else text
    return text[:1].upper() + text[1:]


def _label(path_parts: list[str], depth: int) -> str:
    shown = path_parts[-depth:]
    label = SEPARATOR.join([readable(shown[0]), *(s.replace("_", " ").strip()
                                                  for s in shown[1:])])
    return label if len(label) <= MAX_NAME else label[:MAX_NAME - 1].rstrip() + "…"


def skill_names(paths: Mapping[str, str], *, deep_decks: bool = False) -> dict[str, str]:
    """Skill id -> readable name, unique among ``paths`` (skill id -> source path).

    ``deep_decks`` (Anki): a path of three or more levels shows its last two parts, as a
    deck's leaf ("new words", "verbs") is often only meaningful under its parent.
    """
    split = {sid: parts(path) for sid, path in paths.items()}
    depth = {sid: 2 if deep_decks and len(p) >= 3 else 1 for sid, p in split.items()}
    for _round in range(8):  # each round shows one more level of the clashing names
        names = {sid: _label(split[sid], depth[sid]) for sid in split}
        clashes = Counter(n.casefold() for n in names.values())
        grow = [sid for sid, n in names.items()
                if clashes[n.casefold()] > 1 and depth[sid] < len(split[sid])]
        if not grow:
            return names
        for sid in grow:
            depth[sid] += 1
    return {sid: _label(split[sid], depth[sid]) for sid in split}


def prerequisites(paths: Mapping[str, str]) -> dict[str, list[str]]:
    """Skill id -> the skill of its nearest enclosing category, when that is a skill.

    Only nesting among the given skills counts: a category with no questions of its own
    teaches nothing to build on, so its children are not held back by it.
    """
    by_parts = {tuple(p.casefold() for p in parts(path)): sid for sid, path in paths.items()}
    found: dict[str, list[str]] = {}
    for key, sid in by_parts.items():
        for cut in range(len(key) - 1, 0, -1):
            parent = by_parts.get(key[:cut])
            if parent is not None:
                found[sid] = [parent]
                break
    return found
