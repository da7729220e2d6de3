"""Command line: ``python -m app.store key --profile ID`` and ``python -m app.store list``.

``key`` asks for the passphrase and prints the raw SQLCipher data key in hex, so the
learner's data is never locked into Lantern: any SQLCipher 4 tool opens the database
with ``PRAGMA key = "x'<hex>'";``.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from app.paths import AppPaths
from app.store.errors import StoreError
from app.store.records import ProfileId
from app.store.store import ProfileStore


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.store",
                                     description="Lantern's encrypted learner profiles.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the profiles on this computer")
    key = commands.add_parser("key", help="print a profile's raw SQLCipher key in hex")
    key.add_argument("--profile", required=True, help="the profile id (see `list`)")
    args = parser.parse_args(argv)
    store = ProfileStore(AppPaths.default().data / "profiles")
    if args.command == "list":
        for entry in store.profiles():
            print(f"{entry.id}\t{entry.nickname}\t{store.db_path(entry.id)}")
        return 0
    try:
        passphrase = getpass.getpass("Passphrase: ")
        data_key = store.raw_key(ProfileId(args.profile), passphrase)
    except StoreError as exc:
        print(exc.user_message(), file=sys.stderr)
        return 1
    print(data_key.hex())
    print(f"Open {store.db_path(ProfileId(args.profile))} with any SQLCipher 4 tool: "
          f"PRAGMA key = \"x'{data_key.hex()}'\";", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
