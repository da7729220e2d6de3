"""Delivering queued submissions: retries with back-off, idempotent on the hub side.

Each outbox entry's idempotency key is its submission id; the hub stores a submission
id once and answers a repeat with "already have it", which counts as delivered. So a
crash between "hub stored it" and "we marked it sent" costs one harmless repeat.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.store.sync import OutboxEntry, SyncRepository
from inference.cancel import CancelToken

log = logging.getLogger(__name__)

BASE_DELAY_S = 30.0
MAX_DELAY_S = 6 * 3600.0


class TransientError(Exception):
    """Delivery failed for now (hub down, network gone): try again later."""


class Rejected(Exception):
    """The hub refused the submission for good (bad signature, unknown device)."""


Send = Callable[[OutboxEntry], None]


@dataclass
class DeliveryReport:
    delivered: int = 0
    failed: int = 0
    rejected: int = 0
    waiting: int = 0  # not due yet
    last_error: str = ""


def backoff(tries: int, *, rng: random.Random | None = None) -> float:
    """Seconds to wait after ``tries`` failures: doubling from 30 s, capped at 6 h.

    ±20 % jitter keeps a class of laptops from retrying in lockstep after the hub
    comes back.
    """
    delay = min(MAX_DELAY_S, BASE_DELAY_S * 2.0 ** max(0, tries))
    return delay * (rng or random).uniform(0.8, 1.2)


def deliver_due(repo: SyncRepository, send: Send, *, now: float | None = None,
                cancel: CancelToken | None = None,
                progress: Callable[[int, int], None] | None = None) -> DeliveryReport:
    """Send every pending entry whose retry time has come, oldest first.

    Each outcome is committed before the next send, so a kill at any point loses
    nothing and repeats at most the one entry that was in flight.
    """
    clock = time.time() if now is None else now
    report = DeliveryReport()
    entries = repo.pending()
    for done, entry in enumerate(entries):
        if cancel is not None:
            cancel.raise_if_cancelled()
        if entry.next_try_at > clock:
            report.waiting += 1
            continue
        _deliver_one(repo, send, entry, clock, report)
        if progress:
            progress(done + 1, len(entries))
    return report


def _deliver_one(repo: SyncRepository, send: Send, entry: OutboxEntry, clock: float,
                 report: DeliveryReport) -> None:
    try:
        send(entry)
    except TransientError as exc:
        repo.mark_failed(entry.key, next_try_at=clock + backoff(entry.tries),
                         error=str(exc))
        report.failed += 1
        report.last_error = str(exc)
    except Rejected as exc:
        log.warning("the hub rejected a submission for good: %s", exc)
        repo.give_up(entry.key, error=str(exc))
        report.rejected += 1
        report.last_error = str(exc)
    else:
        repo.mark_sent(entry.key)
        report.delivered += 1
