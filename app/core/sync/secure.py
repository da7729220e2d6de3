"""One laptop's side of a secure-aggregation round (Bonawitz et al. 2017, with a
self-mask shared by Shamir and pairwise masks that cancel in the class sum).

A round has three steps; the hub's bulletin says which one is open:

1. ``keys``: the laptop makes two X25519 key pairs for this round (``c`` to encrypt the
   shares it sends its classmates, ``s`` to agree pairwise mask seeds) and a 32-byte
   self-mask seed ``b``, keeps them in its encrypted profile and sends the public keys.
2. ``input``: the hub has frozen the roster. The laptop Shamir-splits ``b`` with
   threshold t and seals share j for roster slot j (AES-GCM under an X25519 key only it
   and j can derive); then sends ``y = x + noise + PRG(b) + Σ_j ±PRG(s_ij) mod 2^32``.
3. ``unmask``: the hub names the survivors S (sent step 2) and the dropouts D. For every
   w in S the laptop opens w's share of b_w; for every u in D it reveals the pairwise
   seed s_iu. Never both for the same classmate, so the hub can remove exactly the
   masks that do not cancel, and no laptop's own input is ever exposed.

This module is pure: the caller (``secure_service``) keeps the state and sends.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.core.sync import masking, shamir, skellam
from app.core.sync.records import BUCKETS, SkillFigures

FORMAT = "lantern-secagg/1"
SHARE_BYTES = 66  # a field element of GF(2^521 - 1)


class RoundError(ValueError):
    """The bulletin asks for something this laptop must not do; nothing is sent."""


@dataclass(frozen=True)
class RoundInfo:
    """One round as the hub's bulletin describes it."""

    round_id: str
    week: str
    epsilon: float
    threshold: int
    phase: str  # keys, input, unmask, done, aborted
    skills: tuple[str, ...] = ()
    roster: dict[int, tuple[bytes, bytes]] = field(default_factory=dict)  # slot: (c, s)
    survivors: tuple[int, ...] = ()
    shares: dict[int, dict[int, bytes]] = field(default_factory=dict)  # to: {from: ct}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RoundInfo:
        return cls(
            round_id=str(data["round"]), week=str(data["week"]),
            epsilon=float(data["epsilon"]), threshold=int(data["threshold"]),
            phase=str(data["phase"]), skills=tuple(data.get("skills") or ()),
            roster={int(k): (bytes.fromhex(v[0]), bytes.fromhex(v[1]))
                    for k, v in (data.get("roster") or {}).items()},
            survivors=tuple(int(s) for s in data.get("survivors") or ()),
            shares={int(to): {int(frm): bytes.fromhex(ct) for frm, ct in row.items()}
                    for to, row in (data.get("shares") or {}).items()})

    @property
    def dropped(self) -> tuple[int, ...]:
        return tuple(s for s in sorted(self.roster) if s not in self.survivors)


@dataclass
class RoundSecrets:
    """What a laptop keeps between steps (in its encrypted profile), then forgets."""

    round_id: str
    c_private: bytes
    s_private: bytes
    self_seed: bytes
    stage: str = "keys"  # the last step sent: keys, input, reveal
    sent: dict[str, str] = field(default_factory=dict)  # step: exact body sent

    @classmethod
    def new(cls, round_id: str) -> RoundSecrets:
        return cls(round_id, masking.new_private_key(), masking.new_private_key(),
                   secrets.token_bytes(32))

    def to_dict(self) -> dict[str, Any]:
        return {"round": self.round_id, "c": self.c_private.hex(), "s": self.s_private.hex(),
                "b": self.self_seed.hex(), "stage": self.stage, "sent": self.sent}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RoundSecrets:
        return cls(data["round"], bytes.fromhex(data["c"]), bytes.fromhex(data["s"]),
                   bytes.fromhex(data["b"]), data["stage"], dict(data["sent"]))

    def slot_in(self, info: RoundInfo) -> int | None:
        mine = masking.public_key(self.s_private)
        return next((slot for slot, (_, s) in info.roster.items() if s == mine), None)


