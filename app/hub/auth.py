"""The teacher's login on the hub: one password, set on the hub computer with
``lantern-hub set-password``, stored as an Argon2id hash in the hub database.

A login gives a random session token in an ``HttpOnly``, ``SameSite=Strict`` cookie (so
another site cannot make the teacher's browser act on the hub) and a CSRF token that
every form and the import upload must echo. Sessions live in the hub process's memory:
restarting the hub logs everyone out. Guessing is throttled: one password check runs at
a time (an Argon2 check is deliberately slow and memory-hungry, so a flood of logins must
not run many at once), and after :data:`MAX_FAILURES` wrong passwords within a minute
further tries are refused until the minute has passed.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.hub.db import HubDB

PASSWORD_SETTING = "teacher_password"
MIN_PASSWORD = 12
SESSION_S = 8 * 3600
MAX_FAILURES = 10
FAILURE_WINDOW_S = 60.0
COOKIE = "lantern_hub_session"

_hasher = PasswordHasher()


class Throttled(Exception):
    """Too many wrong passwords (``busy`` False), or another check is running (``busy``
    True): try again shortly."""

    def __init__(self, *, busy: bool) -> None:
        super().__init__("busy" if busy else "too many wrong passwords")
        self.busy = busy


def set_password(db: HubDB, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"Choose a password of at least {MIN_PASSWORD} characters.")
    db.set_setting(PASSWORD_SETTING, _hasher.hash(password))


@dataclass(frozen=True)
class Session:
    token: str
    csrf: str
    expires: float


class TeacherAuth:
    def __init__(self, db: HubDB) -> None:
        self.db = db
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()
        self._checking = threading.Lock()
        self._failures: deque[float] = deque()

    def has_password(self) -> bool:
        return self.db.setting(PASSWORD_SETTING) is not None

    def login(self, password: str) -> Session | None:
        """A new session, or None for a wrong password (or none set).

        Raises:
            Throttled: too many failures lately, or a check is already running.
        """
        self._refuse_if_throttled()
        if not self._checking.acquire(blocking=False):
            raise Throttled(busy=True)
        try:
            ok = self._verify(password)
        finally:
            self._checking.release()
        if not ok:
            with self._lock:
                self._failures.append(time.monotonic())
            return None
        session = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(24),
                          time.monotonic() + SESSION_S)
        with self._lock:
            self._forget_expired()
            self._sessions[session.token] = session
        return session

    def _forget_expired(self) -> None:
        now = time.monotonic()
        for token in [t for t, s in self._sessions.items() if s.expires < now]:
            del self._sessions[token]

    def _verify(self, password: str) -> bool:
        stored = self.db.setting(PASSWORD_SETTING)
        if stored is None:
            return False
        try:
            return _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False

    def _refuse_if_throttled(self) -> None:
        now = time.monotonic()
        with self._lock:
            while self._failures and self._failures[0] < now - FAILURE_WINDOW_S:
                self._failures.popleft()
            if len(self._failures) >= MAX_FAILURES:
                raise Throttled(busy=False)

    def session(self, token: str | None) -> Session | None:
        if not token:
            return None
        with self._lock:
            found = self._sessions.get(token)
            if found is not None and found.expires < time.monotonic():
                del self._sessions[token]
                found = None
        return found

    def logout(self, token: str | None) -> None:
        with self._lock:
            self._sessions.pop(token or "", None)


def csrf_ok(session: Session, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(session.csrf.encode(), given.encode())
