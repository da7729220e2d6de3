"""Run benchmarks: ``python -m benchmarks [NAME ...] [--json FILE] [--list]``.

Prints one JSON object per figure and per line.
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import sys
import traceback
from pathlib import Path
from typing import Any

from benchmarks.registry import registered


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
        try:
            figure = runners[name]().to_dict()
        except Exception as exc:
            traceback.print_exc()
            figure, failed = {"name": name, "error": str(exc)}, failed + 1
        print(json.dumps(figure, ensure_ascii=False), flush=True)
        results.append(figure)
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "figures": results}, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
