"""Settings → This laptop: the hardware-fit sentence, and the school-server choice."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.ui.main_window import MainWindow
from app.ui.settings.device_page import DevicePage
from app.ui.settings.models_section import ModelsSection
from app.ui.teacher.gate import TeacherMode
from inference.registry import load_registry, resolve
from inference.versions import full_registry
from tests.fakes import FakeChatEngine
from tests.ui.conftest import fake_host


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_first_start_measures_and_shows_a_plain_sentence(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    engine = FakeChatEngine([f"word{i} " for i in range(2000)], delay_s=0.002)
    ctx = make_ctx(fake_host(engine))
    window = MainWindow(ctx, measure_on_first_start=True)
    qtbot.addWidget(window)
    window.show()
    page = window.device_page
    with qtbot.waitSignal(window.models_ready, timeout=120_000):
        window.start_loading_models()
    qtbot.waitUntil(lambda: "words a second" in page.fit_label.text(), timeout=30_000)
    assert page.fit_label.text().startswith("This laptop writes about ")
    assert "Fake" in page.fit_label.text() or "tutor" in page.fit_label.text()
    assert "MB memory" in page.fit_details.text()
    saved = json.loads((ctx.paths.config / "hardware.json").read_text())
    assert saved["words_per_s"] > 0
    # Next start: the saved result is shown at once, nothing is measured again.
    again = DevicePage(make_ctx(fake_host(engine)), mode=TeacherMode(ctx))
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: "words a second" in again.fit_label.text(), timeout=10_000)


def test_a_server_that_is_down_is_explained_and_saving_keeps_the_choice(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(fake_host(FakeChatEngine()))
    mode = TeacherMode(ctx)
    page = DevicePage(ctx, mode=mode)
    qtbot.addWidget(page)
    page.show()
    assert not page.unlocked and not page.lan_radio.isVisible()  # a teacher control
    mode.enter()  # the passphrase itself is tested in test_teacher_mode.py
    assert page.lan_radio.isVisible()
    page.lan_radio.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Type the server's address first" in page.server_status.text()
    page.url_edit.setText(f"http://127.0.0.1:{_free_port()}")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "could not reach" in page.server_status.text(), timeout=10_000)
    assert "This laptop" in page.server_status.text()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.server_status.text().startswith("Saved."), timeout=10_000)
    saved = json.loads(ctx.paths.settings_file.read_text())
    assert saved["tutor_backend"] == "lan" and saved["lan_server_url"].startswith("http://127")


@pytest.mark.slow
def test_teacher_adds_a_model_switches_and_goes_back(qtbot, make_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    builtin = [m.id for m in load_registry().models if m.role == "chat"]
    spec = load_registry().default("chat")
    small = load_registry().get("qwen2.5-coder-0.5b-instruct-q4_k_m")  # the smaller file
    gguf = resolve(small) / small.file(".gguf").name
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "broken.gguf").write_bytes(gguf.read_bytes()[:5000])
    shutil.copyfile(gguf, usb / "tutor.Q4_K_M.gguf")
    section = ModelsSection(make_ctx(fake_host(FakeChatEngine())))
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.models.count() == len(builtin), timeout=10_000)
    section.add_file(usb / "broken.gguf")
    qtbot.waitUntil(lambda: "incomplete" in section.status.text(), timeout=30_000)
    assert section.add_button.isEnabled() and section.models.count() == len(builtin)
    section.add_file(usb / "tutor.Q4_K_M.gguf")
    qtbot.waitUntil(lambda: section.status.text().startswith("Added"), timeout=120_000)
    qtbot.waitUntil(lambda: section.models.count() == len(builtin) + 1, timeout=10_000)
    added = next(section.models.itemData(i) for i in range(section.models.count())
                 if section.models.itemData(i) not in builtin)
    section.models.setCurrentIndex(section.models.findData(added))
    qtbot.mouseClick(section.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "(in use)" in section.models.itemText(
        section.models.findData(added)), timeout=10_000)
    assert full_registry().default("chat").origin == "user"
    qtbot.mouseClick(section.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "(in use)" in section.models.itemText(
        section.models.findData(spec.id)), timeout=10_000)
    assert full_registry().default("chat").id == spec.id
