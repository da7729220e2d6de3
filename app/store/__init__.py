"""Encrypted learner profiles (SQLCipher 4). No Qt here.

Start at :class:`ProfileStore` (create, unlock, lock, recover) and :class:`Profile`
(what an unlocked profile stores). See ``docs/profiles.md``.

The names below are imported on first use (PEP 562): importing one light module of the
package (the sign-in list reads :mod:`app.store.index` before the first window is
painted) must not pull in SQLCipher, cryptography and pydantic with the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.store.errors import (
        DiskFull,
        ProfileCorrupt,
        StoreError,
        TooManyTries,
        WeakPassphrase,
        WrongPassphrase,
    )
    from app.store.index import ProfileEntry
    from app.store.profile import Profile
    from app.store.records import LearnerSettings, ProfileId, SkillState
    from app.store.store import ProfileStore

_HOME = {"DiskFull": "errors", "ProfileCorrupt": "errors", "StoreError": "errors",
         "TooManyTries": "errors", "WeakPassphrase": "errors", "WrongPassphrase": "errors",
         "ProfileEntry": "index", "Profile": "profile", "LearnerSettings": "records",
         "ProfileId": "ids", "SkillState": "records", "ProfileStore": "store"}

__all__ = ["DiskFull", "LearnerSettings", "Profile", "ProfileCorrupt", "ProfileEntry",
           "ProfileId", "ProfileStore", "SkillState", "StoreError", "TooManyTries",
           "WeakPassphrase", "WrongPassphrase"]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'app.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"app.store.{home}"), name)
    globals()[name] = value  # once: later lookups are plain attribute reads
    return value
