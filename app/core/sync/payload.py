"""The submission format, its plain-words preview, and HMAC signing with the device token.

A submission body is canonical JSON (sorted keys, no spaces) holding a random
submission id, the ISO week, ε, and per skill the noised figures and their noise
scales. It holds no learner id, nickname, device id or timestamp. The envelope adds the
enrolment's ``key_id`` (so the hub knows which token to check with) and the signature.
The body travels as a string so the hub verifies exactly the bytes that were signed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

from app.core.sync.privacy import RANGES, Release
from app.core.sync.records import BUCKETS, Week
from app.messages import QT_TRANSLATE_NOOP, message

FORMAT = "lantern-sync/1"
DIGITS = 3  # rounding after noising is post-processing: it costs no privacy


@dataclass(frozen=True)
class Body:
    submission_id: str
    text: str  # the canonical JSON that is signed and sent

    @property
    def data(self) -> dict[str, Any]:
        return dict(json.loads(self.text))


def new_submission_id() -> str:
    return secrets.token_hex(16)


def canonical(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), allow_nan=False)


def build_body(release: Release, week: Week, submission_id: str | None = None) -> Body:
    sid = submission_id or new_submission_id()
    skills = [{
        "skill": s.skill_id,
        **{name: round(value, DIGITS) for name, value in s.values.items()},
        "buckets": {name: round(v, DIGITS) for (name, _), v in zip(BUCKETS, s.buckets,
                                                                     strict=True)},
        "scale": {name: round(v, 6) for name, v in s.scales.items()},
    } for s in release.skills]
    data = {"format": FORMAT, "submission_id": sid, "week": week,
            "epsilon": release.epsilon, "skills": skills}
    return Body(submission_id=sid, text=canonical(data))


def shape_of(body: Body) -> str:
    """A digest of what kind of data leaves (format, fields, skills, ε), not the values.

    The preview dialog is shown again whenever this changes.
    """
    data = body.data
    skills = data["skills"]
    shape = {"format": data["format"], "epsilon": data["epsilon"],
             "skills": [s["skill"] for s in skills],
             "fields": sorted(skills[0]) if skills else []}
    return hashlib.sha256(canonical(shape).encode()).hexdigest()


def sign(body: Body, *, key_id: str, token: str) -> str:
    """The envelope, as the exact text written to the outbox and sent."""
    mac = hmac.new(token.encode(), body.text.encode(), hashlib.sha256).hexdigest()
    return canonical({"key_id": key_id, "body": body.text, "signature": mac})


def verify(envelope: dict[str, Any], token: str) -> bool:
    """True when ``envelope['body']`` was signed with ``token``. Constant time."""
    body, signature = envelope.get("body"), envelope.get("signature")
    if not isinstance(body, str) or not isinstance(signature, str):
        return False
    expected = hmac.new(token.encode(), body.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def plain_words(body: Body) -> list[str]:
    """The preview in sentences a teacher or learner can read."""
    data = body.data
    lines: list[str] = [
        message(QT_TRANSLATE_NOOP(
            "SyncPreview", "One anonymous summary for the week {week}. It has a random number "
            "({id}…) instead of a name, and no date or time."),
            week=data["week"], id=data["submission_id"][:8]),
        message(QT_TRANSLATE_NOOP(
            "SyncPreview", "Every number has been blurred with random noise on this laptop "
            "(privacy setting ε = {epsilon}), so nobody can tell what this learner did; only "
            "totals over many learners mean something."), epsilon=f"{data['epsilon']:g}"),
    ]
    for skill in data["skills"]:
        lines.append(message(QT_TRANSLATE_NOOP(
            "SyncPreview", "Skill “{skill}”: questions tried, right answers, minutes and "
            "mastery level, each only as a blurred number (here {attempts}, {correct} and "
            "{minutes}; blurred numbers can be negative or far too big)."),
            skill=skill["skill"], attempts=f"{skill['attempts']:.1f}",
            correct=f"{skill['correct']:.1f}", minutes=f"{skill['minutes']:.1f}"))
    lines.append(message(QT_TRANSLATE_NOOP(
        "SyncPreview", "Before blurring, the numbers are capped: {ranges}."),
        ranges=", ".join(f"{name} {low:g}-{high:g}" for name, (low, high) in RANGES.items())))
    return lines
