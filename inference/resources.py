"""Where Lantern's read-only assets and model folders are.

One source of truth for paths that both ``inference`` and ``app`` need. The assets
folder is next to the code in a checkout, and under ``sys._MEIPASS`` in a PyInstaller
bundle. ``LANTERN_ASSETS`` overrides both (tests, custom installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Lantern"
CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def bundle_root() -> Path | None:
    """The PyInstaller bundle's data folder, or None when running from source."""
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if meipass else None


def assets_dir() -> Path:
    override = os.environ.get("LANTERN_ASSETS")
    if override:
        return Path(override)
    root = bundle_root()
    return (root or CHECKOUT_ROOT) / "assets"


def user_data_dir() -> Path:
    """Per-user writable data. ``LANTERN_HOME`` redirects all user data (tests use it)."""
    home = os.environ.get("LANTERN_HOME")
    if home:
        return Path(home) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def checkout_models_dir() -> Path:
    return CHECKOUT_ROOT / ".models"


def model_search_dirs() -> list[Path]:
    """Folders searched for model files, first match wins.

    Order: the bundle's own models, the user's data dir, ``$LANTERN_MODELS_DIR``,
    then ``.models/`` of a source checkout.
    """
    dirs: list[Path] = []
    root = bundle_root()
    if root:
        dirs.append(root / "assets" / "models")
    dirs.append(user_data_dir() / "models")
    env = os.environ.get("LANTERN_MODELS_DIR")
    if env:
        dirs.append(Path(env))
    dirs.append(checkout_models_dir())
    return dirs


def default_fetch_dir() -> Path:
    """Where ``python -m inference fetch`` writes: ``$LANTERN_MODELS_DIR`` or ``.models/``."""
    env = os.environ.get("LANTERN_MODELS_DIR")
    return Path(env) if env else checkout_models_dir()
