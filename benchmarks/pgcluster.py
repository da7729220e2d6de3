"""A throwaway PostgreSQL cluster for tests and benchmarks: temp dir, free loopback port,
removed afterwards.

Uses Debian's server binaries (``/usr/lib/postgresql/*/bin``; ``make test`` installs the
``postgresql`` package when they are missing). PostgreSQL refuses to run as root, so as
root the cluster is run by the ``postgres`` system user through ``runuser``.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_owner(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@contextlib.contextmanager
def cluster() -> Iterator[str]:
    """Start a cluster; yield its ``postgresql://`` URL; stop and delete it afterwards."""
    bindir = server_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL's server is not installed: run `make test` (it "
                           "installs Debian's postgresql package) or install it yourself.")
    root = Path(tempfile.mkdtemp(prefix="lantern-pg-"))
    data, port = root / "data", free_port()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")

    def run(*args: object) -> None:
        subprocess.run(_as_owner([str(a) for a in args]), check=True, capture_output=True,
                       timeout=120)

    try:
        run(bindir / "initdb", "-D", str(data), "-U", "lantern", "-A", "trust",
            "--no-sync", "-E", "UTF8")
        run(bindir / "pg_ctl", "-D", str(data), "-w", "-l", str(root / "log"), "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        try:
            run(bindir / "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "lantern",
                "hub")
            yield f"postgresql://lantern@127.0.0.1:{port}/hub"
        finally:
            run(bindir / "pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)
