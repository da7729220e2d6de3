"""The learner's own settings and kept chats, in the real main window.

Real AppContext on temp dirs, a real SQLCipher profile made through the sign-in screen,
the real starter packs and embedding model; the chat model is a scripted engine that
records its prompts, so the tests can see what the tutor was told.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.ops.context import AppContext
from app.store import LearnerSettings, ProfileStore
from app.store.records import TutorMessage
from app.ui.i18n import translated
from app.ui.main_window import MainWindow
from app.ui.settings.about_me import AboutMeSection
from tests.fakes import ScriptedChatEngine
from tests.store.constants import FAST_KDF, PASSPHRASE
from tests.ui.conftest import fake_host
from tests.ui.learning import load_models
from tests.ui.test_signin import make_profile, settle, sign_in

ANSWER = "The numerator is the top number of a fraction. "
GOAL = "get ready for the test on Friday"


@pytest.fixture
def engine() -> ScriptedChatEngine:
    return ScriptedChatEngine(ANSWER)


@pytest.fixture
def window(engine: ScriptedChatEngine, qtbot: QtBot) -> Iterator[MainWindow]:
    ctx = AppContext.create(models=fake_host(engine))
    ctx.profiles = ProfileStore(ctx.paths.data / "profiles", kdf=FAST_KDF)
    load_models(ctx)
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1000, 700)
    main.show()
    make_profile(main, qtbot)
    home = main.learning.home
    qtbot.waitUntil(lambda: home.subject.count() > 0, timeout=10_000)
    home.subject.setCurrentIndex(home.subject.findData("fractions"))
    qtbot.waitUntil(lambda: home.pack is not None and home.pack.info.id == "fractions"
                    and bool(home.cards), timeout=10_000)
    yield main
    main.close()
    ctx.close()


def on_db(ctx: AppContext, read):  # type: ignore[no-untyped-def]
    """``read(profile)``, run on the db lane that owns the profile."""
    found = []  # the runner's future carries no result: collect here
    ctx.runner.submit("db", lambda: found.append(read(ctx.profile))).result(timeout=30)
    return found[0]


def about_me(window: MainWindow, qtbot: QtBot) -> AboutMeSection:
    section = window.settings.about_me
    window.show_page(window.settings)
    qtbot.waitUntil(section.isEnabled, timeout=10_000)
    return section


def tick(section: AboutMeSection, skill_id: str) -> None:
    for row in range(section.skills.count()):
        item = section.skills.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == skill_id:
            item.setCheckState(Qt.CheckState.Checked)


def ask(window: MainWindow, qtbot: QtBot, question: str) -> None:
    tutor = window.tutor
    window.show_page(tutor)
    qtbot.keyClicks(tutor.question, question)
    with qtbot.waitSignal(tutor.answer_finished, timeout=60_000):
        qtbot.mouseClick(tutor.ask_button, Qt.MouseButton.LeftButton)


def test_about_me_is_stored_encrypted_and_used_by_the_plan_and_the_tutor(
        window: MainWindow, qtbot: QtBot, engine: ScriptedChatEngine) -> None:
    ctx = window.ctx
    section = about_me(window, qtbot)
    assert "Sign in" not in section.status.text()
    qtbot.keyClicks(section.interests, "football, space")
    qtbot.keyClicks(section.goal, GOAL)
    tick(section, "fraction-meaning")
    section.pace.setCurrentIndex(section.pace.findData("fast"))
    with qtbot.waitSignal(section.saved, timeout=10_000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert section.status.text() == "Saved."
    stored: LearnerSettings = on_db(ctx, lambda p: p.learner_settings())
    assert (stored.interests, stored.goal, stored.goals, stored.pace) == (
        ["football", "space"], GOAL, ["fraction-meaning"], "fast")
    assert ctx.learner is not None and ctx.learner.interests == ("football", "space")

    # Home re-plans, and "Why this?" quotes the goal and the pace.
    home = window.learning.home
    qtbot.waitUntil(lambda: any(GOAL in translated(f.value) for card in home.cards
                                for f in card.rec.factors), timeout=10_000)
    card = next(c for c in home.cards if c.rec.skill_id == "fraction-meaning")
    labels = [translated(f.label) for f in card.rec.factors]
    assert "One of your goals" in labels and "Your pace" in labels
    shown = [value.text() for _name, value, _bar in card.factors.rows]
    assert any(GOAL in text for text in shown)

    # The tutor's examples: the grounded prompt names the learner's interests.
    ask(window, qtbot, "What is a numerator?")
    assert "football" in engine.prompt_text() and "space" in engine.prompt_text()


def test_too_many_interests_are_refused_with_a_message_and_nothing_is_lost(
        window: MainWindow, qtbot: QtBot) -> None:
    section = about_me(window, qtbot)
    typed = "cats, dogs, horses, space, football, music"
    qtbot.keyClicks(section.interests, typed)
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert "Up to 5 interests" in section.status.text()
    assert section.interests.text() == typed  # still there to be fixed
    assert on_db(window.ctx, lambda p: p.learner_settings()) == LearnerSettings()


def test_interests_typed_with_chinese_commas_are_split(window: MainWindow,
                                                       qtbot: QtBot) -> None:
    section = about_me(window, qtbot)
    section.interests.setText("足球，太空、画画")  # keyClicks types ASCII only
    with qtbot.waitSignal(section.saved, timeout=10_000) as saved:
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].interests == ["足球", "太空", "画画"]


def kept(window: MainWindow) -> list[TutorMessage]:
    return on_db(window.ctx, lambda p: p.tutor_messages("subject:fractions"))  # type: ignore[no-any-return]


def test_chats_are_kept_per_subject_restored_after_sign_in_and_cleared(
        window: MainWindow, qtbot: QtBot, engine: ScriptedChatEngine,
        monkeypatch: pytest.MonkeyPatch) -> None:
    subject = window.tutor.subject
    assert subject is not None
    subject.setCurrentIndex(subject.findData("fractions"))
    ask(window, qtbot, "What is a numerator?")
    qtbot.waitUntil(lambda: len(kept(window)) == 2, timeout=10_000)
    shown = window.tutor.model.message(1).text  # the cited answer, as the learner saw it
    assert shown.startswith("The numerator is the top number")
    assert [(m.role, m.content) for m in kept(window)] == [
        ("user", "What is a numerator?"), ("assistant", shown)]

    # Another subject has its own (empty) chat; coming back shows this one again.
    subject.setCurrentIndex(subject.findData("photosynthesis"))
    qtbot.waitUntil(lambda: window.tutor.model.rowCount() == 0, timeout=10_000)
    subject.setCurrentIndex(subject.findData("fractions"))
    qtbot.waitUntil(lambda: window.tutor.model.rowCount() == 2, timeout=10_000)

    # Signing out drops it from the screen; signing in brings it back.
    window.sign_out()
    settle(window.ctx)
    assert window.tutor.model.rowCount() == 0
    with qtbot.waitSignal(window.signin.signed_in, timeout=10_000):
        sign_in(window, qtbot, PASSPHRASE)
    tutor = window.tutor
    qtbot.waitUntil(lambda: tutor.model.rowCount() == 2, timeout=10_000)
    assert tutor.model.message(0).text == "What is a numerator?"
    assert tutor.model.message(1).text == shown
    ask(window, qtbot, "What is a denominator?")  # the tutor continues the kept chat
    assert {"role": "user", "content": "What is a numerator?"} in engine.prompts[-1]
    qtbot.waitUntil(lambda: len(kept(window)) == 4, timeout=10_000)

    # "Clear my chats", confirmed: gone from the profile and from the screen.
    section = about_me(window, qtbot)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(section.chats_cleared, timeout=10_000) as cleared:
        qtbot.mouseClick(section.clear_chats_button, Qt.MouseButton.LeftButton)
    assert cleared.args == [4]
    assert kept(window) == [] and tutor.model.rowCount() == 0
    assert "deleted" in section.status.text()


def test_about_me_waits_for_a_sign_in_and_forgets_the_last_learner(
        window: MainWindow, qtbot: QtBot) -> None:
    section = about_me(window, qtbot)
    qtbot.keyClicks(section.interests, "chess")
    with qtbot.waitSignal(section.saved, timeout=10_000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    window.sign_out()
    assert not section.isEnabled() and section.interests.text() == ""
    assert "Sign in" in section.status.text()
    settle(window.ctx)
    assert window.ctx.learner is None  # the tutor no longer knows the last learner
