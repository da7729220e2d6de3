"""The benchmark registry and the figure every benchmark returns."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

Runner = Callable[[], "Figure"]
_REGISTRY: dict[str, Runner] = {}

# Every module of this package is imported to collect its @benchmark functions, except
# these helpers (so a new benchmark module needs no registration line anywhere).
NOT_BENCHMARKS = frozenset({"__main__", "registry", "models", "startup_bare", "stall_probe",
                            "report", "plots"})


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    goal: str  # e.g. ">= 0.97"
    baseline: str  # what the value is measured against, in words
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["value"] = round(self.value, 4)
        data["met"] = meets_goal(self.value, self.goal)
        return data


def meets_goal(value: float, goal: str) -> bool | None:
    op, _, number = goal.partition(" ")
    try:
        target = float(number)
    except ValueError:
        return None
    return {">=": value >= target, "<=": value <= target, ">": value > target,
            "<": value < target}.get(op)


def benchmark(name: str) -> Callable[[Runner], Runner]:
    def register(fn: Runner) -> Runner:
        if name in _REGISTRY:
            raise ValueError(f"benchmark {name!r} registered twice")
        _REGISTRY[name] = fn
        return fn

    return register


def registered() -> dict[str, Runner]:
    import importlib
    import pkgutil

    import benchmarks

    for info in pkgutil.iter_modules(benchmarks.__path__):
        if info.name not in NOT_BENCHMARKS and not info.name.startswith("_"):
            importlib.import_module(f"benchmarks.{info.name}")
    return dict(_REGISTRY)


def median_ratio(pairs: list[tuple[float, float]]) -> float:
    """Median of ``ours / baseline`` over alternately measured pairs."""
    return statistics.median(ours / base for ours, base in pairs)


class Stopwatch:
    def __enter__(self) -> Stopwatch:
        self.start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
