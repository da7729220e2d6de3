"""rss_overhead_mb: the app's peak memory beyond the model files themselves.

The app runs its own headless self-test (``python -m app --self-test``: the real main
window offscreen, both default models loaded through the app's load operation, one
streamed answer) in a child process; the child's peak RSS comes from ``wait4`` for that
one process, so nothing else the benchmark runs is counted. The model files' sizes are
subtracted: llama.cpp maps the GGUF and ONNX Runtime reads the ONNX file, so they are
in memory by design, and what we can reduce is everything else.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from benchmarks.registry import Figure, benchmark
from inference.registry import load_registry

_MB = 1024 * 1024
_TIMEOUT_S = 600


def child_peak_rss(cmd: list[str], env: dict[str, str]) -> tuple[int, int, str]:
    """Run ``cmd``; (exit code, peak RSS in bytes, last line of its output). POSIX only."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)  # wait4 already reaped it
        out.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines()
    # ru_maxrss is KiB on Linux and bytes on macOS.
    peak = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return proc.returncode, peak, lines[-1] if lines else ""


def default_model_bytes() -> dict[str, int]:
    registry = load_registry()
    return {spec.id: sum(f.size for f in spec.files)
            for spec in (registry.default("chat"), registry.default("embed"))}


@benchmark("rss_overhead_mb")
def rss_overhead_mb() -> Figure:
    with tempfile.TemporaryDirectory(prefix="lantern-rss-") as home:
        env = {**os.environ, "LANTERN_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        code, peak, last = child_peak_rss([sys.executable, "-m", "app", "--self-test"], env)
        bare_code, bare, _ = child_peak_rss([sys.executable, "-c", "pass"], env)
    if code != 0 or bare_code != 0:
        raise RuntimeError(f"the self-test failed (exit {code}): {last}")
    models = default_model_bytes()
    overhead = (peak - sum(models.values())) / _MB
    return Figure(
        name="rss_overhead_mb", value=overhead, unit="MB", goal="<= 300",
        baseline="absolute: peak RSS of `python -m app --self-test` minus the model files",
        detail={"peak_rss_mb": round(peak / _MB, 1),
                "model_files_mb": {k: round(v / _MB, 1) for k, v in models.items()},
                "bare_python_rss_mb": round(bare / _MB, 1)})
