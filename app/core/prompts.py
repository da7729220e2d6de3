"""Prompt files from ``assets/prompts/``: versioned by file name (``name.vN.md``)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from inference.resources import assets_dir

_VERSIONED = re.compile(r"^(?P<name>.+)\.v(?P<version>\d+)\.md$")


def prompts_dir() -> Path:
    return assets_dir() / "prompts"


@functools.cache
def load_prompt(name: str) -> tuple[str, int]:
    """The newest version of prompt ``name``: its text and version number."""
    best: tuple[int, Path] | None = None
    for path in prompts_dir().glob(f"{name}.v*.md"):
        match = _VERSIONED.match(path.name)
        if match and match["name"] == name:
            version = int(match["version"])
            if best is None or version > best[0]:
                best = (version, path)
    if best is None:
        raise FileNotFoundError(f"no prompt called {name!r} in {prompts_dir()}")
    return best[1].read_text(encoding="utf-8").strip(), best[0]


def render_prompt(name: str, **fields: str) -> str:
    """The newest version of prompt ``name`` with ``{field}`` placeholders filled in.

    Unused placeholders are an error (a prompt change must not silently drop context);
    blank lines left by empty optional fields are removed.
    """
    text, _version = load_prompt(name)
    return re.sub(r"\n{3,}", "\n\n", text.format(**fields)).strip()
