"""Sync steps as plain functions, each run on the ``db`` lane by ``app.ops.sync``.

1. :func:`prepare` aggregates last week's figures and noises them: the exact body that
   would leave, its plain-words preview, and whether the preview must be shown.
2. :func:`commit` records the privacy spend and queues the signed envelope atomically.
3. :func:`deliver` sends what is due over HTTP; :func:`export_usb` writes it to a file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.core.sync.aggregate import aggregate_week
from app.core.sync.config import SyncConfig
from app.core.sync.outbox import DeliveryReport, deliver_due
from app.core.sync.payload import Body, build_body, plain_words, shape_of, sign
from app.core.sync.privacy import release
from app.core.sync.records import AttemptRecord, MasteryRecord, Week, week_of
from app.core.sync.transport import send_http, write_usb_file
from app.messages import QT_TRANSLATE_NOOP
from app.store.sync import BudgetExceeded, SyncRepository
from inference.cancel import CancelToken


class SyncSource(Protocol):
    """What sync reads from a learner: the adapter over the profile implements it."""

    def skills(self) -> Sequence[str]: ...
    def attempts(self) -> Sequence[AttemptRecord]: ...
    def mastery(self) -> Sequence[MasteryRecord]: ...


class NotEnrolled(Exception):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Sync", "This laptop is not connected to a school hub yet. In the sync "
            "settings, type the hub's address and the enrolment code from the teacher."))


@dataclass(frozen=True)
class Prepared:
    week: Week
    body: Body
    shape: str
    words: tuple[str, ...]
    needs_preview: bool


def last_week(now: dt.datetime) -> Week:
    """The week just finished: its figures no longer change."""
    return week_of(now - dt.timedelta(days=7))


def load_config(repo: SyncRepository) -> SyncConfig:
    data = repo.load_settings()
    return SyncConfig.model_validate(data) if data else SyncConfig()


def save_config(repo: SyncRepository, config: SyncConfig) -> None:
    repo.save_settings(config.model_dump())


def prepare(repo: SyncRepository, source: SyncSource, config: SyncConfig, *,
            now: dt.datetime) -> Prepared:
    """Build last week's noised body. Nothing is spent or queued yet.

    Raises:
        BudgetExceeded: the week was already sent (checked early so no preview is
            shown for a send that would be refused).
    """
    week = last_week(now)
    spent = repo.spent(week)
    if spent + config.epsilon > config.epsilon + 1e-9:
        raise BudgetExceeded(week, spent, config.epsilon, config.epsilon)
    figures = aggregate_week(week=week, skills=list(source.skills()),
                             attempts=source.attempts(), mastery=source.mastery())
    body = build_body(release(figures, config.epsilon), week)
    shape = shape_of(body)
    return Prepared(week=week, body=body, shape=shape, words=tuple(plain_words(body)),
                    needs_preview=shape != config.approved_shape)


def commit(repo: SyncRepository, prepared: Prepared, config: SyncConfig, *,
           kind: str = "hub") -> None:
    """Spend the week's ε and queue the signed envelope, atomically; remember the shape.

    Raises:
        NotEnrolled: no hub token yet.
        BudgetExceeded: the budget has no room (nothing queued, nothing spent).
    """
    if not config.enrolled:
        raise NotEnrolled()
    envelope = sign(prepared.body, key_id=config.key_id, token=config.token)
    repo.commit_release(week=prepared.week, epsilon=config.epsilon, budget=config.epsilon,
                        key=prepared.body.submission_id, kind=kind, payload=envelope)
    if config.approved_shape != prepared.shape:
        save_config(repo, config.model_copy(update={"approved_shape": prepared.shape}))


def deliver(repo: SyncRepository, config: SyncConfig, *, cancel: CancelToken | None = None,
            progress: Callable[[int, int], None] | None = None) -> DeliveryReport:
    """Send every due entry to the hub; failures wait with back-off in the outbox."""
    if not config.hub_url:
        raise NotEnrolled()
    return deliver_due(repo, lambda entry: send_http(config.hub_url, entry),
                       cancel=cancel, progress=progress)


def export_usb(repo: SyncRepository, folder: Path) -> tuple[Path | None, int]:
    """Write every pending entry to one new file in ``folder``; mark them sent after.

    Returns:
        The file written (None when there was nothing to write) and how many entries.
    """
    entries = repo.pending()
    if not entries:
        return None, 0
    path = write_usb_file(folder, entries)
    for entry in entries:
        repo.mark_sent(entry.key)
    return path, len(entries)
