"""What the tutor needs between questions: the subject, its search index, the Tutor.

Lives in the app context and is used only on the inference lane (it builds indexes with
the embedding model and owns the :class:`Tutor`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from app.core.content.index import RetrievalIndex
from app.core.content.index_cache import load_or_build
from app.core.content.model import Pack
from app.core.learner.features import LearnerFeatures
from app.core.models import ModelHost
from app.core.tutor.policy import AIPolicy
from app.core.tutor.safety import SafetyFilter
from app.core.tutor.service import Setting, Tutor
from inference.cancel import CancelToken
from inference.params import GenerationParams

log = logging.getLogger(__name__)


@dataclass
class TutorSession:
    cache_dir: Path
    _tutor: Tutor | None = None
    _safety: SafetyFilter | None = None
    _indexes: dict[str, RetrievalIndex] = field(default_factory=dict)

    def tutor(self, models: ModelHost) -> Tutor:
        """The tutor over the loaded models (raises the load error if one failed)."""
        if self._tutor is None:
            self._tutor = Tutor(models.chat(), models.embed(), self.safety(models))
        return self._tutor

    def safety(self, models: ModelHost) -> SafetyFilter:
        """The one safety filter every tutor text passes (summaries and comments too)."""
        if self._safety is None:
            self._safety = SafetyFilter(models.embed())
        return self._safety

    def index(self, pack: Pack, models: ModelHost, cancel: CancelToken) -> RetrievalIndex:
        """The pack's retrieval index: in memory, else from the disk cache, else built."""
        key = pack.info.key
        if key not in self._indexes:
            sha = models.status("embed").spec.file(".onnx").sha256
            self._indexes[key] = load_or_build(
                pack, embedder=models.embed(), model_sha256=sha, cache_dir=self.cache_dir,
                progress=lambda _message, _fraction: None, cancel=cancel)
        return self._indexes[key]

    def setting(self, pack: Pack | None, models: ModelHost, policy: AIPolicy, *,
                cancel: CancelToken, open_lesson: str | None = None,
                learner: LearnerFeatures | None = None,
                params: GenerationParams | None = None) -> Setting:
        """Where the learner is; ``learner`` (their "About me") shapes the examples."""
        about = learner or LearnerFeatures()
        if pack is None:
            return Setting(None, policy=policy, params=params,
                           learner_note=about.tutor_note(), interests=about.interests)
        return Setting(self.index(pack, models, cancel), pack.info.language,
                       open_lesson=open_lesson, policy=policy, params=params,
                       learner_note=about.tutor_note(), interests=about.interests)
