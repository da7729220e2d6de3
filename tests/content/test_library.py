"""Installing, listing and removing packs on disk (real folders, real zips)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from app.core.content.diagnostics import ContentError
from app.core.content.library import install_pack, list_packs, remove_pack
from inference.cancel import CancelToken
from inference.errors import Cancelled
from tests.content.support import MINI, copy_mini, edit


def zip_of(folder: Path, archive: Path) -> Path:
    with zipfile.ZipFile(archive, "w") as out:
        for file in folder.rglob("*"):
            if file.is_file():
                out.write(file, f"{folder.name}/{file.relative_to(folder).as_posix()}")
    return archive


def test_install_list_and_remove(tmp_path: Path) -> None:
    builtin, installed = tmp_path / "builtin", tmp_path / "installed"
    builtin.mkdir()
    steps: list[float] = []
    result = install_pack(zip_of(MINI, tmp_path / "mini.zip"), cancel=CancelToken(),
                          target=installed, progress=lambda _m, f: steps.append(f))
    assert result.summary() == ("Installed “Decimals in a nutshell” 1.2.0: 3 skills, "
                                "2 lessons, 6 questions.")
    assert steps[-1] == 1.0 and (installed / "mini-decimals" / "media" / "bar.png").is_file()
    packs, problems = list_packs(builtin=builtin, installed=installed)
    assert [(p.pack.info.key, p.builtin) for p in packs] == [("mini-decimals@1.2.0", False)]
    assert problems == []
    remove_pack(packs[0])
    assert list_packs(builtin=builtin, installed=installed) == ([], [])


def test_new_version_replaces_the_old_one(tmp_path: Path) -> None:
    installed = tmp_path / "installed"
    install_pack(MINI, cancel=CancelToken(), target=installed)
    newer = copy_mini(tmp_path)
    edit(newer / "pack.toml", 'version = "1.2.0"', 'version = "1.3.0"')
    result = install_pack(newer, cancel=CancelToken(), target=installed)
    assert result.replaced_version == "1.2.0" and "replaces version 1.2.0" in result.summary()
    assert [p.name for p in installed.iterdir()] == ["mini-decimals"]


def test_invalid_pack_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    installed = tmp_path / "installed"
    install_pack(MINI, cancel=CancelToken(), target=installed)
    broken = copy_mini(tmp_path)
    edit(broken / "pack.toml", 'version = "1.2.0"', 'version = "2.0.0"')
    edit(broken / "questions" / "tenths.toml", 'skill = "tenths"\nlesson = "tenths-lesson"\n'
         'type = "numeric"', 'skill = "tenth"\nlesson = "tenths-lesson"\ntype = "numeric"')
    with pytest.raises(ContentError) as caught:
        install_pack(broken, cancel=CancelToken(), target=installed)
    assert "has 1 problem" in str(caught.value)
    assert "unknown skill “tenth”" in str(caught.value.diagnostics[0])
    packs, _ = list_packs(builtin=tmp_path / "none", installed=installed)
    assert [p.pack.info.version for p in packs] == ["1.2.0"]


def test_cancelled_install_leaves_no_trace(tmp_path: Path) -> None:
    installed = tmp_path / "installed"
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        install_pack(MINI, cancel=token, target=installed)
    assert not installed.exists() or not any(installed.iterdir())


def test_builtin_cannot_be_removed_and_broken_packs_are_listed(tmp_path: Path) -> None:
    builtin = tmp_path / "builtin"
    shutil.copytree(MINI, builtin / "mini")
    broken = copy_mini(builtin, "broken")
    edit(broken / "pack.toml", 'id = "mini-decimals"', 'id = "Broken Pack"')
    packs, problems = list_packs(builtin=builtin, installed=tmp_path / "installed")
    assert [p.builtin for p in packs] == [True]
    assert len(problems) == 1 and problems[0].startswith("broken: 1 problem, first: pack.toml:2:")
    with pytest.raises(ContentError, match="comes with Lantern"):
        remove_pack(packs[0])
