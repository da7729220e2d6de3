"""Which class key a learner's data key may be wrapped for: pinned inside the profile.

The class recovery key file (``profiles/class-recovery.json``) is a plain file in the
laptop's user account: anyone who can run a command there can replace it. So the profile
itself decides which class key it trusts. At the first wrap it *pins* the class key's
fingerprint in its own encrypted database (the SQLCipher file: nobody without the
learner's data key can read or change it). Later, at each sign-in, the installed class
key is compared with the pin:

- the same key: nothing happens (a lost recovery wrap is made again, for that key);
- a key the pinned one *endorsed* (a signed statement, see
  :class:`app.store.recovery.Endorsement`), directly or along a chain: the profile
  moves to it and the learner is told;
- anything else (another key, a missing or unreadable file): the data key is **not**
  wrapped for it, the learner is told, and the teacher settings of this laptop are not
  trusted for the session (:mod:`app.teacher_settings`).

Profiles made before pins existed are pinned at their next sign-in, to the installed key
if their recovery wrap already goes to it (or they have none): trust on first use, once.
"""

from __future__ import annotations

import enum
import json
import logging
from dataclasses import dataclass
from typing import Any

from app.store.records import utc_now
from app.store.recovery import ClassRecoveryKey

log = logging.getLogger(__name__)

PIN_KEY = "class_key_pin"  # a row of the profile's ``settings`` table


class ClassKeyStatus(enum.Enum):
    """What the sign-in found out about the class key; the UI words it for the learner."""

    NONE = "none"  # no class key, none pinned: nothing to say
    TRUSTED = "trusted"  # the pinned key (or pinned now, at the first wrap)
    MOVED = "moved"  # the pinned key endorsed the installed one: the profile moved to it
    UNTRUSTED = "untrusted"  # another key, or none: not wrapped, the learner is told

    @property
    def trusted(self) -> bool:
        return self is not ClassKeyStatus.UNTRUSTED


@dataclass(frozen=True)
class Pin:
    fingerprint: str
    public: bytes
    signed: bool  # False for a version 1 key (no signing key: it can endorse nothing)

    @classmethod
    def of(cls, key: ClassRecoveryKey) -> Pin:
        return cls(key.fingerprint, key.public, key.signing_public is not None)

    def matches(self, key: ClassRecoveryKey) -> bool:
        if self.fingerprint == key.fingerprint:
            return True
        # A version 1 pin follows its own key's upgrade to version 2 (same X25519 key):
        # trust on first use of the signing key, as for a profile's very first pin.
        return not self.signed and key.public == self.public


def read_pin(conn: Any) -> Pin | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (PIN_KEY,)).fetchone()
    if row is None:
        return None
    data = json.loads(row[0])
    return Pin(str(data["fingerprint"]), bytes.fromhex(data["public"]), bool(data["signed"]))


def write_pin(conn: Any, pin: Pin) -> None:
    value = json.dumps({"fingerprint": pin.fingerprint, "public": pin.public.hex(),
                        "signed": pin.signed, "pinned_at": utc_now()})
    with conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
                     "DO UPDATE SET value = excluded.value", (PIN_KEY, value))


def judge(pin: Pin | None, installed: ClassRecoveryKey | None,
          wrapped_for: bytes | None) -> ClassKeyStatus:
    """The status, before anything is written: see the module docstring for the rules.

    Args:
        pin: the profile's pin, None for a profile that has none yet.
        installed: this laptop's class key, None when missing or unreadable.
        wrapped_for: the X25519 public key the profile's recovery wrap goes to, if any.
    """
    if installed is None:
        return ClassKeyStatus.UNTRUSTED if pin else ClassKeyStatus.NONE
    if pin is None:
        first_use = wrapped_for is None or wrapped_for == installed.public
        return ClassKeyStatus.TRUSTED if first_use else ClassKeyStatus.UNTRUSTED
    if pin.matches(installed):
        return ClassKeyStatus.TRUSTED
    if installed.endorsed_from(pin.fingerprint):
        return ClassKeyStatus.MOVED
    log.warning("the class key %s… is not the pinned %s… nor endorsed by it",
                installed.fingerprint[:12], pin.fingerprint[:12])
    return ClassKeyStatus.UNTRUSTED
