"""Operations for the Settings page: measure this laptop, test a school server."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from app.ops.context import AppContext
from inference import devices
from inference.hardware import HardwareFit, load_fit, measure, save_fit
from inference.remote import RemoteChat, ServerConfig


def fit_file(ctx: AppContext) -> Path:
    return ctx.paths.config / "hardware.json"


def saved_fit(ctx: AppContext) -> HardwareFit | None:
    return load_fit(fit_file(ctx))


def check_hardware(*, parent: QObject, ctx: AppContext,
                   on_done: Callable[[HardwareFit], None],
                   on_error: Callable[[Exception], None]) -> Future[Any]:
    """Probe this laptop and run the 2-second generation probe on the loaded tutor model.

    Runs on the inference lane (it needs the model, and must not compete with a question);
    queued behind the model load on first start. The result is saved in the config dir.
    """

    def work() -> HardwareFit:
        engine = ctx.models.chat()
        report = ctx.models.report or devices.detect()
        spec = ctx.models.status("chat").spec
        label = "the school server" if engine.info.device == "lan" else None
        fit = measure(report, ctx.models.registry, engine, spec, label=label)
        save_fit(fit, fit_file(ctx))
        return fit

    return ctx.runner.submit("inference", work, parent=parent, on_success=on_done,
                             on_error=on_error)


def test_server(*, parent: QObject, ctx: AppContext, url: str, model: str,
                on_done: Callable[[str], None], on_error: Callable[[Exception], None]
                ) -> Future[Any]:
    """Check the server answers and name its model (on the io lane: it is network I/O)."""

    def work() -> str:
        return RemoteChat(ServerConfig(url, model=model, connect_timeout_s=3,
                                       read_timeout_s=10)).model

    return ctx.runner.submit("io", work, parent=parent, on_success=on_done, on_error=on_error)
