"""Child process for the crash test: ``python -m tests.hub.sync_worker ROOT PROFILE URL``.

Unlocks the profile and delivers its outbox to the hub, printing ``sent <key>`` as soon
as the hub has answered and before the outbox is updated, then lingering a moment: the
parent's SIGKILL often lands in exactly that window (stored on the hub, not yet marked
sent here), the worst moment for a power cut.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from app.core.sync.outbox import deliver_due
from app.core.sync.transport import send_http
from app.store import ProfileId, ProfileStore
from app.store.sync import OutboxEntry
from tests.store.constants import FAST_KDF, PASSPHRASE


def main(root: str, profile_id: str, hub_url: str) -> None:
    profile = ProfileStore(Path(root), kdf=FAST_KDF).unlock(ProfileId(profile_id),
                                                              PASSPHRASE)
    print("ready", flush=True)

    def send(entry: OutboxEntry) -> None:
        send_http(hub_url, entry)
        print(f"sent {entry.key}", flush=True)
        time.sleep(0.05)

    deliver_due(profile.sync, send, now=time.time() + 10**9)
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
