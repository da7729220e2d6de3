"""Shared helpers for the importer tests: where the real data is, and pack checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomllib

from app.core.content.loader import read_pack
from app.core.content.model import Pack
from app.core.content.source import read_source

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
QUIZ = SHARED_DATA / "quiz"
ANKI = SHARED_DATA / "anki"
GOLDEN = QUIZ / "gift_golden_fuhrmanator" / "tests_questions"
QAS = QUIZ / "qas_editor"
HERE_DATA = Path(__file__).resolve().parent / "data"


def valid_pack(pack_dir: Path) -> Pack:
    """The pack at ``pack_dir``, asserting the validator finds no problem in it."""
    pack, diags = read_pack(read_source(pack_dir))
    assert not diags, "\n".join(str(d) for d in diags)
    return pack


def questions(pack_dir: Path) -> list[dict[str, Any]]:
    """Every question table as written (including extra fields the loader ignores)."""
    found: list[dict[str, Any]] = []
    for path in sorted((pack_dir / "questions").glob("*.toml")):
        found += tomllib.loads(path.read_text(encoding="utf-8"))["questions"]
    return sorted(found, key=lambda q: q["id"])
