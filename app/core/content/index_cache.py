"""Build a pack's retrieval index once and keep it on disk.

The cache folder is ``<cache>/index/<pack id>@<version>-<model sha256[:16]>/``, so a new
pack version or another embedding model gets its own index. A digest of the passages is
stored too: a teacher who edits a pack without raising its version gets a rebuild rather
than stale citations. Files are written to a temporary folder and renamed into place, so
a killed build never leaves a half index that later loads.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import bm25s
import numpy as np

from app.core.content.index import Embedder, RetrievalIndex, build_bm25
from app.core.content.model import Pack
from app.core.content.passages import Passage, pack_passages
from inference.cancel import CancelToken
from inference.heap import release_freed_memory

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the files or the tokenizer change: old caches are then rebuilt
EMBED_BATCH = 32
Progress = Callable[[str, float], None]


def cache_folder(cache_dir: Path, pack: Pack, model_sha256: str) -> Path:
    return cache_dir / "index" / f"{pack.info.key}-{model_sha256[:16]}"


def load_or_build(pack: Pack, *, embedder: Embedder, model_sha256: str, cache_dir: Path,
                  progress: Progress, cancel: CancelToken) -> RetrievalIndex:
    """The pack's index: from the cache when it matches, otherwise built and cached.

    Raises:
        Cancelled: ``cancel`` was set; nothing is written to the cache.
    """
    passages = pack_passages(pack)
    folder = cache_folder(cache_dir, pack, model_sha256)
    digest = passages_digest(passages)
    cached = _load(folder, digest)
    if cached is not None:
        progress("Search index ready", 1.0)
        return cached
    progress("Reading the lessons…", 0.0)
    index = build(passages, embedder=embedder, progress=progress, cancel=cancel)
    _save(index, folder, digest)
    # The embedder's batches were freed in pieces that glibc keeps resident; before the
    # tutor model answers on top of them, they go back (20 MB for a starter pack).
    release_freed_memory()
    progress("Search index ready", 1.0)
    return index


def build(passages: list[Passage], *, embedder: Embedder, progress: Progress,
          cancel: CancelToken) -> RetrievalIndex:
    """Embed the passages in batches (cancel is checked between them), then BM25."""
    parts = []
    for start in range(0, len(passages), EMBED_BATCH):
        cancel.raise_if_cancelled()
        batch = passages[start:start + EMBED_BATCH]
        parts.append(embedder.embed([p.search_text for p in batch]))
        progress("Preparing lesson search…", 0.95 * (start + len(batch)) / len(passages))
    cancel.raise_if_cancelled()
    vectors = np.concatenate(parts) if parts else np.zeros((0, 1), dtype=np.float32)
    return RetrievalIndex(passages, build_bm25(passages), vectors)


def passages_digest(passages: list[Passage]) -> str:
    blob = json.dumps([asdict(p) for p in passages], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"{FORMAT}\n{blob}".encode()).hexdigest()


def _load(folder: Path, digest: str) -> RetrievalIndex | None:
    try:
        manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text("utf-8"))
        if manifest.get("format") != FORMAT or manifest.get("digest") != digest:
            return None
        passages = [Passage(**p) for p in manifest["passages"]]
        vectors = np.load(folder / "vectors.npy", allow_pickle=False)
        bm25 = bm25s.BM25.load(str(folder / "bm25"), mmap=False)
        return RetrievalIndex(passages, bm25, vectors)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged cache is rebuilt, never fatal
        log.warning("retrieval cache %s is unreadable; rebuilding it", folder.name,
                    exc_info=True)
        return None


def _save(index: RetrievalIndex, folder: Path, digest: str) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
    try:
        np.save(staging / "vectors.npy", index.vectors, allow_pickle=False)
        index.bm25.save(str(staging / "bm25"), show_progress=False)
        manifest = {"format": FORMAT, "digest": digest,
                    "passages": [asdict(p) for p in index.passages]}
        (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False),
                                               "utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        staging.rename(folder)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        log.warning("could not cache the retrieval index in %s", folder, exc_info=True)
