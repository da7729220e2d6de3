"""Request-size limits, enforced while the body arrives (a pure ASGI middleware).

A declared ``Content-Length`` over the route's limit is refused before a byte of the
body is read; a body sent without one (chunked) is counted as it streams in, and
reading stops at the limit with :class:`TooLarge`, which the app turns into a 413. So a
200 MB upload costs the hub at most the route's limit in memory, never 200 MB.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

KIB = 1024
# Largest body per path prefix; the first matching prefix wins.
LIMITS: tuple[tuple[str, int], ...] = (
    ("/api/submissions", 600 * KIB),  # one envelope: body ≤ 500,000 characters
    ("/api/import", 16 * KIB * KIB),  # one USB file
    ("/api/enrol", 1 * KIB),
    ("/", 16 * KIB),  # the teacher's forms; GET requests have no body
)


class TooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"The request is larger than this hub accepts ({limit // KIB} KiB).")
        self.limit = limit


def limit_for(path: str) -> int:
    return next(size for prefix, size in LIMITS if path.startswith(prefix))


class BodyLimit:
    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(send, TooLarge(limit))
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise TooLarge(limit)
            return message

        await self.app(scope, counted, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            # A malformed length: treat as "too large" rather than trust it.
            return int(text) if text.isdigit() and len(text) < 16 else 2**62
    return None


async def _refuse(send: Send, error: TooLarge) -> None:
    body = json.dumps({"detail": str(error)}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
