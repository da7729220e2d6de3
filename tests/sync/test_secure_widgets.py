"""Class rounds in the teacher's sync settings: the preview in English and Chinese, then
a real step against a real hub, and a clear message when the stick has no round file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.sync.config import SyncConfig
from app.core.sync.secure_service import preview_words
from app.hub.db import HubDB
from app.hub.rounds import Rounds
from app.ui.i18n import UiLanguage, translated
from app.ui.sync.secure_round import SecurePreviewDialog
from tests.hub.conftest import Hub
from tests.sync.test_widgets import SKILLS, _connect, _on_db, _widget, hub, session
from tests.ui.conftest import make_ctx

__all__ = ["hub", "make_ctx", "session"]


@pytest.fixture
def chinese(qapp: QApplication, built_translations: Path) -> Iterator[UiLanguage]:
    ui = UiLanguage(qapp)
    assert ui.install("zh_CN")
    yield ui
    ui.remove()


def test_the_preview_says_what_the_class_sees_and_what_nobody_sees() -> None:
    words = preview_words(SyncConfig(class_name="6B"), SKILLS)
    text = " ".join(words)
    assert "class 6B" in text and "within about ±" in text
    assert "What nobody can see" in text and "two thirds of the laptops" in text
    assert "ε = 1 and δ = 1e-05" in text and "Skellam" in text
    assert "12 masked numbers" in text  # 2 skills x (4 buckets + tried + score)


def test_the_preview_in_chinese(qtbot: Any, chinese: UiLanguage) -> None:
    dialog = SecurePreviewDialog(preview_words(SyncConfig(class_name="6B"), SKILLS))
    qtbot.addWidget(dialog)
    text = dialog.words.text()
    assert "谁都看不到的内容" in text and "老师会看到的内容" in text and "6B" in text
    assert "ε = 1" in text and "What nobody" not in text
    assert dialog.join_button.text() == "参加"
    assert translated(preview_words(SyncConfig(), SKILLS)[0]).startswith("在班级轮次中")


def test_a_round_step_from_the_settings(qtbot: Any, session: Any, hub: Hub,
                                        tmp_path: Path) -> None:
    ctx, sync, _ = session
    widget = _widget(qtbot, ctx, sync)
    _connect(qtbot, widget, hub, hub.code(hub.add_class("6B")))
    box = widget.rounds
    assert box.lan_button.isEnabled() and box.usb_button.isEnabled()
    db = HubDB(hub.db_url)
    Rounds(db).open(1)
    db.close()
    with qtbot.waitSignal(box.preview_opened, timeout=20_000) as opened:
        qtbot.mouseClick(box.lan_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(box.status_changed, timeout=5_000):
        opened.args[0].reject()
    assert box.status.text() == "Nothing was sent."
    with qtbot.waitSignal(box.preview_opened, timeout=20_000) as opened:
        qtbot.mouseClick(box.lan_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(box.status_changed, timeout=20_000,
                          check_params_cb=lambda t: t.startswith("Step 1")):
        qtbot.mouseClick(opened.args[0].join_button, Qt.MouseButton.LeftButton)
    assert widget.config.approved_secure  # approved once: no preview next time
    # The only enrolled laptop sent its keys, so the hub closed step 1: fewer than 5
    # laptops cannot make a round, and the class page says so.
    assert "only 1 laptops sent keys" in hub.get("/classes/1")
    with qtbot.waitSignal(box.status_changed, timeout=20_000,
                          check_params_cb=lambda t: "erased" in t):
        qtbot.mouseClick(box.lan_button, Qt.MouseButton.LeftButton)
    assert _on_db(qtbot, ctx, lambda: sync.repo.conn.execute(
        "SELECT count(*) FROM settings WHERE key LIKE 'secagg:%'").fetchone()[0]) == 0
    stick = tmp_path / "stick"
    stick.mkdir()
    with qtbot.waitSignal(box.status_changed, timeout=20_000,
                          check_params_cb=lambda t: "no round file" in t):
        box.step(stick)
