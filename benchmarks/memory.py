"""rss_overhead_mb: the app's peak memory beyond the model files themselves.

The app runs its own headless self-test (``python -m app --self-test``: the real main
window offscreen, both default models loaded through the app's load operation, one
streamed answer) in a child process, which reports its own peak RSS at exit. The model
files' sizes are subtracted: llama.cpp maps the GGUF and ONNX Runtime reads the ONNX file,
so they are in memory by design, and what we can reduce is everything else.

Pitfall: ``wait4``/``RUSAGE_CHILDREN`` cannot be used. On Linux a child's ``ru_maxrss``
starts from the parent's RSS at ``fork`` (it survives ``exec``), so after the embedding
benchmarks loaded Torch the bare interpreter "peaked" at 1.2 GB. The child reads the
high-water mark of its own address space (``VmHWM``) instead.
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


# Runs a module as ``python -m`` would, then prints the process's own peak RSS in bytes.
_REPORT_PEAK = """
import atexit, resource, runpy, sys

def _peak():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024  # KiB on Linux, bytes on macOS
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale

atexit.register(lambda: print(f"LANTERN_PEAK_RSS={_peak()}", flush=True))
module, sys.argv = sys.argv[1], sys.argv[1:]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""
_MARK = "LANTERN_PEAK_RSS="


def child_peak_rss(args: list[str], env: dict[str, str]) -> tuple[int, int, str]:
    """Run ``python -m <args>``; (exit code, its peak RSS in bytes, last other output line)."""
    done = subprocess.run([sys.executable, "-c", _REPORT_PEAK, *args], env=env,
                          capture_output=True, text=True, timeout=_TIMEOUT_S, check=False)
    lines = (done.stdout + done.stderr).strip().splitlines()
    peaks = [int(line[len(_MARK):]) for line in lines if line.startswith(_MARK)]
    other = [line for line in lines if not line.startswith(_MARK)]
    return done.returncode, peaks[-1] if peaks else 0, other[-1] if other else ""


def default_model_bytes() -> dict[str, int]:
    registry = load_registry()
    return {spec.id: sum(f.size for f in spec.files)
            for spec in (registry.default("chat"), registry.default("embed"))}


@benchmark("rss_overhead_mb")
def rss_overhead_mb() -> Figure:
    with tempfile.TemporaryDirectory(prefix="lantern-rss-") as home:
        env = {**os.environ, "LANTERN_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        code, peak, last = child_peak_rss(["app", "--self-test"], env)
        bare_code, bare, _ = child_peak_rss(["json.tool", "--help"], env)
    if code != 0 or bare_code != 0 or not peak:
        raise RuntimeError(f"the self-test failed (exit {code}): {last}")
    models = default_model_bytes()
    overhead = (peak - sum(models.values())) / _MB
    return Figure(
        name="rss_overhead_mb", value=overhead, unit="MB", goal="<= 300",
        baseline="absolute: peak RSS of `python -m app --self-test` minus the model files",
        detail={"peak_rss_mb": round(peak / _MB, 1),
                "model_files_mb": {k: round(v / _MB, 1) for k, v in models.items()},
                "bare_python_rss_mb": round(bare / _MB, 1)})
