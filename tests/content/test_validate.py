"""Loading and validating packs: every problem, at its file:line, with a fix."""

from __future__ import annotations

import shutil
import zipfile
from fractions import Fraction
from pathlib import Path

import pytest

from app.core.content.__main__ import main
from app.core.content.diagnostics import ContentError
from app.core.content.loader import load_pack, read_pack
from app.core.content.model import QuestionType
from app.core.content.numeric import parse_number
from app.core.content.source import read_source
from tests.content.support import MINI, STARTER, copy_mini, edit, line_of


def problems(path: Path) -> list[str]:
    _pack, diags = read_pack(read_source(path))
    return [str(d) for d in diags]


def test_valid_pack_loads_with_every_part() -> None:
    pack = load_pack(MINI)
    assert pack.info.key == "mini-decimals@1.2.0"
    assert [s.id for s in pack.skills] == ["tenths", "hundredths", "comparing-decimals"]
    assert [x.id for x in pack.lessons] == ["tenths-lesson", "hundredths-lesson"]
    assert {q.type for q in pack.questions} == set(QuestionType)
    mc = next(q for q in pack.questions if q.id == "tenths-mc-1")
    assert len(mc.hints) == 3 and mc.choices[0].correct and mc.lesson == "tenths-lesson"
    numeric = next(q for q in pack.questions if q.type is QuestionType.NUMERIC)
    assert numeric.answer == "0.7" and numeric.tolerance == pytest.approx(0.001)
    assert pack.media == ("media/bar.png",)


@pytest.mark.parametrize("inside", ["", "decimals/"])
def test_zip_reads_like_the_folder(tmp_path: Path, inside: str) -> None:
    archive = tmp_path / "pack.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for file in MINI.rglob("*"):
            if file.is_file():
                out.write(file, inside + file.relative_to(MINI).as_posix())
    assert load_pack(archive) == load_pack(MINI)


def test_unsafe_zip_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("../escape.txt", "x")
    with pytest.raises(ContentError, match="unsafe file name"):
        read_source(archive)


def test_not_a_pack_says_what_to_choose(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(ContentError) as caught:
        read_source(tmp_path / "notes.txt")
    assert "Choose a pack folder" in caught.value.user_message()


def test_all_problems_are_reported_at_once_with_lines(tmp_path: Path) -> None:
    pack = copy_mini(tmp_path)
    tenths, hundredths = pack / "questions" / "tenths.toml", pack / "questions" / "hundredths.toml"
    edit(tenths, 'answer = "0.7"', 'answer = "seven"')
    edit(tenths, 'text = "0.3"\n  correct = true', 'text = "0.3"\n  correct = false')
    edit(hundredths, 'id = "compare-short-1"', 'id = "hund-ma-1"')
    edit(hundredths, 'skill = "comparing-decimals"', 'skill = "comparing"')
    edit(pack / "pack.toml", 'prerequisites = []', 'prerequisites = ["comparing-decimals"]')
    found = problems(pack)
    numeric = line_of(tenths, 'answer = "seven"')
    choices = line_of(tenths, "[[questions.choices]]")
    twice = [n for n, text in enumerate(hundredths.read_text().splitlines(), 1)
             if text == 'id = "hund-ma-1"'][1]
    unknown = line_of(hundredths, 'skill = "comparing"')
    expected = [
        (f"questions/tenths.toml:{numeric}:", "not a number"),
        (f"questions/tenths.toml:{choices}:", "0 correct choices"),
        (f"questions/hundredths.toml:{twice}:", "used twice"),
        (f"questions/hundredths.toml:{unknown}:", "Did you mean “comparing-decimals”?"),
        ("pack.toml:", "go round in a circle"),
    ]
    for where, what in expected:
        assert any(p.startswith(where) and what in p for p in found), (where, what, found)
    assert all(" Fix: " in p for p in found)


def test_duplicate_id_points_at_the_second_one(tmp_path: Path) -> None:
    pack = copy_mini(tmp_path)
    questions = pack / "questions" / "hundredths.toml"
    edit(questions, 'id = "compare-short-1"', 'id = "hund-ma-1"')
    second = [n for n, text in enumerate(questions.read_text().splitlines(), 1)
              if text == 'id = "hund-ma-1"'][1]
    assert problems(pack) == [
        f"questions/hundredths.toml:{second}: The question id “hund-ma-1” is used twice "
        "(first at questions/hundredths.toml:2). Fix: Give every question its own id."]


def test_prerequisite_cycle_names_the_skills(tmp_path: Path) -> None:
    pack = copy_mini(tmp_path)
    edit(pack / "pack.toml", 'prerequisites = []', 'prerequisites = ["hundredths"]')
    [message] = problems(pack)
    assert "tenths → hundredths → tenths" in message
    # Reported where the circle closes: hundredths -> tenths.
    line = line_of(pack / "pack.toml", 'prerequisites = ["tenths"]')
    assert message.startswith(f"pack.toml:{line}:")
    assert "“tenths” from skill “hundredths”" in message


def test_broken_toml_reports_the_line(tmp_path: Path) -> None:
    pack = copy_mini(tmp_path)
    edit(pack / "questions" / "tenths.toml", 'difficulty = 2', 'difficulty = = 2')
    line = line_of(pack / "questions" / "tenths.toml", "difficulty = = 2")
    [message] = problems(pack)
    assert message.startswith(f"questions/tenths.toml:{line}: This line is not valid TOML")


def test_lesson_front_matter_lines_count_from_the_file_start(tmp_path: Path) -> None:
    pack = copy_mini(tmp_path)
    lesson = pack / "lessons" / "02-hundredths.md"
    edit(lesson, 'skills = ["hundredths", "comparing-decimals"]', 'skills = ["hundreds"]')
    [message] = problems(pack)
    assert message.startswith(f"lessons/02-hundredths.md:{line_of(lesson, 'skills =')}:")
    assert "unknown skill “hundreds”" in message


def test_missing_picture_and_wrong_hint_count(tmp_path: Path) -> None:
    pack = copy_mini(tmp_path)
    (pack / "media" / "bar.png").unlink()
    edit(pack / "questions" / "tenths.toml", '  "Each piece is one tenth, 0.1.",\n', "")
    found = problems(pack)
    assert any("media/bar.png" in p and p.startswith("lessons/01-tenths.md:") for p in found)
    assert any("has 2 hints; a hint ladder has exactly three" in p for p in found)


def test_not_utf8_is_reported_not_raised(tmp_path: Path) -> None:
    pack = copy_mini(tmp_path)
    (pack / "questions" / "latin1.toml").write_bytes(b'[[questions]]\nid = "caf\xe9"\n')
    assert any("not saved as UTF-8" in p for p in problems(pack))


@pytest.mark.parametrize(("text", "value"), [
    ("3", Fraction(3)), ("-2.5", Fraction(-5, 2)), ("3/4", Fraction(3, 4)),
    ("1 1/2", Fraction(3, 2)), ("75%", Fraction(3, 4)), ("0,5", Fraction(1, 2)),
    ("\u22121/3", Fraction(-1, 3)), ("1/0", None), ("three", None), ("", None), ("1/2/3", None),
])
def test_numbers(text: str, value: Fraction | None) -> None:
    assert parse_number(text) == value


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MINI)]) == 0
    assert "valid — Decimals in a nutshell 1.2.0" in capsys.readouterr().out
    broken = copy_mini(tmp_path)
    edit(broken / "questions" / "tenths.toml", "answer = true", 'answer = "yes"')
    assert main(["validate", str(MINI), str(broken)]) == 1
    out, err = capsys.readouterr()
    assert "questions/tenths.toml:" in out and "“answer” must be true or false" in out
    assert "1 problem found" in err
    assert main(["validate", str(tmp_path / "missing")]) == 1
    assert "does not exist" in capsys.readouterr().err


