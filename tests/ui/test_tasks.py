"""The task runner: results reach the GUI thread, in order, even under heavy traffic."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from app.ops.tasks import BACKGROUND_NICENESS, TaskRunner

POSTS = 3000


def test_posts_from_a_lane_arrive_in_order_while_the_gui_builds_widgets(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Regression: emitting Qt signals from lanes deadlocked against show() in CI."""
    runner = TaskRunner()
    arrived: list[int] = []
    gui = threading.get_ident()
    threads: set[int] = set()

    def flood() -> None:
        for i in range(POSTS):
            runner.post(lambda i=i: (arrived.append(i), threads.add(threading.get_ident())))

    try:
        runner.submit("io", flood)
        for _ in range(40):  # show() polishes and connects: the path that deadlocked
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.addWidget(QLabel("x"))
            layout.addWidget(QComboBox())
            box.show()
            box.deleteLater()
            qtbot.wait(1)
        qtbot.waitUntil(lambda: len(arrived) == POSTS, timeout=60_000)
    finally:
        runner.shutdown()
    assert arrived == list(range(POSTS)) and threads == {gui}


def test_outcomes_reach_their_callbacks_and_a_deleted_parent_gets_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    import shiboken6

    runner = TaskRunner()
    got: list[object] = []
    gone = QWidget()
    release = threading.Event()

    def late() -> str:
        release.wait(10)
        return "late"

    try:
        runner.submit("io", lambda: 41 + 1, on_success=got.append)
        runner.submit("io", lambda: 1 / 0, on_error=lambda e: got.append(type(e)))
        runner.submit("io", late, parent=gone, on_success=got.append)
        qtbot.waitUntil(lambda: len(got) >= 2, timeout=10_000)
        shiboken6.delete(gone)  # the page closed while its work was still running
        release.set()
        qtbot.wait(200)
    finally:
        runner.shutdown()
    assert got[:2] == [42, ZeroDivisionError] and "late" not in got


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux")
def test_lanes_run_below_the_gui_threads_priority(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    nice: list[int] = []
    try:
        runner.submit("inference", lambda: os.getpriority(
            os.PRIO_PROCESS, threading.get_native_id()), on_success=nice.append)
        qtbot.waitUntil(lambda: bool(nice), timeout=10_000)
    finally:
        runner.shutdown()
    assert nice[0] >= BACKGROUND_NICENESS


def test_work_after_shutdown_is_dropped_without_a_new_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A result delivered as the app closes (a sign-in's chat restore, say) used to start
    a fresh lane thread on the closed runner, which nobody stopped."""
    runner = TaskRunner()
    runner.submit("db", lambda: None).result(timeout=10)
    runner.shutdown()
    before = set(threading.enumerate())
    ran: list[bool] = []
    future = runner.submit("inference", lambda: ran.append(True))
    qtbot.wait(100)
    assert future.cancelled() and ran == []
    assert not [t for t in set(threading.enumerate()) - before if t.name.startswith("lantern")]
