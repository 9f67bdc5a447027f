"""A method a path does not serve is a 405 whose Allow header lists every method the path does serve.

Starlette takes the first route whose path and method both match, so `PATCH /api/v1/projects/export.xlsx` was
taken by `PATCH /api/v1/projects/{project_id}` (and refused with 422: "export.xlsx" is not an id), and when a
path's methods are split over several routes (GET and POST /api/v1/tasks are two handlers) its 405 named only
the first route's methods. This middleware reads the route table once, at the first request: for the request's
path it takes the most specific path templates that match it (the most literal segments, then the most literal
characters — a fixed path beats any template with a parameter), and a method none of them serves is answered
405 with their methods in Allow, in the app's error shape (JSON `{"message": …}` for the API, the error page
for people). HEAD is served wherever GET is (FastAPI adds no HEAD; monitors and link checkers send it): the GET
handler answers, its status and headers go out, its body does not. Everything else goes to the router untouched.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from fastapi.routing import iter_route_contexts
from starlette.requests import Request
from starlette.routing import compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

from zhenxing.errors import DomainError


class NotAllowed(DomainError):
    status_code = 405


@dataclass(frozen=True)
class Template:
    """One path template of the app and every method some route serves on it."""

    path: str
    regex: re.Pattern
    methods: frozenset[str]

    @property
    def specificity(self) -> tuple[int, int]:
        segments = self.path.strip("/").split("/")
        literal = re.sub(r"\{[^}]*\}", "", self.path)
        return sum("{" not in segment for segment in segments), len(literal)


def path_templates(routes: Iterable) -> list[Template]:
    """Every path template of a route table (an app's `routes`), with the union of its routes' methods."""
    methods: dict[str, set[str]] = {}
    for route in iter_route_contexts(list(routes)):
        path, served = route.path, route.methods
        if path and served:
            methods.setdefault(path, set()).update(served | ({"HEAD"} if "GET" in served else set()))
    return [Template(path, compile_path(path)[0], frozenset(served)) for path, served in methods.items()]


def allowed_methods(templates: list[Template], path: str) -> frozenset[str] | None:
    """The methods served on `path` by its most specific templates; None when no template matches it."""
    matching = [template for template in templates if template.regex.match(path)]
    if not matching:
        return None
    best = max(template.specificity for template in matching)
    return frozenset().union(*(t.methods for t in matching if t.specificity == best))


class AllowedMethods:
    """ASGI middleware; `routes_of` is the FastAPI app whose route table it reads (lazily: routers are
    included after the middleware is added)."""

    def __init__(self, app: ASGIApp, routes_of) -> None:
        self.app = app
        self.routes_of = routes_of
        self.fixed: dict[str, frozenset[str]] | None = None
        self.by_length: dict[int, list[Template]] = {}

    def _load(self) -> dict[str, frozenset[str]]:
        templates = path_templates(self.routes_of.routes)
        for template in templates:
            self.by_length.setdefault(template.path.count("/"), []).append(template)
        return {t.path: t.methods for t in templates if "{" not in t.path}

    def allowed(self, path: str) -> frozenset[str] | None:
        if self.fixed is None:
            self.fixed = self._load()
        if path in self.fixed:
            return self.fixed[path]
        return allowed_methods(self.by_length.get(path.count("/"), []), path)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            allowed = self.allowed(scope["path"])
            if allowed is not None and scope["method"] not in allowed:
                await refusal(Request(scope, receive), allowed)(scope, receive, send)
                return
            if scope["method"] == "HEAD" and allowed is not None:
                await self.app({**scope, "method": "GET"}, receive, _headers_only(send))
                return
        await self.app(scope, receive, send)


def _headers_only(send: Send) -> Send:
    """`send` for a HEAD answered by its GET handler: the start (status, headers with GET's length), no body."""
    async def head_send(message) -> None:
        if message["type"] != "http.response.body":
            await send(message)
        elif not message.get("more_body", False):
            await send({"type": "http.response.body", "body": b"", "more_body": False})
    return head_send


def refusal(request: Request, allowed: frozenset[str]):
    from zhenxing.web.guards import answer

    listed = ", ".join(sorted(allowed))
    error = NotAllowed(f"此地址不支持 {request.method} 请求（可用：{listed}）", field="method")
    return answer(request, error, headers={"Allow": listed})