STARTERS = ["fractions", "photosynthesis", "fractions-zh"]


@pytest.mark.parametrize("name", STARTERS)
def test_starter_packs_validate_cleanly(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(STARTER / name)]) == 0, capsys.readouterr().out
    pack = load_pack(STARTER / name)
    assert len(pack.questions) >= 20 and len(pack.lessons) >= 3


@pytest.mark.parametrize("name", STARTERS)
def test_broken_starter_copy_is_caught_precisely(name: str, tmp_path: Path) -> None:
    """Three kinds of damage to a real starter pack, each reported at its exact line."""
    pack = tmp_path / name
    shutil.copytree(STARTER / name, pack)
    questions = sorted((pack / "questions").glob("*.toml"))
    numeric = next(p for p in questions if 'type = "numeric"' in p.read_text("utf-8"))
    answer_line = next(n for n, text in enumerate(numeric.read_text("utf-8").splitlines(), 1)
                       if text.startswith("answer = ") and text != "answer = true"
                       and text != "answer = false")
    _replace_line(numeric, answer_line, 'answer = "about a half"')
    skill_line = line_of(questions[0], "skill = ")
    _replace_line(questions[0], skill_line, 'skill = "no-such-skill"')
    (pack / "pack.toml").write_text((pack / "pack.toml").read_text("utf-8").replace(
        'version = "1.0.0"', 'version = "one"'), "utf-8")
    found = problems(pack)
    numeric_at = f"{numeric.relative_to(pack).as_posix()}:{answer_line}:"
    skill_at = f"{questions[0].relative_to(pack).as_posix()}:{skill_line}:"
    assert any(p.startswith(numeric_at) and "not a number" in p for p in found), found
    assert any(p.startswith(skill_at) and "no-such-skill" in p for p in found), found
    assert any(p.startswith("pack.toml:2:") and "semantic version" in p for p in found), found
    assert len(found) == 3, found


def _replace_line(path: Path, number: int, text: str) -> None:
    lines = path.read_text("utf-8").splitlines()
    lines[number - 1] = text
    path.write_text("\n".join(lines) + "\n", "utf-8")


def test_unknown_field_is_reported_with_a_suggestion(tmp_path: Path) -> None:
    pack = copy_mini(tmp_path)
    questions = pack / "questions" / "tenths.toml"
    edit(questions, "hints = [", "hint = [")
    [message] = problems(pack)
    assert message.startswith(f"questions/tenths.toml:{line_of(questions, 'hint = [')}:")
    assert "“hint” is not a field Lantern knows" in message and "Did you mean “hints”?" in message
