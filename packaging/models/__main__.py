"""``python -m packaging.models build|chat-compare [--out DIR] [--threads N] …``.

``build`` prunes the default embedder's vocabulary, measures the result against the
unpruned parent and gates it; it prints progress, the gates and the choice. A candidate
failing the gates is a result, not a crash: the exit code is 0 and the report says which
gate failed by how much; ``--require-pass`` exits 1 instead (for the CI run that switches
the default model).
``chat-compare`` runs every registered chat model as the grounded tutor on English and
Chinese questions and writes ``<out>/chat-compare.json`` (the table in docs/models.md).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m packaging.models")
    parser.add_argument("command", choices=["build", "chat-compare"])
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: build/models in the checkout)")
    parser.add_argument("--threads", type=int, default=None,
                        help="CPU threads (default: 2)")
    parser.add_argument("--require-pass", action="store_true",
                        help="exit 1 when no candidate passes every gate")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.command == "chat-compare":  # llama.cpp only: no torch needed
        from inference.devices import physical_cores

        out = args.out or Path(__file__).resolve().parents[2] / "build" / "models"
        return _chat_compare(out, args.threads or physical_cores())
    from packaging.models.build import BuildConfig, build

    defaults = BuildConfig()
    config = BuildConfig(out=args.out or defaults.out, threads=args.threads or defaults.threads)
    result = build(config, report=lambda line: print(line, flush=True))
    for name, c in result["candidates"].items():
        print(f"{name:14} {c['size_bytes'] / 1e6:6.1f} MB  min cos {c['min_cosine']:.6f}  "
              f"held-out min cos {c['heldout_min_cosine']:.4f}")
    for gate in result["gates"]:
        print(f"  {'PASS' if gate['passed'] else 'FAIL'} {gate['name']}: {gate['value']:.4f} "
              f"({gate['limit']}; {gate['note']})")
    print(f"chosen: {result['chosen'] or 'none (see report.json gates)'}; deterministic: "
          f"{result['deterministic']}; recipe same as committed: "
          f"{result['recipe']['same_as_committed']}; report: {config.out / 'report.json'}")
    return 1 if args.require_pass and not result["chosen"] else 0


def _chat_compare(out: Path, threads: int) -> int:
    from packaging.models.chat_compare import CASES, compare

    results = compare(out / "cache", threads)
    out.mkdir(parents=True, exist_ok=True)
    (out / "chat-compare.json").write_text(json.dumps(
        {"cases": [c.question for c in CASES], "threads": threads, "results": results},
        indent=2, ensure_ascii=False))
    print("| model | file | key facts EN | key facts ZH | decode | first token p50 | peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['model']} | {r['file_mb']:.0f} MB | {r['score_en']:.0%} | "
              f"{r['score_zh']:.0%} | {r['decode_tokens_per_s']:.1f} tokens/s | "
              f"{r['first_token_ms_p50']:.0f} ms | {r['peak_rss_mb']:.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
