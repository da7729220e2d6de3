"""User settings: a typed, versioned model saved as JSON in the config dir.

A damaged settings file never stops Lantern: it is kept aside as ``settings.json.bad``
(nothing is lost) and the defaults are used. The teacher's part (AI policy, tutor
server, models) is signed and checked by :mod:`app.teacher_settings`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field, PrivateAttr, ValidationError

from app.atomic import write_text_atomic
from app.core.tutor.policy import AIPolicy
from app.look import (
    DEFAULT_FONT_SCALE,
    DEFAULT_IDLE_LOCK_MINUTES,
    DEFAULT_LANGUAGE,
    DEFAULT_THEME,
    FONT_SCALE_RANGE,
    IDLE_LOCK_RANGE,
    Language,
    Theme,
)

if TYPE_CHECKING:
    from app.teacher_settings import Refusal

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


_POLICY = AIPolicy()  # the defaults live in one place: the policy type itself


class AIPolicySettings(BaseModel):
    """The teacher's AI policy as stored; see :class:`app.core.tutor.policy.AIPolicy`
    (which holds the defaults)."""

    free_chat: bool = _POLICY.free_chat
    reveal_after_attempts: int | None = Field(default=_POLICY.reveal_after_attempts, ge=1,
                                              le=20)
    limit_to_pack: bool = _POLICY.limit_to_pack
    max_answer_tokens: int = Field(default=_POLICY.max_answer_tokens, ge=40, le=800)
    answer_language: Literal["auto", "en", "zh-Hans"] = _POLICY.answer_language

    def to_policy(self) -> AIPolicy:
        return AIPolicy(**self.model_dump())


class TeacherSeal(BaseModel):
    """The teacher's Ed25519 signature over the teacher part (see app.teacher_settings)."""

    key: str = Field(max_length=64, description="the signing class key's fingerprint")
    models: dict[str, str] = Field(default_factory=dict, description="active models signed")
    signature: str = Field(max_length=200)


class Settings(BaseModel):
    version: int = SETTINGS_VERSION
    chat_model: str | None = Field(default=None, description="registry id; None = default")
    embed_model: str | None = None
    device: Literal["auto", "cpu"] = "auto"
    threads: int | None = Field(default=None, ge=1, le=64, description="None = physical cores")
    # The learner's look: defaults and limits in app.look, which the first window reads.
    font_scale: int = Field(default=DEFAULT_FONT_SCALE, ge=FONT_SCALE_RANGE[0],
                            le=FONT_SCALE_RANGE[1])
    theme: Theme = DEFAULT_THEME
    language: Language = DEFAULT_LANGUAGE
    idle_lock_minutes: int = Field(default=DEFAULT_IDLE_LOCK_MINUTES, ge=IDLE_LOCK_RANGE[0],
                                   le=IDLE_LOCK_RANGE[1])
    ai_policy: AIPolicySettings = Field(default_factory=AIPolicySettings)
    # Where the tutor's answers come from: this laptop, or a server on the school network
    # (OpenAI-compatible; see docs/install.md). A server that is down falls back to local.
    tutor_backend: Literal["local", "lan"] = "local"
    lan_server_url: str = Field(default="", max_length=300)
    lan_server_model: str = Field(default="", max_length=200)
    teacher_seal: TeacherSeal | None = None
    # Why the teacher part in the file was not used, or None. Not saved: it describes
    # this run (set by app.teacher_settings).
    _refused: Refusal | None = PrivateAttr(default=None)

    @property
    def refused(self) -> Refusal | None:
        return self._refused

    @refused.setter
    def refused(self, reason: Refusal | None) -> None:
        self._refused = reason


def load_settings(path: Path) -> Settings:
    if not path.exists():
        return Settings()
    try:
        return Settings.model_validate_json(path.read_bytes())
    except (ValidationError, ValueError, OSError) as exc:
        log.warning("settings file %s is unreadable (%s); using defaults", path, exc)
        _keep_aside(path)
        return Settings()


def save_settings(settings: Settings, path: Path) -> None:
    write_text_atomic(path, settings.model_dump_json(indent=2))


def _keep_aside(path: Path) -> None:
    try:
        path.replace(path.with_name(path.name + ".bad"))
    except OSError as exc:
        log.warning("could not keep the damaged settings file aside: %s", exc)
