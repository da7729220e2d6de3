import time

from PySide6.QtCore import QTimer

from app.ui.tripwire import StallTripwire


def _block_the_gui_thread_on_purpose() -> None:
    time.sleep(0.3)


def test_a_gui_stall_is_logged_with_its_stack(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    wire = StallTripwire(threshold_ms=100)
    wire.start()
    try:
        qtbot.wait(50)
        QTimer.singleShot(0, _block_the_gui_thread_on_purpose)
        qtbot.waitUntil(lambda: bool(wire.stalls), timeout=5_000)
        qtbot.wait(30)
    finally:
        wire.stop()
    millis, stack = wire.stalls[0]
    assert millis >= 100
    assert "_block_the_gui_thread_on_purpose" in stack
    assert wire.max_gap_ms >= 250
    assert any("GUI thread blocked" in r.getMessage() for r in caplog.records)


def test_a_responsive_gui_trips_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    wire = StallTripwire(threshold_ms=100)
    wire.start()
    try:
        qtbot.wait(300)
    finally:
        wire.stop()
    assert wire.stalls == []
