"""The teacher's sync settings and the preview dialog, on real widgets, a real encrypted
profile on the ``db`` lane, and a real hub process on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.core.sync.source import ProfileSource
from app.ops.context import AppContext
from app.ops.sync import SyncSession
from app.store import Profile, ProfileStore
from app.ui.sync.preview import SyncPreviewDialog
from app.ui.sync.settings import SyncSettingsWidget
from tests.hub.conftest import Hub, running_hub
from tests.store.constants import PASSPHRASE
from tests.ui.conftest import make_ctx

__all__ = ["make_ctx"]
SKILLS = ("fractions", "decimals")


def _on_db(qtbot: Any, ctx: AppContext, work: Callable[[], Any]) -> Any:
    box: list[Any] = []
    ctx.runner.submit("db", work, on_success=box.append,
                      on_error=lambda e: box.append(e))
    qtbot.waitUntil(lambda: bool(box), timeout=20_000)
    if isinstance(box[0], Exception):
        raise box[0]
    return box[0]


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    with running_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}") as started:
        yield started


@pytest.fixture
def session(qtbot: Any, make_ctx: Callable[..., AppContext], store: ProfileStore
            ) -> Iterator[tuple[AppContext, SyncSession, Profile]]:
    ctx = make_ctx()

    def open_profile() -> Profile:
        profile = store.create(nickname="Mia", avatar="fox", passphrase=PASSPHRASE)
        profile.record_attempt(skill_id="fractions", question_id="q1", question="1/2+1/4?",
                               answer="3/4", correct=True, score=1.0, time_taken_s=45.0)
        return profile

    profile = _on_db(qtbot, ctx, open_profile)
    yield ctx, SyncSession(profile.sync, ProfileSource(profile, SKILLS)), \
        profile
    _on_db(qtbot, ctx, lambda: store.lock(profile))


def _widget(qtbot: Any, ctx: AppContext, session: SyncSession) -> SyncSettingsWidget:
    widget = SyncSettingsWidget(ctx, session)
    qtbot.addWidget(widget)
    qtbot.waitUntil(widget.isEnabled)
    return widget


def _connect(qtbot: Any, widget: SyncSettingsWidget, hub: Hub, code: str) -> None:
    widget.enabled.setChecked(True)
    qtbot.waitUntil(lambda: widget.config.enabled)
    widget.hub_url.setText(hub.url)
    qtbot.keyClicks(widget.class_code, code)
    with qtbot.waitSignal(widget.status_changed, timeout=20_000,
                          check_params_cb=lambda t: "Connected" in t or "enrolment code" in t):
        qtbot.mouseClick(widget.connect_button, Qt.MouseButton.LeftButton)


def test_sync_is_off_by_default(qtbot: Any, session: Any) -> None:
    ctx, sync, _ = session
    widget = _widget(qtbot, ctx, sync)
    assert not widget.enabled.isChecked()
    assert not widget.send_button.isEnabled() and not widget.usb_button.isEnabled()
    assert "nothing leaves this laptop" in widget.status.text()


def test_preview_shows_the_exact_json_then_sends(qtbot: Any, session: Any, hub: Hub) -> None:
    ctx, sync, _ = session
    widget = _widget(qtbot, ctx, sync)
    _connect(qtbot, widget, hub, hub.code(hub.add_class("6B")))
    assert widget.config.class_name == "6B" and widget.send_button.isEnabled()
    with qtbot.waitSignal(widget.preview_opened, timeout=20_000) as opened:
        qtbot.mouseClick(widget.send_button, Qt.MouseButton.LeftButton)
    dialog: SyncPreviewDialog = opened.args[0]
    shown = json.loads(dialog.json_view.toPlainText())
    assert shown == dialog.prepared.body.data  # exactly what is signed and sent
    assert [s["skill"] for s in shown["skills"]] == list(SKILLS)
    assert "Mia" not in dialog.json_view.toPlainText()
    assert "no date or time" in dialog.words.text()
    with qtbot.waitSignal(widget.status_changed, timeout=20_000,
                          check_params_cb=lambda t: t.startswith("Sent")):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert hub.health()["submissions"] == 1
    # The same week again: refused before any preview, with the reason.
    with qtbot.waitSignal(widget.status_changed, timeout=20_000,
                          check_params_cb=lambda t: "used up" in t):
        qtbot.mouseClick(widget.send_button, Qt.MouseButton.LeftButton)
    assert hub.health()["submissions"] == 1


def test_dont_send_spends_nothing(qtbot: Any, session: Any, hub: Hub) -> None:
    ctx, sync, _ = session
    widget = _widget(qtbot, ctx, sync)
    _connect(qtbot, widget, hub, hub.code(hub.add_class("6B")))
    with qtbot.waitSignal(widget.preview_opened, timeout=20_000) as opened:
        widget.send_now()
    with qtbot.waitSignal(widget.status_changed, timeout=5_000):
        qtbot.mouseClick(opened.args[0].cancel_button, Qt.MouseButton.LeftButton)
    assert widget.status.text() == "Nothing was sent."
    week = opened.args[0].prepared.week
    assert _on_db(qtbot, ctx, lambda: (sync.repo.spent(week), sync.repo.pending())) == (
        0.0, [])


def test_a_wrong_code_is_explained(qtbot: Any, session: Any, hub: Hub) -> None:
    ctx, sync, _ = session
    widget = _widget(qtbot, ctx, sync)
    hub.add_class("6B")
    _connect(qtbot, widget, hub, "WRONG123")
    assert "did not accept that enrolment code" in widget.status.text()
    assert not widget.config.enrolled and not widget.send_button.isEnabled()


def test_usb_export_writes_a_signed_file(qtbot: Any, session: Any, hub: Hub,
                                         tmp_path: Path) -> None:
    ctx, sync, _ = session
    widget = _widget(qtbot, ctx, sync)
    _connect(qtbot, widget, hub, hub.code(hub.add_class("6B")))
    stick = tmp_path / "stick"
    stick.mkdir()
    with qtbot.waitSignal(widget.preview_opened, timeout=20_000) as opened:
        widget.export_to_usb(stick)
    with qtbot.waitSignal(widget.status_changed, timeout=20_000,
                          check_params_cb=lambda t: t.startswith("Wrote")):
        qtbot.mouseClick(opened.args[0].send_button, Qt.MouseButton.LeftButton)
    files = list(stick.glob("lantern-sync-*.json"))
    assert len(files) == 1
    data = json.loads(files[0].read_text())
    assert data["format"] == "lantern-usb/1" and len(data["envelopes"]) == 1
    assert hub.health()["submissions"] == 0  # USB only: nothing went over the network


def test_session_for_the_signed_in_profile(qtbot: Any, make_ctx: Callable[..., AppContext]
                                           ) -> None:
    from app.ops.sync import NoProfile, open_session

    ctx = make_ctx()
    got: list[Any] = []
    open_session(parent=None, ctx=ctx, skills=SKILLS,  # type: ignore[arg-type]
                 on_done=got.append, on_error=got.append)
    qtbot.waitUntil(lambda: bool(got))
    assert isinstance(got[0], NoProfile) and "Sign in" in str(got[0])
    ctx.profile = _on_db(qtbot, ctx, lambda: ctx.profiles.create(
        nickname="Mia", avatar="fox", passphrase=PASSPHRASE))
    got.clear()
    open_session(parent=None, ctx=ctx, skills=SKILLS,  # type: ignore[arg-type]
                 on_done=got.append, on_error=got.append)
    qtbot.waitUntil(lambda: bool(got))
    assert isinstance(got[0], SyncSession) and tuple(got[0].source.skills()) == SKILLS
    assert _on_db(qtbot, ctx, lambda: got[0].repo.counts()) == {
        "sent": 0, "waiting": 0, "rejected": 0}


def test_a_sync_error_is_said_in_the_ui_language(qtbot: Any, session: Any, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 built_translations: Path) -> None:
    from PySide6.QtWidgets import QApplication, QFileDialog

    from app.ui.i18n import UiLanguage

    ui = UiLanguage(QApplication.instance())  # type: ignore[arg-type]
    assert ui.install("zh_CN")
    try:
        ctx, sync, _ = session
        widget = _widget(qtbot, ctx, sync)
        widget.enabled.setChecked(True)
        qtbot.waitUntil(lambda: widget.config.enabled)
        not_enrolment = tmp_path / "notes.json"
        not_enrolment.write_text("{}", encoding="utf-8")
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *_args: (str(not_enrolment), ""))
        with qtbot.waitSignal(widget.status_changed, timeout=20_000,
                              check_params_cb=lambda text: "notes.json" in text):
            widget.enrol_file_button.click()
        assert widget.status.text().startswith("notes.json 不是学校汇总服务器的注册文件")
    finally:
        ui.remove()


def test_a_missing_usb_folder_is_said_in_the_ui_language(
        qtbot: Any, session: Any, tmp_path: Path, built_translations: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from app.ui.i18n import UiLanguage

    ui = UiLanguage(QApplication.instance())  # type: ignore[arg-type]
    assert ui.install("zh_CN")
    try:
        ctx, sync, _ = session
        rounds = _widget(qtbot, ctx, sync).rounds
        gone = tmp_path / "stick"  # unplugged before the step ran
        with qtbot.waitSignal(rounds.preview_opened, timeout=10_000) as opened:
            rounds.step(gone)
        with qtbot.waitSignal(rounds.status_changed, timeout=20_000,
                              check_params_cb=lambda text: str(gone) in text):
            opened.args[0].accept()
        assert rounds.status.text() == f"找不到文件夹 {gone}。请插上 U 盘，再选一次。"
    finally:
        ui.remove()
