"""The one object that holds the app's shared services, passed explicitly (no globals)."""

from __future__ import annotations

import logging
import threading
from functools import cached_property
from typing import TYPE_CHECKING

from app.look import Look, look_of, read_look
from app.ops.tasks import TaskRunner
from app.paths import AppPaths

if TYPE_CHECKING:
    from app.core.content.model import Pack
    from app.core.learner.features import LearnerFeatures
    from app.core.models import ChatLoader, ModelHost
    from app.core.tutor import Conversation
    from app.core.tutor.policy import AIPolicy
    from app.core.tutor.session import TutorSession
    from app.settings import Settings
    from app.store import Profile, ProfileStore
    from app.store.pin import ClassKeyStatus
    from app.store.recovery import ClassRecoveryKey, UnlockedClassKey
    from app.store.roster import ProfileCard
    from inference.registry import Registry

log = logging.getLogger(__name__)


class AppContext:
    """Paths, settings, models and lanes, and who is signed in.

    The first window's context defers its settings (pydantic, and the teacher's
    signature checked with the class key) and model host; the profile store and the
    tutor's session are always built on first use. That window reads only :attr:`look`
    and lists the profiles (:meth:`profile_list`), so it is painted before any of them
    exists; see docs/architecture.md, "Start-up".
    """

    def __init__(self, paths: AppPaths, runner: TaskRunner, *,
                 models: ModelHost | None = None) -> None:
        self.paths = paths
        self.runner = runner
        # The subject the learner studies now (the tutor answers from it). GUI thread sets it.
        self.subject: Pack | None = None
        # The signed-in learner's profile, or None. It belongs to the "db" lane: read and
        # write it only inside work submitted there (ctx.runner.submit("db", ...)).
        self.profile: Profile | None = None
        # The signed-in learner's "About me" (interests, goal, pace) for the tutor's
        # prompts. Replaced whole (never mutated) on sign-in, save and sign-out, so the
        # inference lane may read it at any time.
        self.learner: LearnerFeatures | None = None
        # The class key and its private halves while teacher mode is unlocked (they sign
        # the teacher settings); None otherwise. Set and cleared by app.ops.teacher.
        self.teacher_keys: tuple[ClassRecoveryKey, UnlockedClassKey] | None = None
        # What the signed-in learner's profile said about the class key at sign-in
        # (an app.store.pin.ClassKeyStatus), for the notice the learner sees; None signed
        # out.
        self.class_key_status: ClassKeyStatus | None = None
        # The settings as verified at start, kept while a distrusting learner's session
        # runs on the safest ones (see distrust_for_session).
        self._trusted_settings: Settings | None = None
        self._settings: Settings | None = None
        self._models = models
        self._first_look: Look | None = None
        self._loading = threading.Lock()  # the first use of settings or models

    @classmethod
    def create(cls, paths: AppPaths | None = None, *, models: ModelHost | None = None,
               defer_settings: bool = False) -> AppContext:
        """Build the context on the GUI thread; models load later.

        The settings are read and verified now, and the model host built, unless
        ``defer_settings``: then on first use. The app's first window defers them, and
        reads them right after its first paint (app.ui.warmup), before anything uses the
        teacher's part.
        """
        ctx = cls((paths or AppPaths.default()).ensure(), TaskRunner(), models=models)
        if not defer_settings:
            _ = ctx.models  # the settings first: "as verified at start"
        return ctx

    @property
    def settings(self) -> Settings:
        """The settings, loaded on first use.

        The teacher's part is verified against the class key first; a refused one runs
        on the safest settings and this laptop's built-in models only.
        """
        if self._settings is None:
            with self._loading:
                if self._settings is None:
                    self._settings = load_verified_settings(self.paths)
        return self._settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self._settings = settings

    @property
    def settings_loaded(self) -> bool:
        return self._settings is not None

    @property
    def look(self) -> Look:
        """Language, theme, text size and idle lock: the settings' once they are loaded,
        else read from the file alone (app.look), so the first window needs no pydantic."""
        if self._settings is not None:
            return look_of(self._settings)
        if self._first_look is None:
            self._first_look = read_look(self.paths.settings_file)
        return self._first_look

    @property
    def models(self) -> ModelHost:
        """The model host (nothing loaded yet), built from the settings on first use."""
        if self._models is None:
            settings = self.settings
            with self._loading:
                if self._models is None:
                    self._models = model_host_for(settings)
        return self._models

    @cached_property
    def conversation(self) -> Conversation:
        """The tutor's conversation; used on the inference lane (see app.ops.tutor)."""
        from app.core.tutor import Conversation

        return Conversation()

    # The profile store and the tutor's session are built on first use, on the lane that
    # needs them: their modules (SQLCipher, NumPy, bm25s) would delay the first window.
    @cached_property
    def profiles(self) -> ProfileStore:
        """The learner profiles on this computer; use it on the "db" lane."""
        from app.store import ProfileStore

        return ProfileStore(self.paths.data / "profiles")

    def profile_list(self) -> list[ProfileCard]:
        """The profiles for the sign-in screen, sorted by name; use it on the "db" lane.

        The same list as ``profiles.profiles()``. Before the store is built (the first
        window) it is read by :mod:`app.store.roster` alone: the store's modules (key
        wrapping, SQLCipher, cryptography, pydantic) are not needed to show names and
        avatars.
        """
        if "profiles" in self.__dict__:
            return [entry.card for entry in self.profiles.profiles()]
        from app.store.roster import read_cards

        return read_cards(self.paths.data / "profiles")

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
        from app.settings import save_settings
        from app.teacher_settings import TEACHER_FIELDS, active_models, sign

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
        from app.teacher_settings import distrusted

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
        if self._models is not None:
            self._models.close()

    def lock_profile(self) -> None:
        """Lock the signed-in profile, if any. Call on the "db" lane only."""
        profile, self.profile = self.profile, None
        self.learner = None
        if profile is not None:
            self.profiles.lock(profile)


def load_verified_settings(paths: AppPaths) -> Settings:
    """settings.json with its teacher part verified (app.teacher_settings)."""
    from app.settings import load_settings
    from app.teacher_settings import settings_trust, verified

    return verified(load_settings(paths.settings_file), settings_trust(paths))


def model_host_for(settings: Settings) -> ModelHost:
    """The model host the settings ask for (nothing is loaded yet)."""
    from app.core.models import ModelHost

    return ModelHost(
        registry=_builtin_registry() if settings.refused else None,
        chat_id=settings.chat_model, embed_id=settings.embed_model,
        force_cpu=settings.device == "cpu", threads=settings.threads,
        chat_loader=chat_loader_for(settings))


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
