"""The teachers' page: the AI policy form changes what the tutor does, and is saved."""

from __future__ import annotations

from app.ops.context import AppContext
from app.settings import load_settings
from app.ui.teacher.page import TeacherPage
from app.ui.teacher.policy import NEVER


def test_policy_changes_apply_at_once_and_are_saved(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel, QWidget

    ctx = AppContext.create()
    page = TeacherPage(ctx, QWidget())
    qtbot.addWidget(page)
    try:
        assert not page.unlocked  # locked for learners until a teacher unlocks it
        page.mode.enter()  # the passphrase itself: test_teacher_mode.py
        assert page.unlocked
        form = page.policy
        with qtbot.waitSignal(form.saved, timeout=10_000):
            form.free_chat.setChecked(False)
        assert ctx.settings.ai_policy.to_policy().free_chat is False
        with qtbot.waitSignal(form.saved, timeout=10_000):
            form.reveal.setValue(NEVER)
        assert ctx.settings.ai_policy.to_policy().may_reveal(50) is False
        with qtbot.waitSignal(form.saved, timeout=10_000):
            form.language.setCurrentIndex(form.language.findData("zh-Hans"))
        saved = load_settings(ctx.paths.settings_file).ai_policy
        assert (saved.free_chat, saved.reveal_after_attempts, saved.answer_language) == (
            False, None, "zh-Hans")
        notes = page.sync_holder.findChildren(QLabel)
        assert notes and "signed in" in notes[0].text()  # sync is per learner profile
    finally:
        page.mode.leave()
        ctx.close()
