"""The one object that holds the app's shared services, passed explicitly (no globals)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from app.core.models import ChatLoader, ModelHost
from app.core.tutor import Conversation
from app.core.tutor.policy import AIPolicy
from app.ops.tasks import TaskRunner
from app.paths import AppPaths
from app.settings import Settings, load_settings, save_settings
from app.teacher_settings import (
    TEACHER_FIELDS,
    active_models,
    distrusted,
    settings_trust,
    sign,
    verified,
)

if TYPE_CHECKING:
    from app.core.content.model import Pack
    from app.core.learner.features import LearnerFeatures
    from app.core.tutor.session import TutorSession
    from app.store import Profile, ProfileStore
    from app.store.pin import ClassKeyStatus
    from app.store.recovery import ClassRecoveryKey, UnlockedClassKey
    from inference.registry import Registry

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
    # The class key and its private halves while teacher mode is unlocked (they sign the
    # teacher settings); None otherwise. Set and cleared by app.ops.teacher.
    teacher_keys: tuple[ClassRecoveryKey, UnlockedClassKey] | None = None
    # The settings as verified at start, kept while a distrusting learner's session runs
    # on the safest ones (see distrust_for_session).
    _trusted_settings: Settings | None = field(default=None, init=False, repr=False)
    # What the signed-in learner's profile said about the class key at sign-in
    # (an app.store.pin.ClassKeyStatus), for the notice the learner sees; None signed out.
    class_key_status: ClassKeyStatus | None = None

    @classmethod
    def create(cls, paths: AppPaths | None = None, *, models: ModelHost | None = None
               ) -> AppContext:
        """Build the context on the GUI thread. Nothing slow happens here: models load later.

        The teacher's part of the settings is verified against the class key first; a
        refused one runs on the safest settings and this laptop's built-in models only.
        """
        paths = (paths or AppPaths.default()).ensure()
        settings = verified(load_settings(paths.settings_file), settings_trust(paths))
        host = models or ModelHost(
            registry=_builtin_registry() if settings.refused else None,
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

    def policy(self) -> AIPolicy:
        """The teacher's AI policy as it is now. Every path that grades, gives feedback,
        hints or chats reads it here when it starts, so a change on the teacher's page
        applies to the very next action."""
        return self.settings.ai_policy.to_policy()

    def save_settings(self) -> None:
        """Save; while teacher mode is unlocked the teacher's part is signed again.

        During a session whose learner distrusts the class key, only the learner's own
        choices are saved, over the settings as verified at start (whose signature stays
        valid): that key must not sign anything while it is not trusted.
        """
        if self._trusted_settings is not None:
            learner = self.settings.model_dump(exclude={*TEACHER_FIELDS, "teacher_seal"})
            save_settings(self._trusted_settings.model_copy(update=learner),
                          self.paths.settings_file)
            return
        if self.teacher_keys is not None:
            key, unlocked = self.teacher_keys
            signed = sign(self.settings, key, unlocked, active_models())
            self.settings.teacher_seal = signed.teacher_seal
            self.settings.refused = None
        save_settings(self.settings, self.paths.settings_file)

    def distrust_for_session(self) -> None:
        """The signed-in learner's profile does not trust this laptop's class key.

        Their session runs on the safest teacher settings, and a school server set up by
        that key's holder is not used (the tutor answers from this laptop).
        """
        if self._trusted_settings is None:
            self._trusted_settings = self.settings
        self.settings = distrusted(self._trusted_settings)
        self.models.use_local_chat()

    def end_session(self) -> None:
        """Back to the settings verified at start (after a distrusting learner signs out)."""
        self.class_key_status = None
        if self._trusted_settings is not None:
            self.settings, self._trusted_settings = self._trusted_settings, None

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


def _builtin_registry() -> Registry:
    from inference.registry import load_registry

    return load_registry()


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
