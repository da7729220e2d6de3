"""The teacher's settings, signed: the AI policy, the tutor server and the model choice.

These live in ``settings.json`` next to the learner's own choices (font size, theme),
in a file anyone on the laptop's account can edit. So the teacher's part is signed with
the class key's Ed25519 signing key, which only the teacher passphrase opens
(:mod:`app.store.recovery`). The signature covers:

- the AI policy, the tutor backend and server, and ``chat_model``/``embed_model``;
- which teacher-added model is active for each role in the inference catalog
  (``<user data>/models/catalog.json``), so switching models with a direct
  ``python -m inference models use`` (or an edit of that file) is caught too.

At start, :func:`check` compares the file with the installed class key. Anything else
(an edit, no signature, a signature by another key, a model switched behind the
teacher's back) is *refused*: the teacher's part falls back to :func:`safest` (no free
chat, answers never revealed, this laptop's built-in models, no server) and the teacher
is told on the teacher page. With no class key at all (no teacher yet), only the
defaults are accepted.

What this does not do: the class key file itself is a plain file. A learner who replaces
it with their own can sign their own settings. Learners' profiles pin the real class key
(:mod:`app.store.pin`), so at sign-in such a key is found out and the session falls back
to the safest settings (:func:`distrusted`); see docs/teacher-mode.md.
"""

from __future__ import annotations

import enum
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.messages import QT_TRANSLATE_NOOP
from app.paths import AppPaths
from app.settings import AIPolicySettings, Settings, TeacherSeal
from app.store.errors import RecoveryError
from app.store.keys import b64, unb64
from app.store.recovery import FILE_NAME as CLASS_KEY_FILE
from app.store.recovery import ClassRecoveryKey, UnlockedClassKey

log = logging.getLogger(__name__)

CONTEXT = b"lantern teacher settings v1\n"
TEACHER_FIELDS = ("ai_policy", "tutor_backend", "lan_server_url", "lan_server_model",
                  "chat_model", "embed_model")

ActiveModels = Callable[[], dict[str, str]]


class Refusal(enum.Enum):
    """Why the teacher's part of settings.json was not used (words for the teacher)."""

    UNSIGNED = QT_TRANSLATE_NOOP(
        "TeacherSettings", "The teacher settings were changed outside teacher mode (they "
                           "are not signed).")
    BAD_SIGNATURE = QT_TRANSLATE_NOOP(
        "TeacherSettings", "The teacher settings file was edited after the teacher saved it.")
    OTHER_KEY = QT_TRANSLATE_NOOP(
        "TeacherSettings", "The teacher settings were signed by another class key than "
                           "this laptop's.")
    NO_KEY = QT_TRANSLATE_NOOP(
        "TeacherSettings", "The teacher settings are signed, but this laptop's class key is "
                           "missing or damaged.")
    MODELS = QT_TRANSLATE_NOOP(
        "TeacherSettings", "The model in use was switched outside teacher mode.")
    UNTRUSTED_KEY = QT_TRANSLATE_NOOP(
        "TeacherSettings", "This laptop's class key is not the one your profile trusts.")


def safest(settings: Settings) -> Settings:
    """``settings`` with the teacher's part at its most careful; the learner's part kept."""
    careful = AIPolicySettings(free_chat=False, reveal_after_attempts=None, limit_to_pack=True)
    return settings.model_copy(update={
        "ai_policy": careful, "tutor_backend": "local", "lan_server_url": "",
        "lan_server_model": "", "chat_model": None, "embed_model": None,
        "teacher_seal": None})


def _payload(settings: Settings, models: dict[str, str]) -> bytes:
    part: dict[str, Any] = settings.model_dump(mode="json", include=set(TEACHER_FIELDS))
    part["active_models"] = dict(sorted(models.items()))
    return CONTEXT + json.dumps(part, sort_keys=True, separators=(",", ":")).encode()


def sign(settings: Settings, key: ClassRecoveryKey, unlocked: UnlockedClassKey,
         models: dict[str, str]) -> Settings:
    """``settings`` carrying the teacher's signature over its teacher part and ``models``."""
    if unlocked.signing is None:
        raise RecoveryError(QT_TRANSLATE_NOOP(
            "TeacherSettings", "This class key can't sign settings yet: unlock teacher mode "
                               "once to upgrade it."))
    signature = unlocked.signing.sign(_payload(settings, models))
    return settings.model_copy(update={"teacher_seal": TeacherSeal(
        key=key.fingerprint, models=dict(models), signature=b64(signature))})


def check(settings: Settings, key: ClassRecoveryKey | None, models: dict[str, str]
          ) -> Refusal | None:
    """None when the teacher's part may be used as it is, else why not.

    Args:
        key: this laptop's class key (None when missing or unreadable).
        models: the inference catalog's active teacher-added model per role, now.
    """
    seal = settings.teacher_seal
    if seal is None:
        if key is None and _is_default(settings) and not models:
            return None  # no teacher yet: the defaults need no signature
        return Refusal.UNSIGNED
    if key is None or key.signing_public is None:
        return Refusal.NO_KEY
    if seal.key != key.fingerprint:
        return Refusal.OTHER_KEY
    # cryptography only when there is a seal to check: not before a fresh app's first paint.
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(key.signing_public).verify(
            unb64(seal.signature), _payload(settings, seal.models))
    except (InvalidSignature, ValueError):
        return Refusal.BAD_SIGNATURE
    return None if seal.models == models else Refusal.MODELS


def _is_default(settings: Settings) -> bool:
    defaults = Settings()
    return all(getattr(settings, f) == getattr(defaults, f) for f in TEACHER_FIELDS)


def active_models() -> dict[str, str]:
    """The inference catalog's active model per role (signed with the teacher settings)."""
    from inference.versions import Catalog

    return dict(Catalog.load().active)


def settings_trust(paths: AppPaths) -> SettingsTrust:
    """Where this laptop's class key and active models are."""
    return SettingsTrust(paths.data / "profiles" / CLASS_KEY_FILE, active_models)


@dataclass(frozen=True)
class SettingsTrust:
    """Where :func:`verified` finds the class key and the active teacher models."""

    class_key_path: Path
    active_models: ActiveModels

    def class_key(self) -> ClassRecoveryKey | None:
        if not self.class_key_path.exists():
            return None
        try:
            return ClassRecoveryKey.load(self.class_key_path)
        except RecoveryError:
            return None


def verified(settings: Settings, trust: SettingsTrust) -> Settings:
    """``settings`` as loaded if its teacher part checks out, else :func:`safest` of it.

    The result's ``refused`` says why (None when nothing was refused).
    """
    reason = check(settings, trust.class_key(), trust.active_models())
    if reason is None:
        return settings
    log.warning("teacher settings refused: %s", reason.name)
    result = safest(settings)
    result.refused = reason
    return result


def distrusted(settings: Settings) -> Settings:
    """For a learner whose profile does not trust this laptop's class key (see pin)."""
    result = safest(settings)
    result.refused = Refusal.UNTRUSTED_KEY
    return result
