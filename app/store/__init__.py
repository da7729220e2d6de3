"""Encrypted learner profiles (SQLCipher 4). No Qt here.

Start at :class:`ProfileStore` (create, unlock, lock, recover) and :class:`Profile`
(what an unlocked profile stores). See ``docs/profiles.md``.
"""

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

__all__ = ["DiskFull", "LearnerSettings", "Profile", "ProfileCorrupt", "ProfileEntry",
           "ProfileId", "ProfileStore", "SkillState", "StoreError", "TooManyTries",
           "WeakPassphrase", "WrongPassphrase"]
