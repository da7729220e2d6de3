"""Helpers shared by the content-pack tests: the small valid pack and edits of it."""

from __future__ import annotations

import shutil
from pathlib import Path

MINI = Path(__file__).resolve().parent / "fixtures" / "packs" / "mini"
STARTER = Path(__file__).resolve().parents[2] / "assets" / "content"


def copy_mini(tmp_path: Path, name: str = "mini") -> Path:
    """A private, editable copy of the valid test pack."""
    target = tmp_path / name
    shutil.copytree(MINI, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there exactly once) with ``new`` in a pack file."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path.name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
