"""Operations on content packs for the Content and Subjects pages.

Reading and copying packs runs on the ``io`` lane; building a search index uses the
embedding model and so runs on the ``inference`` lane. Results arrive on the GUI thread.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from app.core.content import library
from app.core.content.importers.install import import_and_install, is_quiz_file
from app.core.content.importers.report import ImportReport
from app.core.content.index import RetrievalIndex
from app.core.content.index_cache import load_or_build
from app.core.content.library import InstallResult, LibraryPack
from app.core.content.model import Pack
from app.ops.context import AppContext
from app.ops.handle import TaskHandle
from inference.cancel import CancelToken

Progress = Callable[[str, float], None]
Listing = tuple[list[LibraryPack], list[str]]


def installed_dir(ctx: AppContext) -> Path:
    return ctx.paths.data / "content"


def list_packs(*, parent: QObject, ctx: AppContext, on_done: Callable[[Listing], None],
               on_error: Callable[[Exception], None]) -> None:
    """Read every built-in and installed pack; broken ones come back as problem lines."""
    ctx.runner.submit("io", lambda: library.list_packs(installed=installed_dir(ctx)),
                      parent=parent, on_success=on_done, on_error=on_error)


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did: the quiz importer's report (quiz files only) and the pack it
    installed (None when nothing could be imported). The page words it in the UI's
    language; the command-line importer prints the reports' English summaries."""

    report: ImportReport | None
    installed: InstallResult | None


def import_pack(*, parent: QObject, ctx: AppContext, path: Path, on_progress: Progress,
                on_done: Callable[[ImportOutcome], None],
                on_error: Callable[[Exception], None],
                on_cancel: Callable[[], None]) -> TaskHandle:
    """Install the pack folder or zip at ``path``, or import a quiz file into a new pack.

    Quiz files (Moodle GIFT/XML, Aiken, Anki, …) go through the importers, which report
    every question imported or skipped. An invalid pack reaches ``on_error`` as a
    ``ContentError`` whose ``diagnostics`` list every problem; nothing is installed then.
    """
    cancel = CancelToken()

    def report(message: str, fraction: float) -> None:
        ctx.runner.post(lambda: on_progress(message, fraction), parent=parent)

    def work() -> ImportOutcome:
        if is_quiz_file(path):
            found, result = import_and_install(path, cancel=cancel,
                                               target=installed_dir(ctx), progress=report)
            return ImportOutcome(found, result)
        return ImportOutcome(None, library.install_pack(
            path, cancel=cancel, target=installed_dir(ctx), progress=report))

    future = ctx.runner.submit("io", work, parent=parent, on_success=on_done,
                               on_error=on_error, on_cancel=on_cancel)
    return TaskHandle(cancel, future)


def remove_pack(*, parent: QObject, ctx: AppContext, entry: LibraryPack,
                on_done: Callable[[], None], on_error: Callable[[Exception], None]) -> None:
    ctx.runner.submit("io", lambda: library.remove_pack(entry), parent=parent,
                      on_success=lambda _none: on_done(), on_error=on_error)


def embed_model_sha256(ctx: AppContext) -> str:
    """One digest for the embedding model's files (weights and tokenizer)."""
    spec = ctx.models.status("embed").spec
    joined = "\n".join(sorted(f"{f.name}:{f.sha256}" for f in spec.files))
    return hashlib.sha256(joined.encode()).hexdigest()


def build_index(*, parent: QObject, ctx: AppContext, pack: Pack, on_progress: Progress,
                on_done: Callable[[RetrievalIndex], None],
                on_error: Callable[[Exception], None],
                on_cancel: Callable[[], None]) -> TaskHandle:
    """Load the pack's search index from the cache, or build it (with progress, cancel).

    Needs the embedding model; if it failed to load, ``on_error`` gets its load error.
    """
    cancel = CancelToken()

    def report(message: str, fraction: float) -> None:
        ctx.runner.post(lambda: on_progress(message, fraction), parent=parent)

    def work() -> RetrievalIndex:
        return load_or_build(pack, embedder=ctx.models.embed(),
                             model_sha256=embed_model_sha256(ctx), cache_dir=ctx.paths.cache,
                             progress=report, cancel=cancel)

    future = ctx.runner.submit("inference", work, parent=parent, on_success=on_done,
                               on_error=on_error, on_cancel=on_cancel)
    return TaskHandle(cancel, future)
