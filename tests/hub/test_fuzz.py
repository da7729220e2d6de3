"""The hub's fuzz target (``benchmarks/fuzz.py``, also the ``fuzz_crashes`` figure):
over 1,000 seeded hypothesis inputs across every endpoint, on SQLite and PostgreSQL,
and not one 5xx or escaping exception."""

from __future__ import annotations

from benchmarks.fuzz_hub import fuzz_hub

EXAMPLES = 1_100
SECONDS = 300.0  # a bound, far above what the examples take


def test_no_input_crashes_the_hub(db_url: str) -> None:
    count = fuzz_hub(db_url, examples=EXAMPLES, seconds=SECONDS)
    assert count.crashes == 0, count.examples
    assert count.tried >= 1_000, f"only {count.tried} inputs were tried"
    assert set(count.statuses) <= set(range(200, 500)), count.statuses
