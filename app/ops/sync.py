"""Operations for sync: each runs its plain ``app.core.sync.service`` step on a lane.

Everything that touches the profile runs on the ``db`` lane (the profile's connection
belongs to that thread). Delivery runs there too, because every outcome is written to
the outbox before the next send; the HTTP timeout (10 s) bounds how long it holds the
lane. Enrolment's network call runs on the ``io`` lane.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from app.core.sync import secure_service, service
from app.core.sync.config import SyncConfig
from app.core.sync.outbox import DeliveryReport
from app.core.sync.secure_service import StepReport
from app.core.sync.service import Prepared, SyncSource
from app.core.sync.source import ProfileSource
from app.core.sync.transport import Enrolment, enrol, load_enrolment_file
from app.ops.context import AppContext
from app.store.sync import SyncRepository

OnError = Callable[[Exception], None]


@dataclass(frozen=True)
class SyncSession:
    """The open profile's sync state. Build it on the ``db`` lane, use it from ops."""

    repo: SyncRepository
    source: SyncSource


class NoProfile(Exception):
    def __init__(self) -> None:
        super().__init__("Sign in to a learner's profile first: sync settings belong to "
                         "each learner.")


def open_session(*, parent: QObject, ctx: AppContext, skills: Sequence[str],
                 on_done: Callable[[SyncSession], None], on_error: OnError) -> None:
    """The signed-in profile's sync session, built on the ``db`` lane that owns it.

    Args:
        skills: every skill id of the installed content (see ``aggregate_week``).
    """

    def work() -> SyncSession:
        if ctx.profile is None:
            raise NoProfile()
        return SyncSession(ctx.profile.sync,
                           ProfileSource(ctx.profile, skills))

    ctx.runner.submit("db", work, parent=parent, on_success=on_done, on_error=on_error)


def load_config(*, parent: QObject, ctx: AppContext, session: SyncSession,
                on_done: Callable[[SyncConfig], None], on_error: OnError) -> None:
    ctx.runner.submit("db", lambda: service.load_config(session.repo), parent=parent,
                      on_success=on_done, on_error=on_error)


def save_config(*, parent: QObject, ctx: AppContext, session: SyncSession,
                config: SyncConfig, on_done: Callable[[SyncConfig], None],
                on_error: OnError) -> None:
    def work() -> SyncConfig:
        service.save_config(session.repo, config)
        return config

    ctx.runner.submit("db", work, parent=parent, on_success=on_done, on_error=on_error)


def connect_hub(*, parent: QObject, ctx: AppContext, session: SyncSession,
                config: SyncConfig, hub_url: str, class_code: str | None,
                enrol_file: Path | None = None,
                on_done: Callable[[SyncConfig], None], on_error: OnError) -> None:
    """Enrol with a one-time code over the LAN, or from an enrolment file; then save."""

    def got(enrolment: Enrolment) -> None:
        new = config.model_copy(update={
            "hub_url": enrolment.hub_url, "key_id": enrolment.key_id,
            "token": enrolment.token, "class_name": enrolment.class_name})
        save_config(parent=parent, ctx=ctx, session=session, config=new, on_done=on_done,
                    on_error=on_error)

    def work() -> Enrolment:
        if enrol_file is not None:
            return load_enrolment_file(enrol_file)
        return enrol(hub_url, class_code or "")

    ctx.runner.submit("io", work, parent=parent, on_success=got, on_error=on_error)


def prepare(*, parent: QObject, ctx: AppContext, session: SyncSession, config: SyncConfig,
            now: dt.datetime | None = None, on_ready: Callable[[Prepared], None],
            on_error: OnError) -> None:
    """Build last week's noised summary (nothing is spent or queued yet)."""
    moment = now or dt.datetime.now(dt.timezone.utc)
    ctx.runner.submit("db", lambda: service.prepare(session.repo, session.source, config,
                                                    now=moment),
                      parent=parent, on_success=on_ready, on_error=on_error)


def send(*, parent: QObject, ctx: AppContext, session: SyncSession, config: SyncConfig,
         prepared: Prepared | None, kind: str = "hub",
         on_done: Callable[[DeliveryReport], None], on_error: OnError) -> None:
    """Queue ``prepared`` (spending the week's ε), then deliver what is due over HTTP."""

    def work() -> DeliveryReport:
        if prepared is not None:
            service.commit(session.repo, prepared, config, kind=kind)
        if kind != "hub":
            return DeliveryReport(waiting=len(session.repo.pending()))
        return service.deliver(session.repo, config)

    ctx.runner.submit("db", work, parent=parent, on_success=on_done, on_error=on_error)


def write_usb(*, parent: QObject, ctx: AppContext, session: SyncSession, folder: Path,
              on_done: Callable[[tuple[Path | None, int]], None], on_error: OnError) -> None:
    ctx.runner.submit("db", lambda: service.export_usb(session.repo, folder), parent=parent,
                      on_success=on_done, on_error=on_error)


def round_step(*, parent: QObject, ctx: AppContext, session: SyncSession, config: SyncConfig,
               folder: Path | None,
               on_done: Callable[[tuple[StepReport, Path | None]], None],
               on_error: OnError) -> None:
    """This laptop's step in its class's secure-aggregation rounds: over the LAN when
    ``folder`` is None, else with the round file on the USB stick in ``folder``.

    Runs on the ``db`` lane (the round secrets and the ledger are in the profile); the
    HTTP timeout bounds how long it holds the lane, as for delivery.
    """

    def work() -> tuple[StepReport, Path | None]:
        if folder is None:
            return secure_service.step_http(session.repo, session.source, config), None
        return secure_service.step_usb(session.repo, session.source, config, folder)

    ctx.runner.submit("db", work, parent=parent, on_success=on_done, on_error=on_error)
