"""Command line: ``python -m inference fetch | verify | devices | models …``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from inference import devices, models_cli
from inference.errors import InferenceError
from inference.fetch import describe, fetch_all
from inference.hardware import model_choice
from inference.registry import iter_files, load_registry, locate, verify_file
from inference.resources import default_fetch_dir


def _fetch(args: argparse.Namespace) -> int:
    registry = load_registry()
    dest = Path(args.dest) if args.dest else default_fetch_dir()
    print(f"Fetching models into {dest}")
    for spec in registry.models:
        print(f"  {describe(spec)}")
    fetch_all(registry, dest, report=lambda line: print(f"  {line}", flush=True))
    print("All model files are present and verified.")
    return 0


def _verify(_args: argparse.Namespace) -> int:
    failures = 0
    for spec, f in iter_files(load_registry()):
        try:
            folder = locate(spec)
            verify_file(folder / f.name, f, use_cache=False)
        except InferenceError as exc:
            failures += 1
            print(f"FAIL {spec.id}/{f.name}: {exc.user_message()}", file=sys.stderr)
        else:
            print(f"ok   {folder / f.name}")
    return 1 if failures else 0


def _devices(_args: argparse.Namespace) -> int:
    report = devices.detect()
    data = report.to_dict()
    data["tutor_model"] = model_choice(load_registry(), report.ram_available_mb)
    print(json.dumps(data, indent=2, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None, *,
         authorise: models_cli.Authorise | None = None) -> int:
    """Run a command; ``authorise`` lets a caller (the app) allow the changing model verbs."""
    parser = argparse.ArgumentParser(prog="python -m inference",
                                     description="Lantern's local models.")
    sub = parser.add_subparsers(dest="command", required=True)
    fetch = sub.add_parser("fetch", help="download, extract and verify the registered models")
    fetch.add_argument("--dest", help="models folder (default: $LANTERN_MODELS_DIR or .models/)")
    sub.add_parser("verify", help="check size and sha256 of every registered model file")
    sub.add_parser("devices", help="print what this computer can run, as JSON")
    models_cli.register(sub)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    handler = {"fetch": _fetch, "verify": _verify, "devices": _devices,
               "models": lambda a: models_cli.run(a, authorise)}[args.command]
    try:
        return handler(args)
    except InferenceError as exc:
        print(f"error: {exc.user_message()}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
