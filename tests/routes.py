"""The app's route table, flat: every (methods, path) a request can reach, whatever FastAPI version (newer
ones keep included routers as one entry each, with their routes behind `effective_route_contexts()`)."""

from dataclasses import dataclass

from fastapi.routing import APIRoute


@dataclass(frozen=True)
class RouteEntry:
    path: str
    methods: frozenset[str]
    endpoint: object
    name: str


def _walk(routes) -> list[RouteEntry]:
    found = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(RouteEntry(route.path, frozenset(route.methods), route.endpoint, route.name))
        elif hasattr(route, "effective_route_contexts"):
            for context in route.effective_route_contexts():
                found.append(RouteEntry(context.path, frozenset(context.methods), context.endpoint, context.name))
    return found


def route_table(app) -> list[RouteEntry]:
    """Every API and page route of the app (not static files, not the OpenAPI document)."""
    return _walk(app.routes)
