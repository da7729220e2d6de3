"""The packs on this computer: built-in ones (read-only) and the ones a teacher installed.

Installed packs live in ``<user data>/content/<pack id>/`` as plain folders. Installing
validates first and copies second (to a temporary folder renamed into place), so a bad
or interrupted import never replaces a working pack. An installed pack with the same id
as a built-in one takes its place (a teacher's newer copy of a starter pack).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.content.diagnostics import ContentError
from app.core.content.loader import PACK_FILE, read_pack
from app.core.content.model import Pack
from app.core.content.source import PackFiles, read_source
from app.messages import QT_TRANSLATE_NOOP, message
from inference.cancel import CancelToken
from inference.resources import assets_dir, user_data_dir

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class LibraryPack:
    pack: Pack
    path: Path
    builtin: bool


@dataclass(frozen=True)
class InstallResult:
    pack: Pack
    path: Path
    replaced_version: str | None  # the version that was installed before, if any

    def summary(self) -> str:
        info, pack = self.pack.info, self.pack
        text = (f"Installed “{info.title}” {info.version}: {len(pack.skills)} skills, "
                f"{len(pack.lessons)} lessons, {len(pack.questions)} questions.")
        if self.replaced_version:
            text += f" It replaces version {self.replaced_version}."
        return text


def builtin_dir() -> Path:
    return assets_dir() / "content"


def installed_dir() -> Path:
    return user_data_dir() / "content"


def list_packs(*, builtin: Path | None = None, installed: Path | None = None
               ) -> tuple[list[LibraryPack], list[str]]:
    """Every usable pack, sorted by title, and one problem line per pack that is not.

    A broken pack never hides the others: it is skipped and described in the second list.
    """
    found: dict[str, LibraryPack] = {}
    problems: list[str] = []
    for folder, is_builtin in ((builtin or builtin_dir(), True),
                               (installed or installed_dir(), False)):
        for path in sorted(folder.glob(f"*/{PACK_FILE}")) if folder.is_dir() else []:
            try:
                pack, diags = read_pack(read_source(path.parent))
            except ContentError as exc:
                problems.append(f"{path.parent.name}: {exc.user_message()}")
                continue
            if diags:
                count = f"{len(diags)} problem{'s' if len(diags) != 1 else ''}"
                problems.append(f"{path.parent.name}: {count}, first: {diags[0]}")
                continue
            found[pack.info.id] = LibraryPack(pack, path.parent, is_builtin)
    return sorted(found.values(), key=lambda p: p.pack.info.title.casefold()), problems


def install_pack(source: Path, *, cancel: CancelToken, target: Path | None = None,
                 progress: Progress | None = None) -> InstallResult:
    """Validate the pack at ``source`` (folder or zip) and copy it into the library.

    Raises:
        ContentError: it cannot be read or is not valid (``diagnostics`` lists why).
        Cancelled: ``cancel`` was set before the copy was put in place.
    """
    report = progress or (lambda _message, _fraction: None)
    report(QT_TRANSLATE_NOOP("Content", "Reading the pack…"), 0.05)
    files = read_source(source)
    cancel.raise_if_cancelled()
    report(QT_TRANSLATE_NOOP("Content", "Checking the pack…"), 0.3)
    pack, diags = read_pack(files)
    if diags:
        said = (QT_TRANSLATE_NOOP("ImportError", "“{name}” was not installed: it has 1 "
                                  "problem.") if len(diags) == 1 else
                QT_TRANSLATE_NOOP("ImportError", "“{name}” was not installed: it has {count} "
                                  "problems."))
        raise ContentError(
            message(said, name=source.name, count=len(diags)),
            hint=QT_TRANSLATE_NOOP("ImportError", "Fix them in the pack and import it again."),
            diagnostics=tuple(diags))
    final = (target or installed_dir()) / pack.info.id
    previous = _version_at(final)
    report(QT_TRANSLATE_NOOP("Content", "Copying the pack…"), 0.6)
    _put_in_place(files, final, cancel)
    log.info("installed content pack %s", pack.info.key)
    report(QT_TRANSLATE_NOOP("Content", "Installed"), 1.0)
    return InstallResult(pack, final, previous)


def _put_in_place(files: PackFiles, final: Path, cancel: CancelToken) -> None:
    """Write into a staging folder beside ``final``, then swap it in: never half a pack."""
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=final.parent))
    try:
        _write(files, staging, cancel)
        if final.exists():
            shutil.rmtree(final)
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write(files: PackFiles, folder: Path, cancel: CancelToken) -> None:
    for rel, data in files.files.items():
        cancel.raise_if_cancelled()
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _version_at(folder: Path) -> str | None:
    if not (folder / PACK_FILE).is_file():
        return None
    try:
        pack, _diags = read_pack(read_source(folder))
    except ContentError:
        return None
    return pack.info.version or None


def remove_pack(entry: LibraryPack) -> None:
    """Delete an installed pack. Built-in packs cannot be removed.

    Raises:
        ContentError: the pack is built in.
    """
    if entry.builtin:
        raise ContentError(f"“{entry.pack.info.title}” comes with Lantern and cannot be removed.",
                           hint="You can install a newer version of it instead.")
    shutil.rmtree(entry.path)
    log.info("removed content pack %s", entry.pack.info.key)
