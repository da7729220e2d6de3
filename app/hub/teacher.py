"""The teacher's pages on the hub: sign-in, enrolment codes, devices.

Forms are plain HTML posts (``application/x-www-form-urlencoded``, parsed here with the
standard library) carrying the session's CSRF token; each action answers with a redirect
back to the page (post/redirect/get), so reloading never repeats it.
"""

from __future__ import annotations

import logging
import urllib.parse

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from app.hub import enrolment, pages
from app.hub.auth import COOKIE, SESSION_S, Session, TeacherAuth, Throttled, csrf_ok
from app.hub.db import APPROVED, REVOKED, HubDB

log = logging.getLogger(__name__)


async def form(request: Request) -> dict[str, str]:
    """The posted form's fields (first value of each); 4xx for anything malformed."""
    raw = await request.body()
    try:
        pairs = urllib.parse.parse_qs(raw.decode("utf-8"), max_num_fields=10,
                                      strict_parsing=bool(raw), errors="strict")
    except (UnicodeDecodeError, ValueError) as exc:
        raise HTTPException(400, "The form could not be read.") from exc
    return {key: values[0] for key, values in pairs.items()}


def signed_in(request: Request, auth: TeacherAuth) -> Session | None:
    return auth.session(request.cookies.get(COOKIE))


async def checked(request: Request, auth: TeacherAuth) -> tuple[Session, dict[str, str]]:
    """The session and form of a teacher action; 401/403 when either is missing."""
    session = signed_in(request, auth)
    if session is None:
        raise HTTPException(401, "Sign in on /teacher first.")
    fields = await form(request)
    if not csrf_ok(session, fields.get("csrf")):
        raise HTTPException(403, "The form is out of date; reload the page and try again.")
    return session, fields


def _back(anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"/teacher{anchor}", status_code=303)


def add_teacher_routes(app: FastAPI, db: HubDB, auth: TeacherAuth) -> None:
    @app.get("/teacher", response_class=HTMLResponse)
    async def teacher(request: Request) -> str:
        session = signed_in(request, auth)
        if session is None:
            return pages.login_page(has_password=await run_in_threadpool(auth.has_password))
        return await run_in_threadpool(_teacher_page, db, session)

    @app.post("/teacher/login")
    async def login(request: Request) -> Response:
        password = (await form(request)).get("password", "")
        try:
            session = await run_in_threadpool(auth.login, password)
        except Throttled as exc:
            said = ("The hub is checking another sign-in; try again in a moment."
                    if exc.busy else "Too many wrong passwords: wait a minute, then try "
                    "again.")
            return HTMLResponse(pages.login_page(has_password=True, message=said),
                                status_code=429)
        if session is None:
            return HTMLResponse(pages.login_page(
                has_password=await run_in_threadpool(auth.has_password),
                message="That password is not right."), status_code=401)
        response = _back()
        response.set_cookie(COOKIE, session.token, max_age=SESSION_S, httponly=True,
                            samesite="strict", path="/")
        return response

    @app.post("/teacher/logout")
    async def logout(request: Request) -> Response:
        session, _ = await checked(request, auth)
        auth.logout(session.token)
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    @app.post("/teacher/classes/{class_id}/codes")
    async def issue(class_id: int, request: Request) -> Response:
        _, fields = await checked(request, auth)
        count = fields.get("count", "1")
        if not count.isdigit() or not 1 <= int(count) <= enrolment.MAX_CODES_AT_ONCE:
            raise HTTPException(422, f"Issue between 1 and {enrolment.MAX_CODES_AT_ONCE} "
                                "codes at a time.")
        if not 0 < class_id < 2**31 or await run_in_threadpool(db.class_by, class_id) is None:
            raise HTTPException(404, "No such class.")
        await run_in_threadpool(enrolment.issue_codes, db, class_id, int(count))
        return _back(f"#class-{class_id}")

    @app.post("/teacher/codes/{code}/revoke")
    async def revoke_code(code: str, request: Request) -> Response:
        await checked(request, auth)
        if not code.isalnum() or len(code) > 16:
            raise HTTPException(404, "No such code.")
        if not await run_in_threadpool(enrolment.revoke_code, db, code):
            raise HTTPException(404, "That code is already used, revoked or unknown.")
        return _back()

    @app.post("/teacher/devices/{key_id}/{action}")
    async def device_action(key_id: str, action: str, request: Request) -> Response:
        await checked(request, auth)
        status = {"approve": APPROVED, "revoke": REVOKED}.get(action)
        if status is None or len(key_id) != 32 or not key_id.isalnum():
            raise HTTPException(404, "No such action.")
        if not await run_in_threadpool(enrolment.set_status, db, key_id, status):
            raise HTTPException(409, "That laptop is unknown or already in that state.")
        log.info("teacher set device %s… to %s", key_id[:8], status)
        return _back()


def _teacher_page(db: HubDB, session: Session) -> str:
    admin = [pages.ClassAdmin(cls, enrolment.open_codes(db, cls.id),
                              enrolment.class_devices(db, cls.id)) for cls in db.classes()]
    return pages.teacher_page(admin, csrf=session.csrf,
                              ttl_days=enrolment.CODE_TTL_S // 86400,
                              max_codes=enrolment.MAX_CODES_AT_ONCE)
