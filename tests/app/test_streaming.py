from app.core.streaming import relay_batched


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_pieces_are_batched_by_interval_and_nothing_is_lost() -> None:
    clock = FakeClock()
    emitted: list[str] = []

    def pieces():  # type: ignore[no-untyped-def]
        for i in range(10):
            clock.now += 0.01  # a token every 10 ms
            yield str(i)

    text = relay_batched(pieces(), emitted.append, interval=0.03, clock=clock)
    assert text == "0123456789"
    assert "".join(emitted) == text
    assert 3 <= len(emitted) <= 4  # ~one update per 30 ms, not one per token


def test_the_tail_is_flushed_and_empty_streams_emit_nothing() -> None:
    emitted: list[str] = []
    assert relay_batched(iter(["a"]), emitted.append, interval=10.0) == "a"
    assert emitted == ["a"]
    emitted.clear()
    assert relay_batched(iter([]), emitted.append) == ""
    assert emitted == []
