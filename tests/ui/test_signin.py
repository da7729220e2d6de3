"""The sign-in screen on real widgets, a real AppContext and real SQLCipher profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from app.ops import profiles as profile_ops
from app.ops.context import AppContext
from app.store import StoreError
from app.store.recovery import ClassRecoveryKey
from app.ui.main_window import MainWindow
from app.ui.signin.dialogs import ClassKeyDialog, NewProfileDialog, RecoveryDialog
from app.ui.style import apply_style

PASSPHRASE = "purple tiger jumps high"


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    return main


def names(window: MainWindow) -> list[str]:
    people = window.signin.people
    return [people.item(row).text() for row in range(people.count())]


def make_profile(window: MainWindow, qtbot: QtBot, nickname: str = "Mia") -> None:
    qtbot.mouseClick(window.signin.new_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(NewProfileDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.nickname, nickname)
    dialog.avatar.setCurrentIndex(2)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, PASSPHRASE)
    with qtbot.waitSignal(window.signin.signed_in, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def settle(ctx: AppContext) -> None:
    """Wait until the db lane has finished what was queued (e.g. the lock and backup)."""
    ctx.runner.submit("db", lambda: None).result(timeout=30)


def sign_in(window: MainWindow, qtbot: QtBot, passphrase: str) -> None:
    window.signin.passphrase.clear()
    qtbot.keyClicks(window.signin.passphrase, passphrase)
    qtbot.mouseClick(window.signin.sign_in_button, Qt.MouseButton.LeftButton)


def test_sign_in_comes_first_and_says_how_to_start(window: MainWindow, qtbot: QtBot) -> None:
    assert not window.signed_in
    qtbot.waitUntil(lambda: window.signin.message.isVisible())
    assert "I'm new here" in window.signin.message.text()


@pytest.mark.parametrize("width", [960, 720])
def test_every_link_shows_its_whole_text(window: MainWindow, qtbot: QtBot, ctx: AppContext,
                                         width: int) -> None:
    """In the app's own font they need more than the card's 600 px side by side: they
    stack instead of one being cut to "eachers: class recovery ke"."""
    apply_style(QApplication.instance(), ctx.settings)  # the look is restored after the test
    window.resize(width, 600)
    page = window.signin
    links = (page.forgot_button, page.change_button, page.teacher_button)
    qtbot.waitUntil(lambda: all(link.width() > 0 for link in links))
    for link in links:
        assert link.width() >= link.sizeHint().width(), link.text()
        assert link.mapTo(page, link.rect().topRight()).x() <= page.width()


def test_create_sign_out_wrong_then_right_passphrase(window: MainWindow, qtbot: QtBot,
                                                     ctx: AppContext) -> None:
    make_profile(window, qtbot)
    assert window.signed_in and "Mia" in window.learner.text()
    with qtbot.waitSignal(window.signed_out):
        qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    assert not window.signed_in
    qtbot.waitUntil(lambda: names(window) == ["Mia"])
    qtbot.waitUntil(lambda: ctx.profile is None)
    sign_in(window, qtbot, "purple tiger jumps low")
    qtbot.waitUntil(lambda: "doesn't match" in window.signin.message.text(), timeout=10_000)
    assert window.signin.message.text().startswith(
        "That passphrase doesn't match this profile.")
    assert window.signin.passphrase.text() == "" and not window.signed_in
    with qtbot.waitSignal(window.signin.signed_in, timeout=10_000):
        sign_in(window, qtbot, PASSPHRASE)
    assert window.signed_in and ctx.profile is not None


def test_new_profile_dialog_explains_mistakes(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(window.signin.new_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(NewProfileDialog)
    assert dialog is not None
    strength = dialog.findChild(QLabel, "strengthHint")
    assert strength is not None and "three or four words" in strength.text()
    qtbot.keyClicks(dialog.nickname, "Leo")
    qtbot.keyClicks(dialog.passphrase, "abc")
    assert "Too short" in strength.text()
    qtbot.keyClicks(dialog.repeat, "abd")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Too short" in dialog.message.text()  # refused first: no point comparing
    dialog.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "different" in dialog.message.text()
    assert dialog.isVisible() and not window.signed_in
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_idle_time_locks_the_profile(window: MainWindow, qtbot: QtBot,
                                     ctx: AppContext) -> None:
    window.idle.set_timeout(200)
    make_profile(window, qtbot)
    assert window.idle.active
    with qtbot.waitSignal(window.signed_out, timeout=5_000):
        pass
    assert not window.signed_in
    qtbot.waitUntil(lambda: ctx.profile is None)


def test_damaged_profile_offers_the_backup(window: MainWindow, qtbot: QtBot,
                                           ctx: AppContext) -> None:
    make_profile(window, qtbot)
    with qtbot.waitSignal(window.signed_out):
        window.sign_out()
    settle(ctx)
    qtbot.waitUntil(lambda: names(window) == ["Mia"])
    entry = ctx.profiles.profiles()[0]
    with ctx.profiles.db_path(entry.id).open("r+b") as fh:
        fh.write(os.urandom(4096))
    sign_in(window, qtbot, PASSPHRASE)
    qtbot.waitUntil(lambda: "damaged" in window.signin.message.text(), timeout=10_000)
    assert window.signin.restore_button.isVisible()
    assert "damaged" in window.signin.message.text()
    qtbot.mouseClick(window.signin.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "backup is back" in window.signin.message.text())
    with qtbot.waitSignal(window.signin.signed_in, timeout=10_000):
        sign_in(window, qtbot, PASSPHRASE)


def test_teacher_resets_a_forgotten_passphrase(window: MainWindow, qtbot: QtBot,
                                               ctx: AppContext) -> None:
    ctx.profiles.create_class_key("teacher owl passphrase")
    make_profile(window, qtbot, "Ana")
    window.sign_out()
    qtbot.waitUntil(lambda: names(window) == ["Ana"])
    qtbot.mouseClick(window.signin.forgot_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(RecoveryDialog)
    assert dialog is not None and dialog.key_file.text().endswith("class-recovery.json")
    qtbot.keyClicks(dialog.teacher, "teacher owl passphrase")
    qtbot.keyClicks(dialog.passphrase, "brand new words here")
    qtbot.keyClicks(dialog.repeat, "brand new words here")
    with qtbot.waitSignal(dialog.reset_done, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "new passphrase" in window.signin.message.text()
    with qtbot.waitSignal(window.signin.signed_in, timeout=10_000):
        sign_in(window, qtbot, "brand new words here")


def test_backup_export_and_import_run_on_the_db_lane(window: MainWindow, qtbot: QtBot,
                                                     ctx: AppContext, tmp_path: Path) -> None:
    make_profile(window, qtbot)
    target = tmp_path / "usb" / "mia.lantern-backup"
    target.parent.mkdir()
    with qtbot.waitCallback(timeout=10_000) as exported:
        profile_ops.export_backup(parent=window, ctx=ctx, target=target,
                                  on_done=exported, on_error=exported)
    assert exported.args == [target]
    with qtbot.waitCallback(timeout=10_000) as imported:
        profile_ops.import_backup(parent=window, ctx=ctx, source=target,
                                  on_done=imported, on_error=imported)
    error = imported.args[0]
    assert isinstance(error, StoreError) and "already on this computer" in str(error)


def test_teacher_creates_and_exports_the_class_key(window: MainWindow, qtbot: QtBot,
                                                   ctx: AppContext, tmp_path: Path) -> None:
    qtbot.mouseClick(window.signin.teacher_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ClassKeyDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.teacher, "teacher owl passphrase")
    qtbot.keyClicks(dialog.repeat, "teacher owl passphrase")
    qtbot.keyClicks(dialog.export_to, str(tmp_path / "usb-key.json"))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    exported = ClassRecoveryKey.load(tmp_path / "usb-key.json")
    assert exported.public == ClassRecoveryKey.load(ctx.profiles.class_key_path).public
    exported.unlock("teacher owl passphrase")
