"""Browser protections on every answer (a pure ASGI middleware).

The teacher's page acts with a session cookie, so no other site may frame it
(clickjacking) or load it with scripts of its own; pages name no outside resources.
"""

from __future__ import annotations

from app.hub.limits import App, Message, Receive, Scope, Send

HEADERS = (
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    # The pages' own inline style and the import script only; forms post to the hub.
    (b"content-security-policy", b"default-src 'none'; style-src 'unsafe-inline'; "
     b"script-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; "
     b"frame-ancestors 'none'; base-uri 'none'"),
)


class SecurityHeaders:
    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)
