"""Drive the real app under Xvfb and take docs/screens/signin.png.

    xvfb-run -a -s "-screen 0 960x680x24" .venv/bin/python docs/screens/make_signin_screenshot.py docs/screens

Creates three profiles (real Argon2id, real SQLCipher) in a throwaway LANTERN_HOME,
signs out, tries a wrong passphrase (screenshot: the sign-in screen with its message),
then the right one. A demo script, not product code: it polls the event loop itself.
"""
import os, sys, time, tempfile
os.environ.setdefault("LANTERN_HOME", tempfile.mkdtemp(prefix="lantern-demo-"))
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from app.logs import setup_logging
from app.paths import AppPaths
from app.ui.application import create_application
from app.ops.context import AppContext
from app.ui.style import apply_style
from app.ui.main_window import show_main_window
from app.ui.signin.dialogs import NewProfileDialog

OUT = Path(sys.argv[1])
setup_logging(AppPaths.default().ensure().logs)
app = create_application()
ctx = AppContext.create()
apply_style(app, ctx.settings)
window = show_main_window(ctx)

def wait_until(cond, timeout=60.0, what=""):
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise SystemExit(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.02)

def names():
    return [window.signin.people.item(r).text() for r in range(window.signin.people.count())]

def create(nick, avatar_row, passphrase):
    QTest.mouseClick(window.signin.new_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.findChild(NewProfileDialog) is not None and window.findChild(NewProfileDialog).isVisible(), what="dialog")
    d = window.findChild(NewProfileDialog)
    QTest.keyClicks(d.nickname, nick); d.avatar.setCurrentIndex(avatar_row)
    QTest.keyClicks(d.passphrase, passphrase); QTest.keyClicks(d.repeat, passphrase)
    QTest.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.signed_in, what="signed in")
    print("created and signed in:", nick, window.learner.text(), flush=True)


def sign_out():
    QTest.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: not window.signed_in and ctx.profile is None, what="signed out")
    print("signed out", flush=True)

def sign_in(nick, passphrase):
    wait_until(lambda: nick in names(), what="list")
    window.signin.people.setCurrentRow(names().index(nick))
    QTest.keyClicks(window.signin.passphrase, passphrase)
    QTest.mouseClick(window.signin.sign_in_button, Qt.MouseButton.LeftButton)

wait_until(lambda: window.signin.message.isVisible(), what="first refresh")
create("Mia", 0, "purple tiger jumps high")
sign_out()
create("Sam", 3, "blue whale sings loud")
sign_out()
create("Noor", 4, "honey bees dance well")
sign_out()
sign_in("Mia", "purple tiger jumps low")
wait_until(lambda: "doesn't match" in window.signin.message.text(), what="wrong message")
print("wrong passphrase ->", window.signin.message.text(), flush=True)
for _ in range(20):
    app.processEvents(); time.sleep(0.05)
QGuiApplication.primaryScreen().grabWindow(0).save(str(OUT / "signin.png"))
sign_in("Mia", "purple tiger jumps high")
wait_until(lambda: window.signed_in, what="right passphrase")
print("right passphrase -> signed in:", window.learner.text(), flush=True)
for _ in range(20):
    app.processEvents(); time.sleep(0.05)
QGuiApplication.primaryScreen().grabWindow(0).save(str(OUT / "signed-in.png"))
window.close(); ctx.close()
print("profiles on disk:", sorted(p.name for p in (ctx.paths.data / "profiles").iterdir()), flush=True)
