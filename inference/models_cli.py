"""``models list | add | remove | use | rollback``: the teacher's model commands.

The same operations the app's teacher settings use, for a terminal or a script that
prepares many laptops. Changing verbs are teacher actions, and this package knows
nothing of teachers (it must not import ``app``). So :func:`run` takes an *authoriser*:
a function called with the verb before anything changes, which raises to refuse. The
app injects one that asks for the teacher passphrase and then signs the new choice into
the teacher settings (``python -m app teacher models …``; the bundle's
``Lantern models …`` goes there too). Called without one, as ``python -m inference
models`` is, only ``list`` runs; the others say where to go instead.

This is a convenience gate, not the protection: anyone on the account could edit the
catalog with Python. What protects the model choice is the teacher's signature over the
active models, checked when the app starts (see ``app/teacher_settings.py``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from inference.registry import Role
from inference.sideload import add_model
from inference.versions import Catalog, full_registry


def register(sub: argparse._SubParsersAction) -> None:
    models = sub.add_parser("models", help="list, add, remove or switch models (teacher mode)")
    verbs = models.add_subparsers(dest="verb", required=True)
    verbs.add_parser("list", help="every model, its version and which one is in use")
    add = verbs.add_parser("add", help="check a GGUF or ONNX file and add it as a new version")
    add.add_argument("file", type=Path)
    add.add_argument("--family", help="group versions under this name (default: from the file)")
    add.add_argument("--use", action="store_true", help="switch to it once it is added")
    remove = verbs.add_parser("remove", help="forget a teacher-added model and delete its copy")
    remove.add_argument("id")
    use = verbs.add_parser("use", help="switch the tutor (or search) to this model")
    use.add_argument("id")
    back = verbs.add_parser("rollback", help="go back to the model used before the last switch")
    back.add_argument("--role", choices=("chat", "embed"), default="chat")


Authorise = Callable[[str], None]  # called with the verb; raises to refuse
TEACHER_COMMAND = "python -m app teacher models"
READ_ONLY = frozenset({"list"})


def run(args: argparse.Namespace, authorise: Authorise | None = None) -> int:
    """Run one verb; changing verbs need ``authorise`` (see the module docstring)."""
    handler = {"list": _list, "add": _add, "remove": _remove, "use": _use,
               "rollback": _rollback}[args.verb]
    if args.verb not in READ_ONLY:
        if authorise is None:
            print(f"`models {args.verb}` is a teacher action: run `{TEACHER_COMMAND} "
                  f"{args.verb} …`, which asks for the teacher passphrase.", file=sys.stderr)
            return 2
        authorise(args.verb)
    return handler(args)


def _list(_args: argparse.Namespace) -> int:
    catalog = Catalog.load()
    registry = full_registry(catalog)
    for role in ("chat", "embed"):
        active = catalog.active_id(role, registry)
        print(f"{'Tutor' if role == 'chat' else 'Search'} models:")
        for m in (m for m in registry.models if m.role == role):
            mark = "*" if m.id == active else " "
            size = sum(f.size for f in m.files) / 2**20
            kind = f"v{m.version}" if m.origin == "user" else "built-in"
            print(f"  {mark} {m.id:36} {kind:9} {size:8.1f} MB  {m.name}")
    print("(* = in use)")
    return 0


def _add(args: argparse.Namespace) -> int:
    catalog = Catalog.load()
    spec = add_model(args.file, family=args.family, catalog=catalog,
                     progress=_print_progress())
    print(f"\nAdded {spec.id}: {spec.name}, {spec.quantization}, needs about {spec.ram_mb} MB.")
    print(f"  {spec.description}")
    if args.use:
        catalog.use(spec, full_registry(catalog))
        catalog.save()
        print(f"Now using {spec.id}.")
    else:
        print(f"Switch to it with: models use {spec.id}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    import shutil

    from inference.versions import user_models_dir

    catalog = Catalog.load()
    spec = catalog.remove(args.id, full_registry(catalog))
    catalog.save()
    shutil.rmtree(user_models_dir() / spec.id, ignore_errors=True)
    print(f"Removed {spec.id}.")
    return 0


def _use(args: argparse.Namespace) -> int:
    catalog = Catalog.load()
    registry = full_registry(catalog)
    spec = registry.get(args.id)
    catalog.use(spec, registry)
    catalog.save()
    print(f"Now using {spec.id} ({spec.name}) for the {_role_word(spec.role)}.")
    return 0


def _rollback(args: argparse.Namespace) -> int:
    catalog = Catalog.load()
    role: Role = args.role
    model_id = catalog.rollback(role, full_registry(catalog))
    catalog.save()
    print(f"Back to {model_id} for the {_role_word(role)}.")
    return 0


def _role_word(role: str) -> str:
    return "tutor" if role == "chat" else "search"


def _print_progress() -> Callable[[str, float], None]:
    last = [""]

    def report(message: str, _fraction: float) -> None:
        if message != last[0]:
            last[0] = message
            print(message, flush=True)

    return report
