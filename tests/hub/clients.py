"""Real learner laptops for hub tests: an encrypted profile, answers, an enrolment."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from app.core.sync.config import SyncConfig
from app.core.sync.service import Prepared, commit, prepare, save_config
from app.core.sync.source import ProfileSource
from app.core.sync.transport import enrol
from app.store import Profile, ProfileStore, SkillState
from app.store.sync import SyncRepository
from tests.store.constants import PASSPHRASE

SKILLS = ("fractions", "decimals", "percentages")
# Attempts are stored "now"; sync sends the finished week, so look from a week ahead.
NEXT_WEEK = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=7)
_names = itertools.count()


@dataclass
class Laptop:
    profile: Profile
    repo: SyncRepository
    config: SyncConfig

    def prepare(self) -> Prepared:
        return prepare(self.repo, ProfileSource(self.profile, SKILLS), self.config,
                       now=NEXT_WEEK)

    def queue(self) -> Prepared:
        prepared = self.prepare()
        commit(self.repo, prepared, self.config)
        return prepared


def laptop(store: ProfileStore, hub_url: str, code: str, number: int = 0) -> Laptop:
    """A learner profile with some practice, enrolled with the one-time ``code``."""
    profile = store.create(nickname=f"L{next(_names)}", avatar="fox", passphrase=PASSPHRASE)
    for i in range(3 + number % 4):
        profile.record_attempt(skill_id=SKILLS[i % 2], question_id=f"q{i}", question="?",
                               answer="a", correct=i % 3 != 0, score=1.0,
                               time_taken_s=40.0)
    profile.set_skill_state(SkillState("fractions", 0.2 + 0.15 * (number % 5), None, ""))
    enrolment = enrol(hub_url, code)
    config = SyncConfig(enabled=True, hub_url=enrolment.hub_url, key_id=enrolment.key_id,
                        token=enrolment.token, class_name=enrolment.class_name)
    repo = profile.sync
    save_config(repo, config)
    return Laptop(profile, repo, config)


def post(url: str, data: bytes) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())
