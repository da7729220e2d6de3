"""Pictures and sounds referenced from imported text: bring the file in, or say it is missing.

After conversion to Markdown a question refers to pictures as ``![alt](target)``. Each
target is looked up (in the ``.apkg``, the Moodle XML's embedded files, or the folder of
the quiz file) and stored in the pack's ``media/``; a picture that cannot be found or
lives on the internet (Lantern is offline) is replaced by its description and a note in
the report, so the pack still validates and the teacher knows what to add.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from app.core.content import links
from app.core.content.importers.writer import PackDraft, media_name
from app.messages import QT_TRANSLATE_NOOP, message

FindMedia = Callable[[str], bytes | None]
# [sound:name]; the name stops at the next bracket, so a run of "[sound:" without "]"
# costs linear time, not quadratic.
_SOUND = re.compile(r"\[sound:([^\]\[]+)\]")


def folder_lookup(folder: Path) -> FindMedia:
    """Find media files by name in ``folder`` (next to a GIFT or Aiken file)."""

    def find(name: str) -> bytes | None:
        # As written (``images/sign.png``), then by bare name; never outside ``folder``.
        if "\0" in name:  # no file has one; pathlib raises ValueError on it
            return None
        for candidate in (folder / name, folder / Path(name).name):
            try:
                inside = candidate.resolve().is_relative_to(folder.resolve())
                if inside and candidate.is_file():
                    return candidate.read_bytes()
            except OSError:
                continue
        return None

    return find


class MediaResolver:
    """Rewrites media references in question fields; collects notes for the report."""

    def __init__(self, draft: PackDraft, find: FindMedia | None) -> None:
        self.draft, self.find = draft, find
        self.notes: list[str] = []
        self.missing: list[tuple[str, str]] = []  # (kind, name): counted in the report

    def fields(self, value: Any, where: str) -> Any:
        """``value`` (a string, list or dict of them) with every reference resolved."""
        if isinstance(value, str):
            return self.text(value, where)
        if isinstance(value, list):
            return [self.fields(v, where) for v in value]
        if isinstance(value, dict):
            return {k: self.fields(v, where) for k, v in value.items()}
        return value

    def text(self, text: str, where: str) -> str:
        text = _SOUND.sub(lambda m: self._sound(m.group(1), where), text)
        # Picture links are found by a linear scan (links.py), never a backtracking regex.
        text = links.substitute(text, links.images(text),
                                lambda link: self._image(link.alt, link.target, where))
        return links.substitute(text, links.media_refs(text),
                                lambda link: self._leftover(text, link, where))

    def _leftover(self, text: str, link: links.Link, where: str) -> str:
        """A damaged picture reference (e.g. broken HTML): shown as text, not as a picture."""
        name = link.target.removeprefix("media/")
        span = text[link.start:link.end]
        if name in self.draft.media:
            return span
        self.notes.append(message(QT_TRANSLATE_NOOP(
            "ImportSkip", "{where}: a picture reference is damaged (“{name}”); it is shown "
            "as text."), where=where, name=name))
        return span[1:]

    def _fetch(self, target: str) -> str | None:
        """The pack path for ``target`` once stored, or None when it cannot be found."""
        name = unquote(target)
        if "://" in name:
            return None
        bare = name[6:] if name.startswith("media/") else name
        data = self.find(bare) if self.find is not None else None
        if data is not None:
            return self.draft.add_media(bare, data)
        if name.startswith("media/") and media_name(bare) in self.draft.media:
            return f"media/{media_name(bare)}"
        return None

    def _image(self, alt: str, target: str, where: str) -> str:
        stored = self._fetch(target)
        if stored is not None:
            return f"![{alt}]({stored})"
        name = unquote(target).removeprefix("media/")
        if "://" in target:
            self.notes.append(message(QT_TRANSLATE_NOOP(
                "ImportSkip", "{where}: the picture “{name}” is on the internet; its "
                "description was kept instead."), where=where, name=name))
        else:
            self.missing.append(("picture", name))
        return f"*(picture: {alt or Path(name).name})*"

    def _sound(self, name: str, where: str) -> str:
        stored = self._fetch(name)
        if stored is None:
            self.missing.append(("sound", name))
            return f"*(sound: {name})*"
        return f"[🔊 {Path(stored).name}]({stored})"
