"""Rules and a strength hint for new passphrases and nicknames.

The hint is a rough estimate (length and variety, with a penalty for repeats and very
common choices), meant to nudge a 10-year-old towards three or four words, not to
certify strength: Argon2id does the real work of slowing guessing down.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

from app.store.errors import StoreError, WeakPassphrase

MIN_LENGTH = 8
MAX_NICKNAME = 30
COMMON = frozenset({"password", "12345678", "123456789", "qwertyui", "iloveyou",
                    "football", "abcdefgh", "11111111", "letmein1", "password1"})


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (too weak) .. 4 (strong)
    hint: str


def estimate(passphrase: str) -> Strength:
    """A 0-4 score and a short hint in a learner's words."""
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, f"Too short: use at least {MIN_LENGTH} characters.")
    if passphrase.casefold() in COMMON or len(set(passphrase)) <= 2:
        return Strength(0, "Too easy to guess. Try three words you will remember.")
    pool = sum(size for chars, size in _POOLS if any(c in chars for c in passphrase))
    pool += 32 if any(ord(c) > 127 for c in passphrase) else 0
    bits = len(set(passphrase)) * 0.5 * math.log2(max(pool, 2)) + len(passphrase) * 1.5
    words = len(passphrase.split())
    if bits < 40 and words < 3:
        return Strength(1, "Okay, but easy to guess. Add another word.")
    if bits < 60 and words < 4:
        return Strength(2, "Good. One more word makes it strong.")
    if bits < 80:
        return Strength(3, "Strong.")
    return Strength(4, "Very strong.")


_POOLS = ((string.ascii_lowercase, 26), (string.ascii_uppercase, 26), (string.digits, 10),
          (string.punctuation + " ", 33))


def check_new_passphrase(passphrase: str) -> None:
    """Raise :class:`WeakPassphrase` unless the passphrase is acceptable."""
    strength = estimate(passphrase)
    if strength.score == 0:
        raise WeakPassphrase(strength.hint, hint="")


def check_nickname(nickname: str, *, taken: set[str]) -> str:
    """The trimmed nickname, or :class:`StoreError` saying what to change."""
    nickname = " ".join(nickname.split())
    if not nickname:
        raise StoreError("Please choose a nickname.", hint="")
    if len(nickname) > MAX_NICKNAME:
        raise StoreError(f"Please use a nickname of at most {MAX_NICKNAME} characters.",
                         hint="")
    if nickname.casefold() in {t.casefold() for t in taken}:
        raise StoreError("Someone on this computer already uses that nickname.",
                         hint="Please choose another one.")
    return nickname
