"""Real starter packs and their real retrieval index, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.content.index import RetrievalIndex
from app.core.content.index_cache import load_or_build
from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.content.model import Pack
from inference.cancel import CancelToken
from inference.embed import EmbedEngine
from inference.registry import load_registry


@pytest.fixture(scope="session")
def fractions() -> Pack:
    return load_pack(builtin_dir() / "fractions")


@pytest.fixture(scope="session")
def photosynthesis() -> Pack:
    return load_pack(builtin_dir() / "photosynthesis")


@pytest.fixture(scope="session")
def fractions_zh() -> Pack:
    return load_pack(builtin_dir() / "fractions-zh")


def _index(pack: Pack, embed_engine: EmbedEngine,
           tmp_path_factory: pytest.TempPathFactory) -> RetrievalIndex:
    sha = load_registry().default("embed").file(".onnx").sha256
    cache: Path = tmp_path_factory.mktemp("index")
    return load_or_build(pack, embedder=embed_engine, model_sha256=sha, cache_dir=cache,
                         progress=lambda _m, _f: None, cancel=CancelToken())


@pytest.fixture(scope="session")
def fractions_index(fractions: Pack, embed_engine: EmbedEngine,
                    tmp_path_factory: pytest.TempPathFactory) -> RetrievalIndex:
    return _index(fractions, embed_engine, tmp_path_factory)


@pytest.fixture(scope="session")
def photosynthesis_index(photosynthesis: Pack, embed_engine: EmbedEngine,
                         tmp_path_factory: pytest.TempPathFactory) -> RetrievalIndex:
    return _index(photosynthesis, embed_engine, tmp_path_factory)
