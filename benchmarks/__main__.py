"""Run benchmarks: ``python -m benchmarks [NAME ...] [--json FILE] [--no-docs] [--list]``.

Prints one JSON object per figure and per line. Each figure records when it ran and the
machine's load average just before and just after it (figures are only comparable under
similar load). The figures are merged into ``docs/benchmarks/results.json`` (a figure
run again replaces its old row; the others keep theirs, with their own date and load) and
``docs/benchmarks.md`` is regenerated from it, unless ``--no-docs``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.registry import registered
from benchmarks.report import DOCS, merge_results, write_page


def machine() -> dict[str, Any]:
    import psutil

    return {"cpu": platform.processor() or platform.machine(),
            "cores": psutil.cpu_count(logical=False), "python": platform.python_version(),
            "system": platform.system()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--json", type=Path, help="also write all results to this file")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--no-docs", action="store_true",
                        help="do not merge the figures into docs/benchmarks.md")
    parser.add_argument("--docs", type=Path, default=DOCS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    runners = registered()
    if args.list:
        print("\n".join(sorted(runners)))
        return 0
    unknown = [n for n in args.names if n not in runners]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; try --list", file=sys.stderr)
        return 2
    results, failed = [], 0
    for name in args.names or list(runners):
        before = _load()
        try:
            figure = runners[name]().to_dict()
        except Exception as exc:
            traceback.print_exc()
            figure, failed = {"name": name, "error": str(exc)}, failed + 1
        figure["measured"] = {"at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                              "load_before": before, "load_after": _load(),
                              "machine": machine()}
        print(json.dumps(figure, ensure_ascii=False), flush=True)
        results.append(figure)
    run = {"machine": machine(), "figures": results}
    if args.json:
        args.json.write_text(json.dumps(run, indent=2))
    if not args.no_docs:
        print(write_page(merge_results(args.docs, run), args.docs), file=sys.stderr)
    return 1 if failed else 0


def _load() -> float | None:
    """The 1-minute load average (None where the system has none, e.g. Windows)."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


if __name__ == "__main__":
    sys.exit(main())
