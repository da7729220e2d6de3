"""Command-line tools for content packs: ``python -m app.core.content COMMAND``.

Each command lives in its own module with an ``add_parser(commands)`` function that
registers a subparser and sets ``run`` (a function of the parsed args returning the exit
status). To add a command, add its module to :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

COMMANDS = (
    "app.core.content.validate_cli",
    "app.core.content.importers.cli",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app.core.content",
                                     description="Lantern content-pack tools.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
