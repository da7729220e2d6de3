"""The sign-in and teacher dialogs as a first-time user meets them: where typing goes,
what Enter does, a short passphrase, and a message that must not be clipped."""

from __future__ import annotations

import warnings

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.ops.context import AppContext
from app.store.teacher import TeacherPassphrase
from app.ui.main_window import MainWindow
from app.ui.signin.dialogs import NewProfileDialog, RecoveryDialog
from app.ui.teacher.gate import SetupDialog, UnlockDialog
from tests.ui.test_signin import make_profile

TEACHER = "owls read at midnight"


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    return main


def _activate(window: QWidget, qtbot: QtBot) -> None:
    """Make ``window`` the active one, as the window manager does for a new dialog (the
    offscreen platform has none, and activateWindow() alone raced the main window)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _opened(window: MainWindow, kind: type[QDialog], qtbot: QtBot) -> QDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(kind)))
    dialog = next(d for d in window.findChildren(kind) if d.isVisible())
    _activate(dialog, qtbot)
    return dialog


def test_the_new_profile_dialog_types_into_its_nickname_and_enter_refuses_an_empty_form(
        window: MainWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(window.signin.new_button, Qt.MouseButton.LeftButton)
    dialog = _opened(window, NewProfileDialog, qtbot)
    assert isinstance(dialog, NewProfileDialog)
    assert QApplication.focusWidget() is dialog.nickname
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.isVisible()
    assert dialog.message.text() == "Please choose a nickname."
    assert QApplication.focusWidget() is dialog.nickname


def test_a_short_passphrase_is_refused_before_it_is_typed_twice(
        window: MainWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(window.signin.new_button, Qt.MouseButton.LeftButton)
    dialog = _opened(window, NewProfileDialog, qtbot)
    assert isinstance(dialog, NewProfileDialog)
    qtbot.keyClicks(dialog.nickname, "Mia")
    dialog.passphrase.setFocus()
    qtbot.keyClicks(dialog.passphrase, "cat")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Tab)  # on to "Again"
    assert dialog.message.isVisible() and "Too short" in dialog.message.text()
    assert QApplication.focusWidget() is dialog.passphrase and not dialog.repeat.text()
    qtbot.keyClicks(dialog.passphrase, " sat on the mat")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Tab)
    assert not dialog.message.isVisible()  # fixed: the message goes


def test_the_recovery_dialog_starts_at_the_teacher_passphrase(
        window: MainWindow, qtbot: QtBot) -> None:
    make_profile(window, qtbot)
    qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.signin.people.count() == 1)
    window.signin.people.setCurrentRow(0)
    qtbot.mouseClick(window.signin.forgot_button, Qt.MouseButton.LeftButton)
    dialog = _opened(window, RecoveryDialog, qtbot)
    assert isinstance(dialog, RecoveryDialog)
    assert QApplication.focusWidget() is dialog.teacher  # the key file is filled in


def _teacher_dialog(window: MainWindow, qtbot: QtBot) -> QDialog:
    make_profile(window, qtbot)
    window.show_page(window.teacher)
    qtbot.mouseClick(window.teacher.locked.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in
                                (*window.findChildren(UnlockDialog),
                                 *window.findChildren(SetupDialog))))
    dialog = window.findChild(UnlockDialog) or window.findChild(SetupDialog)
    assert dialog is not None
    _activate(dialog, qtbot)
    return dialog


def test_the_unlock_dialog_types_into_the_passphrase_and_shows_its_whole_error(
        window: MainWindow, qtbot: QtBot, ctx: AppContext) -> None:
    TeacherPassphrase(ctx.profiles).set_first(TEACHER)
    dialog = _teacher_dialog(window, qtbot)
    assert isinstance(dialog, UnlockDialog)
    assert QApplication.focusWidget() is dialog.passphrase
    qtbot.keyClicks(dialog.passphrase, "owls read at noon")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled() and dialog.message.isVisible())
    message = dialog.message
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()))
    for widget in (dialog.intro, message, dialog.ok_button):
        bottom = widget.mapTo(dialog, widget.rect().bottomLeft()).y()
        assert bottom <= dialog.height(), f"{type(widget).__name__} is cut off"


def test_the_first_teacher_passphrase_is_refused_when_short_before_the_second_box(
        window: MainWindow, qtbot: QtBot) -> None:
    dialog = _teacher_dialog(window, qtbot)
    assert isinstance(dialog, SetupDialog)
    assert QApplication.focusWidget() is dialog.passphrase
    qtbot.keyClicks(dialog.passphrase, "owl")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Tab)
    assert dialog.message.isVisible() and "Too short" in dialog.message.text()
    assert QApplication.focusWidget() is dialog.passphrase


def test_clicking_a_name_on_the_sign_in_screen_puts_the_keys_in_the_passphrase(
        window: MainWindow, qtbot: QtBot) -> None:
    make_profile(window, qtbot)
    qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    people = window.signin.people
    qtbot.waitUntil(lambda: people.count() == 1)
    _activate(window, qtbot)
    people.setFocus()
    rect = people.visualItemRect(people.item(0))
    qtbot.mouseClick(people.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert QApplication.focusWidget() is window.signin.passphrase
