"""What learners and teachers are told: a changed class key, refused teacher settings."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ops.context import AppContext
from app.settings import load_settings
from app.store import ProfileStore
from app.store.teacher import TeacherPassphrase
from app.teacher_settings import Refusal, settings_trust, verified
from app.ui.main_window import MainWindow
from app.ui.signin.dialogs import ChangePassphraseDialog
from tests.store.constants import FAST_KDF
from tests.ui.test_signin import PASSPHRASE, make_profile, names, sign_in
from tests.ui.test_teacher_mode import _unlock

TEACHER = "owls read at midnight"
ATTACKER = "my own sneaky phrase here"


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    return main


def test_a_learner_is_told_when_the_class_key_changed_without_a_signature(
        window: MainWindow, qtbot: QtBot, ctx: AppContext) -> None:
    TeacherPassphrase(ctx.profiles).set_first(TEACHER)
    make_profile(window, qtbot)  # pins the teacher's class key
    assert window.class_key_note.isHidden()
    window.sign_out()
    qtbot.waitUntil(lambda: names(window) == ["Mia"])
    TeacherPassphrase(ctx.profiles).replace(ATTACKER)  # no current passphrase: unsigned
    with qtbot.waitSignal(window.signin.signed_in, timeout=10_000):
        sign_in(window, qtbot, PASSPHRASE)
    assert window.class_key_note.isVisible()
    assert "not the one your profile trusts" in window.class_key_note.label.text()
    assert ctx.settings.refused is Refusal.UNTRUSTED_KEY and not ctx.settings.ai_policy.free_chat
    window.sign_out()
    assert window.class_key_note.isHidden() and ctx.settings.refused is None


@pytest.fixture
def edited(qtbot: QtBot) -> Iterator[AppContext]:
    """The next start after a student edited settings.json on a laptop with a teacher."""
    first = AppContext.create()
    TeacherPassphrase(first.profiles).set_first(TEACHER)
    first.close()
    first.paths.settings_file.write_text(json.dumps({
        "tutor_backend": "lan", "lan_server_url": "http://10.0.0.66:8080"}))
    context = AppContext.create()
    yield context
    context.close()


def test_the_teacher_is_told_about_an_edited_settings_file_and_can_sign_again(
        edited: AppContext, qtbot: QtBot) -> None:
    ctx = edited
    assert ctx.settings.lan_server_url == ""  # the student's server is not used
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    make_profile(main, qtbot)
    main.show_page(main.teacher)
    _unlock(main, qtbot, TEACHER)
    qtbot.waitUntil(lambda: main.teacher.unlocked, timeout=10_000)
    page = main.teacher.policy
    main.teacher.tabs.setCurrentWidget(page)
    assert page.refused_note.isVisible()
    assert "not signed" in page.refused_note.text()
    qtbot.mouseClick(page.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.refused_note.isVisible(), timeout=10_000)
    reloaded = verified(load_settings(ctx.paths.settings_file), settings_trust(ctx.paths))
    assert reloaded.refused is None and reloaded.tutor_backend == "local"


def test_a_learner_changes_the_passphrase_and_the_old_one_is_revoked(
        window: MainWindow, qtbot: QtBot, ctx: AppContext) -> None:
    make_profile(window, qtbot)
    window.sign_out()
    qtbot.waitUntil(lambda: names(window) == ["Mia"])
    old_index = (ctx.profiles.root / "profiles.json").read_bytes()
    qtbot.mouseClick(window.signin.change_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ChangePassphraseDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    qtbot.keyClicks(dialog.passphrase, "qwerty123")
    qtbot.keyClicks(dialog.repeat, "qwerty123")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "For example:" in dialog.message.text(), timeout=10_000)
    for field in (dialog.passphrase, dialog.repeat):
        field.clear()
        qtbot.keyClicks(field, "green kite over hills")
    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Sign in with the new one" in window.signin.message.text()
    # An old copy of profiles.json and the old passphrase open nothing any more.
    (ctx.profiles.root / "profiles.json").write_bytes(old_index)
    ctx.profiles = ProfileStore(ctx.profiles.root, kdf=FAST_KDF)
    window.signin.refresh()
    qtbot.waitUntil(lambda: names(window) == ["Mia"])
    sign_in(window, qtbot, PASSPHRASE)
    qtbot.waitUntil(lambda: "damaged" in window.signin.message.text(), timeout=10_000)
    assert not window.signed_in
