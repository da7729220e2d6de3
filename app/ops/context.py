"""The one object that holds the app's shared services, passed explicitly (no globals)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from app.core.lan import lan_loader
from app.core.models import ChatLoader, ModelHost
from app.core.tutor import Conversation
from app.ops.tasks import TaskRunner
from app.paths import AppPaths
from app.settings import Settings, load_settings, save_settings
from inference.loader import load_chat
from inference.remote import ServerConfig

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings
    models: ModelHost
    runner: TaskRunner
    conversation: Conversation = field(default_factory=Conversation)

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

    def save_settings(self) -> None:
        save_settings(self.settings, self.paths.settings_file)

    def close(self) -> None:
        """Stop background work, then free the models (in that order: a lane may use them)."""
        self.runner.shutdown(wait=True)
        self.models.close()


def chat_loader_for(settings: Settings) -> ChatLoader:
    """This laptop's model, or the school server from Settings (falling back to local)."""
    if settings.tutor_backend == "lan" and settings.lan_server_url.strip():
        return lan_loader(ServerConfig(settings.lan_server_url.strip(),
                                       model=settings.lan_server_model.strip()))
    return load_chat
