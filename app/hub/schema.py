"""What the hub accepts, validated strictly and before the database: anything else is a
4xx, never a 5xx.

Every number has bounds. A device noises each figure with Laplace noise of scale b, where
b follows from ε and the number of skills exactly as the device computes it
(``app/core/sync/privacy.py``, imported so there is one source of truth): a scale that
disagrees is refused (``scale = 1e-300`` once made a class page fail for good on
PostgreSQL, whose ``2·b²`` underflowed). A value must lie within its declared range
widened by :data:`NOISE_WIDTHS` scales; Laplace noise leaves that band with probability
e^-50 ≈ 2·10^-22, so an honest device never meets the limit.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.core.sync.privacy import (
    BUCKET_SENSITIVITY,
    GROUPS,
    MAX_EPSILON,
    MIN_EPSILON,
    RANGES,
    epsilon_per_group,
)

MAX_DEPTH = 8  # a USB file nests 3 levels, a summary 4
NOISE_WIDTHS = 50.0
SCALE_TOLERANCE = 1e-3  # relative; devices round scales to 6 decimals
FIRST_YEAR = 2024  # no Lantern summary is older
MAX_SKILLS = 500

Finite = Annotated[float, Field(allow_inf_nan=False)]
Hex32 = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
# Printable text only: no control characters (PostgreSQL refuses NUL in text).
Name = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f\x7f]+$")]


class BadRequest(ValueError):
    """The request is not what the hub accepts; the message says why (no input echoed)."""


class BadBody(BadRequest):
    """The signed body is not a valid submission."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class EnrolRequest(_Strict):
    code: Annotated[str, Field(min_length=4, max_length=24, pattern=r"^[A-Za-z0-9 -]+$")]


class Envelope(_Strict):
    key_id: Hex32
    body: Annotated[str, Field(min_length=2, max_length=500_000)]
    signature: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class Buckets(_Strict):
    not_yet: Finite
    developing: Finite
    secure: Finite
    mastered: Finite


class Scales(_Strict):
    attempts: Finite
    correct: Finite
    minutes: Finite
    buckets: Finite


class SkillIn(_Strict):
    skill: Name
    attempts: Finite
    correct: Finite
    minutes: Finite
    buckets: Buckets
    scale: Scales


class BodyIn(_Strict):
    format: Literal["lantern-sync/1"]
    submission_id: Hex32
    week: Annotated[str, Field(pattern=r"^20[0-9]{2}-W(0[1-9]|[1-4][0-9]|5[0-3])$")]
    epsilon: Annotated[float, Field(ge=MIN_EPSILON, le=MAX_EPSILON, allow_inf_nan=False)]
    skills: Annotated[list[SkillIn], Field(min_length=1, max_length=MAX_SKILLS)]

    @model_validator(mode="after")
    def _bounded(self) -> BodyIn:
        if len({s.skill for s in self.skills}) != len(self.skills):
            raise ValueError("a skill appears twice")
        check_week(self.week)
        expected = expected_scales(self.epsilon, len(self.skills))
        for skill in self.skills:
            check_skill(skill, expected)
        return self


def expected_scales(epsilon: float, n_skills: int) -> dict[str, float]:
    """The Laplace scale of each figure group, as the device derives it."""
    eps = epsilon_per_group(epsilon, n_skills)
    scales = {name: (high - low) / eps for name, (low, high) in RANGES.items()}
    scales["buckets"] = BUCKET_SENSITIVITY / eps
    assert set(scales) == set(GROUPS)
    return scales


def check_skill(skill: SkillIn, expected: dict[str, float]) -> None:
    for group, want in expected.items():
        got = getattr(skill.scale, group)
        if not math.isclose(got, want, rel_tol=SCALE_TOLERANCE):
            raise ValueError(f"{skill.skill}: the {group} noise scale does not match ε")
    bounds = {**RANGES, **{name: (0.0, 1.0) for name in Buckets.model_fields}}
    values = {**{n: getattr(skill, n) for n in RANGES}, **skill.buckets.model_dump()}
    for name, value in values.items():
        low, high = bounds[name]
        width = NOISE_WIDTHS * expected["buckets" if name in Buckets.model_fields else name]
        if not low - width <= value <= high + width:
            raise ValueError(f"{skill.skill}: {name} is outside any value noise can give")


def check_week(week: str) -> None:
    year, number = int(week[:4]), int(week[6:])
    try:
        monday = dt.date.fromisocalendar(year, number, 1)
    except ValueError:
        raise ValueError(f"{year} has no week {number}") from None
    today = dt.datetime.now(dt.timezone.utc).date()
    # A week that has not started yet cannot be summarised; a day's grace for clocks.
    if year < FIRST_YEAR or monday > today + dt.timedelta(days=1):
        raise ValueError("the week is outside the weeks a summary can be for")


def loads(raw: bytes | str, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON strictly: UTF-8, no NaN or Infinity, nesting at most ``max_depth``,
    text that encodes as UTF-8 and has no NUL. :class:`BadRequest` otherwise."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        data = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:  # RecursionError: nesting beyond ~1,000
        raise BadRequest("The request is not valid JSON.") from exc
    _check_tree(data, max_depth)
    return data


def _check_tree(data: Any, max_depth: int) -> None:
    """Walk the parsed value without recursion: depth and text checks."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > max_depth:
                raise BadRequest(f"The JSON nests deeper than {max_depth} levels.")
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str):
                    _check_text(key)
                stack.append((item, depth + 1))
        elif isinstance(value, str):
            _check_text(value)


def _check_text(text: str) -> None:
    if "\x00" in text:
        raise BadRequest("The JSON holds a NUL character.")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate such as "\ud800"
            raise BadRequest("The JSON holds text that is not valid Unicode.") from None


def parse(model: type[_Strict], data: Any) -> Any:
    """Validate ``data``; :class:`BadRequest` with the first problem, no input echoed."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise BadRequest(_first_error(exc)) from None
    except RecursionError:
        raise BadRequest("The JSON nests too deeply.") from None


def _first_error(exc: ValidationError) -> str:
    error = exc.errors(include_input=False, include_url=False)[0]
    where = ".".join(str(p) for p in error["loc"]) or "body"
    return f"{where}: {error['msg']}"[:300]


def parse_body(text: str) -> dict[str, Any]:
    """The validated body as plain data; :class:`BadBody` with the reason otherwise."""
    try:
        body: BodyIn = parse(BodyIn, loads(text))
    except BadRequest as exc:
        raise BadBody(str(exc)) from exc
    return body.model_dump()


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed")
