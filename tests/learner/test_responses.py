"""Loading response logs: pyKT CSV, the 3-line format, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.core.learner.responses import ResponseFormatError, load, load_pykt, load_three_line
from tests.shared_data import SHARED_DATA

KT = SHARED_DATA / "kt" / "assist2015_pykt"


def test_three_line_format(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text("3\n5,5,7\n0,1,1\n\n2\n7,7\n1,1\n")
    data = load_three_line(path)
    assert data.skill_names == ("5", "7")
    assert data.learner.tolist() == [0, 0, 0, 1, 1]
    assert data.skill.tolist() == [0, 0, 1, 1, 1]
    assert data.correct.tolist() == [0, 1, 1, 1, 1]
    assert data.first_of_learner().tolist() == [True, False, False, True, False]


def test_three_line_files_with_trailing_commas(tmp_path: Path) -> None:
    # As DKT's and pyKT's ASSISTments files are written: every line ends with a comma.
    path = tmp_path / "dkt.csv"
    path.write_text("3,\n5,5,7,\n0,1,1,\n2\n7,7,\n1,1,\n")
    data = load(path, "3line")
    assert data.skill_names == ("5", "7")
    assert data.correct.tolist() == [0, 1, 1, 1, 1]
    assert data.learner.tolist() == [0, 0, 0, 1, 1]


def test_real_pykt_file_loads() -> None:
    data = load_pykt(KT / "test.csv").take_learners(50)
    assert data.n_learners == 50
    assert set(np.unique(data.correct)) <= {0, 1}
    assert len(data.skill_names) > 5


@pytest.mark.parametrize(("text", "expected"), [
    ("3\n5,5\n0,1\n", "says 3 answers but lists 2"),
    ("2\n5,5\n0,2\n", "answers must be 0 or 1"),
    ("two\n5,5\n0,1\n", "number of answers"),
    ("2\n5,5\n", "multiple of 3"),
    ("2\n5\n0,1\n", "1 skill ids but 2 answers"),
])
def test_bad_three_line_files_say_what_is_wrong(tmp_path: Path, text: str,
                                                expected: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(text)
    with pytest.raises(ResponseFormatError, match=expected):
        load(path, "3line")


def test_a_csv_that_is_not_pykt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "grades.csv"
    path.write_text("name,score\nAna,3\n")
    with pytest.raises(ResponseFormatError, match="not a pyKT file"):
        load(path, "pykt")


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ResponseFormatError, match="Could not read"):
        load(tmp_path / "nope.csv", "pykt")
    with pytest.raises(ResponseFormatError, match="Unknown format"):
        load(tmp_path / "x", "xml")
