"""The one object that holds the app's shared services, passed explicitly (no globals)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from app.core.models import ChatLoader, ModelHost
from app.core.tutor import Conversation
from app.ops.tasks import TaskRunner
from app.paths import AppPaths
from app.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:
    from app.core.content.model import Pack
    from app.core.learner.features import LearnerFeatures
    from app.core.tutor.session import TutorSession
    from app.store import Profile, ProfileStore

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings
    models: ModelHost
    runner: TaskRunner
    conversation: Conversation = field(default_factory=Conversation)
    # The subject the learner studies now (the tutor answers from it). GUI thread sets it.
    subject: Pack | None = None
    # The signed-in learner's profile, or None. It belongs to the "db" lane: read and
    # write it only inside work submitted there (ctx.runner.submit("db", ...)).
    profile: Profile | None = None
    # The signed-in learner's "About me" (interests, goal, pace) for the tutor's prompts.
    # Replaced whole (never mutated) on sign-in, save and sign-out, so the inference
    # lane may read it at any time.
    learner: LearnerFeatures | None = None

    @classmethod
    def create(cls, paths: AppPaths | None = None, *, models: ModelHost | None = None
               ) -> AppContext:
        """Build the context on the GUI thread. Nothing slow happens here: models load later."""
        paths = (paths or AppPaths.default()).ensure()
        settings = load_settings(paths.settings_file)
        host = models or ModelHost(
            chat_id=settings.chat_model, embed_id=settings.embed_model,
            force_cpu=settings.device == "cpu", threads=settings.threads,
            chat_loader=chat_loader_for(settings))
        return cls(paths=paths, settings=settings, models=host, runner=TaskRunner())

    # The profile store and the tutor's session are built on first use, on the lane that
    # needs them: their modules (SQLCipher, NumPy, bm25s) would delay the first window.
    @cached_property
    def profiles(self) -> ProfileStore:
        """The learner profiles on this computer; use it on the "db" lane."""
        from app.store import ProfileStore

        return ProfileStore(self.paths.data / "profiles")

    @cached_property
    def tutor(self) -> TutorSession:
        """The subject's index and the Tutor; use it on the "inference" lane."""
        from app.core.tutor.session import TutorSession

        return TutorSession(self.paths.cache)

    def save_settings(self) -> None:
        save_settings(self.settings, self.paths.settings_file)

    def close(self) -> None:
        """Lock the profile, stop background work, then free the models.

        The lock waits (at exit only) for the db lane to finish what it is doing, so the
        last answer is committed and the automatic backup is fresh.
        """
        if self.profile is not None:
            self.runner.submit("db", self.lock_profile).result(timeout=60)
        self.runner.shutdown(wait=True)
        self.models.close()

    def lock_profile(self) -> None:
        """Lock the signed-in profile, if any. Call on the "db" lane only."""
        profile, self.profile = self.profile, None
        self.learner = None
        if profile is not None:
            self.profiles.lock(profile)


def chat_loader_for(settings: Settings) -> ChatLoader | None:
    """None (this laptop's model), or the school server from Settings with a local fallback.

    The LAN modules are imported only when a server is configured: they are not needed
    for a start without one.
    """
    if settings.tutor_backend != "lan" or not settings.lan_server_url.strip():
        return None
    from app.core.lan import lan_loader
    from inference.remote import ServerConfig

    return lan_loader(ServerConfig(settings.lan_server_url.strip(),
                                   model=settings.lan_server_model.strip()))
