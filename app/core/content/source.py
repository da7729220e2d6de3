"""Read a pack's files from a folder or a ``.zip`` into memory, safely.

Everything later (parsing, validation, the mutation tests) works on a :class:`PackFiles`
mapping, so a folder and a zip behave the same. Zips are untrusted: paths that escape the
pack, absolute paths and oversized archives are refused rather than extracted.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from app.core.content.diagnostics import ContentError
from app.messages import QT_TRANSLATE_NOOP, message

MAX_TOTAL_BYTES = 256 * 1024 * 1024  # a curriculum with images; far above any real pack
MAX_FILES = 20_000
_CHUNK = 1 << 20
SKIPPED_PARTS = {"__MACOSX", ".git", ".DS_Store"}


@dataclass
class PackFiles:
    """The files of one pack: POSIX relative path -> bytes. ``origin`` names the source."""

    origin: str
    files: dict[str, bytes] = field(default_factory=dict)

    def under(self, folder: str, suffix: str) -> list[str]:
        """Sorted paths directly or deeper under ``folder`` that end with ``suffix``."""
        prefix = folder.rstrip("/") + "/"
        return sorted(p for p in self.files if p.startswith(prefix) and p.endswith(suffix))


def read_source(path: Path) -> PackFiles:
    """Read a pack folder or zip.

    Raises:
        ContentError: the path is missing, not a pack folder/zip, or an unsafe zip.
    """
    if path.is_dir():
        return _strip_single_root(_read_folder(path), str(path))
    if path.is_file() and zipfile.is_zipfile(path):
        return _strip_single_root(_read_zip(path), str(path))
    if path.exists():
        raise ContentError(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” is not a content pack."),
                    name=path.name),
            hint=QT_TRANSLATE_NOOP("ImportError", "Choose a pack folder (with pack.toml "
                                   "inside) or a .zip of one."))
    raise ContentError(message(QT_TRANSLATE_NOOP("ImportError", "“{path}” does not exist."),
                               path=str(path)),
                       hint=QT_TRANSLATE_NOOP("ImportError", "Check the name and try again."))


def _keep(rel: PurePosixPath) -> bool:
    return not any(part in SKIPPED_PARTS or part.startswith("._") for part in rel.parts)


def _read_folder(root: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    total = 0
    for item in sorted(root.rglob("*")):
        rel = PurePosixPath(item.relative_to(root).as_posix())
        if not item.is_file() or item.is_symlink() or not _keep(rel):
            continue
        total += item.stat().st_size
        _check_limits(len(files) + 1, total, root.name)
        files[str(rel)] = item.read_bytes()
    return files


def _read_zip(path: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            _check_limits(len(infos), sum(i.file_size for i in infos), path.name)
            budget = [MAX_TOTAL_BYTES]
            for info in infos:
                rel = safe_member_name(info.filename)
                if rel is None:
                    raise ContentError(
                        message(QT_TRANSLATE_NOOP("ImportError", "“{name}” contains an unsafe "
                                                  "file name ({member})."),
                                name=path.name, member=info.filename),
                        hint=QT_TRANSLATE_NOOP("ImportError", "Only use packs from people you "
                                               "trust."))
                if _keep(rel):
                    files[str(rel)] = _read_member(archive, info, budget, path.name)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError,
            zlib.error) as exc:
        raise ContentError(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” is damaged and cannot be opened "
                                      "({detail})."), name=path.name, detail=str(exc)),
            hint=QT_TRANSLATE_NOOP("ImportError", "Copy the file again, or ask for a new "
                                   "copy.")) from exc
    return files


def safe_member_name(name: str) -> PurePosixPath | None:
    """``name`` as a relative path inside the pack, or None when it could land elsewhere.

    Refused on every system, since a pack made on one is opened on another: absolute
    paths (``/etc/x``), parent steps (``..``), Windows drive letters (``C:/Users/…``,
    ``C:evil``), UNC shares (``\\\\server\\share``) and names with a colon or a NUL byte
    (alternate data streams, truncation).
    """
    posix = name.replace("\\", "/")
    rel = PurePosixPath(posix)
    windows = PureWindowsPath(posix)
    if (not posix or rel.is_absolute() or windows.drive or windows.root
            or ".." in rel.parts or ":" in posix or "\0" in posix):
        return None
    return rel


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int],
                 name: str) -> bytes:
    """One member, read in chunks against what is left of the size budget.

    The sizes in a zip's directory are what the file claims; a crafted entry may
    decompress to far more, so the bytes actually produced are counted.
    """
    chunks: list[bytes] = []
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                _check_limits(0, MAX_TOTAL_BYTES + 1, name)
            chunks.append(chunk)
    return b"".join(chunks)


def _check_limits(count: int, total: int, name: str) -> None:
    if count > MAX_FILES or total > MAX_TOTAL_BYTES:
        raise ContentError(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” is too big to be a content "
                                      "pack."), name=name),
            hint=QT_TRANSLATE_NOOP("ImportError", "A pack holds text and a few images; check "
                                   "you chose the right folder or file."))


def _strip_single_root(files: dict[str, bytes], origin: str) -> PackFiles:
    """A zip of the folder (``fractions/pack.toml``) reads like the folder itself."""
    if "pack.toml" not in files:
        tops = {p.split("/", 1)[0] for p in files}
        if len(tops) == 1 and "/" in next(iter(files), ""):
            top = tops.pop() + "/"
            files = {p[len(top):]: data for p, data in files.items() if p.startswith(top)}
    return PackFiles(origin=origin, files=files)
