"""Importers: Moodle GIFT and XML, QTI 2 items and content packages, Aiken, Anki decks and
CSV to content packs.

:func:`import_file` is the one entry point (the CLI and the Content page use it). Every
question of the file is either imported or listed in the report with the reason; the
pack folder is written only when at least one question was imported. See
docs/importers.md for what maps to what.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from app.core.content.importers.build import ImportJob
from app.core.content.importers.language import detect_language
from app.core.content.importers.media import folder_lookup
from app.core.content.importers.report import ImportReport, Skipped
from app.core.content.importers.sniff import detect_format, read_text
from app.core.content.importers.writer import ImportFailed, PackDraft, slug
from app.messages import QT_TRANSLATE_NOOP, message
from inference.cancel import CancelToken

__all__ = ["ImportFailed", "ImportReport", "Skipped", "detect_format", "import_file"]

log = logging.getLogger(__name__)
PACK_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # as the loader checks it


def import_file(path: Path, pack_dir: Path, *, pack_id: str | None = None,
                progress: Callable[[float], None] | None = None,
                cancel: CancelToken | None = None, language: str | None = None,
                licence: str = "") -> ImportReport:
    """Import the quiz or deck at ``path`` into a new pack folder ``pack_dir``.

    Args:
        pack_id: the pack's id; by default made from the file name.
        progress: called with 0.0 … 1.0 from the calling thread.
        cancel: checked between questions; a cancelled import writes nothing.
        language: written to ``pack.toml``; None detects it from the questions' text
            (:mod:`language`: Chinese, Japanese, Russian …; "en" when it cannot tell)
            and the report says so.
        licence: written to ``pack.toml`` (quiz files do not say).

    Returns:
        The report; ``report.pack_dir`` is None when nothing could be imported.

    Raises:
        ImportFailed: the file cannot be read or is not a supported format, or
            ``pack_dir`` already has files in it. Nothing is written then.
        inference.errors.Cancelled: ``cancel`` was set. Nothing is written.
    """
    if pack_id is not None and not PACK_ID.match(pack_id):
        raise ImportFailed(
            message(QT_TRANSLATE_NOOP("ImportError", "“{pack_id}” cannot be a pack id."),
                    pack_id=pack_id),
            hint=QT_TRANSLATE_NOOP("ImportError", "Use lowercase letters, digits and '-' "
                                   "only, e.g. “fractions-quiz”."))
    fmt = detect_format(path)
    title = path.stem.replace("_", " ").strip() or "Imported quiz"
    draft = PackDraft(pack_id=pack_id or slug(path.stem, "imported-quiz"), title=title,
                      source_name=path.name, language=language or "en", licence=licence)
    job = ImportJob(draft=draft, report=ImportReport(source=path), progress=progress,
                    cancel=cancel)
    _run(fmt, path, job)
    if language is None and job.report.imported_total:
        _detect_language(job)
    if job.report.imported_total:
        if cancel is not None:
            cancel.raise_if_cancelled()
        draft.write(pack_dir)
        job.report.pack_dir = pack_dir
    if progress is not None:
        progress(1.0)
    log.info("import of %s (%s): %s", path.name, fmt, job.report.summary())
    return job.report


def _detect_language(job: ImportJob) -> None:
    """Tag the pack with the language its prompts and answers are written in."""
    texts = []
    for question in job.draft.questions:
        texts.append(question.prompt)
        texts.extend(a for a in question.fields.get("answers", []) if isinstance(a, str))
    detected = detect_language(texts)
    if detected is not None:  # Latin-script text does not say which language: keep "en"
        job.draft.language = job.report.language = detected


def _run(fmt: str, path: Path, job: ImportJob) -> None:
    # Imported lazily so that one format's dependency problem cannot break the others.
    if fmt in ("gift", "aiken", "anki-text", "csv", "qti"):
        job.find_media = folder_lookup(path.parent)
    if fmt == "gift":
        from app.core.content.importers.gift import import_gift
        import_gift(path, read_text(path), job)
    elif fmt == "aiken":
        from app.core.content.importers.aiken import import_aiken
        import_aiken(path, read_text(path), job)
    elif fmt == "anki-text":
        from app.core.content.importers.anki_text import import_anki_text
        import_anki_text(path, read_text(path), job)
    elif fmt == "csv":
        from app.core.content.importers.csv_table import import_csv
        import_csv(path, read_text(path), job)
    elif fmt == "qti":
        from app.core.content.importers.qti import import_qti
        import_qti(path, job)
    elif fmt == "qti-package":
        from app.core.content.importers.qti_package import import_qti_package
        import_qti_package(path, job)
    elif fmt == "moodle-xml":
        from app.core.content.importers.moodle_xml import import_moodle_xml
        import_moodle_xml(path, job)
    else:
        from app.core.content.importers.anki import import_anki
        import_anki(path, job)
