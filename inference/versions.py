"""Teacher-added models and their versions: a small JSON catalog in the user data dir.

Built-in models come from ``assets/models/registry.toml`` (read-only, inside the
bundle). Models a teacher adds live in ``<user data>/models/<family>-v<N>/`` and are
listed in ``<user data>/models/catalog.json``, never in ``assets/``. Each addition to a
family is a new numbered version; ``use`` makes one the active model for its role and
remembers the previous choice, so ``rollback`` can go back to it.

The catalog file is small and written atomically; a damaged one is kept aside as
``catalog.json.bad`` and the built-in models keep working.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from inference.errors import InferenceError, ModelNotFound
from inference.registry import ModelSpec, Registry, Role, load_registry, parse_file
from inference.resources import user_data_dir

log = logging.getLogger(__name__)

SCHEMA = 1


def user_models_dir() -> Path:
    return user_data_dir() / "models"


def catalog_path() -> Path:
    return user_models_dir() / "catalog.json"


@dataclass
class Catalog:
    """The teacher's models, which one is active per role, and the choices before it."""

    path: Path
    models: list[ModelSpec] = field(default_factory=list)
    active: dict[str, str] = field(default_factory=dict)  # role -> model id
    history: dict[str, list[str]] = field(default_factory=dict)  # role -> earlier ids

    @classmethod
    def load(cls, path: Path | None = None) -> Catalog:
        path = path or catalog_path()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, [_spec(m) for m in data["models"]], dict(data["active"]),
                       {k: list(v) for k, v in data["history"].items()})
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("model catalog %s is unreadable (%s); kept aside", path, exc)
            path.replace(path.with_name(path.name + ".bad"))
            return cls(path)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"schema": SCHEMA, "models": [dataclasses.asdict(m) for m in self.models],
                "active": self.active, "history": self.history}
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)

    def next_version(self, family: str) -> int:
        return 1 + max((m.version for m in self.models if m.family == family), default=0)

    def add(self, spec: ModelSpec) -> None:
        self.models.append(spec)

    def find_sha256(self, sha256: str) -> ModelSpec | None:
        return next((m for m in self.models if m.files[0].sha256 == sha256), None)

    def use(self, spec: ModelSpec, registry: Registry) -> None:
        """Make ``spec`` the active model for its role; the old choice can be rolled back."""
        previous = self.active_id(spec.role, registry)
        if previous != spec.id:
            self.history.setdefault(spec.role, []).append(previous)
        self.active[spec.role] = spec.id

    def rollback(self, role: Role, registry: Registry) -> str:
        """Go back to the model used before the last ``use``; returns its id."""
        earlier = self.history.get(role) or []
        known = {m.id for m in registry.models}
        while earlier:
            model_id = earlier.pop()
            if model_id in known:
                self.active[role] = model_id
                return model_id
        raise InferenceError(f"There is no earlier {role} model to go back to.",
                             hint="Use `models list` to see the models you can choose.")

    def remove(self, model_id: str, registry: Registry) -> ModelSpec:
        """Forget a teacher-added model; the active one must be switched away from first."""
        spec = next((m for m in self.models if m.id == model_id), None)
        if spec is None:
            raise ModelNotFound(f"No teacher-added model is called '{model_id}'.",
                                hint="Built-in models cannot be removed. "
                                     "Use `models list` to see the ids.")
        if self.active_id(spec.role, registry) == model_id:
            raise InferenceError(f"{model_id} is the model in use, so it was not removed.",
                                 hint="Switch to another model with `models use` first.")
        self.models.remove(spec)
        for ids in self.history.values():
            ids[:] = [i for i in ids if i != model_id]
        return spec

    def active_id(self, role: str, registry: Registry) -> str:
        chosen = self.active.get(role)
        if chosen and any(m.id == chosen for m in registry.models):
            return chosen
        return registry.default(role).id  # type: ignore[arg-type]


def full_registry(catalog: Catalog | None = None, builtin: Registry | None = None) -> Registry:
    """Built-in and teacher-added models together; the active one per role is the default."""
    catalog = catalog or Catalog.load()
    builtin = builtin or load_registry()
    merged = Registry(models=builtin.models + tuple(catalog.models))
    models = []
    for m in merged.models:
        chosen = catalog.active.get(m.role)
        is_default = (m.id == chosen) if chosen and _known(merged, chosen) else m.default
        models.append(replace(m, default=is_default))
    return Registry(models=tuple(models))


def _known(registry: Registry, model_id: str) -> bool:
    return any(m.id == model_id for m in registry.models)


def _spec(raw: dict[str, Any]) -> ModelSpec:
    files = tuple(parse_file(f) for f in raw.pop("files"))
    return ModelSpec(files=files, **raw)
