"""The learner's own settings ("About me") and kept tutor chats, on the ``db`` lane.

"About me" (interests, a goal in the learner's words, the skills it is about, pace) is
the profile's ``LearnerSettings`` row: encrypted with the rest of the profile. Saving it
also replaces ``ctx.learner``, which the tutor's prompts read on the inference lane.

Tutor chats are kept per subject (conversation id ``subject:<pack id>``), so coming
back to a subject shows what was said there; "Clear my chats" deletes them all.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject

from app.core.learner.features import LearnerFeatures
from app.messages import QT_TRANSLATE_NOOP
from app.ops.context import AppContext
from app.store import LearnerSettings, Profile, StoreError
from app.store.records import TutorMessage

OnError = Callable[[Exception], None]
# How many stored messages a subject's chat shows again (the newest ones).
RESTORED_MESSAGES = 40


def features_of(settings: LearnerSettings) -> LearnerFeatures:
    return LearnerFeatures.from_profile(settings.model_dump())


def signed_in_profile(ctx: AppContext) -> Profile:
    if ctx.profile is None:
        raise StoreError(QT_TRANSLATE_NOOP(
            "StoreError", "Sign in first: this belongs to a learner's profile."), hint="")
    return ctx.profile


def remember_learner(ctx: AppContext) -> None:
    """Read the signed-in learner's "About me" for the tutor. Call on the ``db`` lane."""
    ctx.learner = features_of(signed_in_profile(ctx).learner_settings())


def load_about_me(*, parent: QObject, ctx: AppContext,
                  on_done: Callable[[LearnerSettings], None],
                  on_error: OnError) -> Future[Any]:
    return ctx.runner.submit("db", lambda: signed_in_profile(ctx).learner_settings(),
                             parent=parent, on_success=on_done, on_error=on_error)


def save_about_me(*, parent: QObject, ctx: AppContext, settings: LearnerSettings,
                  on_done: Callable[[], None], on_error: OnError) -> Future[Any]:
    """Store ``settings`` (committed when ``on_done`` runs); the tutor uses them at once."""

    def work() -> None:
        signed_in_profile(ctx).set_learner_settings(settings)
        ctx.learner = features_of(settings)

    return ctx.runner.submit("db", work, parent=parent, on_success=lambda _none: on_done(),
                             on_error=on_error)


def conversation_id(pack_id: str) -> str:
    return f"subject:{pack_id}"


def load_chat(*, parent: QObject, ctx: AppContext, pack_id: str,
              on_done: Callable[[list[TutorMessage]], None],
              on_error: OnError) -> Future[Any]:
    """The subject's kept messages, oldest first; none when nobody is signed in."""

    def work() -> list[TutorMessage]:
        if ctx.profile is None:
            return []
        return ctx.profile.tutor_messages(conversation_id(pack_id), last=RESTORED_MESSAGES)

    return ctx.runner.submit("db", work, parent=parent, on_success=on_done,
                             on_error=on_error)


def keep_exchange(*, parent: QObject, ctx: AppContext, pack_id: str, question: str,
                  answer: str, on_error: OnError) -> Future[Any]:
    """Store one question and the answer the learner saw, in the subject's chat.

    Nothing is kept while nobody is signed in (there is no profile to keep it in).
    """

    def work() -> None:
        profile = ctx.profile
        if profile is None:
            return
        profile.add_tutor_message(conversation_id=conversation_id(pack_id), role="user",
                                  content=question)
        profile.add_tutor_message(conversation_id=conversation_id(pack_id),
                                  role="assistant", content=answer)

    return ctx.runner.submit("db", work, parent=parent, on_error=on_error)


def clear_chats(*, parent: QObject, ctx: AppContext, on_done: Callable[[int], None],
                on_error: OnError) -> Future[Any]:
    """Delete every kept tutor message of the signed-in learner; ``on_done(count)``."""
    return ctx.runner.submit("db", lambda: signed_in_profile(ctx).clear_tutor_messages(),
                             parent=parent, on_success=on_done, on_error=on_error)
