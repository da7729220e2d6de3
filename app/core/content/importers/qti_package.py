"""IMS QTI content packages (a zip with ``imsmanifest.xml``) to pack questions.

The manifest lists the package's resources; every ``imsqti_item_…`` resource is read
and imported like a single item file (:func:`qti.import_item`), in manifest order, each
imported or reported. Pictures are looked up in the zip next to the item that uses
them. The zip is untrusted: member names are checked like a pack's
(``source.safe_member_name``) and every member is read against a size cap counted on the
bytes it unpacks to, never on what the zip claims.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote

from app.core.content.importers.anki_package import TooBig, _read_capped
from app.core.content.importers.build import ImportJob
from app.core.content.importers.media import FindMedia
from app.core.content.importers.qti import ITEM_KIND, import_item
from app.core.content.importers.writer import ImportFailed
from app.core.content.source import safe_member_name
from app.messages import QT_TRANSLATE_NOOP, message

MANIFEST = "imsmanifest.xml"
MAX_ITEM_BYTES = 16 * 1024 * 1024  # one item's XML; real items are a few kilobytes
MAX_MEDIA_BYTES = 64 * 1024 * 1024  # one picture (as for Anki decks)
MAX_ALL_BYTES = 256 * 1024 * 1024  # everything read from one package (as a pack)
READ_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
               NotImplementedError)
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError)  # one member damaged, not the zip
_HINT = QT_TRANSLATE_NOOP("ImportError", "Export the item bank again from your QTI editor "
                          "as an IMS content package (.zip).")


def is_qti_package(path: Path) -> bool:
    """True for a zip whose top level (or single top folder) holds ``imsmanifest.xml``."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _manifest_name(archive) is not None
    except READ_ERRORS:
        return False


def _manifest_name(archive: zipfile.ZipFile) -> str | None:
    names = [n for n in archive.namelist() if posixpath.basename(n) == MANIFEST]
    return min(names, key=lambda n: n.count("/"), default=None)


def import_qti_package(path: Path, job: ImportJob) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            _import(archive, path, job)
    except (TooBig, *READ_ERRORS) as exc:
        raise ImportFailed(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” could not be read as a QTI "
                                      "content package ({detail})."),
                    name=path.name, detail=str(exc) or type(exc).__name__),
            hint=_HINT) from None


def _import(archive: zipfile.ZipFile, path: Path, job: ImportJob) -> None:
    manifest_name = _manifest_name(archive)
    if manifest_name is None:
        raise ImportFailed(message(QT_TRANSLATE_NOOP(
            "ImportError", "“{name}” has no imsmanifest.xml."), name=path.name), hint=_HINT)
    budget = [MAX_ALL_BYTES]
    base = posixpath.dirname(manifest_name)
    items = _items(_parse(_read(archive, manifest_name, MAX_ITEM_BYTES, budget), path))
    if not items:
        raise ImportFailed(message(QT_TRANSLATE_NOOP(
            "ImportError", "The manifest of “{name}” lists no QTI items."), name=path.name),
            hint=_HINT)
    skill = job.draft.skill(job.draft.title)
    members = set(archive.namelist())
    for done, href in enumerate(items):
        job.step(done, len(items))
        member = _member(base, href)
        where = f"“{href}”"
        if member is None or member not in members:
            job.report.skip(ITEM_KIND, QT_TRANSLATE_NOOP(
                "ImportSkip", "the manifest names a file the package does not hold"), where)
            continue
        try:
            root = ET.fromstring(_read(archive, member, MAX_ITEM_BYTES, budget))
        except ET.ParseError as exc:
            job.report.skip(ITEM_KIND, message(QT_TRANSLATE_NOOP(
                "ImportSkip", "not readable XML ({detail})"), detail=str(exc)), where)
            continue
        except TooBig:
            job.report.skip(ITEM_KIND, message(QT_TRANSLATE_NOOP(
                "ImportSkip", "larger than {size} MB"), size=MAX_ITEM_BYTES // 2**20), where)
            continue
        except DAMAGED:
            job.report.skip(ITEM_KIND, QT_TRANSLATE_NOOP(
                "ImportSkip", "the file is damaged in the zip"), where)
            continue
        job.find_media = _media_lookup(archive, posixpath.dirname(member), members, budget)
        import_item(root, href, skill, job)


def _parse(data: bytes, path: Path) -> ET.Element:
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ImportFailed(message(QT_TRANSLATE_NOOP(
            "ImportError", "The manifest of “{name}” is not readable XML ({detail})."),
            name=path.name, detail=str(exc)), hint=_HINT) from None


def _items(manifest: ET.Element) -> list[str]:
    """The ``href`` of every item resource, in manifest order, each once."""
    found: list[str] = []
    for element in manifest.iter():
        if element.tag.rsplit("}", 1)[-1] != "resource":
            continue
        kind, href = element.get("type", ""), element.get("href", "")
        if kind.startswith("imsqti_item") and href and href not in found:
            found.append(href)
    return found


def _member(base: str, href: str) -> str | None:
    """The zip member ``href`` (relative to the manifest) names; None if it escapes."""
    joined = posixpath.normpath(posixpath.join(base, unquote(href)))
    return str(safe_member_name(joined)) if safe_member_name(joined) else None


def _read(archive: zipfile.ZipFile, member: str, limit: int, budget: list[int]) -> bytes:
    data = _read_capped(archive, member, min(limit, max(budget[0], 0)))
    budget[0] -= len(data)
    return data


def _media_lookup(archive: zipfile.ZipFile, folder: str, members: set[str],
                  budget: list[int]) -> FindMedia:
    def find(name: str) -> bytes | None:
        member = _member(folder, name)
        if member is None or member not in members:
            return None
        try:
            return _read(archive, member, MAX_MEDIA_BYTES, budget)
        except (TooBig, *DAMAGED):  # reported as missing, like a picture not in the file
            return None

    return find
