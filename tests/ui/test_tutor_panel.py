"""The Tutor panel streams answers through the worker lane and stops on request."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.models import LoadState, ModelHost
from app.ui.main_window import MainWindow
from app.ui.tutor.chat_model import Sender
from inference.llm import GenerationParams
from inference.registry import load_registry, resolve
from tests.fakes import FakeChatEngine
from tests.ui.conftest import fake_host


def _window(qtbot, ctx, params=None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx, params=params)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.models_ready, timeout=120_000):
        window.start_loading_models()
    return window


def _ask(qtbot, window: MainWindow, question: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.tutor.question, question)
    qtbot.mouseClick(window.tutor.ask_button, Qt.MouseButton.LeftButton)


def test_an_answer_streams_into_the_view_in_batches(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    engine = FakeChatEngine([f"t{i} " for i in range(40)], delay_s=0.005)
    window = _window(qtbot, make_ctx(fake_host(engine)))
    changes: list[int] = []
    window.tutor.model.dataChanged.connect(lambda *_: changes.append(1))
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=20_000) as done:
        _ask(qtbot, window, "What is a fraction?")
        assert window.tutor.stop_button.isEnabled() and not window.tutor.ask_button.isEnabled()
    model = window.tutor.model
    assert model.rowCount() == 2
    assert model.message(0).sender is Sender.LEARNER
    assert model.message(0).text == "What is a fraction?"
    assert model.message(1).text == "".join(engine.tokens) == done.args[0]
    assert not model.message(1).streaming
    assert 1 <= len(changes) < len(engine.tokens)  # batched, not one update per token
    assert window.tutor.question.text() == ""
    assert not window.tutor.stop_button.isEnabled()


def test_stop_cancels_within_one_token(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    engine = FakeChatEngine(delay_s=0.02)
    window = _window(qtbot, make_ctx(fake_host(engine)))
    _ask(qtbot, window, "Tell me everything")
    qtbot.waitUntil(lambda: engine.produced >= 5, timeout=10_000)
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=10_000):
        produced_at_click = engine.produced
        qtbot.mouseClick(window.tutor.stop_button, Qt.MouseButton.LeftButton)
    assert engine.produced - produced_at_click <= 1
    last = window.tutor.model.message(1)
    assert last.stopped and not last.streaming
    assert window.tutor.model.data(window.tutor.model.index(1)).startswith("word0 word1")


def test_escape_stops_the_answer(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    engine = FakeChatEngine(delay_s=0.02)
    window = _window(qtbot, make_ctx(fake_host(engine)))
    _ask(qtbot, window, "Tell me everything")
    qtbot.waitUntil(lambda: engine.produced >= 2, timeout=10_000)
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=10_000):
        qtbot.keyClick(window.tutor.question, Qt.Key.Key_Escape)
    assert engine.produced < len(engine.tokens)


def test_a_question_asked_while_models_load_is_answered_after(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    import time

    engine = FakeChatEngine(["ready"], delay_s=0)

    def slow_loader(spec, choice):  # type: ignore[no-untyped-def]
        time.sleep(0.5)
        return engine

    window = MainWindow(make_ctx(ModelHost(chat_loader=slow_loader)))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    window.start_loading_models()
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=60_000):
        _ask(qtbot, window, "Are you there?")
        assert window.tutor.model.message(1).streaming  # visibly waiting, not frozen
    assert window.tutor.model.message(1).text == "ready"
    qtbot.waitUntil(lambda: window.status.progress.isHidden(), timeout=60_000)


def test_a_corrupt_model_shows_what_to_do_and_the_app_stays_open(
        qtbot, make_ctx, lantern_home: Path) -> None:  # type: ignore[no-untyped-def]
    spec = load_registry().default("chat")
    gguf = spec.file(".gguf")
    copy = lantern_home / "data" / "models" / spec.id / gguf.name
    copy.parent.mkdir(parents=True)
    shutil.copyfile(resolve(spec) / gguf.name, copy)
    with open(copy, "r+b") as fh:
        fh.seek(4096)
        fh.write(b"\x00\x01\x02")
    ctx = make_ctx()
    window = _window(qtbot, ctx)
    assert ctx.models.status("chat").state is LoadState.FAILED
    assert window.banner.isVisible()
    text = window.banner.label.text()
    assert "damaged" in text and "python -m inference fetch" in text
    assert "not available" in window.status.chat_label.text()
    _ask(qtbot, window, "What is a fraction?")
    qtbot.waitUntil(lambda: window.tutor.model.rowCount() == 3, timeout=10_000)
    notice = window.tutor.model.message(2)
    assert notice.sender is Sender.NOTICE and "damaged" in notice.text
    assert window.tutor.ask_button.isEnabled() is False  # empty box; not stuck busy
    assert not window.tutor.busy


@pytest.mark.slow
def test_the_real_model_streams_an_answer(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx()
    window = _window(qtbot, ctx, params=GenerationParams.deterministic(max_tokens=32))
    assert window.status.chat_label.text().startswith("SmolLM2-135M · CPU · ")
    chunks: list[str] = []
    window.tutor.model.dataChanged.connect(
        lambda *_: chunks.append(window.tutor.model.message(1).text))
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=120_000) as done:
        _ask(qtbot, window, "What is a fraction?")
    answer = done.args[0]
    assert len(answer.split()) >= 5
    assert window.tutor.model.message(1).text == answer
    assert len(chunks) >= 2  # it arrived in pieces, not all at once


def test_a_suggestion_button_asks_its_question(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    engine = FakeChatEngine(["Leaves ", "have ", "chlorophyll."], delay_s=0)
    window = _window(qtbot, make_ctx(fake_host(engine)))
    chips = [b for b in window.tutor.findChildren(QPushButton) if b.objectName() == "suggestion"]
    assert len(chips) == 3
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=10_000):
        qtbot.mouseClick(chips[1], Qt.MouseButton.LeftButton)
    assert window.tutor.model.message(0).text == chips[1].text()
    assert window.tutor.model.message(1).text == "Leaves have chlorophyll."
