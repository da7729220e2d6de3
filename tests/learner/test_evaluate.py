"""Evaluation on a sample of the real ASSISTments 2015 split, and the CLI."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.core.learner.evaluate import auc, log_loss, main, rmse, run
from tests.shared_data import SHARED_DATA

KT = SHARED_DATA / "kt" / "assist2015_pykt"


def test_metrics_on_hand_made_values() -> None:
    y = np.array([0.0, 0.0, 1.0, 1.0])
    assert auc(y, np.array([0.1, 0.4, 0.35, 0.8])) == pytest.approx(0.75)
    assert auc(y, np.array([0.5, 0.5, 0.5, 0.5])) == pytest.approx(0.5)  # ties
    assert rmse(y, np.array([0.0, 0.0, 1.0, 0.0])) == pytest.approx(0.5)
    assert log_loss(np.array([1.0]), np.array([0.5])) == pytest.approx(np.log(2))


def test_full_model_beats_standard_bkt_on_a_real_sample() -> None:
    scores = {s.model: s for s in run(KT / "train_valid.csv", KT / "test.csv", "pykt", 400)}
    assert scores["constant baseline"].auc == pytest.approx(0.5)
    assert scores["standard BKT"].auc > 0.6
    assert scores["BKT + forgetting"].log_loss < scores["constant baseline"].log_loss
    assert scores["full model"].auc > scores["standard BKT"].auc
    assert scores["full model"].log_loss < scores["standard BKT"].log_loss


def test_cli_reads_three_line_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = np.random.default_rng(1)
    blocks = []
    for _ in range(60):
        answers = (rng.random(8) < 0.7).astype(int)
        blocks.append(f"8\n{','.join(['1'] * 4 + ['2'] * 4)}\n{','.join(map(str, answers))}")
    (tmp_path / "train.txt").write_text("\n".join(blocks[:40]))
    (tmp_path / "test.txt").write_text("\n".join(blocks[40:]))
    code = main(["--train", str(tmp_path / "train.txt"), "--test", str(tmp_path / "test.txt"),
                 "--format", "3line"])
    out = capsys.readouterr().out
    assert code == 0
    assert "full model" in out and "0.7271" in out


def test_cli_reports_a_bad_file_clearly(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.txt").write_text("2\n1,1\n0,7\n")
    code = main(["--train", str(tmp_path / "bad.txt"), "--test", str(tmp_path / "bad.txt"),
                 "--format", "3line"])
    assert code == 2
    assert "answers must be 0 or 1" in capsys.readouterr().err
