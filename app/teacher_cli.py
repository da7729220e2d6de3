"""``python -m app teacher …``: the teacher's actions from a terminal, each behind the passphrase.

For the teacher (or whoever installs Lantern for the school)::

    python -m app teacher status
    python -m app teacher set-passphrase [--export FILE]    # first time, or change it
    python -m app teacher set-passphrase --replace          # a new class key (asks the
                                                            # current passphrase: it signs it)
    python -m app teacher set-passphrase --replace --forgotten   # no old passphrase
    python -m app teacher install-key FILE                  # asks that key's passphrase
    python -m app teacher policy [--free-chat off …]        # the tutor's AI policy
    python -m app teacher tutor-server (--local | --url URL [--model NAME])
    python -m app teacher models list|add|use|rollback|remove …

Every command that changes something asks for the teacher passphrase first, and the
settings it changes are signed with the class key (:mod:`app.teacher_settings`). The
model verbs are :mod:`inference.models_cli`'s own, run with an authoriser that asks the
passphrase (``inference`` knows nothing of teachers). Passphrases are asked without
echo; when standard input is not a terminal (an install script), they are read from it
one per line instead. No Qt here.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from app.paths import AppPaths
from app.settings import AIPolicySettings, Settings, load_settings, save_settings
from app.store.errors import StoreError
from app.store.recovery import ClassRecoveryKey, UnlockedClassKey
from app.store.store import ProfileStore
from app.store.teacher import TeacherPassphrase
from app.teacher_settings import active_models, check, settings_trust, sign, verified
from inference import models_cli
from inference.errors import InferenceError

Keys = tuple[ClassRecoveryKey, UnlockedClassKey]
ON_OFF = {"on": True, "off": False}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app teacher",
                                     description="This laptop's teacher actions.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="the teacher passphrase, class key and settings")
    setp = commands.add_parser("set-passphrase",
                               help="set it the first time, or change it (asks the old one)")
    setp.add_argument("--replace", action="store_true",
                      help="make a new class key (asks the current passphrase, which signs it)")
    setp.add_argument("--forgotten", action="store_true",
                      help="with --replace: the current passphrase is forgotten (learners "
                           "who trust the old key will not follow the new one)")
    setp.add_argument("--export", type=Path, metavar="FILE",
                      help="also save a copy of the class recovery key (e.g. on a USB stick)")
    install = commands.add_parser("install-key",
                                  help="use the class key from another laptop or a USB copy "
                                       "(asks its passphrase)")
    install.add_argument("file", type=Path)
    policy = commands.add_parser("policy", help="show or change the tutor's AI policy")
    policy.add_argument("--free-chat", choices=ON_OFF)
    policy.add_argument("--reveal-after", metavar="N|never",
                        help="wrong attempts before the answer may be shown")
    policy.add_argument("--limit-to-pack", choices=ON_OFF)
    policy.add_argument("--max-answer-tokens", type=int)
    policy.add_argument("--answer-language", choices=("auto", "en", "zh-Hans"))
    server = commands.add_parser("tutor-server",
                                 help="answer on this laptop, or from a school server")
    where = server.add_mutually_exclusive_group(required=True)
    where.add_argument("--local", action="store_true")
    where.add_argument("--url", help="the server's address, e.g. http://192.168.1.20:8080")
    server.add_argument("--model", default="", help="the server's model name, if it has several")
    adopt = commands.add_parser("adopt", help="a learner's profile trusts this laptop's class "
                                              "key from now on (asks both passphrases)")
    adopt.add_argument("nickname")
    models_cli.register(commands)
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


def _set_passphrase(gate: TeacherPassphrase, args: argparse.Namespace) -> str:
    if args.replace:
        current = None if args.forgotten else _ask("Current teacher passphrase: ")
        gate.replace(_ask_new(), current=current)
        done = ("Replaced, and signed by the old class key: learners move to the new one at "
                "their next sign-in." if current is not None else
                "Replaced. Nothing vouches for this new class key: learners whose profiles "
                "trust the old one are told at sign-in and are not handed to it, and their "
                "sessions use the most careful settings. Each of them can move to it with "
                "python -m app teacher adopt NICKNAME (their own passphrase is asked).")
        done += " Sign the teacher settings again: python -m app teacher policy --free-chat …"
    elif gate.is_set():
        old = _ask("Current teacher passphrase: ")
        gate.change(old, _ask_new())
        done = "Changed. Recovery keeps working for every learner."
    else:
        gate.set_first(_ask_new())
        done = "Set. You are the teacher of this laptop; teacher mode opens with it."
    if args.export is not None:
        key = gate.store.class_key()
        if key is not None:
            key.save(args.export)
            done += f" A copy of the class recovery key is in {args.export}."
    return done


class TeacherSession:
    """The passphrase asked once per command, and the verified settings it may sign."""

    def __init__(self, gate: TeacherPassphrase, paths: AppPaths) -> None:
        self.gate, self.paths = gate, paths
        self.keys: Keys | None = None
        self.base: Settings | None = None

    def authorise(self, _verb: str = "") -> None:
        """Ask and check the passphrase; remember the settings as verified *before* the change."""
        self.base = verified(load_settings(self.paths.settings_file), settings_trust(self.paths))
        self.keys = self.gate.open(_ask("Teacher passphrase: "))

    def save(self, change: Callable[[Settings], Settings] = lambda s: s) -> Settings:
        """Apply ``change`` to the verified settings, sign and save them."""
        if self.keys is None or self.base is None:
            self.authorise()
        assert self.keys is not None and self.base is not None
        settings = sign(change(self.base), *self.keys, active_models())
        save_settings(settings, self.paths.settings_file)
        return settings


def _policy(session: TeacherSession, args: argparse.Namespace) -> str:
    given = {"free_chat": ON_OFF.get(args.free_chat or ""),
             "limit_to_pack": ON_OFF.get(args.limit_to_pack or ""),
             "max_answer_tokens": args.max_answer_tokens,
             "answer_language": args.answer_language}
    changes: dict[str, object] = {k: v for k, v in given.items() if v is not None}
    if args.reveal_after is not None:
        changes["reveal_after_attempts"] = (None if args.reveal_after == "never"
                                            else int(args.reveal_after))
    if not changes:
        settings = verified(load_settings(session.paths.settings_file),
                            settings_trust(session.paths))
        return _describe_policy(settings.ai_policy)

    def apply(settings: Settings) -> Settings:
        policy = AIPolicySettings.model_validate(settings.ai_policy.model_dump() | changes)
        return settings.model_copy(update={"ai_policy": policy})

    return "Saved and signed. " + _describe_policy(session.save(apply).ai_policy)


def _describe_policy(policy: AIPolicySettings) -> str:
    reveal = policy.reveal_after_attempts or "never"
    return (f"free chat: {'on' if policy.free_chat else 'off'}; reveal after: {reveal}; "
            f"only from the lessons: {'on' if policy.limit_to_pack else 'off'}; "
            f"longest answer: {policy.max_answer_tokens} tokens; "
            f"language: {policy.answer_language}")


def _tutor_server(session: TeacherSession, args: argparse.Namespace) -> str:
    update = ({"tutor_backend": "local"} if args.local else
              {"tutor_backend": "lan", "lan_server_url": args.url.strip(),
               "lan_server_model": args.model.strip()})
    session.save(lambda s: s.model_copy(update=update))
    return "Saved and signed. Lantern uses it the next time it starts."


def _models(session: TeacherSession, args: argparse.Namespace) -> int:
    code = models_cli.run(args, session.authorise)
    if code == 0 and args.verb not in models_cli.READ_ONLY:
        session.save()  # the new model choice, signed
        print("The model choice is signed into the teacher settings.")
    return code


def _adopt(session: TeacherSession, nickname: str) -> str:
    store = session.gate.store
    entry = next((e for e in store.profiles() if e.nickname.casefold() == nickname.casefold()),
                 None)
    if entry is None:
        raise StoreError(f"No profile called {nickname!r} on this laptop.",
                         hint="python -m app teacher status lists nothing personal; check "
                              "the nickname on the sign-in screen.")
    session.authorise()  # the holder of this laptop's class key agrees…
    store.adopt_class_key(entry.id, _ask(f"{entry.nickname}'s own passphrase: "))  # …and so
    return f"{entry.nickname}'s profile now trusts this laptop's class key."  # does the learner


def _status(gate: TeacherPassphrase, paths: AppPaths) -> str:
    if not gate.is_set():
        return "No teacher passphrase yet: python -m app teacher set-passphrase"
    lines = [f"A teacher passphrase is set ({gate.path})."]
    try:
        key = ClassRecoveryKey.load(gate.path)
    except StoreError:
        lines.append("The class key file is damaged: install-key, or set-passphrase --replace.")
        return "\n".join(lines)
    lines.append(f"Class key fingerprint: {key.fingerprint[:16]}…"
                 + ("" if key.signing_public else " (old format: it is upgraded the next "
                                                  "time the passphrase is typed)"))
    reason = check(load_settings(paths.settings_file), key, active_models())
    lines.append("Teacher settings: signed and unchanged." if reason is None else
                 f"Teacher settings REFUSED ({reason.name}): Lantern uses the most careful "
                 "ones. Save them again with `policy` or in teacher mode.")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    paths = AppPaths.default().ensure()
    gate = TeacherPassphrase(ProfileStore(paths.data / "profiles"))
    session = TeacherSession(gate, paths)
    try:
        if args.command == "models":
            return _models(session, args)
        if args.command == "status":
            print(_status(gate, paths))
        elif args.command == "install-key":
            current = (_ask("This laptop's current teacher passphrase: ")
                       if gate.needs_current_to_install(args.file) else None)
            gate.install(args.file, _ask("That class key's teacher passphrase: "),
                         current=current)
            print("Installed. Teacher mode opens with that class key's passphrase.")
        elif args.command == "policy":
            print(_policy(session, args))
        elif args.command == "tutor-server":
            print(_tutor_server(session, args))
        elif args.command == "adopt":
            print(_adopt(session, args.nickname))
        else:
            print(_set_passphrase(gate, args))
    except (StoreError, InferenceError) as exc:
        print(exc.user_message(), file=sys.stderr)
        return 1
    except ValueError as exc:  # a policy value out of range
        print(f"Not changed: {exc}", file=sys.stderr)
        return 1
    return 0
