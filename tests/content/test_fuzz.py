"""The importers and the pack validator under fuzzing: a result or a typed error, always.

The same targets as ``python -m benchmarks fuzz_crashes`` (hypothesis, derandomized: the
same inputs every run, bounded per input), with fewer inputs so the suite stays fast.
"""

from __future__ import annotations

import pytest

from benchmarks.fuzz import FUZZ_TARGETS

TARGETS = ["gift", "aiken", "moodle_xml", "qti", "qti_package", "anki_text", "csv",
           "anki_apkg", "anki_colpkg", "pack_validator"]
EXAMPLES = 40


@pytest.mark.parametrize("target", TARGETS)
def test_fuzzed_inputs_never_crash(target: str) -> None:
    tally = FUZZ_TARGETS[target](EXAMPLES)
    assert tally.inputs == EXAMPLES
    assert not tally.crashes, "\n".join(tally.crashes)
    # Both outcomes are reached: the fuzzing is neither all-garbage nor all-harmless.
    assert tally.typed_errors and tally.results, tally.summary()
