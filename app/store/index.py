"""The unencrypted profile index: only what the sign-in screen needs.

One JSON file (``profiles.json``) lists each profile's id, the nickname the learner
chose, an avatar id, the wrapped data keys and the wrong-try counter that drives the
growing delay. Nothing else personal is ever written here. The file is replaced
atomically, so a crash or a full disk leaves the previous version intact.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.atomic import write_text_atomic
from app.messages import QT_TRANSLATE_NOOP
from app.store import files
from app.store.errors import DiskFull, ProfileNotFound, StoreError, is_disk_full
from app.store.ids import ProfileId
from app.store.keys import PassphraseWrap
from app.store.recovery import RecoveryWrap

log = logging.getLogger(__name__)

FORMAT = "lantern-profiles"
INDEX_FILE = "profiles.json"


@dataclass(frozen=True)
class ProfileEntry:
    id: ProfileId
    nickname: str
    avatar: str
    passphrase_wrap: PassphraseWrap
    recovery_wrap: RecoveryWrap | None = None
    failed_tries: int = 0
    retry_after: float = 0.0  # wall-clock time (epoch s) before which no try is allowed

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "nickname": self.nickname, "avatar": self.avatar,
                "passphrase_wrap": self.passphrase_wrap.to_dict(),
                "recovery_wrap": self.recovery_wrap.to_dict() if self.recovery_wrap else None,
                "failed_tries": self.failed_tries, "retry_after": self.retry_after}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProfileEntry:
        recovery = data.get("recovery_wrap")
        return cls(ProfileId(data["id"]), str(data["nickname"]), str(data["avatar"]),
                   PassphraseWrap.from_dict(data["passphrase_wrap"]),
                   RecoveryWrap.from_dict(recovery) if recovery else None,
                   int(data.get("failed_tries", 0)), float(data.get("retry_after", 0.0)))


@dataclass
class ProfileIndex:
    path: Path
    entries: dict[ProfileId, ProfileEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> ProfileIndex:
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("not a profile index")
            entries = [ProfileEntry.from_dict(d) for d in data["profiles"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.error("profile index %s is unreadable: %s", path, exc)
            raise StoreError(QT_TRANSLATE_NOOP(
                "StoreError", "Lantern can't read its list of profiles."),
                hint=QT_TRANSLATE_NOOP("StoreError", "Ask your teacher: the file profiles.json "
                                       "may be damaged. The profiles themselves are safe.")
            ) from exc
        return cls(path, {e.id: e for e in entries})

    def sorted(self) -> list[ProfileEntry]:
        """The profiles as the sign-in screen lists them: by nickname, ignoring case."""
        return sorted(self.entries.values(), key=lambda e: e.nickname.casefold())

    def get(self, profile_id: ProfileId) -> ProfileEntry:
        try:
            return self.entries[profile_id]
        except KeyError:
            raise ProfileNotFound(
                QT_TRANSLATE_NOOP("StoreError", "That profile is not on this computer.")) from None

    def put(self, entry: ProfileEntry) -> None:
        """Add or replace ``entry`` and save; on failure the file and memory are unchanged."""
        before = dict(self.entries)
        self.entries[entry.id] = entry
        self._save_or_restore(before)

    def remove(self, profile_id: ProfileId) -> None:
        before = dict(self.entries)
        self.entries.pop(profile_id, None)
        self._save_or_restore(before)

    def update(self, profile_id: ProfileId, **changes: Any) -> ProfileEntry:
        entry = replace(self.get(profile_id), **changes)
        self.put(entry)
        return entry

    def _save_or_restore(self, before: dict[ProfileId, ProfileEntry]) -> None:
        text = json.dumps({"format": FORMAT, "version": 1,
                           "profiles": [e.to_dict() for e in self.entries.values()]},
                          indent=2, ensure_ascii=False)
        try:
            write_text_atomic(self.path, text)
        except OSError as exc:
            self.entries = before
            if is_disk_full(exc):
                raise DiskFull() from exc
            raise


def open_index(root: Path) -> ProfileIndex:
    """The index in the profiles folder ``root``, read now.

    Temp files that a killed sign-out left in ``root`` are removed first.
    """
    root.mkdir(parents=True, exist_ok=True)
    files.remove_stale_temps(root)  # debris of a killed sign-out, at start
    return ProfileIndex.load(root / INDEX_FILE)


def read_profile_list(root: Path) -> list[ProfileEntry]:
    """What :meth:`app.store.ProfileStore.profiles` lists, without building the store.

    The sign-in screen's first list comes from here (app.ops.context.profile_list):
    this module and its imports need neither SQLCipher nor cryptography nor pydantic.
    """
    return open_index(root).sorted()
