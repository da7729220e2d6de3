"""Teacher mode on a real window: locked for learners, the passphrase dialogs, relocking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ops.context import AppContext
from app.store.teacher import TeacherPassphrase
from app.ui.main_window import MainWindow
from app.ui.signin.dialogs import ClassKeyDialog
from app.ui.teacher.gate import SetupDialog, UnlockDialog
from tests.ui.test_signin import make_profile

TEACHER = "owls read at midnight"


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    """A learner (Mia) is signed in; the For teachers page is shown."""
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    make_profile(main, qtbot)
    main.show_page(main.teacher)
    return main


def _open_dialog(window: MainWindow, qtbot: QtBot, button_text: str
                 ) -> SetupDialog | UnlockDialog:
    note = window.teacher.locked
    qtbot.mouseClick(note.button, Qt.MouseButton.LeftButton)
    def opened() -> SetupDialog | UnlockDialog | None:
        return window.findChild(UnlockDialog) or window.findChild(SetupDialog)

    qtbot.waitUntil(lambda: opened() is not None)
    dialog = opened()
    assert dialog is not None and dialog.isVisible()
    assert note.button.text() == button_text
    return dialog


def _unlock(window: MainWindow, qtbot: QtBot, passphrase: str) -> UnlockDialog:
    dialog = _open_dialog(window, qtbot, "Teacher: unlock…")
    assert isinstance(dialog, UnlockDialog)
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return dialog


def _assert_locked(window: MainWindow) -> None:
    assert not window.teacher.unlocked and not window.device_page.unlocked
    assert window.teacher.locked.isVisible() and not window.teacher.tabs.isVisible()
    window.teacher.tabs.setCurrentWidget(window.teacher.policy)
    assert not window.teacher.policy.free_chat.isVisible()
    assert not window.device_page.models_section.isVisibleTo(window.device_page)
    assert not window.device_page.lan_radio.isVisibleTo(window.device_page)


def test_learners_see_a_calm_locked_page_and_the_laptop_stays_readable(
        window: MainWindow, qtbot: QtBot) -> None:
    _assert_locked(window)
    assert "Ask your teacher" in window.teacher.locked.text.text()
    window.show_page(window.device_page)
    page = window.device_page
    assert page.locked.isVisible() and "Only a teacher" in page.locked.text.text()
    assert page.fit_label.isVisible() and page.in_use.text().startswith("The tutor")


def test_the_first_teacher_sets_the_passphrase_and_becomes_the_teacher(
        window: MainWindow, qtbot: QtBot, ctx: AppContext) -> None:
    dialog = _open_dialog(window, qtbot, "Teacher: set up teacher mode…")
    assert isinstance(dialog, SetupDialog)
    assert "becomes the teacher of this laptop" in dialog.intro.text()
    qtbot.keyClicks(dialog.passphrase, TEACHER)
    qtbot.keyClicks(dialog.repeat, "owls read at noon")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "different" in dialog.message.text()
    assert not window.teacher.unlocked and not TeacherPassphrase(ctx.profiles).is_set()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, TEACHER)
    with qtbot.waitSignal(window.teacher.mode.changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.teacher.unlocked and window.teacher.tabs.isVisible()
    assert window.device_page.unlocked
    TeacherPassphrase(ctx.profiles).verify(TEACHER)  # the class recovery key's passphrase


def test_wrong_passphrase_is_refused_right_one_unlocks_leave_relocks(
        window: MainWindow, qtbot: QtBot, ctx: AppContext) -> None:
    TeacherPassphrase(ctx.profiles).set_first(TEACHER)
    dialog = _unlock(window, qtbot, "owls read at noon")
    qtbot.waitUntil(lambda: "not this laptop's teacher passphrase" in dialog.message.text(),
                    timeout=10_000)
    assert dialog.isVisible() and dialog.passphrase.text() == ""
    _assert_locked(window)
    qtbot.keyClicks(dialog.passphrase, TEACHER)
    with qtbot.waitSignal(window.teacher.mode.changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    window.teacher.tabs.setCurrentWidget(window.teacher.policy)
    assert window.teacher.unlocked and window.teacher.policy.free_chat.isVisible()
    qtbot.mouseClick(window.teacher.leave_button, Qt.MouseButton.LeftButton)
    _assert_locked(window)


def test_sign_out_and_idle_relock(window: MainWindow, qtbot: QtBot, ctx: AppContext) -> None:
    TeacherPassphrase(ctx.profiles).set_first(TEACHER)
    mode = window.teacher.mode
    with qtbot.waitSignal(mode.changed, timeout=10_000):
        _unlock(window, qtbot, TEACHER)
    window.sign_out()
    assert not mode.unlocked
    make_profile(window, qtbot, "Ana")  # the next learner finds it locked
    window.show_page(window.teacher)
    _assert_locked(window)
    with qtbot.waitSignal(mode.changed, timeout=10_000):
        _unlock(window, qtbot, TEACHER)
    mode.idle.set_timeout(200)
    mode.idle.start()
    with qtbot.waitSignal(mode.changed, timeout=5_000):
        pass  # no input: teacher mode ends on its own, the learner stays signed in
    _assert_locked(window)
    assert window.signed_in


def test_a_damaged_teacher_file_is_explained_and_unlocks_nothing(
        window: MainWindow, qtbot: QtBot, ctx: AppContext) -> None:
    gate = TeacherPassphrase(ctx.profiles)
    gate.set_first(TEACHER)
    gate.path.write_text("{ damaged")
    dialog = _unlock(window, qtbot, TEACHER)
    qtbot.waitUntil(lambda: "damaged" in dialog.message.text(), timeout=10_000)
    assert "stays locked" in dialog.message.text()
    _assert_locked(window)


def test_replacing_the_class_key_on_the_sign_in_screen_needs_the_teacher_passphrase(
        window: MainWindow, qtbot: QtBot, ctx: AppContext) -> None:
    before, _ = TeacherPassphrase(ctx.profiles).set_first(TEACHER), None
    window.sign_out()
    qtbot.mouseClick(window.signin.teacher_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ClassKeyDialog)
    assert dialog is not None and dialog.current.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.teacher, "a learner takes over")
    qtbot.keyClicks(dialog.repeat, "a learner takes over")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not this laptop's teacher passphrase" in dialog.message.text(),
                    timeout=10_000)
    key, _ = TeacherPassphrase(ctx.profiles).verify(TEACHER)
    assert key.public == before.public  # nothing was replaced
    qtbot.keyClicks(dialog.current, TEACHER)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    TeacherPassphrase(ctx.profiles).verify("a learner takes over")
