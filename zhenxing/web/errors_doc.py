"""The error answers the OpenAPI documents, decided once for every operation from its route.

Every domain error is {"message", "field"?, "details"?} (zhenxing.errors, answered in zhenxing.app and
zhenxing.web.guards). `document_errors(app)` makes `app.openapi()` add to each operation the errors its route
can really give, read from the route's dependencies — no route lists them by hand:

    400  a body that cannot be parsed (not UTF-8)            — operations with a request body
    401  no or an unknown token; 403 role, scope or CSRF     — operations behind zhenxing.web.deps.api_user
    404  a record a parameter names does not exist           — operations with parameters or a body
    409  the request conflicts with what is stored           — writes (POST, PUT, PATCH, DELETE)
    422  a parameter or field is invalid (our shape, not FastAPI's {"detail": …}) — parameters or a body
    503  SQLite busy after its timeout; nothing was changed  — writes

Open311 (/open311/…) answers its errors in the GeoReport format ([{"code", "description"}], JSON or XML): 400,
403 and 404 there; its `.xml` answers are text/xml.
"""

from collections.abc import Callable, Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    message: str = Field(description="中文说明")
    field: str | None = Field(default=None, description="出错的字段")
    details: list | None = Field(default=None, description="逐项问题（如导入文件的行、列）")


class Open311Error(BaseModel):
    code: int
    description: str


ERRORS: dict[int | str, dict] = {
    400: {"model": ErrorBody, "description": "请求内容无法解析（须为 UTF-8 编码的 JSON 或表单）"},
    401: {"model": ErrorBody, "description": "未登录或令牌无效"},
    403: {"model": ErrorBody, "description": "无权操作（角色或范围不符）"},
    404: {"model": ErrorBody, "description": "记录不存在"},
    409: {"model": ErrorBody, "description": "与当前状态冲突（如重复申请、已销号）"},
    422: {"model": ErrorBody, "description": "输入无效，message 和 field 说明原因"},
    503: {"model": ErrorBody, "description": "系统繁忙，本次未作任何修改，请稍后重试"},
}
OPEN311_ERRORS = {400: "请求无效（GeoReport 格式的错误列表）", 403: "api_key 缺失或无效", 404: "格式、辖区或记录不存在"}
WRITES = {"POST", "PUT", "PATCH", "DELETE"}


def error_codes(path: str, method: str, dependant: Any, operation: dict | None = None) -> list[int]:
    """The error statuses an operation can answer, from its path, method and dependency tree (and its OpenAPI
    operation: a handler that reads its upload itself declares the body there)."""
    calls, params, body = _read(dependant)
    params = params or bool((operation or {}).get("parameters"))
    body = body or "requestBody" in (operation or {})
    if path.startswith("/open311/"):
        return [400, 403, 404]  # an invalid parameter too is answered in the spec's format (400, or 404 in a path)
    codes = []
    if body:
        codes.append(400)
    if _api_user() in calls:
        codes += [401, 403]
    if params or body:
        codes += [404, 422]
    if method in WRITES:
        codes += [409, 503]
    return sorted(set(codes))


def _api_user() -> Callable:
    from zhenxing.web.deps import api_user

    return api_user


def _read(dependant: Any) -> tuple[set, bool, bool]:
    calls, params, body = set(), False, False
    for node in _nodes(dependant):
        calls.add(node.call)
        params = params or bool(node.path_params or node.query_params or node.header_params)
        body = body or bool(node.body_params)
    return calls, params, body


def _nodes(dependant: Any) -> Iterator[Any]:
    pending = [dependant]
    while pending:
        node = pending.pop()
        yield node
        pending.extend(node.dependencies)


def document_errors(app: FastAPI) -> None:
    """Wrap `app.openapi` so that the schema it builds documents every operation's errors (once per build)."""
    build = app.openapi
    done: set[int] = set()

    def openapi() -> dict[str, Any]:
        schema = build()
        if id(schema) not in done:
            _add_errors(app, schema)
            done.add(id(schema))
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _add_errors(app: FastAPI, schema: dict[str, Any]) -> None:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (ErrorBody, Open311Error):
        components[model.__name__] = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for route in iter_route_contexts(app.routes):
        dependant = getattr(route, "dependant", None)
        operations = schema["paths"].get(route.path_format or "", {})
        for method in route.methods or ():
            operation = operations.get(method.lower())
            if operation is None or dependant is None:
                continue
            responses = operation.setdefault("responses", {})
            for code in error_codes(route.path_format, method, dependant, operation):
                if route.path_format.startswith("/open311/"):
                    responses[str(code)] = _open311(code)
                else:  # one handler answers every error (a route's own description is kept; FastAPI's 422
                    given = responses.get(str(code), {})  # says {"detail": …}, which the app never sends)
                    description = given.get("description") if code != 422 else None
                    responses[str(code)] = _ours(code, description)
            if route.path_format.startswith("/open311/"):
                responses.pop("422", None)  # FastAPI's; its refusals are answered as 400/404 there
            if route.path_format.startswith("/open311/") and "200" in responses:
                responses["200"].setdefault("content", {}).setdefault("text/xml", {"schema": {"type": "string"}})
    for unused in ("HTTPValidationError", "ValidationError"):
        if unused in components and f"#/components/schemas/{unused}" not in str(schema["paths"]):
            del components[unused]


def _ours(code: int, description: str | None = None) -> dict[str, Any]:
    return {"description": description or ERRORS[code]["description"],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}}


def _open311(code: int) -> dict[str, Any]:
    errors = {"type": "array", "items": {"$ref": "#/components/schemas/Open311Error"}}
    return {"description": OPEN311_ERRORS[code],
            "content": {"application/json": {"schema": errors}, "text/xml": {"schema": {"type": "string"}}}}
