"""What an operation returns: a way to stop it and to know whether it has finished."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from inference.cancel import CancelToken


@dataclass(frozen=True)
class TaskHandle:
    cancel_token: CancelToken
    future: Future[Any]

    def cancel(self) -> None:
        """Ask the work to stop at its next check (e.g. before the next token).

        The future itself is not cancelled: work that has not started yet still runs,
        sees the token at once and reports through its normal callbacks, so the screen
        always hears how the task ended.
        """
        self.cancel_token.cancel()

    @property
    def done(self) -> bool:
        return self.future.done()
