"""GUI figures: startup_ratio and gui_stall_ms_max.

- ``startup_ratio``: launch to the first interactive window of ``python -m app`` (the
  sign-in screen painted, its profile list shown) ÷ launch to the first paint of a bare
  PySide6 window with one label; alternating runs, median.
- ``gui_stall_ms_max``: the longest GUI-thread stall (heartbeat gap measured by the
  app's own tripwire) while the real tutor model streams an answer into the real window.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.main import STARTUP_PROBE
from benchmarks.registry import Figure, benchmark

RUNS = 11  # a median of 5 moved by 0.05 from run to run on a 2-core machine
APP = ["-m", "app"]  # as the desktop icon starts it; the probe is switched on by PROBE_ENV
PROBE_ENV = {STARTUP_PROBE: "1"}
BARE = ["-m", "benchmarks.startup_bare"]
REPO = Path(__file__).resolve().parents[1]


def _shown_seconds(args: list[str], home: str) -> float:
    """Seconds from launching ``python args`` to the ``shown_at`` (epoch) it prints.

    Timed from here, not from the child's process creation time: psutil derives that
    from the boot time, which Linux gives in whole seconds, so it was off by up to 1 s
    (0.68 s on the machine where this was found) and pushed every ratio towards 1.

    Both sides run with their bytecode cached, as an installed app does (pip and the
    bundle ship ``.pyc`` files): in a shell with ``PYTHONDONTWRITEBYTECODE`` set, our
    modules were compiled from source at every launch (about 40 ms on the sign-in
    path) while PySide6's came compiled from site-packages. The children share one
    bytecode cache in ``home`` (``PYTHONPYCACHEPREFIX``), filled by the first runs.
    """
    env = {key: value for key, value in os.environ.items()
           if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(PROBE_ENV, QT_QPA_PLATFORM="offscreen", LANTERN_HOME=home,
               PYTHONPYCACHEPREFIX=str(Path(home) / "pycache"))
    launched = time.time()
    done = subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    return float(json.loads(done.stdout.strip().splitlines()[-1])["shown_at"]) - launched


@benchmark("startup_ratio")
def startup_ratio() -> Figure:
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as home:
        for warm in (APP, BARE):  # the file cache and the bytecode cache
            _shown_seconds(warm, home)
        for _ in range(RUNS):
            ours.append(_shown_seconds(APP, home))
            bare.append(_shown_seconds(BARE, home))
    ratio = statistics.median(o / b for o, b in zip(ours, bare, strict=True))
    return Figure(
        name="startup_ratio", value=ratio, unit="ratio", goal="<= 1.3",
        baseline="bare PySide6 window with one label, same machine, alternating runs",
        detail={"ours_s_median": round(statistics.median(ours), 3),
                "bare_s_median": round(statistics.median(bare), 3), "runs": RUNS,
                "note": "launch = spawned by the benchmark; interactive = painted and "
                        "the sign-in screen lists the profiles; models load after that; "
                        "both sides with their bytecode cached, as installed"})


@benchmark("gui_stall_ms_max")
def gui_stall_ms_max() -> Figure:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "benchmarks.stall_probe"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return Figure(
        name="gui_stall_ms_max", value=result["max_gap_ms"], unit="ms", goal="<= 50",
        baseline="none (absolute): heartbeat every 10 ms on the GUI thread",
        detail=result)
