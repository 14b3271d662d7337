"""Security layer of the web app, as one small ASGI middleware.

Why a raw ASGI middleware and not FastAPI dependencies: the request size limit must
act *before* any route reads the body (Content-Length and the streamed body), and the
security headers must be on every response, errors and static files included.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# No inline script or style, nothing from other origins; the page builds its DOM with
# textContent, so article text can never become markup even if it contains <script>.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]

#: paths under /api that answer without a token (liveness probes need no secret)
OPEN_API_PATHS = frozenset({"/api/health"})


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: the only binds that need no token."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: could resolve to anything, so treat as exposed


def _json_body(status: int, error: str) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    body = json.dumps({"error": error}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"cache-control", b"no-store")]
    return status, headers, body


class SecurityMiddleware:
    """Bearer token on /api (401), size limit (413), body read time limit (408), security headers on
    every response."""

    def __init__(self, app: ASGIApp, max_bytes: int, token: str | None, body_timeout: float = 30.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.token = token
        self.body_timeout = body_timeout  # a client trickling its body must not hold a slot forever

    async def _reply(self, send: Send, status: int, error: str, extra: list[tuple[bytes, bytes]] = ()
                     ) -> None:
        status, headers, body = _json_body(status, error)
        await send({"type": "http.response.start", "status": status,
                    "headers": headers + list(extra) + SECURITY_HEADERS})
        await send({"type": "http.response.body", "body": body})

    def _authorised(self, scope: Scope) -> bool:
        if self.token is None:
            return True
        path: str = scope.get("path", "")
        if not path.startswith("/api/") or path in OPEN_API_PATHS:
            return True  # page, static assets and docs carry no data
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                scheme, _, given = value.decode("latin-1").partition(" ")
                # constant-time comparison: no timing oracle on the token
                return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(),
                                                                          self.token.encode())
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self._authorised(scope):
            await self._reply(send, 401, "missing or wrong bearer token (Authorization: Bearer TOKEN)",
                              [(b"www-authenticate", b'Bearer realm="quellenlage"')])
            return
        # 1) declared size: refuse before reading anything
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await self._reply(send, 400, "invalid Content-Length header")
                    return
                if declared > self.max_bytes:
                    await self._reply(send, 413, f"request body of {declared:,} bytes is over the "
                                      f"limit of {self.max_bytes:,} bytes")
                    return
        # 2) streamed size (chunked uploads, a lying Content-Length): buffer the body up to the
        # limit here and replay it, so no route ever sees more than max_bytes.
        chunks: list[bytes] = []
        received = 0
        more = True
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.body_timeout
        while more:
            try:
                message = await asyncio.wait_for(receive(), timeout=max(0.0, deadline - loop.time()))
            except TimeoutError:
                await self._reply(send, 408, f"request body not received within {self.body_timeout:g} s")
                return
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > self.max_bytes:
                await self._reply(send, 413, f"request body is over the limit of {self.max_bytes:,} bytes")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        replayed = False

        async def replay_receive() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {n for n, _ in SECURITY_HEADERS}
                headers = [h for h in message.get("headers", []) if h[0].lower() not in names]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        await self.app(scope, replay_receive, send_with_headers)
