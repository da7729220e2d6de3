"""Which quiz format a file is, from its name and first bytes, with a clear refusal."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from app.core.content.importers.writer import ImportFailed
from app.messages import QT_TRANSLATE_NOOP, Message, message

SUPPORTED = QT_TRANSLATE_NOOP(
    "ImportError", "Moodle GIFT (.gift, .txt), Moodle XML (.xml), QTI 2 items (.xml) and "
    "content packages (.zip with imsmanifest.xml), "
    "Aiken (.txt), Anki decks (.apkg, or notes exported as plain text) and spreadsheets "
    "(.csv: question, answer)")
_IMPORTS = QT_TRANSLATE_NOOP("ImportError", "Lantern imports {formats}.")
# Spaces within the line only ([^\S\n]): "\s" also takes newlines, which made every
# line start rescan all the blank lines after it (quadratic).
_AIKEN_ANSWER = re.compile(r"^[^\S\n]*ANSWER[^\S\n]*:[^\S\n]*[A-Za-z][^\S\n]*$", re.MULTILINE)
_SQLITE = b"SQLite format 3\x00"


def read_text(path: Path) -> str:
    """The file as text (UTF-8, with or without BOM; else Windows-1252, as Moodle does)."""
    data = _read(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read(path: Path, limit: int = -1) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(limit)
    except FileNotFoundError:
        raise ImportFailed(
            message(QT_TRANSLATE_NOOP("ImportError", "There is no file “{path}”."),
                    path=str(path)),
            hint=QT_TRANSLATE_NOOP("ImportError", "Check the name and the folder, then try "
                                   "again.")) from None
    except OSError as exc:
        raise ImportFailed(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” could not be read ({reason})."),
                    name=path.name, reason=str(exc.strerror)),
            hint=QT_TRANSLATE_NOOP("ImportError", "Check that the file is not open elsewhere "
                                   "and that you may read it.")) from None


def detect_format(path: Path) -> str:
    """``gift``, ``aiken``, ``moodle-xml``, ``anki``, ``anki-text``, ``csv``, ``qti`` or
    ``qti-package``.

    Raises:
        ImportFailed: the file is missing, empty or of a kind Lantern cannot import.
    """
    head = _read(path, 4096)
    if not head.strip():
        raise ImportFailed(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” is empty."), name=path.name),
            hint=QT_TRANSLATE_NOOP("ImportError", "Choose the exported quiz file."))
    suffix = path.suffix.lower()
    if suffix not in (".apkg", ".colpkg") and zipfile.is_zipfile(path):
        from app.core.content.importers.qti_package import is_qti_package

        if is_qti_package(path):  # an IMS content package (imsmanifest.xml)
            return "qti-package"
    if suffix in (".apkg", ".colpkg") or zipfile.is_zipfile(path):
        return "anki"
    if suffix in (".anki2", ".anki21") or head.startswith(_SQLITE):
        return "anki"
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff").lstrip()
    if text.startswith("<"):
        if "<quiz" in text:
            return "moodle-xml"
        if "<assessmentItem" in text:
            return "qti"
        raise ImportFailed(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” is XML but not a Moodle XML "
                                      "quiz or QTI item."), name=path.name),
            hint=message(_IMPORTS, formats=SUPPORTED))
    if suffix == ".gift":
        return "gift"
    if suffix in (".txt", ".tsv"):
        return _sniff_text(read_text(path))
    if suffix == ".csv":
        return "csv"
    raise ImportFailed(
        message(QT_TRANSLATE_NOOP("ImportError", "Lantern cannot tell what kind of quiz "
                                  "“{name}” is."), name=path.name),
        hint=message(QT_TRANSLATE_NOOP("ImportError", "Lantern imports {formats}. Export the "
                                       "quiz from Moodle or Anki in one of these formats."),
                     formats=SUPPORTED))


def _sniff_text(text: str) -> str:
    from app.core.content.importers.anki_text import looks_like_anki_text

    if _AIKEN_ANSWER.search(text) and "{" not in text:
        return "aiken"
    if looks_like_anki_text(text):
        return "anki-text"
    if "{" in text:
        return "gift"
    raise ImportFailed(QT_TRANSLATE_NOOP("ImportError", "Lantern cannot tell what kind of "
                                         "quiz this text file is."),
                       hint=message(_IMPORTS, formats=SUPPORTED))


def parse_xml(path: Path, *, hint: Message) -> ET.Element:
    """The root element of an XML file; :class:`ImportFailed` with ``hint`` if unreadable.

    External entities are not resolved (``xml.etree`` never fetches them).
    """
    try:
        return ET.parse(path).getroot()
    except (ET.ParseError, LookupError, ValueError) as exc:  # LookupError: bad encoding
        raise ImportFailed(
            message(QT_TRANSLATE_NOOP("ImportError", "“{name}” is not readable XML "
                                      "({detail})."), name=path.name, detail=str(exc)),
            hint=hint) from None
