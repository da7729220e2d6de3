"""Response logs: who answered which skill, right or wrong, in order.

One :class:`Responses` value holds many learners as flat NumPy arrays in time order per
learner. It is what EM fitting and evaluation consume. Three ways in:

- :func:`load_pykt`: pyKT's CSV (``fold,uid,concepts,responses``; comma lists per row).
- :func:`load_three_line`: the common 3-line format (count; skill ids; 0/1 answers).
- :func:`from_attempts`: the app's own attempt history, for a teacher's local refit.

Bad files raise :class:`ResponseFormatError` whose message names the file and line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


class ResponseFormatError(ValueError):
    """A response file could not be read; the message says where and what to fix."""


@dataclass(frozen=True)
class Responses:
    """Flat response arrays, grouped by learner, in answer order within each learner.

    Attributes:
        learner: learner index per response (rows of one learner are contiguous).
        skill: skill index per response, into ``skill_names``.
        correct: 1 for a right answer, 0 for a wrong one.
        skill_names: the skill ids as they appear in the source (pyKT ids, app skill ids).
    """

    learner: IntArray
    skill: IntArray
    correct: IntArray
    skill_names: tuple[str, ...]

    def __len__(self) -> int:
        return int(self.correct.size)

    @property
    def n_learners(self) -> int:
        return int(self.learner.max()) + 1 if len(self) else 0

    def first_of_learner(self) -> npt.NDArray[np.bool_]:
        """True where a response is its learner's first (no history to predict from)."""
        first = np.ones(len(self), dtype=bool)
        first[1:] = self.learner[1:] != self.learner[:-1]
        return first

    def take_learners(self, count: int) -> Responses:
        """The first ``count`` learners only (keeps tests and ``--sample`` fast)."""
        keep = self.learner < count
        return Responses(self.learner[keep], self.skill[keep], self.correct[keep],
                         self.skill_names)

    def with_vocabulary(self, names: Sequence[str]) -> Responses:
        """Re-index skills onto ``names`` (a fitted model's), appending unseen skills."""
        vocab = {name: i for i, name in enumerate(names)}
        merged = list(names)
        for name in self.skill_names:
            if name not in vocab:
                vocab[name] = len(merged)
                merged.append(name)
        mapping = np.array([vocab[n] for n in self.skill_names], dtype=np.int64)
        return Responses(self.learner, mapping[self.skill] if len(self) else self.skill,
                         self.correct, tuple(merged))


def build(rows: Iterable[tuple[Sequence[str], Sequence[int]]]) -> Responses:
    """Make :class:`Responses` from per-learner ``(skill ids, answers)`` pairs."""
    vocab: dict[str, int] = {}
    learners: list[IntArray] = []
    skills: list[IntArray] = []
    answers: list[IntArray] = []
    for index, (skill_ids, correct) in enumerate(rows):
        skills.append(np.array([vocab.setdefault(s, len(vocab)) for s in skill_ids],
                               dtype=np.int64))
        answers.append(np.asarray(correct, dtype=np.int64))
        learners.append(np.full(len(skill_ids), index, dtype=np.int64))
    if not learners:
        empty = np.zeros(0, dtype=np.int64)
        return Responses(empty, empty, empty, ())
    return Responses(np.concatenate(learners), np.concatenate(skills),
                     np.concatenate(answers), tuple(vocab))


def _answers(text: str, where: str) -> list[int]:
    values = [v.strip() for v in text.split(",") if v.strip()]
    if any(v not in ("0", "1") for v in values):
        raise ResponseFormatError(f"{where}: answers must be 0 or 1, separated by commas")
    return [int(v) for v in values]


def _skills(text: str) -> list[str]:
    return [v.strip() for v in text.split(",") if v.strip()]


def _checked(skills: list[str], answers: list[int], where: str) -> tuple[list[str], list[int]]:
    if len(skills) != len(answers):
        raise ResponseFormatError(
            f"{where}: {len(skills)} skill ids but {len(answers)} answers; "
            "each answer needs exactly one skill id")
    return skills, answers


def load_pykt(path: Path) -> Responses:
    """Read a pyKT CSV (columns ``concepts`` and ``responses``); ``-1`` padding is dropped."""
    rows = []
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if not {"concepts", "responses"} <= set(reader.fieldnames or ()):
                raise ResponseFormatError(
                    f"{path.name}: not a pyKT file (needs 'concepts' and 'responses' columns)")
            for line, row in enumerate(reader, start=2):
                pairs = [(s, a) for s, a in zip(_skills(row["concepts"]),
                                                row["responses"].split(","), strict=False)
                         if a.strip() != "-1"]
                skills = [s for s, _ in pairs]
                answers = _answers(",".join(a for _, a in pairs), f"{path.name} line {line}")
                rows.append(_checked(skills, answers, f"{path.name} line {line}"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ResponseFormatError(f"Could not read {path}: {exc}") from exc
    return build(rows)


def load_three_line(path: Path) -> Responses:
    """Read the 3-line format (pyKT, DKT): a count, then skill ids, then 0/1 answers,
    per learner; blank lines and trailing commas are ignored."""
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    except (OSError, UnicodeDecodeError) as exc:
        raise ResponseFormatError(f"Could not read {path}: {exc}") from exc
    lines = [line for line in lines if line]
    if len(lines) % 3:
        raise ResponseFormatError(
            f"{path.name}: {len(lines)} non-empty lines; the 3-line format needs a multiple of 3")
    rows = []
    for start in range(0, len(lines), 3):
        where = f"{path.name} line {start + 1}"
        count = lines[start].rstrip(",").strip()  # DKT's files end every line with ","
        if not count.isdigit():
            raise ResponseFormatError(f"{where}: expected the number of answers, a whole number")
        skills = _skills(lines[start + 1])
        answers = _answers(lines[start + 2], f"{path.name} line {start + 3}")
        skills, answers = _checked(skills, answers, where)
        if len(answers) != int(count):
            raise ResponseFormatError(f"{where}: says {count} answers but lists {len(answers)}")
        rows.append((skills, answers))
    return build(rows)


def load(path: Path, fmt: str) -> Responses:
    """Load ``path`` in format ``"pykt"`` or ``"3line"``."""
    if fmt == "pykt":
        return load_pykt(path)
    if fmt == "3line":
        return load_three_line(path)
    raise ResponseFormatError(f"Unknown format {fmt!r}: use 'pykt' or '3line'")


def from_attempts(attempts: Iterable[tuple[str, str, bool]]) -> Responses:
    """Group the app's ``(learner id, skill id, correct)`` attempts, kept in given order."""
    per_learner: dict[str, tuple[list[str], list[int]]] = {}
    for learner, skill, correct in attempts:
        skills, answers = per_learner.setdefault(learner, ([], []))
        skills.append(skill)
        answers.append(int(correct))
    return build(per_learner.values())
