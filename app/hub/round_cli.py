"""``lantern-hub round …`` and importing any Lantern file from a USB stick."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from app.hub.db import HubDB
from app.hub.ingest import ingest_file
from app.hub.rounds import RoundRefused, Rounds
from app.hub.rounds_api import ANSWERS_FORMAT, import_answers


def import_any(db: HubDB, data: Any, rounds: Rounds | None = None,
               max_envelopes: int | None = None) -> dict[str, int]:
    """A per-learner summary file or a round answers file, told apart by its format.

    ``rounds``: the server's own instance, whose lock serialises round messages; the
    CLI, alone on the database, makes one.

    Raises:
        BadBody: neither kind of file, or more than ``max_envelopes`` envelopes.
    """
    if isinstance(data, dict) and data.get("format") == ANSWERS_FORMAT:
        return import_answers(db, rounds or Rounds(db), data, max_envelopes)
    return ingest_file(db, data, max_envelopes)


def run_round(db: HubDB, action: str, class_id: int, file: Path | None,
              epsilon: float) -> int:
    if db.class_by(class_id) is None:
        print(f"No class has the id {class_id}; see `lantern-hub classes`.", file=sys.stderr)
        return 1
    rounds = Rounds(db)
    try:
        if action == "open":
            row = rounds.open(class_id, epsilon=epsilon)
            print(f"Round {row.round_id[:8]} for week {row.week} is collecting keys.")
        elif action == "next":
            current = rounds.current(class_id)
            if current is None:
                raise RoundRefused("no round is under way")
            row = rounds.advance(current.round_id)
            print(f"Round {row.round_id[:8]}: now {row.phase}. {row.note}".strip())
        else:
            target = file or Path(f"lantern-round-{class_id}.json")
            target.write_text(json.dumps(rounds.bulletin(class_id)), "utf-8")
            print(f"Wrote {target}: copy it to the USB stick for the class.")
    except RoundRefused as exc:
        print(f"Not done: {exc}.", file=sys.stderr)
        return 1
    return 0
