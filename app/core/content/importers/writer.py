"""Collect imported questions and write them as a pack folder (docs/content-packs.md).

The folder appears whole or not at all: files are written to a sibling temporary folder
that is renamed into place at the end, so a cancelled or failed import leaves nothing
half-written and never touches an existing pack.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from app.core.content.diagnostics import ContentError
from app.core.content.importers import skills
from app.messages import QT_TRANSLATE_NOOP, message

log = logging.getLogger(__name__)

DEFAULT_DIFFICULTY = 3  # quiz formats carry no difficulty; the middle of 1..5
_SLUG = re.compile(r"[^a-z0-9]+")
_MEDIA_NAME = re.compile(r"[^A-Za-z0-9._-]+")

# A quiz file does not say its licence; the Content page explains this prefix.
UNKNOWN_LICENCE = "unknown"


class ImportFailed(ContentError):
    """The file could not be imported at all (unreadable, unknown format, target in use)."""


def slug(text: str, fallback: str) -> str:
    """A pack or skill id: lowercase letters, digits and '-', at most 40 characters."""
    value = _SLUG.sub("-", text.lower()).strip("-")[:40].strip("-")
    return value or fallback


def media_name(name: str) -> str:
    """A safe file name for ``media/`` (no folders, no spaces or odd characters)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return _MEDIA_NAME.sub("-", base).strip("-.") or "file"


@dataclass
class DraftQuestion:
    """One question as pack fields; ``id`` and ``skill`` are given on writing."""

    type: str
    prompt: str
    fields: dict[str, Any] = field(default_factory=dict)
    skill: str = ""


@dataclass
class PackDraft:
    """A pack being assembled by an importer."""

    pack_id: str
    title: str
    source_name: str
    language: str = "en"
    licence: str = ""
    questions: list[DraftQuestion] = field(default_factory=list)
    skills: dict[str, str] = field(default_factory=dict)  # id -> category or deck path
    descriptions: dict[str, str] = field(default_factory=dict)  # id -> description
    deep_decks: bool = False  # Anki: name deep decks by their last two levels (skills.py)
    media: dict[str, bytes] = field(default_factory=dict)  # file name -> content

    def skill(self, path: str, description: str = "") -> str:
        """The id of the skill for category or deck ``path``, created on first use.

        ``description`` (a Moodle category's info) is kept when given.
        """
        path = path.strip() or self.title
        sid = next((s for s, existing in self.skills.items() if existing == path), "")
        if not sid:
            sid = base = slug(skills.parts(path)[-1], "skill")
            n = 2
            while sid in self.skills:
                sid, n = f"{base}-{n}", n + 1
            self.skills[sid] = path
        if description.strip():
            self.descriptions[sid] = description.strip()
        return sid

    def skill_names(self) -> dict[str, str]:
        """Readable names of the skills that have questions (see :mod:`skills`)."""
        used = {sid: path for sid, path in self.skills.items() if self._used(sid)}
        return skills.skill_names(used, deep_decks=self.deep_decks)

    def add(self, question: DraftQuestion, skill: str) -> None:
        question.skill = skill
        self.questions.append(question)

    def add_media(self, name: str, data: bytes) -> str:
        """Store a media file; returns its path in the pack (``media/…``)."""
        safe = media_name(name)
        if self.media.get(safe, data) != data:
            stem, dot, ext = safe.rpartition(".")
            safe = f"{stem or ext}-{len(self.media)}{dot}{ext if stem else ''}"
        self.media[safe] = data
        return f"media/{safe}"

    def write(self, pack_dir: Path) -> None:
        """Write the pack folder; raises :class:`ImportFailed` if it already has files."""
        if pack_dir.exists() and (not pack_dir.is_dir() or any(pack_dir.iterdir())):
            raise ImportFailed(
                message(QT_TRANSLATE_NOOP("ImportError", "“{folder}” already exists and is "
                                          "not empty."), folder=str(pack_dir)),
                hint=QT_TRANSLATE_NOOP("ImportError", "Choose a new folder for the pack; "
                                       "nothing was changed."))
        pack_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{pack_dir.name}-", dir=pack_dir.parent))
        try:
            self._write_into(tmp)
            if pack_dir.exists():
                pack_dir.rmdir()
            os.replace(tmp, pack_dir)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        log.info("wrote pack %s with %d questions", pack_dir, len(self.questions))

    def _write_into(self, folder: Path) -> None:
        (folder / "pack.toml").write_text(tomli_w.dumps(self._manifest()), encoding="utf-8")
        by_skill: dict[str, list[dict[str, Any]]] = {}
        for number, q in enumerate(self.questions, start=1):
            table = {"id": f"q-{number:03d}", "skill": q.skill, "type": q.type,
                     "difficulty": DEFAULT_DIFFICULTY, "prompt": q.prompt, **q.fields}
            by_skill.setdefault(q.skill, []).append(table)
        (folder / "questions").mkdir()
        for sid, tables in by_skill.items():
            text = tomli_w.dumps({"questions": tables}, multiline_strings=True)
            (folder / "questions" / f"{sid}.toml").write_text(text, encoding="utf-8")
        if self.media:
            (folder / "media").mkdir()
            for name, data in self.media.items():
                (folder / "media" / name).write_bytes(data)

    def _manifest(self) -> dict[str, Any]:
        return {
            "id": self.pack_id, "version": "1.0.0", "title": self.title,
            "language": self.language,
            "licence": self.licence or f"{UNKNOWN_LICENCE}: check the licence of "
                                       f"{self.source_name}",
            "authors": [], "attribution": f"Imported from {self.source_name}.",
            "description": f"Questions imported from {self.source_name}.",
            "skills": self._skill_tables(),
        }

    def _skill_tables(self) -> list[dict[str, Any]]:
        names = self.skill_names()
        needs = skills.prerequisites({sid: self.skills[sid] for sid in names})
        return [{"id": sid, "name": name, "description": self.descriptions.get(sid, ""),
                 "prerequisites": needs.get(sid, [])} for sid, name in names.items()]

    def _used(self, sid: str) -> bool:
        return any(q.skill == sid for q in self.questions)
