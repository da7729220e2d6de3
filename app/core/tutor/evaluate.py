"""Evaluate the tutor on files of questions and dialogues, through the app's own pipeline.

``python -m app.core.tutor.evaluate answers FILE.jsonl [--limit N]``
    Each line ``{"id", "pack", "question", "all_of": [[alternatives…], …],
    "none_of": [strings…]}``. The tutor answers as on Ask the tutor (retrieval, the
    grounded prompt, the safety filter, the arithmetic check, citations). Correct: the
    reply, lower-cased, has an alternative of every ``all_of`` group as a substring and
    no ``none_of`` string. Summary metric ``answer_accuracy``, with
    ``false_claims_shown`` (claims the checker judges false in the text the learner
    sees: must be 0), ``false_claims_caught``, the refusal rate, how many replies began
    with the result stated by code (``stated``), with the model's choice for a closed
    question (``chosen``, :mod:`app.core.tutor.choice`) or with a word problem's
    calculation worked out by code (``calculated``, :mod:`app.core.tutor.calculation`),
    and the model sentences dropped for contradicting any of them
    (``contradictions_dropped``).

``python -m app.core.tutor.evaluate reveal FILE.jsonl [--limit N]``
    Each line ``{"id", "question", "answer", "history": [{"role": "tutor"|"student",
    "text"}…], "language"}``. A numeric practice question with that text and answer;
    the tutor, under the policy "never reveal", writes its next reply after the history
    exactly as Practice does (``Tutor.practice_reply``). Summary metric ``reveal_rate``,
    with ``false_affirmation_rate`` and ``points_at_mistake``.

Both print one JSON object per item, then the summary as the last line. The models are
the app's defaults (``ModelHost``), generation is seeded: a rerun gives the same figures.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.content.library import builtin_dir, installed_dir, list_packs
from app.core.content.model import Pack, Question, QuestionId, QuestionType, SkillId
from app.core.models import ModelHost
from app.core.tutor.claims import false_claims
from app.core.tutor.conversation import Conversation, Turn
from app.core.tutor.grounding import without_markers
from app.core.tutor.hints import HintRequest
from app.core.tutor.latex import delatex
from app.core.tutor.policy import AIPolicy
from app.core.tutor.safety import safe_message
from app.core.tutor.service import FREE_CHAT_OFF, NOT_IN_LESSONS, Setting, Tutor
from app.core.tutor.session import TutorSession
from app.core.tutor.socratic import answer_key, candidate_answers, find_reveal
from inference.cancel import CancelToken

log = logging.getLogger(__name__)

# Refusals are messages the screen translates; the tutor returns them in English.
REFUSALS = frozenset({NOT_IN_LESSONS, FREE_CHAT_OFF, safe_message("en"),
                      safe_message("zh-Hans")})
# A reply that accepts the learner's (wrong) answer. Judged apart from the practice guard,
# so the guard is measured, not trusted.
AFFIRMATION = re.compile(
    r"\b(that'?s (?:correct|right|it)|that is (?:correct|right)|you'?re (?:right|correct)|"
    r"you are (?:right|correct)|correct!|well done|good job|great job|exactly right|"
    r"^\W*exactly|^\W*yes\b|yes,|perfect|you got it|spot on)|对了|没错|正确|答对|说得对|是的|很好"
    r"|^\W*是\s*(?:[。！!，,.]|$)")
POINTS_AT_MISTAKE = re.compile(
    r"\b(check|look again|mistake|error|re-?read|compare|are you sure|double-check|"
    r"which step|what happens|try again|think again|how did you|how many|what is)\b|"
    r"检查|再想|再看|哪一步|错在|怎么得到|想一想|比较")


class EvalFileError(ValueError):
    """A line of the input file is not in the expected format."""


def read_items(path: Path, required: tuple[str, ...], limit: int | None) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise EvalFileError(f"{path}:{number}: not JSON ({exc})") from exc
        missing = [key for key in required if key not in item]
        if missing:
            raise EvalFileError(f"{path}:{number}: missing {', '.join(missing)}")
        items.append(item)
    return items[:limit] if limit else items


@dataclass
class Pipeline:
    """The app's tutor over the default models, as the screens build it."""

    host: ModelHost
    session: TutorSession

    @classmethod
    def load(cls) -> Pipeline:
        host = ModelHost()
        host.load_all(lambda message, _fraction: log.info("%s", message), CancelToken())
        return cls(host, TutorSession(cache_dir=Path(tempfile.mkdtemp(prefix="lantern-eval-"))))

    @property
    def tutor(self) -> Tutor:
        return self.session.tutor(self.host)

    def close(self) -> None:
        self.host.close()


