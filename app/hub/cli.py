"""``lantern-hub``: run the school hub, add a class, import USB files.

    lantern-hub serve [--db URL] [--host 127.0.0.1] [--port 8765] [--k 5]
    lantern-hub add-class "6B"        prints the class code laptops enrol with
    lantern-hub classes               lists classes and their codes
    lantern-hub import FILE...        imports files written by laptops to a USB stick
    lantern-hub enrol-file CODE FILE  writes an enrolment file for a laptop with no network
    lantern-hub round open|next|file CLASS_ID [FILE] [--epsilon 1]
                                      secure-aggregation rounds (see docs/sync.md)

``--db`` defaults to a SQLite file in the current folder; give ``postgresql://…`` for a
district server. The host defaults to loopback: pass the school LAN address explicitly.
"""

from __future__ import annotations

import argparse
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
    serve.add_argument("--k", type=int, default=5, help="hide cells with fewer summaries")
    sub.add_parser("add-class").add_argument("name")
    sub.add_parser("classes")
    sub.add_parser("import").add_argument("files", nargs="+", type=Path)
    enrol = sub.add_parser("enrol-file")
    enrol.add_argument("code")
    enrol.add_argument("file", type=Path)
    rounds = sub.add_parser("round", help="start a round, close its step, or write the "
                            "round file for a USB stick")
    rounds.add_argument("action", choices=["open", "next", "file"])
    rounds.add_argument("class_id", type=int)
    rounds.add_argument("file", type=Path, nargs="?")
    rounds.add_argument("--epsilon", type=float, default=1.0)
    return parser


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
    finally:
        db.close()


def _run(args: argparse.Namespace, db: object) -> int:
    from app.hub.db import HubDB
    from app.hub.schema import BadBody

    assert isinstance(db, HubDB)
    if args.command == "add-class":
        row = db.add_class(args.name)
        print(f"Class {row.name}: laptops enrol with the code {row.code}")
    elif args.command == "classes":
        for row in db.classes():
            print(f"{row.id}\t{row.code}\t{row.name}")
    elif args.command == "enrol-file":
        return _enrol_file(db, args.code, args.file)
    elif args.command == "round":
        from app.hub.round_cli import run_round

        return run_round(db, args.action, args.class_id, args.file, args.epsilon)
    elif args.command == "import":
        from app.hub.round_cli import import_any

        status = 0
        for path in args.files:
            try:
                counts = import_any(db, json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, BadBody) as exc:
                print(f"{path}: not imported: {exc}", file=sys.stderr)
                status = 1
                continue
            print(f"{path}: " + ", ".join(f"{n} {what}" for what, n in sorted(counts.items())))
        return status
    else:
        _serve(db, host=getattr(args, "host", "127.0.0.1"), port=getattr(args, "port", 8765),
               k=getattr(args, "k", 5))
    return 0


def _enrol_file(db: object, code: str, target: Path) -> int:
    from app.hub.db import HubDB

    assert isinstance(db, HubDB)
    cls = db.class_by(code=code.strip().upper())
    if cls is None:
        print(f"No class has the code {code}; see `lantern-hub classes`.", file=sys.stderr)
        return 1
    key_id, token = db.enrol(cls.id)
    target.write_text(json.dumps({"format": "lantern-enrol/1", "key_id": key_id,
                                  "token": token, "class_name": cls.name}), "utf-8")
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
