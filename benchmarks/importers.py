"""Importer throughput on the real shared quiz and deck files.

``import_questions_per_s``: questions written per second when importing the largest
real inputs (Moodle XML and GIFT samples, the Ultimate Geography spreadsheets, an Anki
deck), median of 5 rounds, each into a fresh folder. There is no other importer to
compare with, so the value is absolute; ``detail`` gives each file's time and, for
reference, the time the loader takes to read and validate the packs produced (the
work an import must at least pay for again when the pack is installed).
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from app.core.content.importers import import_file
from app.core.content.loader import read_pack
from app.core.content.source import read_source
from benchmarks.registry import Figure, benchmark

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FILES = ("quiz/qas_editor/moodle_xml/all.xml", "quiz/qas_editor/gift/all.gift",
         "anki/ultimate_geography_csv/country.csv", "anki/ultimate_geography_csv/capital.csv",
         "anki/ankitects_tests/diffmodels2-2.apkg")
ROUNDS = 5


def _round(folder: Path) -> tuple[dict[str, float], int, float]:
    times: dict[str, float] = {}
    written, validate_s = 0, 0.0
    for index, rel in enumerate(FILES):
        target = folder / f"pack-{index}"
        start = time.perf_counter()
        report = import_file(DATA / rel, target)
        times[rel] = time.perf_counter() - start
        written += report.imported_total
        start = time.perf_counter()
        read_pack(read_source(target))
        validate_s += time.perf_counter() - start
    return times, written, validate_s


@benchmark("import_questions_per_s")
def import_questions_per_s() -> Figure:
    rounds = []
    for _ in range(ROUNDS):
        folder = Path(tempfile.mkdtemp(prefix="lantern-bench-import-"))
        try:
            rounds.append(_round(folder))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    questions = rounds[0][1]
    totals = [sum(times.values()) for times, _n, _v in rounds]
    median_s = statistics.median(totals)
    per_file = {rel: round(1000 * statistics.median(r[0][rel] for r in rounds), 1)
                for rel in FILES}
    return Figure(
        name="import_questions_per_s", value=questions / median_s, unit="questions/s",
        goal=">= 200", baseline="none: absolute throughput (no other importer to compare)",
        detail={"questions": questions, "import_s_median": round(median_s, 3),
                "per_file_ms": per_file,
                "validate_written_packs_s_median": round(
                    statistics.median(v for _t, _n, v in rounds), 3)})
