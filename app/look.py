"""The learner's look-and-language settings, readable before the settings model exists.

The sign-in screen needs four of the settings before its first paint: the language, the
theme, the text size and the idle lock. :mod:`app.settings` (a pydantic model, checked
against the teacher's signature by :mod:`app.teacher_settings`) costs more to import
than the whole sign-in window takes to build, so :func:`read_look` reads these four
fields from ``settings.json`` with the standard library, and the full settings are
loaded after the first paint (docs/architecture.md, "Start-up").

The defaults and limits live here, once: :class:`app.settings.Settings` declares its
fields with them. These are learner fields, outside the teacher's signed part, so the
verification can never change them (``app.teacher_settings.safest`` keeps them).
No Qt, no pydantic.
"""

import json
import logging
from pathlib import Path
from typing import Literal, NamedTuple, Protocol, cast, get_args

log = logging.getLogger(__name__)

Language = Literal["en", "zh_CN"]
Theme = Literal["light", "dark", "high-contrast"]

DEFAULT_LANGUAGE: Language = "en"
DEFAULT_THEME: Theme = "light"
DEFAULT_FONT_SCALE = 100
FONT_SCALE_RANGE = (100, 200)  # percent, inclusive
DEFAULT_IDLE_LOCK_MINUTES = 10
IDLE_LOCK_RANGE = (1, 240)  # minutes, inclusive


class LookFields(Protocol):
    """What the style needs: a :class:`Look`, or the full ``Settings``."""

    @property
    def theme(self) -> str: ...

    @property
    def font_scale(self) -> int: ...


# No `from __future__ import annotations` here: see app.paths.AppPaths.
class Look(NamedTuple):
    language: Language = DEFAULT_LANGUAGE
    theme: Theme = DEFAULT_THEME
    font_scale: int = DEFAULT_FONT_SCALE
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES


class HasLook(LookFields, Protocol):
    """The full ``Settings`` as far as the look goes."""

    @property
    def language(self) -> Language: ...

    @property
    def idle_lock_minutes(self) -> int: ...


def look_of(settings: HasLook) -> Look:
    """The four fields of the full settings."""
    return Look(settings.language, cast(Theme, settings.theme), settings.font_scale,
                settings.idle_lock_minutes)


def read_look(path: Path) -> Look:
    """The look stored in ``path`` (settings.json); the defaults where it has none.

    A file the full loader would refuse as a whole (not JSON, not an object, a look
    field out of range) gives the defaults here too, as it does there. Reading never
    changes the file: keeping a damaged file aside is the full loader's job.
    """
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return Look()
    except (OSError, ValueError) as exc:
        log.info("settings file %s unreadable for the first window: %s", path, exc)
        return Look()
    if not isinstance(data, dict):
        return Look()
    try:
        return Look(
            cast(Language, _choice(data, "language", get_args(Language), DEFAULT_LANGUAGE)),
            cast(Theme, _choice(data, "theme", get_args(Theme), DEFAULT_THEME)),
            _bounded(data, "font_scale", FONT_SCALE_RANGE, DEFAULT_FONT_SCALE),
            _bounded(data, "idle_lock_minutes", IDLE_LOCK_RANGE, DEFAULT_IDLE_LOCK_MINUTES))
    except ValueError:
        return Look()


def _choice(data: dict[str, object], name: str, allowed: tuple[str, ...], default: str
            ) -> str:
    value = data.get(name, default)
    if value not in allowed:
        raise ValueError(name)
    return str(value)


def _bounded(data: dict[str, object], name: str, bounds: tuple[int, int], default: int
             ) -> int:
    value = data.get(name, default)
    # As the settings model reads JSON (pydantic's lax mode): 150, 150.0 and "150" are
    # all 150, true is refused. A rarer spelling it takes ("150.0" as a string) gives the
    # defaults here; the window is then restyled when the settings are loaded.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str):
        value = int(value)  # ValueError: the defaults
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(name)
    if not bounds[0] <= value <= bounds[1]:
        raise ValueError(name)
    return value
