"""What the hub stores for one laptop in a round is indistinguishable from random bytes.

Five laptops with 400 skills each (2,400 words per masked vector) take part through the
hub's own round store on SQLite; the row stored for one laptop is then read back and
tested, for a learner at the bottom and one at the top of every range alike.
"""

from __future__ import annotations

import json
import math
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import sqlalchemy as sa

from app.core.sync.payload import Body, sign
from app.core.sync.records import SkillFigures
from app.core.sync.secure import RoundInfo, RoundSecrets, input_body, keys_body
from app.hub.db import HubDB
from app.hub.enrolment import enrol_directly
from app.hub.rounds import Rounds, inputs
from app.hub.rounds_api import answer
from app.hub.schema import Envelope

SKILLS = [f"s{i}" for i in range(400)]


def _send(db: HubDB, rounds: Rounds, device: tuple[str, str], body: str) -> None:
    envelope = Envelope.model_validate_json(sign(Body("", body), key_id=device[0],
                                                 token=device[1]))
    assert answer(db, rounds, envelope).status == 201


def _stored_row(tmp_path: Path, attempts: float, bucket: int) -> tuple[list[int], dict[str, str]]:
    db = HubDB(f"sqlite:///{tmp_path / f'hub-{bucket}.sqlite3'}")
    rounds = Rounds(db)
    cls = db.add_class("6B")
    devices = [(d.key_id, d.token) for d in (enrol_directly(db, cls) for _ in range(5))]
    opened = rounds.open(cls.id)
    states = [RoundSecrets.new(opened.round_id) for _ in devices]
    for device, state in zip(devices, states, strict=True):
        _send(db, rounds, device, keys_body(state, SKILLS))
    info = RoundInfo.from_dict(rounds.bulletin(cls.id)["rounds"][0])
    assert info.phase == "input"
    one_hot = tuple(1.0 if i == bucket else 0.0 for i in range(4))
    figures = [SkillFigures(s, attempts, attempts, one_hot, 60.0) for s in SKILLS]
    device, state = devices[0], states[0]
    _send(db, rounds, device, input_body(state, info, figures))
    slot = state.slot_in(info)
    with db.engine.connect() as conn:
        row = conn.execute(sa.select(inputs).where(inputs.c.slot == slot)).one()
    db.close()
    return json.loads(row.masked), json.loads(row.shares)


def test_a_laptops_stored_data_is_indistinguishable_from_uniform(tmp_path: Path) -> None:
    for attempts, bucket in ((0.0, 0), (20.0, 3)):
        masked, shares = _stored_row(tmp_path, attempts, bucket)
        words = np.array(masked, dtype=np.uint64)
        data = words.astype("<u4").tobytes()
        counts = np.bincount(np.frombuffer(data, dtype=np.uint8), minlength=256)
        expected = len(data) / 256
        chi2 = float(np.sum((counts - expected) ** 2 / expected))
        assert chi2 < 255 + 6 * math.sqrt(2 * 255)  # byte values: χ², 255 dof
        bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8))
        assert abs(float(bits.mean()) - 0.5) < 6 * 0.5 / math.sqrt(len(bits))
        # Unmasked, a small count plus small noise would almost never set the top bit.
        top = (words >> 31).astype(float)
        assert abs(float(top.mean()) - 0.5) < 6 * 0.5 / math.sqrt(len(top))
        assert abs(np.corrcoef(words[:-1].astype(float), words[1:].astype(float))[0, 1]) \
            < 0.15
        # The shares for the other laptops are AES-GCM ciphertexts (12-byte nonce, 66-byte
        # share, 16-byte tag), one per roster slot, all different.
        assert {len(bytes.fromhex(ct)) for ct in shares.values()} == {12 + 66 + 16}
        assert len(set(shares.values())) == len(shares) == 5


def test_concurrent_last_messages_close_a_step_once(tmp_path: Path) -> None:
    """Eight laptops' keys arriving at once (uvicorn's thread pool): the roster is frozen
    once with all of them, never closed twice (which would stop the round)."""
    db = HubDB(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    rounds = Rounds(db)
    cls = db.add_class("6B")
    devices = [(d.key_id, d.token) for d in (enrol_directly(db, cls) for _ in range(8))]
    opened = rounds.open(cls.id)
    states = [RoundSecrets.new(opened.round_id) for _ in devices]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda pair: _send(db, rounds, pair[0], keys_body(pair[1], SKILLS)),
                      zip(devices, states, strict=True)))
    row = rounds.get(opened.round_id)
    assert row.phase == "input" and rounds.counts(row.round_id)["roster"] == 8
    db.close()
