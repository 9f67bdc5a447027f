"""Security headers on every response: a Content-Security-Policy that allows this server's own scripts and
styles only (htmx, ECharts, app.js, Swagger UI are all served from /static), no framing, no MIME sniffing,
no referrer to other sites. A response that sets its own policy (the API docs page, which carries one
inline script, allowed by its hash) keeps it."""

import base64
import hashlib
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# style-src allows inline styles: ECharts and htmx set element styles, and some templates carry style="".
# Scripts never run inline (templates use data- attributes that /static/app.js acts on).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(self)",
}
_INLINE = re.compile(r"<script>(.*?)</script>", re.S)


def policy_allowing_inline_scripts(html: str) -> str:
    """CSP for a page whose inline <script> blocks are allowed by their SHA-256 (the Swagger UI page)."""
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
                      for body in _INLINE.findall(html))
    return CSP.replace("script-src 'self'", f"script-src 'self' {hashes}")


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", CSP.encode()))
                for name, value in HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
