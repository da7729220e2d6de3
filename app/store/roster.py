"""Who has a profile on this computer: the sign-in screen's list, read before its first
paint.

Only names and avatars: :mod:`app.store.index` turns the same records into full
:class:`~app.store.index.ProfileEntry` objects (wrapped keys, wrong-try counters) when the
store is built. This module reads the file for both, with the standard library alone:
the entries' modules (key wrapping, recovery) cost about 6 ms of imports that the first
window does not need.
"""

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from app.messages import QT_TRANSLATE_NOOP
from app.store.errors import StoreError
from app.store.ids import ProfileId

log = logging.getLogger(__name__)

T = TypeVar("T")

FORMAT = "lantern-profiles"
INDEX_FILE = "profiles.json"


# No `from __future__ import annotations` here: see app.paths.AppPaths.
class ProfileCard(NamedTuple):
    """A profile as the sign-in screen shows it."""

    id: ProfileId
    nickname: str
    avatar: str


def by_name(card: ProfileCard) -> str:
    """The sign-in list's order: by nickname, ignoring case."""
    return card.nickname.casefold()


def read_records(path: Path, build: Callable[[dict[str, Any]], T]) -> list[T]:
    """Each profile record in the index file ``path``, made by ``build``; none if the file
    does not exist yet.

    Raises :class:`StoreError` for a file that is not a profile index, or a record
    ``build`` cannot read: a damaged file, or something else under that name.
    """
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a profile index")
        return [build(record) for record in data["profiles"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.error("profile index %s is unreadable: %s", path, exc)
        raise StoreError(QT_TRANSLATE_NOOP(
            "StoreError", "Lantern can't read its list of profiles."),
            hint=QT_TRANSLATE_NOOP("StoreError", "Ask your teacher: the file profiles.json "
                                   "may be damaged. The profiles themselves are safe.")
        ) from exc


def card_of(record: dict[str, Any]) -> ProfileCard:
    return ProfileCard(ProfileId(record["id"]), str(record["nickname"]), str(record["avatar"]))


def read_cards(root: Path) -> list[ProfileCard]:
    """The profiles in the profiles folder ``root``, sorted by name (:func:`by_name`): the
    list the store gives once it is built, and the same error for a damaged file."""
    return sorted(read_records(root / INDEX_FILE, card_of), key=by_name)
