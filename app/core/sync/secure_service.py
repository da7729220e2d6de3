"""A laptop's step in its class's secure-aggregation rounds, over the LAN or a USB stick.

The hub's *bulletin* lists the class's recent rounds and which step each is at
(``app/hub/rounds.py``). :func:`answer_bulletin` does, for every round, whatever this
laptop owes it and returns the signed answers; the transports below fetch the bulletin
and deliver the answers. The round's secrets live in the encrypted profile (``settings``
rows ``secagg:<round>``) from step 1 until the round ends, then they are erased.

The week's ε is spent in the same transaction that records the masked summary, before
it is sent: it is never sent twice with different noise (a retry resends the same bytes),
and a week sent this way cannot also go out as a per-learner summary (same ledger rows).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.atomic import write_text_atomic
from app.core.sync import secure, skellam
from app.core.sync.aggregate import aggregate_week
from app.core.sync.config import SyncConfig
from app.core.sync.payload import Body, canonical, sign
from app.core.sync.records import Week
from app.core.sync.service import NotEnrolled, SyncSource
from app.core.sync.transport import TIMEOUT_S, _post
from app.messages import QT_TRANSLATE_NOOP, Message, message
from app.store.sync import BudgetExceeded, SyncRepository

BULLETIN_FORMAT = "lantern-round/1"
ANSWERS_FORMAT = "lantern-round-answers/1"
STATE_PREFIX = "secagg:"


class RoundFileError(Exception):
    """No usable round file on the stick; the message says what to do."""


@dataclass
class StepReport:
    envelopes: list[str] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # the hub's reasons, untranslated


# --- state in the profile (the store's SyncRepository owns the rows) -------------------
def _load(repo: SyncRepository, round_id: str) -> secure.RoundSecrets | None:
    text = repo.round_state(STATE_PREFIX + round_id)
    return secure.RoundSecrets.from_dict(json.loads(text)) if text else None


def _save(repo: SyncRepository, state: secure.RoundSecrets) -> None:
    repo.save_round_state(STATE_PREFIX + state.round_id, json.dumps(state.to_dict()))


def _forget(repo: SyncRepository, round_id: str) -> None:
    repo.forget_round_state(STATE_PREFIX + round_id)


def _spend_and_save(repo: SyncRepository, state: secure.RoundSecrets, *, week: Week,
                    epsilon: float, budget: float) -> None:
    """Record the week's spend and the masked summary together, or neither."""
    repo.commit_round_spend(
        week=week, epsilon=epsilon, budget=budget,
        detail=f"secure aggregation round {state.round_id}, delta={skellam.DELTA:g}",
        key=STATE_PREFIX + state.round_id, value=json.dumps(state.to_dict()))


# --- one step ------------------------------------------------------------------------------
def answer_bulletin(repo: SyncRepository, source: SyncSource, config: SyncConfig,
                    bulletin: dict[str, Any]) -> StepReport:
    """Everything this laptop owes the bulletin's rounds, signed, plus notes for people."""
    if not config.enrolled:
        raise NotEnrolled()
    if not config.enabled:
        raise RoundFileError(_SYNC_OFF)
    if bulletin.get("format") != BULLETIN_FORMAT:
        raise RoundFileError(_NOT_A_ROUND_FILE)
    report = StepReport()
    for data in bulletin.get("rounds") or []:
        info = secure.RoundInfo.from_dict(data)
        body = _answer_round(repo, source, config, info, report.notes)
        if body is not None:
            report.envelopes.append(sign(Body("", body), key_id=config.key_id,
                                         token=config.token))
    return report


def _answer_round(repo: SyncRepository, source: SyncSource, config: SyncConfig,
                  info: secure.RoundInfo, notes: list[Message]) -> str | None:
    state = _load(repo, info.round_id)
    week = Week(info.week)
    if info.phase in ("done", "aborted"):
        if state is not None:
            _forget(repo, info.round_id)
            notes.append(message(_ENDED if info.phase == "done" else _STOPPED, week=week))
        return None
    if info.phase == "keys":
        return _keys(repo, source, state, info, notes)
    if state is None:
        if repo.spent(week) == 0:
            notes.append(message(_NOT_IN_ROUND, week=week))
        return None
    if info.phase == "input":
        return _input(repo, source, config, state, info, notes)
    return _reveal(repo, state, info, notes)


def _keys(repo: SyncRepository, source: SyncSource, state: secure.RoundSecrets | None,
          info: secure.RoundInfo, notes: list[Message]) -> str | None:
    if state is None:
        if repo.spent(Week(info.week)) > 0:
            notes.append(message(_ALREADY_SENT, week=info.week))
            return None
        state = secure.RoundSecrets.new(info.round_id)
        state.sent["keys"] = secure.keys_body(state, list(source.skills()))
        _save(repo, state)
        notes.append(message(_KEYS_SENT, week=info.week))
    return state.sent["keys"]  # a repeat sends the same keys again: the hub counts once


