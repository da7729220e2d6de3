"""``python -m app.core.content validate PATH…``: list every problem of each pack."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.core.content.diagnostics import ContentError
from app.core.content.loader import read_pack
from app.core.content.source import read_source


def add_parser(commands: Any) -> None:
    """Register the ``validate`` subcommand on an ``add_subparsers()`` object."""
    parser = commands.add_parser(
        "validate", help="check content packs and list every problem with file:line",
        description="Check one or more content packs (folders or .zip files). Every problem "
                    "is listed with its file and line and how to fix it. Exit status 0 "
                    "when all packs are valid, 1 otherwise.")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="a pack folder (with pack.toml) or a .zip of one")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return max(validate_one(path) for path in args.paths)


def validate_one(path: Path) -> int:
    """Print the problems of one pack; 0 when it is valid, 1 otherwise."""
    try:
        pack, diags = read_pack(read_source(path))
    except ContentError as exc:
        print(f"{path}: {exc.user_message()}", file=sys.stderr)
        return 1
    for diag in diags:
        print(f"{path}/{diag}")
    if diags:
        count = f"{len(diags)} problem{'s' if len(diags) != 1 else ''}"
        print(f"{path}: {count} found; the pack cannot be used until they are fixed.",
              file=sys.stderr)
        return 1
    info = pack.info
    print(f"{path}: valid — {info.title} {info.version} ({len(pack.skills)} skills, "
          f"{len(pack.lessons)} lessons, {len(pack.questions)} questions)")
    return 0