def canonical(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"))


def keys_body(state: RoundSecrets, skills: Sequence[str]) -> str:
    return canonical({"format": FORMAT, "step": "keys", "round": state.round_id,
                      "c_pk": masking.public_key(state.c_private).hex(),
                      "s_pk": masking.public_key(state.s_private).hex(),
                      "skills": list(skills)})


def encode(figures: Sequence[SkillFigures]) -> np.ndarray:
    """Per skill: the one-hot mastery bucket (4), tried this week (0/1), and the share
    correct in quarters (0..4, 0 when not tried). Everything bounded: the sensitivities
    in ``skellam`` rest on it."""
    out: list[int] = []
    for fig in figures:
        out += [1 if b >= 0.5 else 0 for b in fig.buckets[:len(BUCKETS)]]
        tried = fig.attempts >= 1
        share = min(1.0, max(0.0, fig.correct / fig.attempts)) if tried else 0.0
        out += [int(tried), round(share * skellam.SCORE_LEVELS) if tried else 0]
    return np.array(out, dtype=np.int64)


def noise(info: RoundInfo, n_skills: int) -> np.ndarray:
    """This laptop's slice of the class noise: Skellam(μ/t) on every coordinate."""
    per_laptop = skellam.calibrate(info.epsilon, n_skills).per_laptop(info.threshold)
    parts = []
    for _ in range(n_skills):
        for group in skellam.GROUPS:
            parts.append(skellam.sample(per_laptop[group.name], group.per_skill))
    return np.concatenate(parts)


def _share_key(state: RoundSecrets, info: RoundInfo, me: int, other: int) -> bytes:
    return masking.agree(state.c_private, info.roster[other][0],
                         info=masking.pair_info(info.round_id, me, other, "share"))


def _mask_seed(state: RoundSecrets, info: RoundInfo, me: int, other: int) -> bytes:
    return masking.agree(state.s_private, info.roster[other][1],
                         info=masking.pair_info(info.round_id, me, other, "mask"))


def _aad(info: RoundInfo, frm: int, to: int) -> bytes:
    return f"{info.round_id} {frm}->{to}".encode()


def input_body(state: RoundSecrets, info: RoundInfo, figures: Sequence[SkillFigures]) -> str:
    """The masked, noised vector and the sealed shares of the self-mask seed."""
    me = state.slot_in(info)
    if me is None:
        raise RoundError("this laptop is not on the round's roster")
    if [f.skill_id for f in figures] != list(info.skills):
        raise RoundError("the figures do not follow the round's skills")
    if not 2 <= info.threshold <= len(info.roster):
        raise RoundError("the round's threshold does not fit its roster")
    x = encode(figures) + noise(info, len(figures))
    y = (x % masking.MODULUS).astype(np.uint32)
    y += masking.prg(state.self_seed, len(y))
    for other in info.roster:
        if other != me:
            y += masking.pair_mask(_mask_seed(state, info, me, other), len(y), me, other)
    shares = shamir.split(state.self_seed, n=max(info.roster), t=info.threshold)
    sealed = {str(to): masking.seal(_share_key(state, info, me, to),
                                    shares[to].to_bytes(SHARE_BYTES, "big"),
                                    _aad(info, me, to)).hex()
              for to in info.roster}
    return canonical({"format": FORMAT, "step": "input", "round": info.round_id,
                      "slot": me, "masked": [int(v) for v in y], "shares": sealed})


def reveal_body(state: RoundSecrets, info: RoundInfo) -> str:
    """Shares of the survivors' self-masks and the pairwise seeds with the dropouts.

    Raises:
        RoundError: this laptop is not a survivor, or fewer than t survived (then the
            self-mask shares would be given out for a sum that cannot be completed).
    """
    me = state.slot_in(info)
    if me is None or me not in info.survivors:
        raise RoundError("the hub did not count this laptop's input")
    if len(info.survivors) < info.threshold:
        raise RoundError("fewer laptops than the threshold sent their input")
    mine = info.shares.get(me, {})
    b_shares = {}
    for w in info.survivors:
        sealed = mine.get(w)
        if sealed is None:
            raise RoundError(f"the share from slot {w} is missing")
        plain = masking.open_sealed(_share_key(state, info, me, w), sealed, _aad(info, w, me))
        b_shares[str(w)] = int.from_bytes(plain, "big")
    seeds = {str(u): _mask_seed(state, info, me, u).hex() for u in info.dropped}
    return canonical({"format": FORMAT, "step": "reveal", "round": info.round_id,
                      "slot": me, "b_shares": {k: hex(v) for k, v in b_shares.items()},
                      "pair_seeds": seeds})


def unmask(*, size: int, threshold: int, masked: dict[int, list[int]],
           reveals: dict[int, dict[str, Any]], dropped: Sequence[int]) -> np.ndarray:
    """The class sum (signed int64) from the survivors' masked vectors and reveals.

    Args:
        masked: slot → masked vector, for every survivor.
        reveals: slot → the ``reveal`` body of each survivor that sent one.
        dropped: the roster slots that sent keys but no input.

    Raises:
        RoundError: too few reveals to rebuild a self-mask, or a dropout's pairwise
            seed is missing.
    """
    if dropped and (set(masked) - set(reveals) or any(
            {str(u) for u in dropped} - set(r["pair_seeds"]) for r in reveals.values())):
        raise RoundError("a survivor's pairwise seeds with the dropouts are missing")
    total = np.zeros(size, dtype=np.uint32)
    for vector in masked.values():
        total += np.array(vector, dtype=np.uint32)
    for w in masked:
        shares = {v: int(r["b_shares"][str(w)], 16) for v, r in reveals.items()
                  if str(w) in r["b_shares"]}
        if len(shares) < threshold:
            raise RoundError(f"only {len(shares)} shares of slot {w}'s self-mask")
        total -= masking.prg(shamir.combine(shares, t=threshold), size)
    for v, reveal in reveals.items():
        for u, seed in reveal["pair_seeds"].items():
            total -= masking.pair_mask(bytes.fromhex(seed), size, v, int(u))
    return masking.centred(total)