def _input(repo: SyncRepository, source: SyncSource, config: SyncConfig,
           state: secure.RoundSecrets, info: secure.RoundInfo,
           notes: list[Message]) -> str | None:
    if "input" in state.sent:
        return state.sent["input"]
    if state.slot_in(info) is None or list(source.skills()) != list(info.skills):
        notes.append(message(_NOT_IN_ROUND, week=info.week))
        return None
    if info.epsilon > config.epsilon + 1e-9:
        notes.append(message(_EPSILON_TOO_BIG, week=info.week, asked=f"{info.epsilon:g}",
                             budget=f"{config.epsilon:g}"))
        return None
    figures = aggregate_week(week=Week(info.week), skills=list(info.skills),
                             attempts=source.attempts(), mastery=source.mastery())
    body = secure.input_body(state, info, figures)
    done = secure.RoundSecrets(state.round_id, state.c_private, state.s_private,
                               state.self_seed, "input", {**state.sent, "input": body})
    try:
        _spend_and_save(repo, done, week=Week(info.week), epsilon=info.epsilon,
                        budget=config.epsilon)
    except BudgetExceeded:
        notes.append(message(_ALREADY_SENT, week=info.week))
        return None
    notes.append(message(_INPUT_SENT, week=info.week, epsilon=f"{info.epsilon:g}"))
    return body


def _reveal(repo: SyncRepository, state: secure.RoundSecrets, info: secure.RoundInfo,
            notes: list[Message]) -> str | None:
    if "reveal" in state.sent:
        return state.sent["reveal"]
    if "input" not in state.sent:
        notes.append(message(_MISSED_INPUT, week=info.week))
        return None
    try:
        state.sent["reveal"] = secure.reveal_body(state, info)
    except secure.RoundError:
        notes.append(message(_NOT_COUNTED, week=info.week))
        return None
    state.stage = "reveal"
    _save(repo, state)
    notes.append(message(_REVEAL_SENT, week=info.week))
    return state.sent["reveal"]


# --- transports -----------------------------------------------------------------------------
def fetch_bulletin(config: SyncConfig) -> dict[str, Any]:
    """The class's bulletin from the hub over the LAN (a signed request).

    Raises:
        OSError: the hub cannot be reached; RoundFileError: it refused.
    """
    request = canonical({"format": secure.FORMAT, "step": "bulletin",
                         "nonce": secrets.token_hex(8)})
    envelope = sign(Body("", request), key_id=config.key_id, token=config.token)
    status, raw = _post(f"{config.hub_url.rstrip('/')}/api/rounds/bulletin",
                        envelope.encode(), timeout=TIMEOUT_S)
    if status != 200:
        raise RoundFileError(_HUB_REFUSED)
    return dict(json.loads(raw))


def step_http(repo: SyncRepository, source: SyncSource, config: SyncConfig) -> StepReport:
    """Fetch the bulletin, answer it, post every answer."""
    if not config.hub_url:
        raise NotEnrolled()
    report = answer_bulletin(repo, source, config, fetch_bulletin(config))
    for envelope in report.envelopes:
        status, raw = _post(f"{config.hub_url.rstrip('/')}/api/rounds/answer",
                            envelope.encode(), timeout=TIMEOUT_S)
        if status >= 300:
            report.refused.append(raw[:200].decode(errors="replace"))
    return report


def round_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("lantern-round-*.json"))


def step_usb(repo: SyncRepository, source: SyncSource, config: SyncConfig,
             folder: Path) -> tuple[StepReport, Path | None]:
    """Answer the class's round file on the stick; write the answers next to it.

    Raises:
        RoundFileError: no round file of this laptop's class is on the stick.
    """
    if not folder.is_dir():
        raise FileNotFoundError(message(QT_TRANSLATE_NOOP(
            "Sync", "The folder {folder} is not there. Plug in the USB stick and choose it "
            "again."), folder=folder))
    bulletin = _class_bulletin(folder, config.class_name)
    report = answer_bulletin(repo, source, config, bulletin)
    if not report.envelopes:
        return report, None
    target = folder / f"lantern-answers-{secrets.token_hex(6)}.json"
    write_text_atomic(target, json.dumps({"format": ANSWERS_FORMAT,
                                          "envelopes": [json.loads(e)
                                                        for e in report.envelopes]}))
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)  # a stick pulled out right after still has the file
    finally:
        os.close(fd)
    return report, target


def _class_bulletin(folder: Path, class_name: str) -> dict[str, Any]:
    for path in round_files(folder):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and data.get("format") == BULLETIN_FORMAT \
                and data.get("class_name") == class_name:
            return data
    raise RoundFileError(message(_NO_ROUND_FILE, name=class_name))


# --- the preview ------------------------------------------------------------------------------
def secure_shape(config: SyncConfig, skills: Sequence[str]) -> str:
    """What the preview approves: the format, ε and the skills (never the values)."""
    data = canonical({"format": secure.FORMAT, "epsilon": config.epsilon,
                      "skills": list(skills)})
    return hashlib.sha256(data.encode()).hexdigest()


