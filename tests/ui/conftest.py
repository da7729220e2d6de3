"""Fixtures for widget tests: a real AppContext over temp dirs, with a choice of engines."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app.core.models import ModelHost
from app.ops.context import AppContext
from app.store import ProfileStore
from tests.fakes import FakeChatEngine
from tests.store.constants import FAST_KDF


@pytest.fixture(autouse=True)
def keep_the_look(qapp: QApplication) -> Iterator[None]:
    """Put the application's look back after every UI test, whatever order they run in.

    Settings, themes and the small-window test restyle the whole application (style
    sheet, palette, font, style); a test after them saw a changed look (with an
    application style sheet a widget's own palette no longer reaches its children).
    """
    sheet, palette, font, style = (qapp.styleSheet(), qapp.palette(), qapp.font(),
                                   qapp.style().name())
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyle(style)


@pytest.fixture
def make_ctx(qapp) -> Iterator[Callable[..., AppContext]]:  # type: ignore[no-untyped-def]
    """Build contexts; each is closed (lanes stopped, models freed) after the test."""
    made: list[AppContext] = []

    def make(host: ModelHost | None = None, *, defer_settings: bool = False) -> AppContext:
        ctx = AppContext.create(models=host, defer_settings=defer_settings)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def ctx(qtbot) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    """A real context over temp dirs whose profiles use a fast KDF (sign-in tests).

    Test modules that need another context define their own ``ctx``.
    """
    context = AppContext.create()
    context.profiles = ProfileStore(context.paths.data / "profiles", kdf=FAST_KDF)
    yield context
    context.close()


def fake_host(engine: FakeChatEngine) -> ModelHost:
    """A host whose chat model is ``engine``; the embedding model is the real one."""
    return ModelHost(chat_loader=lambda spec, choice: engine)  # type: ignore[arg-type,return-value]
