"""PySide6's import hook gives the same answers without filling ``linecache``."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import app.ui  # noqa: F401  (installs the lighter hook)


def _feature():  # type: ignore[no-untyped-def]
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "pyside_feature_dict"):
        pytest.skip("this PySide6 has no __feature__ import hook")
    return feature


@pytest.mark.parametrize(("source", "uses"), [
    ("from PySide6.QtCore import QObject\n", 0),
    ("import json\nVALUE = 1\n", -1),
])
def test_a_new_module_is_classified_as_before_and_its_lines_are_not_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, uses: int) -> None:
    feature = _feature()
    name = f"lantern_hook_probe_{uses + 1}"
    (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        __import__(name)  # PySide6 hooks the import statement, not importlib
        assert feature.pyside_feature_dict[name] == uses
        assert str(tmp_path / f"{name}.py") not in linecache.cache
    finally:
        sys.modules.pop(name, None)
        feature.pyside_feature_dict.pop(name, None)


def test_the_hook_is_replaced_once() -> None:
    feature = _feature()
    from app.ui.pyside_hook import read_sources_without_caching

    before = feature._mod_uses_pyside
    read_sources_without_caching()
    assert feature._mod_uses_pyside is before