def preview_words(config: SyncConfig, skills: Sequence[str], *,
                  class_size: int = 30) -> list[Message]:
    """What the class will see and what nobody can see, in sentences for people."""
    noise = skellam.calibrate(config.epsilon, len(skills))
    threshold = max(2, -(-2 * class_size // 3))
    half = 1.96 * (noise.variance(skellam.BUCKETS.name, class_size, threshold)) ** 0.5
    size = len(skills) * sum(g.per_skill for g in skellam.GROUPS)
    return [
        message(_P_WHAT, name=config.class_name or "?"),
        message(_P_CLASS_SEES, half=f"{half:.0f}", n=class_size),
        message(_P_NOBODY),
        message(_P_PRIVACY, epsilon=f"{config.epsilon:g}", delta=f"{skellam.DELTA:g}"),
        message(_P_SENT, size=size),
    ]


_ENDED = QT_TRANSLATE_NOOP("SecureRound", "The class round for {week} is finished; this "
                           "laptop's round secrets are erased.")
_STOPPED = QT_TRANSLATE_NOOP("SecureRound", "The class round for {week} was stopped at the "
                             "hub; this laptop's round secrets are erased.")
_NOT_IN_ROUND = QT_TRANSLATE_NOOP(
    "SecureRound", "This laptop is not in the class round for {week} (it sent its keys too "
    "late, or has other subjects installed). Its figures for that week can still go out as "
    "a per-learner summary: press “Send last week now”.")
_ALREADY_SENT = QT_TRANSLATE_NOOP(
    "SecureRound", "The figures for {week} have already left this laptop as a per-learner "
    "summary, so it does not join that week's class round.")
_KEYS_SENT = QT_TRANSLATE_NOOP("SecureRound", "Step 1 for {week}: this laptop's round keys "
                               "are ready for the hub.")
_EPSILON_TOO_BIG = QT_TRANSLATE_NOOP(
    "SecureRound", "The class round for {week} asks for ε = {asked}, more than this "
    "learner's weekly budget ({budget}); this laptop does not take part.")
_INPUT_SENT = QT_TRANSLATE_NOOP(
    "SecureRound", "Step 2 for {week}: this laptop's masked summary is ready for the hub "
    "(privacy ε = {epsilon} of this week's budget is spent).")
_MISSED_INPUT = QT_TRANSLATE_NOOP(
    "SecureRound", "This laptop missed step 2 of the class round for {week}; the class "
    "figures will be without it.")
_NOT_COUNTED = QT_TRANSLATE_NOOP(
    "SecureRound", "The hub did not count this laptop's summary for {week} in time, so it "
    "reveals nothing for that round.")
_REVEAL_SENT = QT_TRANSLATE_NOOP(
    "SecureRound", "Step 3 for {week}: the answer that lets the hub finish the class sum "
    "is ready.")
_HUB_REFUSED = QT_TRANSLATE_NOOP(
    "SecureRound", "The school hub refused to show this laptop its class rounds. Connect "
    "this laptop to the hub again in the sync settings.")
_SYNC_OFF = QT_TRANSLATE_NOOP("SecureRound", "Sync is off for this learner: turn it on "
                              "first to take part in class rounds.")
_NOT_A_ROUND_FILE = QT_TRANSLATE_NOOP("SecureRound", "This is not a Lantern round file.")
_NO_ROUND_FILE = QT_TRANSLATE_NOOP(
    "SecureRound", "There is no round file for the class {name} on this stick. At the hub, "
    "download the class's round file onto the stick first.")
_P_WHAT = QT_TRANSLATE_NOOP(
    "SecurePreview", "In a class round, this learner's summary of the week is added to "
    "those of the other laptops in class {name}. It leaves this laptop masked with random "
    "numbers that cancel out only when all the laptops' numbers are added up, so the hub "
    "learns the class total and nothing else.")
_P_CLASS_SEES = QT_TRANSLATE_NOOP(
    "SecurePreview", "What the teacher will see, for each skill: the share of the class at "
    "each mastery level (not yet, developing, secure, mastered), how many practised, and "
    "the class's share of right answers. Each figure is blurred once for the whole class: "
    "for a class of {n}, a count of learners is within about ±{half} of the truth.")
_P_NOBODY = QT_TRANSLATE_NOOP(
    "SecurePreview", "What nobody can see: this learner's own mastery levels, answers, "
    "times or name. Not the hub, not the teacher, not the other laptops. To uncover one "
    "laptop's summary, the hub would need the help of two thirds of the laptops in the "
    "round.")
_P_PRIVACY = QT_TRANSLATE_NOOP(
    "SecurePreview", "Privacy: each laptop adds a slice of random noise, so the class total "
    "is blurred as if once, centrally: ε = {epsilon} and δ = {delta} for the whole week "
    "(the published bound of the distributed Skellam mechanism). This spends the learner's "
    "weekly privacy budget; the week cannot also be sent as a per-learner summary.")
_P_SENT = QT_TRANSLATE_NOOP(
    "SecurePreview", "What this laptop sends: in step 1 two public keys; in step 2 {size} "
    "masked numbers that look random, and sealed pieces of a secret for the other laptops; "
    "in step 3 the pieces that let the hub remove the masks of laptops that dropped out.")
