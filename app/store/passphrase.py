"""Rules, a strength estimate and a suggestion for new passphrases; nickname rules.

Strength comes from zxcvbn (Dropbox's estimator, kept on PyPI as ``zxcvbn``): it counts
the guesses an attacker who knows common passwords, keyboard patterns, dates, repeats
and dictionary words would need, so ``12312312``, ``password2`` and ``qwerty123`` score
0-1 however long they are. Its score (0-4) drives a short hint in a learner's words.

Why the bar is where it is: anyone who copies the laptop's files can guess offline, and
then only Argon2id (about half a second and 64 MiB per guess) and the passphrase itself
stand in the way. A learner's passphrase must reach score 2 (about 10^6-10^8 guesses:
years of Argon2id work on one computer); the teacher's, which opens every learner's
recovery and the teacher settings, must reach 3. A random four-word suggestion from the
EFF short word list (1,296 words, about 41 bits) is offered for both.
"""

from __future__ import annotations

import functools
import secrets
from dataclasses import dataclass

from app.messages import QT_TRANSLATE_NOOP, message
from app.store.errors import StoreError, WeakPassphrase

MIN_LENGTH = 8
MAX_NICKNAME = 30
MAX_ESTIMATED = 100  # zxcvbn's matching grows fast with length; the rest adds strength
LEARNER_MIN_SCORE = 2
TEACHER_MIN_SCORE = 3
SUGGESTED_WORDS = 4

_HINTS = (
    QT_TRANSLATE_NOOP("Passphrase", "Too easy to guess. Try three or four words you will "
                                    "remember."),
    QT_TRANSLATE_NOOP("Passphrase", "Still easy to guess: avoid common passwords, keyboard "
                                    "rows and repeats. Add another word."),
    QT_TRANSLATE_NOOP("Passphrase", "Okay. One more word makes it strong."),
    QT_TRANSLATE_NOOP("Passphrase", "Strong."),
    QT_TRANSLATE_NOOP("Passphrase", "Very strong."),
)


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (too weak) .. 4 (strong), zxcvbn's scale
    hint: str


def estimate(passphrase: str) -> Strength:
    """A 0-4 score and a short hint in a learner's words (fast enough for each keystroke)."""
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, message(QT_TRANSLATE_NOOP(
            "Passphrase", "Too short: use at least {count} characters."), count=MIN_LENGTH))
    score = int(_zxcvbn_score(passphrase[:MAX_ESTIMATED]))
    return Strength(score, _HINTS[score])


@functools.lru_cache(maxsize=256)
def _zxcvbn_score(passphrase: str) -> int:
    # Imported here: zxcvbn loads its frequency lists at import, a cost the sign-in
    # screen should not pay before its first paint (only new passphrases are scored).
    from zxcvbn import zxcvbn

    return int(zxcvbn(passphrase, max_length=MAX_ESTIMATED)["score"])


def check_new_passphrase(passphrase: str, *, min_score: int = LEARNER_MIN_SCORE) -> None:
    """Raise :class:`WeakPassphrase` unless the passphrase reaches ``min_score``."""
    strength = estimate(passphrase)
    if strength.score < min_score:
        raise WeakPassphrase(strength.hint, hint=message(QT_TRANSLATE_NOOP(
            "Passphrase", "For example: {suggestion}"), suggestion=suggest()))


def check_teacher_passphrase(passphrase: str) -> None:
    """The teacher's bar is higher: it opens every learner's recovery and the settings."""
    check_new_passphrase(passphrase, min_score=TEACHER_MIN_SCORE)


@functools.lru_cache(maxsize=1)
def _words() -> tuple[str, ...]:
    from xkcdpass import xkcd_password

    path = xkcd_password.locate_wordfile("eff-short")
    return tuple(xkcd_password.generate_wordlist(wordfile=path, min_length=3, max_length=7))


def suggest(words: int = SUGGESTED_WORDS) -> str:
    """A memorable passphrase: random words from the EFF short list (OS randomness)."""
    pool = _words()
    return " ".join(secrets.choice(pool) for _ in range(words))


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
