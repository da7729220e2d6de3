"""The unencrypted profile index: only what the sign-in screen needs.

One JSON file (``profiles.json``) lists each profile's id, the nickname the learner
chose, an avatar id, the wrapped data keys and the wrong-try counter that drives the
growing delay. Nothing else personal is ever written here. The file is replaced
atomically, so a crash or a full disk leaves the previous version intact.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.atomic import write_text_atomic
from app.messages import QT_TRANSLATE_NOOP
from app.store import files
from app.store.errors import DiskFull, ProfileNotFound, is_disk_full
from app.store.ids import ProfileId
from app.store.keys import PassphraseWrap
from app.store.recovery import RecoveryWrap
from app.store.roster import FORMAT, INDEX_FILE, ProfileCard, by_name, read_records


@dataclass(frozen=True)
class ProfileEntry:
    id: ProfileId
    nickname: str
    avatar: str
    passphrase_wrap: PassphraseWrap
    recovery_wrap: RecoveryWrap | None = None
    failed_tries: int = 0
    retry_after: float = 0.0  # wall-clock time (epoch s) before which no try is allowed

    @property
    def card(self) -> ProfileCard:
        """What the sign-in screen shows of this profile."""
        return ProfileCard(self.id, self.nickname, self.avatar)

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
        entries = read_records(path, ProfileEntry.from_dict)
        return cls(path, {e.id: e for e in entries})

    def sorted(self) -> list[ProfileEntry]:
        """The profiles as the sign-in screen lists them (:func:`app.store.roster.by_name`)."""
        return sorted(self.entries.values(), key=lambda e: by_name(e.card))

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