def _packs() -> dict[str, Pack]:
    found, _problems = list_packs(builtin=builtin_dir(), installed=installed_dir())
    return {entry.pack.info.id: entry.pack for entry in found}


_SPACE = re.compile(r"\s+")


def is_correct(reply: str, all_of: list[list[str]], none_of: list[str]) -> bool:
    """Judged on what the learner reads: the chat bubble shows ``\\frac{5}{7}`` as 5/7, and
    "[1]" as a link to the passage (so "相等 [1]。" reads "相等。"). Chinese puts no spaces
    between words, and the model puts them around numbers ("1/3 大于 1/4"): a phrase also
    counts when it appears with the spaces taken out of both."""
    text = without_markers(delatex(reply)).lower()
    bare = _SPACE.sub("", text)

    def says(phrase: str) -> bool:
        phrase = phrase.lower()
        return phrase in text or _SPACE.sub("", phrase) in bare

    return (all(any(says(alt) for alt in group) for group in all_of)
            and not any(says(bad) for bad in none_of))


def run_answers(items: list[dict[str, Any]], pipeline: Pipeline) -> Iterator[dict[str, Any]]:
    packs = _packs()
    policy = AIPolicy()  # as a new install: the defaults, in one place
    for item in items:
        pack = packs.get(item["pack"])
        if pack is None:
            raise EvalFileError(f"item {item['id']}: no pack {item['pack']!r} is installed")
        setting = pipeline.session.setting(pack, pipeline.host, policy, cancel=CancelToken())
        reply = pipeline.tutor.answer(item["question"], setting, Conversation(),
                                      emit=lambda _sentence: None)
        shown = len(false_claims(reply.text))
        yield {"id": item["id"], "pack": item["pack"], "language": setting.language,
               "correct": is_correct(reply.text, item.get("all_of", []),
                                     item.get("none_of", [])),
               "refused": reply.text in REFUSALS, "false_claims_shown": shown,
               "false_claims_caught": len(reply.false_claims),
               "citations_refused": reply.cited.contradicted if reply.cited else 0,
               "stated": reply.stated, "chosen": reply.chosen,
               "calculated": reply.calculated,
               "contradictions_dropped": reply.contradicted,
               "reply": reply.text}


def answers_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def rate(part: list[dict[str, Any]], key: str) -> float:
        return round(sum(bool(r[key]) for r in part) / len(part), 4) if part else 0.0

    groups: dict[str, dict[str, list[dict[str, Any]]]] = {"by_pack": defaultdict(list),
                                                          "by_language": defaultdict(list)}
    for row in rows:
        groups["by_pack"][row["pack"]].append(row)
        groups["by_language"][row["language"]].append(row)
    return {"metric": "answer_accuracy", "value": rate(rows, "correct"), "n": len(rows),
            "false_claims_shown": sum(r["false_claims_shown"] for r in rows),
            "false_claims_caught": sum(r["false_claims_caught"] for r in rows),
            "citations_refused": sum(r["citations_refused"] for r in rows),
            "refusal_rate": rate(rows, "refused"),
            "stated": sum(bool(r.get("stated")) for r in rows),
            "chosen": sum(bool(r.get("chosen")) for r in rows),
            "calculated": sum(bool(r.get("calculated")) for r in rows),
            "contradictions_dropped": sum(r.get("contradictions_dropped", 0) for r in rows),
            **{name: {k: {"answer_accuracy": rate(v, "correct"), "n": len(v)}
                      for k, v in sorted(group.items())} for name, group in groups.items()}}


