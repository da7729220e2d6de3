"""What the hub accepts, validated strictly: anything else is a 4xx, never a 5xx.

Field limits mirror the client's format (``app/core/sync/payload.py``). Values are noised
on the device, so they may be negative or above the declared ranges; they must only be
finite and of sane size.
"""

from __future__ import annotations

import json
import math
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

Noisy = Annotated[float, Field(ge=-1e9, le=1e9, allow_inf_nan=False)]
Scale = Annotated[float, Field(gt=0, le=1e9, allow_inf_nan=False)]
Hex32 = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class EnrolRequest(_Strict):
    class_code: Annotated[str, Field(min_length=4, max_length=16, pattern=r"^[A-Z0-9]+$")]


class Envelope(_Strict):
    key_id: Hex32
    body: Annotated[str, Field(min_length=2, max_length=500_000)]
    signature: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class Buckets(_Strict):
    not_yet: Noisy
    developing: Noisy
    secure: Noisy
    mastered: Noisy


class Scales(_Strict):
    attempts: Scale
    correct: Scale
    minutes: Scale
    buckets: Scale


class SkillIn(_Strict):
    skill: Annotated[str, Field(min_length=1, max_length=100)]
    attempts: Noisy
    correct: Noisy
    minutes: Noisy
    buckets: Buckets
    scale: Scales


class BodyIn(_Strict):
    format: Literal["lantern-sync/1"]
    submission_id: Hex32
    week: Annotated[str, Field(pattern=r"^20[0-9]{2}-W(0[1-9]|[1-4][0-9]|5[0-3])$")]
    epsilon: Annotated[float, Field(ge=0.1, le=10.0)]
    skills: Annotated[list[SkillIn], Field(min_length=1, max_length=500)]

    @field_validator("skills")
    @classmethod
    def _unique_skills(cls, skills: list[SkillIn]) -> list[SkillIn]:
        if len({s.skill for s in skills}) != len(skills):
            raise ValueError("a skill appears twice")
        return skills


class BadBody(ValueError):
    """The signed body is not a valid submission."""


def parse_body(text: str) -> dict[str, Any]:
    """The validated body as plain data; :class:`BadBody` with the reason otherwise."""
    try:
        data = json.loads(text, parse_constant=_reject_constant)
        return BodyIn.model_validate(data).model_dump()
    except (ValueError, ValidationError, RecursionError) as exc:
        raise BadBody(str(exc)[:300]) from exc


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed")


def finite(value: float) -> bool:
    return not (math.isnan(value) or math.isinf(value))
