"""Take the sync screenshots from real computed data on a real (virtual) X screen.

Run:  ``xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python -m tools.sync_screens``

It starts a real hub on 127.0.0.1 with a temporary SQLite file, creates encrypted
profiles for a class of 30 learners (answers with realistic spread), and runs a class
round (secure aggregation) at the default ε in which 3 laptops drop out; those 3 send
per-learner summaries instead. Then it opens both preview dialogs for one more learner
(``docs/screens/sync-preview.png``, ``docs/screens/sync-secure-preview.png``), starts
next week's round and renders the hub's class page and the signed-in teacher's page
(enrolment codes, laptops, the round under way) with headless Chromium
(``docs/screens/hub-class.png``, ``docs/screens/hub-teacher.png``). Every laptop enrols
with a one-time code, as the teacher hands them out.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.core.sync.config import SyncConfig
from app.core.sync.secure_service import preview_words, step_http
from app.core.sync.service import Prepared, commit, deliver, prepare
from app.core.sync.source import ProfileSource
from app.core.sync.transport import enrol
from app.hub.db import HubDB
from app.hub.rounds import Rounds
from app.store import ProfileStore, SkillState
from app.store.keys import KdfParams
from app.store.sync import SyncRepository
from benchmarks.pgcluster import free_port

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "screens"
SKILLS = ("fractions", "decimals", "percentages")
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1, salt=bytes(16))
NEXT_WEEK = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=7)


@contextmanager
def hub(db_url: str) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "app.hub", "--db", db_url, "serve",
                                "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{url}/health", timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)


def _hub_cli(db_url: str, *args: str) -> str:
    return subprocess.run([sys.executable, "-m", "app.hub", "--db", db_url, *args],
                          capture_output=True, text=True, check=True, cwd=ROOT).stdout


def add_class(db_url: str, name: str) -> int:
    out = _hub_cli(db_url, "add-class", name)
    return int(out.split(" has the id ", 1)[1].split(":", 1)[0])


def codes(db_url: str, class_id: int, count: int) -> list[str]:
    """One-time enrolment codes, as the teacher issues them."""
    return _hub_cli(db_url, "issue-codes", str(class_id), str(count)).split()


def learner(store: ProfileStore, url: str, code: str, number: int,
            rng: random.Random) -> tuple[SyncRepository, ProfileSource, SyncConfig]:
    profile = store.create(nickname=f"Learner {number}", avatar="fox",
                           passphrase="purple tiger jumps high")
    skill_level = {s: rng.uniform(0.3, 0.9) for s in SKILLS}
    for i in range(rng.randint(4, 24)):
        skill = rng.choice(SKILLS)
        right = rng.random() < skill_level[skill]
        profile.record_attempt(skill_id=skill, question_id=f"q{i}", question="?", answer="a",
                               correct=right, score=float(right),
                               time_taken_s=rng.uniform(20, 120))
    for skill, level in skill_level.items():
        profile.set_skill_state(SkillState(skill, level, None, ""))
    device = enrol(url, code)
    config = SyncConfig(enabled=True, hub_url=device.hub_url, key_id=device.key_id,
                        token=device.token, class_name=device.class_name)
    return profile.sync, ProfileSource(profile, SKILLS), config


def fill_class(store: ProfileStore, url: str, enrol_codes: list[str], first: int) -> None:
    rng = random.Random(first)
    for number, code in enumerate(enrol_codes, start=first):
        repo, source, config = learner(store, url, code, number, rng)
        commit(repo, prepare(repo, source, config, now=NEXT_WEEK), config)
        deliver(repo, config)


def secure_round(store: ProfileStore, url: str, db_url: str, enrol_codes: list[str],
                 dropped: int) -> None:
    """A class round over HTTP; the dropouts send per-learner summaries instead."""
    rng = random.Random(7)
    laptops = [learner(store, url, code, number, rng)
               for number, code in enumerate(enrol_codes, start=1)]
    db = HubDB(db_url)
    rounds = Rounds(db)
    opened = rounds.open(1, now=NEXT_WEEK)
    for repo, source, config in laptops:
        step_http(repo, source, config)
    for repo, source, config in laptops[:-dropped]:
        step_http(repo, source, config)
    rounds.advance(opened.round_id)
    for repo, source, config in laptops[:-dropped]:
        step_http(repo, source, config)
    for repo, source, config in laptops[-dropped:]:
        commit(repo, prepare(repo, source, config, now=NEXT_WEEK), config)
        deliver(repo, config)
    rounds.open(1)  # next week's round, so the page shows a step under way
    db.close()


def secure_preview_shot(config: SyncConfig) -> Path:
    from app.ui.sync.secure_round import SecurePreviewDialog

    dialog = SecurePreviewDialog(preview_words(config, SKILLS))
    dialog.resize(640, 560)
    dialog.move(0, 0)
    dialog.show()
    QTest.qWait(500)
    path = DOCS / "sync-secure-preview.png"
    QApplication.primaryScreen().grabWindow(
        0, dialog.x(), dialog.y(), dialog.frameGeometry().width(),
        dialog.frameGeometry().height()).save(str(path))
    dialog.close()
    return path


def preview_shot(prepared: Prepared, class_name: str) -> Path:
    from app.ops.context import AppContext
    from app.ui.application import create_application
    from app.ui.style import apply_style
    from app.ui.sync.preview import SyncPreviewDialog

    app = create_application()
    ctx = AppContext.create()
    apply_style(app, ctx.settings)
    dialog = SyncPreviewDialog(prepared, class_name=class_name)
    dialog.resize(700, 760)
    dialog.move(0, 0)
    dialog.show()
    QTest.qWait(500)
    path = DOCS / "sync-preview.png"
    QApplication.primaryScreen().grabWindow(
        0, dialog.x(), dialog.y(), dialog.frameGeometry().width(),
        dialog.frameGeometry().height()).save(str(path))
    dialog.close()
    print(secure_preview_shot(SyncConfig(class_name=class_name)))
    ctx.close()
    return path


def page_shot(url: str, name: str = "hub-class.png", height: int = 520) -> Path:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("Install Chromium (apt-get install -y chromium) for the hub shot.")
    path = DOCS / name
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", f"--screenshot={path}",
                    f"--window-size=1280,{height}", url],
                   check=True, capture_output=True, timeout=120)
    return path


def teacher_shot(url: str, db_url: str, folder: Path) -> Path:
    """The teacher's page, signed in: saved as HTML, then shot like the class page."""
    import httpx

    password = "a teacher password for the screenshot"
    subprocess.run([sys.executable, "-m", "app.hub", "--db", db_url, "set-password"],
                   input=password + "\n", text=True, check=True, capture_output=True,
                   cwd=ROOT)
    with httpx.Client(base_url=url, timeout=30) as client:
        signed_in = client.post("/teacher/login", data={"password": password})
        assert signed_in.status_code == 303, signed_in.text
        page = folder / "teacher.html"
        page.write_text(client.get("/teacher").text, encoding="utf-8")
    return page_shot(page.as_uri(), "hub-teacher.png", height=1200)


def main() -> int:
    DOCS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lantern-shots-") as folder:
        os.environ["LANTERN_HOME"] = str(Path(folder) / "home")
        db_url = f"sqlite:///{Path(folder) / 'hub.sqlite3'}"
        store = ProfileStore(Path(folder) / "profiles", kdf=FAST_KDF)
        big, small = add_class(db_url, "6B"), add_class(db_url, "6C")
        with hub(db_url) as url:
            secure_round(store, url, db_url, codes(db_url, big, 30), dropped=3)
            fill_class(store, url, codes(db_url, small, 3), first=100)
            repo, source, config = learner(store, url, codes(db_url, big, 1)[0], 31,
                                           random.Random(31))
            print(preview_shot(prepare(repo, source, config, now=NEXT_WEEK), "6B"))
            print(page_shot(f"{url}/classes/1", height=1500))
            codes(db_url, big, 3)  # unused codes, as a teacher hands them out
            print(teacher_shot(url, db_url, Path(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
