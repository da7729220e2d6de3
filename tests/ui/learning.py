"""Helpers for the learning-screen tests: a signed-in real AppContext and the real packs."""

from __future__ import annotations

from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.content.model import Pack, Question, QuestionType
from app.core.models import ModelHost
from app.ops.context import AppContext
from app.store import ProfileStore
from inference.cancel import CancelToken
from tests.store.constants import FAST_KDF, PASSPHRASE


def signed_in_context(host: ModelHost | None = None) -> AppContext:
    """A real context on the test's temp dirs with a real, unlocked SQLCipher profile."""
    ctx = AppContext.create(models=host)
    ctx.profiles = ProfileStore(ctx.paths.data / "profiles", kdf=FAST_KDF)

    def create() -> None:
        ctx.profile = ctx.profiles.create(nickname="Mia", avatar="fox", passphrase=PASSPHRASE)

    ctx.runner.submit("db", create).result(timeout=30)
    return ctx


def fractions() -> Pack:
    return load_pack(builtin_dir() / "fractions")


def attempts(ctx: AppContext) -> list[tuple[str, bool]]:
    """(question id, correct) of every stored answer, read on the db lane."""
    found: list[tuple[str, bool]] = []

    def read() -> None:  # the runner's future carries no result: collect here
        assert ctx.profile is not None
        found.extend((a.question_id, a.correct) for a in ctx.profile.attempts())

    ctx.runner.submit("db", read).result(timeout=30)
    return found


def wrong_choice(question: Question) -> int:
    return next(i for i, c in enumerate(question.choices) if not c.correct)


def right_choice(question: Question) -> int:
    return next(i for i, c in enumerate(question.choices) if c.correct)


def first_of(pack: Pack, kind: QuestionType) -> Question:
    return next(q for q in pack.questions if q.type is kind)


def load_models(ctx: AppContext) -> None:
    """Load the host's models on the inference lane, as the app does after showing."""
    ctx.runner.submit("inference", lambda: ctx.models.load_all(
        lambda _message, _fraction: None, CancelToken())).result(timeout=120)
