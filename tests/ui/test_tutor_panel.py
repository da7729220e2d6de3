"""The Tutor panel streams answers through the worker lane and stops on request."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.models import LoadState, ModelHost
from app.ui.main_window import MainWindow
from app.ui.tutor.chat_model import Sender
from inference.llm import GenerationParams
from inference.registry import load_registry, resolve
from tests.fakes import FakeChatEngine
from tests.ui.conftest import fake_host


def _window(qtbot, ctx, params=None) -> MainWindow:  # type: ignore[no-untyped-def]
    ctx.subject = load_pack(builtin_dir() / "fractions")  # the tutor answers from a subject
    window = MainWindow(ctx, params=params)
    qtbot.addWidget(window)
    window.show_learner_side()  # past sign-in (tested in test_signin.py)
    window.show()
    window.show_page(window.tutor)  # Home is the first page now
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
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=120_000) as done:
        _ask(qtbot, window, "What is a fraction?")
        assert window.tutor.stop_button.isEnabled() and not window.tutor.ask_button.isEnabled()
    model = window.tutor.model
    assert model.rowCount() == 2
    assert model.message(0).sender is Sender.LEARNER
    assert model.message(0).text == "What is a fraction?"
    assert model.message(1).text == "".join(engine.tokens).strip() == done.args[0]
    assert not model.message(1).streaming
    assert 1 <= len(changes) < len(engine.tokens)  # by sentence, not one update per token
    assert window.tutor.question.text() == ""
    assert not window.tutor.stop_button.isEnabled()


def test_the_sentence_being_written_shows_before_it_ends(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    sentence = "A fraction is one part of a whole that was cut into equal parts."
    engine = FakeChatEngine([w + " " for w in sentence.split()], delay_s=0.15)
    window = _window(qtbot, make_ctx(fake_host(engine)))
    model = window.tutor.model
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=120_000):
        _ask(qtbot, window, "What is a fraction?")
        # Long before the sentence's full stop, its beginning is on screen.
        qtbot.waitUntil(lambda: model.rowCount() == 2 and
                        model.data(model.index(1)).startswith("A fraction is"), timeout=120_000)
        assert engine.produced < len(engine.tokens) and model.message(1).text == ""
    assert model.message(1).text.startswith("A fraction is one part") and not model.message(1).draft


def test_still_thinking_shows_after_a_second_without_text(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from app.ui.tutor.chat_delegate import _bubble_html
    from app.ui.tutor.chat_model import ChatRoles

    engine = FakeChatEngine(["Let's ", "see. "], delay_s=1.6)
    window = _window(qtbot, make_ctx(fake_host(engine)))
    model = window.tutor.model
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=120_000):
        _ask(qtbot, window, "What is a fraction?")
        index = model.index(1)
        assert not model.data(index, ChatRoles.WAITING)  # "Thinking…" first
        qtbot.waitUntil(lambda: model.data(model.index(1), ChatRoles.WAITING), timeout=5_000)
        assert "Still thinking…" in _bubble_html(model.index(1), model.data(model.index(1)))
        qtbot.waitUntil(lambda: model.message(1).shown.startswith("Let's"), timeout=120_000)
        assert not model.message(1).waiting  # new text: the note goes
    assert not model.message(1).waiting and not window.tutor.silence.isActive()


def test_stop_cancels_within_one_token(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    engine = FakeChatEngine(delay_s=0.02)
    window = _window(qtbot, make_ctx(fake_host(engine)))
    _ask(qtbot, window, "What is a fraction?")
    qtbot.waitUntil(lambda: engine.produced >= 5, timeout=120_000)
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=120_000):
        produced_at_click = engine.produced
        qtbot.mouseClick(window.tutor.stop_button, Qt.MouseButton.LeftButton)
    assert engine.produced - produced_at_click <= 1
    last = window.tutor.model.message(1)
    assert last.stopped and not last.streaming
    assert window.tutor.model.data(window.tutor.model.index(1)).startswith("word0 word1")


def test_escape_stops_the_answer(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    engine = FakeChatEngine(delay_s=0.02)
    window = _window(qtbot, make_ctx(fake_host(engine)))
    _ask(qtbot, window, "What is a fraction?")
    qtbot.waitUntil(lambda: engine.produced >= 2, timeout=120_000)
    window.activateWindow()  # Esc belongs to the panel the learner is typing in
    window.tutor.question.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tutor.question)
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=120_000):
        qtbot.keyClick(window.tutor.question, Qt.Key.Key_Escape)
    assert engine.produced < len(engine.tokens)


def test_a_question_asked_while_models_load_is_answered_after(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    import time

    engine = FakeChatEngine(["ready"], delay_s=0)

    def slow_loader(spec, choice):  # type: ignore[no-untyped-def]
        time.sleep(0.5)
        return engine

    ctx = make_ctx(ModelHost(chat_loader=slow_loader))  # type: ignore[arg-type]
    ctx.subject = load_pack(builtin_dir() / "fractions")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.start_loading_models()
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=60_000):
        _ask(qtbot, window, "What is a numerator?")
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
    assert "not available" in window.status.chat_label.full_text
    _ask(qtbot, window, "What is a fraction?")
    qtbot.waitUntil(lambda: window.tutor.model.rowCount() == 3, timeout=120_000)
    notice = window.tutor.model.message(2)
    assert notice.sender is Sender.NOTICE and "damaged" in notice.text
    assert window.tutor.ask_button.isEnabled() is False  # empty box; not stuck busy
    assert not window.tutor.busy


@pytest.mark.slow
def test_the_real_model_streams_an_answer(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx()
    window = _window(qtbot, ctx, params=GenerationParams.deterministic(max_tokens=32))
    name = load_registry().default("chat").name
    assert window.status.chat_label.full_text.startswith(f"{name} · CPU · ")
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
    def chips() -> list[QPushButton]:
        return [b for b in window.tutor.findChildren(QPushButton)
                if b.objectName() == "suggestion" and not b.isHidden()]

    qtbot.waitUntil(lambda: len(chips()) == 3, timeout=120_000)  # the subject's first lessons
    first_lesson = sorted(window.ctx.subject.lessons, key=lambda x: x.order)[0]
    assert chips()[0].text() == first_lesson.title
    chips = chips()  # type: ignore[assignment]
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=120_000):
        qtbot.mouseClick(chips[1], Qt.MouseButton.LeftButton)
    assert window.tutor.model.message(0).text == chips[1].text()
    assert window.tutor.model.message(1).text.startswith("Leaves have chlorophyll.")


def test_an_off_topic_question_gets_ask_your_teacher_without_the_model(
        qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from app.core.tutor.service import NOT_IN_LESSONS

    engine = FakeChatEngine(["Paris."], delay_s=0)
    window = _window(qtbot, make_ctx(fake_host(engine)))
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=120_000) as done:
        _ask(qtbot, window, "What is the capital of France?")
    assert done.args[0] == NOT_IN_LESSONS and engine.produced == 0


def test_a_cited_answer_opens_the_lesson_at_its_passage(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from app.core.content.passages import pack_passages

    ctx = make_ctx(fake_host(FakeChatEngine([], delay_s=0)))
    window = _window(qtbot, ctx)
    passage = next(p for p in pack_passages(ctx.subject) if "numerator" in p.text.lower())
    engine = FakeChatEngine([passage.text.split(". ")[0] + ". "], delay_s=0)
    ctx.models._chat = engine  # the next answer quotes the lesson
    ctx.tutor._tutor = None
    with qtbot.waitSignal(window.tutor.answer_finished, timeout=120_000):
        _ask(qtbot, window, "What is a numerator?")
    message = window.tutor.model.message(1)
    assert message.sources
    assert all(f"[{s.number}]" in message.text for s in message.sources)
    qtbot.waitUntil(lambda: bool(window._packs), timeout=120_000)
    source = message.sources[0]
    with qtbot.waitSignal(window.tutor.source_opened) as opened:
        window.tutor._on_message_activated(window.tutor.model.index(1))
    assert opened.args == [source.pack_id, source.lesson_id, source.heading]
    learn = window.learning.learn
    assert window.pages.currentWidget() is learn
    assert learn.current == (source.pack_id, source.lesson_id)
    top = learn.reader.cursorForPosition(learn.reader.viewport().rect().topLeft())
    assert source.heading in top.block().text() or learn.reader.verticalScrollBar().value() > 0
