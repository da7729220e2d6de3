"""``python -m app.core.content import FILE --to PACK_DIR``: a quiz or deck to a pack."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.core.content.diagnostics import ContentError
from app.core.content.importers import ImportFailed, import_file
from app.core.content.loader import read_pack
from app.core.content.source import read_source


def add_import_command(subparsers: Any) -> None:
    """Register ``import`` on an ``argparse`` ``add_subparsers()`` object."""
    parser = subparsers.add_parser(
        "import", help="turn a Moodle or Anki quiz file into a content pack",
        description="Import a Moodle GIFT, Moodle XML, QTI 2.1 or Aiken quiz, an Anki deck "
                    "(.apkg, or notes as plain text) or a question,answer spreadsheet (.csv) "
                    "into a "
                    "new content pack folder. Every question is either imported or listed "
                    "with the reason it was skipped. Exit status 0 when a pack was written.")
    parser.add_argument("file", type=Path, metavar="FILE", help="the quiz or deck file")
    parser.add_argument("--to", type=Path, required=True, metavar="PACK_DIR", dest="pack_dir",
                        help="the new pack folder (must not exist yet, or be empty)")
    parser.add_argument("--pack-id", help="the pack's id (default: from the file name)")
    parser.add_argument("--language", default=None,
                        help="BCP 47 language (default: detected from the text, else en)")
    parser.add_argument("--licence", default="", help="the licence of the questions")
    parser.set_defaults(run=run)


add_parser = add_import_command  # the name app.core.content.__main__ looks for


def run(args: argparse.Namespace) -> int:
    try:
        report = import_file(args.file, args.pack_dir, pack_id=args.pack_id,
                             language=args.language, licence=args.licence)
    except ImportFailed as exc:
        print(f"{args.file}: {exc.user_message()}", file=sys.stderr)
        return 1
    status = 1 if report.pack_dir is None else _check(report.pack_dir)
    for line in report.details():
        print(f"{args.file}: {line}")
    if report.pack_dir is None:
        print(f"No pack was written: none of the questions in {args.file.name} can be "
              "answered in Lantern.", file=sys.stderr)
    elif status == 0:
        print(f"wrote {report.pack_dir}")
    for line in report.explanations():  # what was mapped how, language, missing media
        print(line)
    print(report.summary())  # the last line, always
    return status


def _check(pack_dir: Path) -> int:
    """Validate what was written, so a teacher never gets a pack the app refuses."""
    try:
        _, diags = read_pack(read_source(pack_dir))
    except ContentError as exc:
        print(f"{pack_dir}: {exc.user_message()}", file=sys.stderr)
        return 1
    for diag in diags:
        print(f"{pack_dir}/{diag}", file=sys.stderr)
    return 1 if diags else 0
