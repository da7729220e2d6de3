"""At start-up the app removes what killed imports and model adds left on disk."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from app.ops.debris import remove_debris
from inference.sideload import STAGING_PREFIX
from inference.versions import user_models_dir


def _old_folder(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "data").write_bytes(b"x" * 1000)
    stamp = time.time() - 7200
    os.utime(path, (stamp, stamp))
    return path


def test_start_up_clean_up_removes_import_and_model_debris(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    debris = [_old_folder(tmp_path / "lantern-anki-k2j4"),
              _old_folder(tmp_path / "lantern-import-9x8y"),
              _old_folder(user_models_dir() / f"{STAGING_PREFIX}tutor-v3-1234")]
    kept = [_old_folder(tmp_path / "someone-elses-folder"),
            _old_folder(user_models_dir() / "tutor-v2")]
    assert remove_debris() == 3
    assert not any(path.exists() for path in debris)
    assert all(path.exists() for path in kept)
