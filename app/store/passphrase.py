"""Rules and a strength hint for new passphrases and nicknames.

The hint is a rough estimate (length and variety, with a penalty for repeats and very
common choices), meant to nudge a 10-year-old towards three or four words, not to
certify strength: Argon2id does the real work of slowing guessing down.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

from app.messages import QT_TRANSLATE_NOOP, message
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
        return Strength(0, message(QT_TRANSLATE_NOOP(
            "Passphrase", "Too short: use at least {count} characters."), count=MIN_LENGTH))
    if passphrase.casefold() in COMMON or len(set(passphrase)) <= 2:
        return Strength(0, QT_TRANSLATE_NOOP(
            "Passphrase", "Too easy to guess. Try three words you will remember."))
    pool = sum(size for chars, size in _POOLS if any(c in chars for c in passphrase))
    pool += 32 if any(ord(c) > 127 for c in passphrase) else 0
    bits = len(set(passphrase)) * 0.5 * math.log2(max(pool, 2)) + len(passphrase) * 1.5
    words = len(passphrase.split())
    if bits < 40 and words < 3:
        return Strength(1, QT_TRANSLATE_NOOP(
            "Passphrase", "Okay, but easy to guess. Add another word."))
    if bits < 60 and words < 4:
        return Strength(2, QT_TRANSLATE_NOOP("Passphrase", "Good. One more word makes it strong."))
    if bits < 80:
        return Strength(3, QT_TRANSLATE_NOOP("Passphrase", "Strong."))
    return Strength(4, QT_TRANSLATE_NOOP("Passphrase", "Very strong."))


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
        raise StoreError(QT_TRANSLATE_NOOP("Passphrase", "Please choose a nickname."), hint="")
    if len(nickname) > MAX_NICKNAME:
        raise StoreError(message(QT_TRANSLATE_NOOP(
            "Passphrase", "Please use a nickname of at most {count} characters."),
            count=MAX_NICKNAME), hint="")
    if nickname.casefold() in {t.casefold() for t in taken}:
        raise StoreError(QT_TRANSLATE_NOOP(
            "Passphrase", "Someone on this computer already uses that nickname."),
            hint=QT_TRANSLATE_NOOP("Passphrase", "Please choose another one."))
    return nickname
