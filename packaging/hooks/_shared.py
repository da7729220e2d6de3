"""Load ``packaging/bundle_files.py`` by path (see its docstring for why not by name)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def bundle_files() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "bundle_files.py"
    spec = importlib.util.spec_from_file_location("lantern_bundle_files", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
