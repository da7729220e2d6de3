"""docs/benchmarks.md and its plots, generated from a results file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.__main__ import machine
from benchmarks.registry import Figure
from benchmarks.report import RESULTS, latencies, main, merge_results, throughputs, write_page


def results() -> dict[str, object]:
    figures = [
        Figure("decode_ratio", 0.981, "ratio", ">= 0.97", "raw llama-cpp-python loop",
               {"ours_tokens_per_s": 61.2, "raw_tokens_per_s": 62.4}).to_dict(),
        Figure("embed_speed_ratio", 2.1, "ratio", ">= 2.5", "sentence-transformers fp32",
               {"ours_texts_per_s": 210.0, "query_ours_ms": [4.1, 3.9, 5.2],
                "query_fp32_torch_ms": [12.0, 11.5, 14.2]}).to_dict(),
        {"name": "rss_overhead_mb", "error": "the self-test failed | exit 1"},
    ]
    figures[0]["measured"] = {"at": "2026-12-05 10:00 UTC", "load_before": 1.2,
                              "load_after": 3.4, "machine": machine()}
    return {"machine": machine(), "figures": figures}


def test_page_has_a_row_per_figure_and_both_plots(tmp_path: Path) -> None:
    page = write_page(results(), tmp_path, note="Run on a busy machine.").read_text()
    assert "Run on a busy machine.\n\n| figure | value |" in page
    assert "| decode_ratio | 0.981 ratio | >= 0.97 | yes |" in page
    assert "| 2026-12-05 10:00 UTC, load 1.2 → 3.4 |" in page
    assert "| embed_speed_ratio | 2.1 ratio | >= 2.5 | **no** |" in page
    assert "| rss_overhead_mb | error: the self-test failed \\| exit 1 |" in page
    for png in ("throughput.png", "latency.png"):
        data = (tmp_path / "benchmarks" / png).read_bytes()
        assert data.startswith(b"\x89PNG") and f"benchmarks/{png}" in page


def test_plot_series_are_found_in_any_figure_s_detail() -> None:
    figures = results()["figures"]
    assert throughputs(figures) == {"decode_ratio: ours_tokens": 61.2,  # type: ignore[arg-type]
                                    "decode_ratio: raw_tokens": 62.4,
                                    "embed_speed_ratio: ours_texts": 210.0}
    assert list(latencies(figures)) == ["embed_speed_ratio: query_ours",  # type: ignore[arg-type]
                                        "embed_speed_ratio: query_fp32_torch"]


def test_a_file_that_is_not_a_results_file_is_refused_clearly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "results.json"
    bad.write_text(json.dumps({"hello": 1}))
    assert main([str(bad), "--out", str(tmp_path / "docs")]) == 2
    assert "not a results file" in capsys.readouterr().err
    assert not (tmp_path / "docs").exists()  # nothing half-written


def test_a_run_replaces_its_own_rows_and_keeps_the_others(tmp_path: Path) -> None:
    first = results()
    merge_results(tmp_path, first)
    again = Figure("decode_ratio", 0.99, "ratio", ">= 0.97", "raw loop").to_dict()
    new = Figure("ttft_grounded_ms", 900.0, "ms", "<= 2000", "none").to_dict()
    merged = merge_results(tmp_path, {"machine": machine(), "figures": [again, new]})
    names = [f["name"] for f in merged["figures"]]
    assert names == ["decode_ratio", "embed_speed_ratio", "rss_overhead_mb",
                     "ttft_grounded_ms"]
    assert merged["figures"][0]["value"] == 0.99
    stored = json.loads((tmp_path / "benchmarks" / RESULTS).read_text())
    assert stored == merged
    page = write_page(merged, tmp_path).read_text()
    assert "| embed_speed_ratio | 2.1 ratio |" in page and "not recorded" in page


def test_a_damaged_results_file_is_replaced_by_the_run(tmp_path: Path) -> None:
    (tmp_path / "benchmarks").mkdir()
    (tmp_path / "benchmarks" / RESULTS).write_text("{not json")
    merged = merge_results(tmp_path, results())
    assert len(merged["figures"]) == 3
