"""Fuzzing: every hostile input ends in a result or a typed error, never a crash or hang.

``fuzz_crashes``: for each target, :data:`FUZZ_INPUTS` inputs made by hypothesis from
real seed files (``benchmarks/_fuzz_inputs.py``), derandomized so every run tries the
same inputs. An input ends in a result, in the typed error the target documents
(:class:`ContentError` for importers and packs, :class:`InferenceError` for models), or
in a *crash*: any other exception, or a hang past :data:`PER_INPUT_S`. The value is the
number of crashes over all targets (goal 0); ``detail`` gives each target's inputs,
typed refusals, results, crashes (with the first messages) and slowest input.

A target is a function ``(examples) -> FuzzTally`` registered with :func:`fuzz_target`;
``tests/content/test_fuzz.py`` and ``tests/inference/test_hostile_models.py`` run the same
targets with fewer inputs. The hub's endpoints are fuzzed by ``benchmarks/fuzz_hub.py``
(its own driver: a real hub over HTTP) and counted in the same figure.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.registry import Figure, benchmark

FUZZ_INPUTS = 1000  # per target in the benchmark; the tests use fewer
# Longer than this is a hang. The slowest input takes under 2 s on a loaded 2-core
# machine; the old cubic patterns took far longer on the long runs in HOSTILE.
PER_INPUT_S = 5.0

FuzzRun = Callable[[int], "FuzzTally"]
FUZZ_TARGETS: dict[str, FuzzRun] = {}


@dataclass
class FuzzTally:
    """What one target did with its inputs."""

    target: str
    inputs: int = 0
    typed_errors: int = 0
    results: int = 0
    crashes: list[str] = field(default_factory=list)
    slowest_s: float = 0.0

    def summary(self) -> dict[str, Any]:
        return {"inputs": self.inputs, "typed_errors": self.typed_errors,
                "results": self.results, "crashes": len(self.crashes),
                "first_crashes": self.crashes[:3], "slowest_s": round(self.slowest_s, 3)}


def fuzz_target(name: str) -> Callable[[FuzzRun], FuzzRun]:
    def register(fn: FuzzRun) -> FuzzRun:
        if name in FUZZ_TARGETS:
            raise ValueError(f"fuzz target {name!r} registered twice")
        FUZZ_TARGETS[name] = fn
        return fn

    return register


class Hang(Exception):
    """An input ran past :data:`PER_INPUT_S`."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread on Unix; elsewhere unlimited).

    An alarm already set (pytest-timeout's) is honoured and re-armed afterwards.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def interrupt(_signum: int, _frame: object) -> None:
        raise Hang(f"still running after {seconds:g} s")

    outer_left, _interval = signal.getitimer(signal.ITIMER_REAL)
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer_left) if outer_left else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            signal.setitimer(signal.ITIMER_REAL,
                             max(outer_left - (time.monotonic() - started), 0.001))


