"""The starter packs in ``assets/content/`` meet the issue's content bar.

These checks read the packs with nothing but ``tomllib`` and plain text parsing, so they
hold whatever the validator (``app.core.content``) does; the validator's own tests run it
on these packs too. They check what the format leaves optional but the starter packs
promise: every question has a lesson, three hints and a worked solution, and no hint gives
the answer away.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "assets" / "content"
TYPES = {"multiple_choice", "multiple_answer", "true_false", "numeric", "short_text"}
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")
CJK = re.compile(r"[\u4e00-\u9fff]")
FULLWIDTH_COMMA, IDEOGRAPHIC_STOP = "\uff0c", "\u3002"  # Chinese text uses these, not , .
NUMBER = re.compile(r"^(?:(\d+) )?(\d+)/(\d+)$|^(\d+(?:\.\d+)?)(%?)$")


@dataclass(frozen=True)
class Expect:
    """What the issue demands of one starter pack."""

    language: str
    skills: int
    lessons: int
    questions: int
    types: frozenset[str]


EXPECT = {
    "fractions": Expect("en", 6, 6, 60, frozenset(TYPES)),
    "photosynthesis": Expect("en", 4, 4, 30, frozenset(TYPES)),
    "fractions-zh": Expect("zh-Hans", 3, 3, 20, frozenset(TYPES)),
}


@dataclass
class Pack:
    meta: dict[str, Any]
    lessons: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)
    questions: list[dict[str, Any]] = field(default_factory=list)


def _front_matter(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"\+\+\+\n(.*?)\n\+\+\+\n(.*)", text, re.DOTALL)
    assert match, f"{path.name}: no TOML front matter between +++ lines"
    return tomllib.loads(match.group(1)), match.group(2)


def _load(folder: str) -> Pack:
    root = CONTENT / folder
    pack = Pack(tomllib.loads((root / "pack.toml").read_text(encoding="utf-8")))
    for path in sorted((root / "lessons").glob("*.md")):
        meta, body = _front_matter(path)
        assert meta["id"] not in pack.lessons, f"duplicate lesson id {meta['id']}"
        pack.lessons[meta["id"]] = (meta, body)
    for path in sorted((root / "questions").glob("*.toml")):
        pack.questions += tomllib.loads(path.read_text(encoding="utf-8"))["questions"]
    return pack


@pytest.fixture(scope="module", params=sorted(EXPECT))
def pack(request: pytest.FixtureRequest) -> tuple[str, Pack]:
    return request.param, _load(request.param)


def parse_number(text: str) -> Fraction:
    """Parse the numeric answer forms the format allows: 3, 0.75, 3/4, 1 1/2, 75%."""
    match = NUMBER.match(text.strip())
    assert match, f"numeric answer {text!r} does not parse"
    whole, num, den, plain, percent = match.groups()
    if plain is not None:
        value = Fraction(plain)
        return value / 100 if percent else value
    assert int(den) != 0, f"numeric answer {text!r} divides by zero"
    return int(whole or 0) + Fraction(int(num), int(den))


def _words(text: str) -> int:
    """Word count; a CJK character counts as half a word (two characters ~ one word)."""
    cjk = len(CJK.findall(text))
    return len(CJK.sub(" ", text).split()) + cjk // 2


def _sections(body: str) -> list[tuple[str, str]]:
    parts = re.split(r"^(#{1,3} .*)$", body, flags=re.MULTILINE)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts) - 1, 2)]


def _answer_texts(q: dict[str, Any]) -> list[str]:
    """The forms of the answer a hint must not state outright."""
    if q["type"] == "numeric":
        return [q["answer"]]
    if q["type"] in {"multiple_choice", "multiple_answer"}:
        return [c["text"] for c in q["choices"] if c["correct"]]
    if q["type"] == "short_text":
        return list(q["answers"])
    return []


def _states(hint: str, answer: str) -> bool:
    if re.fullmatch(r"[\d/ .%]+", answer):  # a number: match it as a whole token
        return re.search(rf"(?<![\d/.]){re.escape(answer)}(?![\d/]|\.\d)", hint) is not None
    return answer.casefold().strip(" .。") in hint.casefold()


def test_pack_metadata(pack: tuple[str, Pack]) -> None:
    folder, p = pack
    for key in ("id", "version", "title", "subject", "language", "licence", "authors",
                "attribution", "description"):
        assert key in p.meta, f"{folder}/pack.toml lacks {key}"
    assert p.meta["id"] == folder
    assert SEMVER.match(p.meta["version"])
    assert p.meta["language"] == EXPECT[folder].language
    assert p.meta["authors"] and p.meta["licence"]


def test_skill_graph(pack: tuple[str, Pack]) -> None:
    folder, p = pack
    skills = {s["id"]: s for s in p.meta["skills"]}
    assert len(skills) == len(p.meta["skills"]), "duplicate skill id"
    assert len(skills) >= EXPECT[folder].skills
    assert any(s["prerequisites"] for s in skills.values()), "no skill has prerequisites"
    for s in skills.values():
        assert s["name"] and s["description"]
        assert set(s["prerequisites"]) <= set(skills), f"{s['id']}: unknown prerequisite"
    done: set[str] = set()
    while len(done) < len(skills):  # peel off skills whose prerequisites are all done
        ready = {k for k, s in skills.items() if k not in done and set(s["prerequisites"]) <= done}
        assert ready, f"prerequisite cycle among {sorted(set(skills) - done)}"
        done |= ready


def test_lessons(pack: tuple[str, Pack]) -> None:
    folder, p = pack
    skills = {s["id"] for s in p.meta["skills"]}
    assert len(p.lessons) >= EXPECT[folder].lessons
    orders = [meta["order"] for meta, _ in p.lessons.values()]
    assert len(set(orders)) == len(orders), "two lessons share an order"
    for lesson_id, (meta, body) in p.lessons.items():
        assert meta["title"] and meta["reading_level"]
        assert meta["skills"] and set(meta["skills"]) <= skills, lesson_id
        sections = [s for s in _sections(body) if s[0].startswith("## ")]
        assert len(sections) >= 2, f"{lesson_id}: split the lesson into ## sections"
        for heading, text in sections:
            n = _words(text)
            assert 70 <= n <= 300, f"{lesson_id} {heading!r}: {n} words (aim for 100-250)"


def test_question_counts_and_types(pack: tuple[str, Pack]) -> None:
    folder, p = pack
    ids = [q["id"] for q in p.questions]
    assert len(ids) == len(set(ids)), "duplicate question id"
    assert len(ids) >= EXPECT[folder].questions
    assert {q["type"] for q in p.questions} >= EXPECT[folder].types
    skills = {s["id"] for s in p.meta["skills"]}
    assert {q["skill"] for q in p.questions} == skills, "every skill needs questions"
    assert {q["lesson"] for q in p.questions} == set(p.lessons), "every lesson needs questions"


def test_every_question_is_complete(pack: tuple[str, Pack]) -> None:
    _, p = pack
    skills = {s["id"] for s in p.meta["skills"]}
    for q in p.questions:
        where = q["id"]
        assert q["type"] in TYPES, where
        assert q["skill"] in skills and q["lesson"] in p.lessons, where
        assert q["skill"] in p.lessons[q["lesson"]][0]["skills"], f"{where}: lesson/skill"
        assert 1 <= q["difficulty"] <= 5 and q["prompt"].strip(), where
        assert len(q["hints"]) == 3 and all(h.strip() for h in q["hints"]), where
        assert len(set(q["hints"])) == 3, f"{where}: repeated hint"
        assert q["solution"].strip(), where
        _check_answer(q)


def _check_answer(q: dict[str, Any]) -> None:
    where, kind = q["id"], q["type"]
    if kind in {"multiple_choice", "multiple_answer"}:
        choices = q["choices"]
        correct = sum(bool(c["correct"]) for c in choices)
        assert len(choices) >= 2 and all(c["text"] and c["feedback"] for c in choices), where
        assert correct == 1 if kind == "multiple_choice" else correct >= 1, where
        assert len({c["text"] for c in choices}) == len(choices), f"{where}: same choice twice"
    elif kind == "true_false":
        assert isinstance(q["answer"], bool), where
    elif kind == "numeric":
        assert isinstance(q["answer"], str), where
        parse_number(q["answer"])
    else:
        assert q["answers"] and q["keywords"], where
        assert all(k.strip() for k in q["keywords"]), where


def test_hints_do_not_give_the_answer_away(pack: tuple[str, Pack]) -> None:
    _, p = pack
    leaks = [
        f"{q['id']} hint {i + 1} states {answer!r}"
        for q in p.questions
        for answer in _answer_texts(q)
        for i, hint in enumerate(q["hints"])
        if _states(hint, answer)
    ]
    assert not leaks, "\n".join(leaks)


def test_numeric_answers_parse() -> None:
    assert parse_number("3/4") == Fraction(3, 4)
    assert parse_number("1 1/2") == Fraction(3, 2)
    assert parse_number("75%") == Fraction(3, 4)
    assert parse_number("0.25") == Fraction(1, 4)
    with pytest.raises(AssertionError):
        parse_number("three quarters")


def test_leak_check_catches_stated_answers_only() -> None:
    assert _states("So the answer is 3/4.", "3/4")
    assert _states("Add them: 2 + 3 = 5.", "5")
    assert _states("It is the Stroma, of course", "stroma")
    assert not _states("24 ÷ 6 gives the bottom number", "4")  # 4 only inside 24
    assert not _states("The whole is 4 slices", "1/4")
    assert not _states("Try 13/4 and 3/45", "3/4")


def test_photosynthesis_credits_openstax_and_has_all_exercises() -> None:
    p = _load("photosynthesis")
    assert p.meta["licence"] == "CC BY 4.0"
    assert "Concepts of Biology, OpenStax, CC BY 4.0" in p.meta["attribution"]
    sources = [q.get("source", "") for q in p.questions]
    exercises = {s for s in sources if s.startswith("OpenStax Concepts of Biology 5.")}
    assert len(exercises) == 16, sorted(exercises)
    assert sum(s.startswith("OpenStax Concepts of Biology 5.1") for s in exercises) == 6
    assert sum(s.startswith("OpenStax Concepts of Biology 5.2") for s in exercises) == 5
    assert sum(s.startswith("OpenStax Concepts of Biology 5.3") for s in exercises) == 5
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Content credits" in readme and "OpenStax" in readme


def test_chinese_pack_is_written_in_chinese() -> None:
    p = _load("fractions-zh")
    assert CJK.search(p.meta["title"])
    for lesson_id, (_, body) in p.lessons.items():
        assert len(CJK.findall(body)) > 300, lesson_id
        assert FULLWIDTH_COMMA in body and IDEOGRAPHIC_STOP in body, f"{lesson_id}: punctuation"
    for q in p.questions:
        assert CJK.search(q["prompt"]) and CJK.search(q["solution"]), q["id"]
        assert all(CJK.search(h) for h in q["hints"]), q["id"]
