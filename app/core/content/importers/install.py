"""Import a quiz or deck straight into the pack library (what the Content page needs).

:func:`import_and_install` runs an import into a temporary folder, then installs the
result with :func:`app.core.content.library.install_pack` (validate, then copy into
place). Plain Python: run it on the ``io`` lane with a :class:`CancelToken`.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from app.core.content.importers import import_file
from app.core.content.importers.debris import IMPORT_PREFIX
from app.core.content.importers.report import ImportReport
from app.core.content.library import InstallResult, install_pack
from app.core.content.loader import PACK_FILE
from app.messages import QT_TRANSLATE_NOOP
from inference.cancel import CancelToken

Progress = Callable[[str, float], None]
QUIZ_SUFFIXES = (".gift", ".txt", ".tsv", ".xml", ".csv", ".apkg", ".colpkg", ".anki2",
                 ".anki21")
IMPORT_SHARE = 0.8  # of the progress bar; installing takes the rest


def is_quiz_file(path: Path) -> bool:
    """Whether ``path`` is for the importers rather than a pack (a folder or pack zip)."""
    if path.is_dir():
        return False
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, NotImplementedError):
            return False  # install_pack explains a damaged zip
        return not any(n == PACK_FILE or n.endswith(f"/{PACK_FILE}") for n in names)
    return path.suffix.lower() in QUIZ_SUFFIXES


def import_and_install(path: Path, *, cancel: CancelToken, target: Path | None = None,
                       progress: Progress | None = None, language: str | None = None,
                       licence: str = "") -> tuple[ImportReport, InstallResult | None]:
    """Import ``path`` and install the pack; the result is None when nothing was imported.

    Raises:
        ImportFailed: the file cannot be imported (see :func:`import_file`).
        ContentError: the imported pack did not validate (a bug: please report it).
        Cancelled: ``cancel`` was set; nothing is installed then.
    """
    say = progress or (lambda _message, _fraction: None)

    def reading(fraction: float) -> None:
        say(QT_TRANSLATE_NOOP("Content", "Reading the questions…"), IMPORT_SHARE * fraction)

    with tempfile.TemporaryDirectory(prefix=IMPORT_PREFIX) as tmp:
        report = import_file(path, Path(tmp) / "pack", progress=reading, cancel=cancel,
                             language=language, licence=licence)
        if report.pack_dir is None:
            return report, None
        result = install_pack(report.pack_dir, cancel=cancel, target=target,
                              progress=lambda m, f: say(m, IMPORT_SHARE + (1 - IMPORT_SHARE)
                                                        * f))
    report.pack_dir = result.path
    return report, result
