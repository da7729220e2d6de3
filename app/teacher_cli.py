"""``python -m app teacher …``: set up this laptop's teacher passphrase from a terminal.

For the teacher (or whoever installs Lantern for the school) at install time::

    python -m app teacher status
    python -m app teacher set-passphrase [--export FILE]   # first time, or change it
    python -m app teacher set-passphrase --replace         # forgotten: a new class key
    python -m app teacher install-key FILE                 # the class's key from a USB stick

Passphrases are asked without echo; when standard input is not a terminal (an install
script), they are read from it one per line instead. No Qt here.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from app.paths import AppPaths
from app.store.errors import StoreError
from app.store.store import ProfileStore
from app.store.teacher import TeacherPassphrase


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app teacher",
                                     description="This laptop's teacher passphrase.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="say whether a teacher passphrase is set")
    setp = commands.add_parser("set-passphrase",
                               help="set it the first time, or change it (asks the old one)")
    setp.add_argument("--replace", action="store_true",
                      help="the old one is forgotten: make a new class recovery key")
    setp.add_argument("--export", type=Path, metavar="FILE",
                      help="also save a copy of the class recovery key (e.g. on a USB stick)")
    install = commands.add_parser("install-key",
                                  help="use the class recovery key (and its passphrase) "
                                       "from another laptop or a USB copy")
    install.add_argument("file", type=Path)
    return parser


def _ask(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\n")


def _ask_new() -> str:
    new = _ask("New teacher passphrase: ")
    if new != _ask("The same again: "):
        raise StoreError("The two passphrases are different.", hint="Nothing was changed.")
    return new


def _set_passphrase(gate: TeacherPassphrase, *, replace: bool, export: Path | None) -> str:
    if replace:
        gate.replace(_ask_new())
        done = ("Replaced. Learners move to the new class recovery key the next time they "
                "sign in; until then the old key (and passphrase) still resets them.")
    elif gate.is_set():
        old = _ask("Current teacher passphrase: ")
        gate.change(old, _ask_new())
        done = "Changed. Recovery keeps working for every learner."
    else:
        gate.set_first(_ask_new())
        done = "Set. You are the teacher of this laptop; teacher mode opens with it."
    if export is not None:
        gate.store.class_key_path.parent.mkdir(parents=True, exist_ok=True)
        key = gate.store.class_key()
        if key is not None:
            key.save(export)
            done += f" A copy of the class recovery key is in {export}."
    return done


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    gate = TeacherPassphrase(ProfileStore(AppPaths.default().ensure().data / "profiles"))
    try:
        if args.command == "status":
            print(f"A teacher passphrase is set ({gate.path})." if gate.is_set()
                  else "No teacher passphrase yet: python -m app teacher set-passphrase")
            return 0
        if args.command == "install-key":
            gate.install(args.file)
            print("Installed. Teacher mode opens with that class key's passphrase.")
            return 0
        print(_set_passphrase(gate, replace=args.replace, export=args.export))
    except StoreError as exc:
        print(exc.user_message(), file=sys.stderr)
        return 1
    return 0