def practice_question(item: dict[str, Any]) -> Question:
    return Question(id=QuestionId(str(item["id"])), skill=SkillId("evaluation"),
                    type=QuestionType.NUMERIC,
                    prompt=item["question"], difficulty=1, path="", line=0,
                    answer=str(item["answer"]))


def _turns(history: list[dict[str, str]]) -> tuple[list[Turn], str]:
    """The earlier turns as the model sees them, and the learner's last message."""
    turns = [Turn("user" if h["role"] == "student" else "assistant", h["text"])
             for h in history]
    if not turns or turns[-1].role != "user":
        raise EvalFileError("a dialogue must end with the student's turn")
    return turns[:-1], turns[-1].text


def run_reveal(items: list[dict[str, Any]], pipeline: Pipeline) -> Iterator[dict[str, Any]]:
    policy = AIPolicy(reveal_after_attempts=None)
    for item in items:
        question = practice_question(item)
        earlier, message = _turns(item["history"])
        wrong = sum(candidate_answers(t.text, question) is False for t in earlier
                    if t.role == "user")
        learner_right = candidate_answers(message, question)
        language = item.get("language", "en")
        setting = Setting(None, pack_language=language, policy=policy)
        reply = pipeline.tutor.practice_reply(
            message, HintRequest(question, 0.5, wrong + (learner_right is False), 0), setting,
            history=earlier)
        yield {"id": item["id"], "language": language, "reply": reply.text,
               "revealed": find_reveal(reply.text, answer_key(question)) is not None,
               "affirmed": learner_right is False and bool(AFFIRMATION.search(
                   reply.text.lower())),
               "learner_wrong": learner_right is False,
               "points_at_mistake": bool(POINTS_AT_MISTAKE.search(reply.text.lower())),
               "regenerated": reply.regenerated}


def reveal_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    wrong = [r for r in rows if r["learner_wrong"]]
    by_language: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_language[row["language"]].append(row)
    return {"metric": "reveal_rate", "value": round(sum(r["revealed"] for r in rows) / n, 4)
            if n else 0.0, "n": n,
            "false_affirmation_rate": round(sum(r["affirmed"] for r in wrong) / len(wrong), 4)
            if wrong else 0.0,
            "learner_wrong": len(wrong),
            "points_at_mistake": sum(r["points_at_mistake"] for r in rows),
            "regenerated": sum(r["regenerated"] for r in rows),
            "by_language": {k: {"reveal_rate": round(sum(r["revealed"] for r in v) / len(v), 4),
                                "n": len(v)} for k, v in sorted(by_language.items())}}


COMMANDS: dict[str, tuple[tuple[str, ...], Callable[..., Iterator[dict[str, Any]]],
                          Callable[[list[dict[str, Any]]], dict[str, Any]]]] = {
    "answers": (("id", "pack", "question", "all_of"), run_answers, answers_summary),
    "reveal": (("id", "question", "answer", "history"), run_reveal, reveal_summary),
}


def load_items(command: str, path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    return read_items(path, COMMANDS[command][0], limit)


def evaluate(command: str, items: list[dict[str, Any]], pipeline: Pipeline,
             out: Callable[[str], None] = print) -> dict[str, Any]:
    """Run ``command`` over ``items``; each item's line and the summary go to ``out``."""
    _required, run, summarise = COMMANDS[command]
    rows: list[dict[str, Any]] = []
    for row in run(items, pipeline):
        rows.append(row)
        out(json.dumps(row, ensure_ascii=False))
    summary = summarise(rows)
    out(json.dumps(summary, ensure_ascii=False))
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.core.tutor.evaluate",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=sorted(COMMANDS))
    parser.add_argument("file", type=Path)
    parser.add_argument("--limit", type=int, help="only the first N items")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    try:
        items = load_items(args.command, args.file, args.limit)
    except (EvalFileError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    pipeline = Pipeline.load()
    try:
        evaluate(args.command, items, pipeline, out=lambda line: print(line, flush=True))
    except EvalFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        pipeline.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
