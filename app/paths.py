"""Where Lantern keeps the user's files. ``LANTERN_HOME`` moves all of them (tests do)."""

import os
from pathlib import Path
from typing import NamedTuple

import platformdirs

from inference.resources import APP_NAME, user_data_dir


class AppPaths(NamedTuple):
    """A NamedTuple, not a dataclass: it is built before the first window, and the
    dataclasses module and a frozen class cost about 3 ms there. This module (like the
    others that define a NamedTuple before the paint: app.look, app.store.roster,
    app.ui.signin.avatars) has no ``from __future__ import annotations``: with it,
    NamedTuple compiles each field's annotation string, about 1 ms a class."""

    data: Path  # profiles, user-added models and content
    config: Path  # settings.json
    logs: Path
    cache: Path  # rebuildable: retrieval indexes, summaries

    @classmethod
    def default(cls) -> "AppPaths":
        home = os.environ.get("LANTERN_HOME")
        if home:
            root = Path(home)
            return cls(user_data_dir(), root / "config", root / "logs", root / "cache")
        return cls(
            data=user_data_dir(),
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    def ensure(self) -> "AppPaths":
        for folder in (self.data, self.config, self.logs, self.cache):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"
