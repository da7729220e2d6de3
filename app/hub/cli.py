"""``lantern-hub``: run the school hub, add a class, enrol laptops, import USB files.

    lantern-hub serve [--db URL] [--host 127.0.0.1] [--port 8765] [--k 5]
    lantern-hub set-password           the teacher's password for /teacher (asked for)
    lantern-hub add-class "6B"         prints the new class's id
    lantern-hub classes                lists classes and their ids
    lantern-hub issue-codes CLASS [N]  prints N one-time enrolment codes for a class
    lantern-hub import FILE...         imports files written by laptops to a USB stick
    lantern-hub enrol-file CLASS FILE  writes an enrolment file for a laptop with no network

``--db`` defaults to a SQLite file in the current folder; give ``postgresql://…`` for a
district server. The host defaults to loopback: pass the school LAN address explicitly.
Whoever can run these commands can read and change the hub's database: the hub computer
is the teacher's.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from pathlib import Path

DEFAULT_DB = "sqlite:///lantern-hub.sqlite3"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lantern-hub", description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=DEFAULT_DB, help="sqlite:///FILE or postgresql://…")
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="run the hub (the default)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--k", type=_k, default=5,
                       help="hide cells with fewer approved laptops (2-1000)")
    sub.add_parser("set-password", help="set the teacher's password (read from stdin "
                   "when it is not a terminal)")
    sub.add_parser("add-class").add_argument("name")
    sub.add_parser("classes")
    issue = sub.add_parser("issue-codes")
    issue.add_argument("class_id", type=int)
    issue.add_argument("count", type=int, nargs="?", default=1)
    sub.add_parser("import").add_argument("files", nargs="+", type=Path)
    enrol = sub.add_parser("enrol-file")
    enrol.add_argument("class_id", type=int)
    enrol.add_argument("file", type=Path)
    return parser


def _k(text: str) -> int:
    if not text.isdigit() or not 2 <= int(text) <= 1000:
        raise argparse.ArgumentTypeError("k must be a whole number from 2 to 1000")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        from app.hub.db import HubDB
    except ImportError:
        print("The hub needs its extra packages: pip install 'lantern-tutor[hub]'",
              file=sys.stderr)
        return 2
    db = HubDB(args.db)
    try:
        return _run(args, db)
    except ValueError as exc:  # a refused password, a count out of range
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        db.close()


def _run(args: argparse.Namespace, db: object) -> int:
    from app.hub import enrolment
    from app.hub.db import HubDB

    assert isinstance(db, HubDB)
    if args.command == "set-password":
        return _set_password(db)
    if args.command == "add-class":
        row = db.add_class(args.name)
        print(f"Class {row.name} has the id {row.id}: issue enrolment codes for its "
              f"laptops on the teacher page or with `lantern-hub issue-codes {row.id}`.")
    elif args.command == "classes":
        for row in db.classes():
            print(f"{row.id}\t{row.name}")
    elif args.command in ("issue-codes", "enrol-file"):
        cls = db.class_by(args.class_id)
        if cls is None:
            print(f"No class has the id {args.class_id}; see `lantern-hub classes`.",
                  file=sys.stderr)
            return 1
        if args.command == "enrol-file":
            return _enrol_file(enrolment.enrol_directly(db, cls), args.file)
        for code in enrolment.issue_codes(db, cls.id, args.count):
            print(code.shown)
    elif args.command == "import":
        return _import(db, args.files)
    else:
        _serve(db, host=getattr(args, "host", "127.0.0.1"), port=getattr(args, "port", 8765),
               k=getattr(args, "k", 5))
    return 0


def _set_password(db: object) -> int:
    from app.hub.auth import MIN_PASSWORD, set_password
    from app.hub.db import HubDB

    assert isinstance(db, HubDB)
    if sys.stdin.isatty():
        first = getpass.getpass(f"New teacher password (at least {MIN_PASSWORD} "
                                "characters): ")
        if getpass.getpass("The same again: ") != first:
            print("The two passwords differ; nothing was changed.", file=sys.stderr)
            return 1
    else:
        first = sys.stdin.readline().rstrip("\r\n")
    set_password(db, first)
    print("The teacher password is set; sign in on the hub's /teacher page.")
    return 0


def _import(db: object, files: list[Path]) -> int:
    from app.hub.db import HubDB
    from app.hub.ingest import ingest_file
    from app.hub.schema import BadRequest, loads

    assert isinstance(db, HubDB)
    status = 0
    for path in files:
        try:
            counts = ingest_file(db, loads(path.read_bytes()))
        except (OSError, BadRequest) as exc:
            print(f"{path}: not imported: {exc}", file=sys.stderr)
            status = 1
            continue
        print(f"{path}: " + ", ".join(f"{n} {what}" for what, n in sorted(counts.items())))
    return status


def _enrol_file(enrolled: object, target: Path) -> int:
    from app.hub.enrolment import Enrolled

    assert isinstance(enrolled, Enrolled)
    target.write_text(json.dumps({"format": "lantern-enrol/1", "key_id": enrolled.key_id,
                                  "token": enrolled.token,
                                  "class_name": enrolled.class_name}), "utf-8")
    print(f"Wrote {target}: copy it to the laptop and open it in Lantern's sync settings.")
    return 0


def _serve(db: object, *, host: str, port: int, k: int) -> None:
    import uvicorn

    from app.hub.db import HubDB
    from app.hub.server import create_app

    assert isinstance(db, HubDB)
    print(f"Lantern hub on http://{host}:{port} ({db.kind})", flush=True)
    uvicorn.run(create_app(db, k=k), host=host, port=port, log_level="warning")


if __name__ == "__main__":
    sys.exit(main())