def drive(name: str, strategy: Any, attempt: Callable[[Any, Path], object],
          accepted: tuple[type[BaseException], ...], examples: int) -> FuzzTally:
    """Run ``attempt(input, scratch folder)`` on ``examples`` inputs from ``strategy``."""
    from hypothesis import HealthCheck, Phase, given, settings

    tally = FuzzTally(name)
    scratch = Path(tempfile.mkdtemp(prefix="lantern-fuzz-"))

    @settings(max_examples=examples, derandomize=True, database=None, deadline=None,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(strategy)
    def one(value: Any) -> None:
        tally.inputs += 1
        start = time.perf_counter()
        try:
            with _time_limit(PER_INPUT_S):
                attempt(value, scratch)
            tally.results += 1
        except accepted:
            tally.typed_errors += 1
        except Exception as exc:  # the point: count anything untyped, keep going
            tally.crashes.append(f"{type(exc).__name__}: {exc}"[:300])
        finally:
            tally.slowest_s = max(tally.slowest_s, time.perf_counter() - start)

    try:
        one()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return tally


# --- importers --------------------------------------------------------------------------

def _import(suffix: str) -> Callable[[bytes, Path], object]:
    from app.core.content.importers import import_file

    def attempt(data: bytes, scratch: Path) -> object:
        source, target = scratch / f"quiz{suffix}", scratch / "pack"
        shutil.rmtree(target, ignore_errors=True)
        source.write_bytes(data)
        return import_file(source, target)

    return attempt


def _importer(name: str, suffix: str, seeds: Callable[[], list[bytes]],
              examples: int) -> FuzzTally:
    from app.core.content.diagnostics import ContentError
    from benchmarks import _fuzz_inputs as inputs

    strategy = (inputs.xml_documents(seeds()) if suffix == ".xml"
                else inputs.mutated(seeds()))
    return drive(name, strategy, _import(suffix), (ContentError,), examples)


@fuzz_target("gift")
def fuzz_gift(examples: int) -> FuzzTally:
    from benchmarks._fuzz_inputs import QUIZ, files

    return _importer("gift", ".gift", lambda: files(QUIZ, "qas_editor/gift/*.gift",
                                                     "gift_golden_fuhrmanator/*/*.gift"),
                     examples)


@fuzz_target("aiken")
def fuzz_aiken(examples: int) -> FuzzTally:
    from benchmarks._fuzz_inputs import QUIZ, files

    return _importer("aiken", ".txt", lambda: files(QUIZ, "qas_editor/aiken/*.txt"), examples)


@fuzz_target("moodle_xml")
def fuzz_moodle_xml(examples: int) -> FuzzTally:
    from benchmarks._fuzz_inputs import QUIZ, files

    return _importer("moodle_xml", ".xml", lambda: files(QUIZ, "qas_editor/moodle_xml/*.xml",
                                                             limit=10**7),
                     examples)


@fuzz_target("qti")
def fuzz_qti(examples: int) -> FuzzTally:
    from benchmarks._fuzz_inputs import QUIZ, files

    return _importer("qti", ".xml", lambda: files(QUIZ, "qti21_qtiworks/*.xml", limit=10**7),
                     examples)


@fuzz_target("qti_package")
def fuzz_qti_package(examples: int) -> FuzzTally:
    from app.core.content.diagnostics import ContentError
    from benchmarks._fuzz_inputs import QUIZ, files, qti_package

    seeds = files(QUIZ, "qti21_qtiworks/*.xml", limit=10**7)
    return drive("qti_package", qti_package(seeds), _import(".zip"), (ContentError,),
                 examples)


@fuzz_target("anki_text")
def fuzz_anki_text(examples: int) -> FuzzTally:
    from benchmarks._fuzz_inputs import ANKI, files

    return _importer("anki_text", ".txt", lambda: files(ANKI, "ankitects_tests/*.txt"),
                     examples)


@fuzz_target("csv")
def fuzz_csv(examples: int) -> FuzzTally:
    from benchmarks._fuzz_inputs import ANKI, files

    return _importer("csv", ".csv", lambda: files(ANKI, "ultimate_geography_csv/*.csv",
                                                   limit=8_000), examples)


def _anki(name: str, suffix: str, examples: int) -> FuzzTally:
    from app.core.content.diagnostics import ContentError
    from benchmarks._fuzz_inputs import anki_package

    return drive(name, anki_package(suffix), _import(suffix), (ContentError,), examples)


@fuzz_target("anki_apkg")
def fuzz_anki_apkg(examples: int) -> FuzzTally:
    return _anki("anki_apkg", ".apkg", examples)


@fuzz_target("anki_colpkg")
def fuzz_anki_colpkg(examples: int) -> FuzzTally:
    return _anki("anki_colpkg", ".colpkg", examples)


# --- content packs ----------------------------------------------------------------------

@fuzz_target("pack_validator")
def fuzz_pack_validator(examples: int) -> FuzzTally:
    from app.core.content.diagnostics import ContentError
    from app.core.content.loader import read_pack
    from app.core.content.source import read_source
    from benchmarks._fuzz_inputs import pack_zip

    def attempt(data: bytes, scratch: Path) -> object:
        path = scratch / "pack.zip"
        path.write_bytes(data)
        return read_pack(read_source(path))

    return drive("pack_validator", pack_zip(), attempt, (ContentError,), examples)


# --- models -----------------------------------------------------------------------------

@fuzz_target("gguf")
def fuzz_gguf(examples: int) -> FuzzTally:
    from benchmarks._fuzz_inputs import gguf
    from inference.errors import InferenceError
    from inference.sideload import inspect

    def attempt(data: bytes, scratch: Path) -> object:
        path = scratch / "model.Q4_0.gguf"
        path.write_bytes(data)
        return inspect(path)

    return drive("gguf", gguf(), attempt, (InferenceError,), examples)


@fuzz_target("onnx")
def fuzz_onnx(examples: int) -> FuzzTally:
    from benchmarks._fuzz_inputs import onnx
    from inference.errors import InferenceError
    from inference.sideload import inspect

    def attempt(data: bytes, scratch: Path) -> object:
        (scratch / "tokenizer.json").write_text("{}")
        path = scratch / "model.onnx"
        path.write_bytes(data)
        return inspect(path)

    return drive("onnx", onnx(), attempt, (InferenceError,), examples)


@benchmark("fuzz_crashes")
def fuzz_crashes() -> Figure:
    from benchmarks.fuzz_hub import hub_fuzz_crashes

    tallies = [run(FUZZ_INPUTS) for run in FUZZ_TARGETS.values()]
    hub = hub_fuzz_crashes()  # every endpoint of a real hub: a crash is a 5xx
    crashes = sum(len(t.crashes) for t in tallies) + hub["crashes"]
    return Figure(
        name="fuzz_crashes", value=crashes, unit="untyped exceptions, hangs or 5xx",
        goal="<= 0", baseline="none: every input must end in a result or a typed error",
        detail={"inputs_per_target": FUZZ_INPUTS, "per_input_limit_s": PER_INPUT_S,
                "targets": {t.target: t.summary() for t in tallies} | {"hub": hub}})
