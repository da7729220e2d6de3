"""How often the feedback names the misconception a wrong fraction answer shows.

``python -m app.core.tutor.misconception_eval FILE`` reads the Math Misconceptions and
Errors dataset (``data.json``: misconception id, question, incorrect answer), keeps the
fraction examples (MaE06 to MaE15: simplifying, adding, subtracting, multiplying and
dividing fractions), and asks the app's feedback (``feedback.misconception``) which
mistake each incorrect answer shows. One JSON line per example, then the summary
``{"metric": "misconception_accuracy", "value": X, "n": N, "named": K}``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

from app.core.tutor.claims import normalise
from app.core.tutor.misconceptions import misconception

# The dataset's fraction misconceptions and the app's names for them.
EXPECTED = {"MaE06": "not_equivalent", "MaE07": "one_term", "MaE08": "added_denominators",
            "MaE09": "kept_numerators", "MaE10": "no_regrouping", "MaE11": "mixed_parts",
            "MaE12": "unit_digit", "MaE13": "scaled_both", "MaE14": "divided_parts",
            "MaE15": "inverted_dividend"}
_LAST = re.compile(r"(?:(\d+)\s+)?(\d+)\s*(?:/\s*(\d+))?\s*$")


def final_answer(text: str) -> tuple[Fraction, str] | None:
    """The value a worked answer ends with ("4/5+2/3=6/8" -> 6/8) and how it is written."""
    tail = normalise(text).strip().split("=")[-1].strip()
    found = _LAST.search(tail)
    if not found or (found[3] is not None and int(found[3]) == 0):
        return None
    whole, num, den = found.groups()
    value = Fraction(int(num), int(den)) if den else Fraction(int(num))
    written = f"{num}/{den}" if den else num
    return value + int(whole or 0), written


def examples(path: Path) -> Iterator[dict[str, Any]]:
    for item in json.loads(path.read_text("utf-8")):
        if item.get("Misconception ID") in EXPECTED:
            yield item


def run(path: Path) -> Iterator[dict[str, Any]]:
    for item in examples(path):
        expected = EXPECTED[item["Misconception ID"]]
        answer = final_answer(item["Incorrect Answer"])
        named = misconception(item["Question"], *answer) if answer else ""
        yield {"id": f"{item['Misconception ID']}-{item.get('Example Number', '')}",
               "question": item["Question"], "incorrect": item["Incorrect Answer"],
               "expected": expected, "named": named, "right": named == expected}


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    right = sum(r["right"] for r in rows)
    return {"metric": "misconception_accuracy",
            "value": round(right / len(rows), 4) if rows else 0.0, "n": len(rows),
            "right": right, "named": sum(bool(r["named"]) for r in rows)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.core.tutor.misconception_eval",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("file", type=Path, help="the dataset's data.json")
    args = parser.parse_args(argv)
    try:
        rows = list(run(args.file))
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
    print(json.dumps(summary(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
