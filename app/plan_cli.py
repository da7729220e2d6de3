"""``python -m app plan --pack PATH``: the plan a new learner would see for a pack.

For a teacher checking an import before handing it out, and for scripts: the pack folder
or zip is read and validated exactly as the Content page does, and the recommender's
first picks for someone who has answered nothing yet are printed. The last line is JSON::

    {"plan": [{"kind": "new skill", "skill": "…", "reason": "…"}, …]}

No profile is opened and nothing is written. No Qt here.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

from app.core.content.diagnostics import ContentError
from app.core.content.loader import load_pack
from app.core.learner.journal import first_plan


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m app plan",
        description="Print the plan a new learner would see on Home for a content pack.")
    parser.add_argument("--pack", type=Path, required=True,
                        help="a content pack folder or zip (e.g. one an import wrote)")
    parser.add_argument("--count", type=int, default=3,
                        help="how many activities to plan (Home shows 3)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        pack = load_pack(args.pack)
    except ContentError as exc:
        print(f"error: {exc.user_message()}", file=sys.stderr)
        for diagnostic in exc.diagnostics[:10]:
            print(f"  {diagnostic}", file=sys.stderr)
        return 2
    plan = first_plan(pack, now=datetime.now(timezone.utc), count=max(args.count, 1))
    print(f"{pack.info.title} ({pack.info.id}): {len(pack.skills)} skills, "
          f"{len(pack.lessons)} lessons, {len(pack.questions)} questions")
    items = [{"kind": rec.kind.value, "skill": rec.skill_id, "target": rec.target_id,
              "title": rec.title, "reason": str(rec.reason)} for rec in plan]
    print(json.dumps({"plan": items}, ensure_ascii=False))
    return 0
