"""The last line behind the domain's own checks: database refusals answered as what they are.

A unique index that refuses a concurrent duplicate is a 409, not a 500; a number a column cannot hold is a
422; SQLite's "database is locked" after its busy timeout is a 503 with Retry-After (the request changed
nothing and can be sent again). The domain functions catch the cases they can name (a duplicate project
code); these handlers only make sure nothing else becomes a traceback.
"""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException

from zhenxing.errors import Conflict, DomainError, Rejected


def answer(request: Request, error: DomainError, headers: dict | None = None) -> Response:
    if request.url.path.startswith(("/api/", "/open311/")) or "application/json" in request.headers.get("accept", ""):
        return JSONResponse(error.to_dict(), status_code=error.status_code, headers=headers)
    from zhenxing.web.templating import render

    response = render(request, "error.html", {"error": error}, status_code=error.status_code)
    response.headers.update(headers or {})
    return response


class Busy(DomainError):
    status_code = 503


class RoutingError(DomainError):
    """What the router itself refuses (no such address, a method the address does not serve)."""

    def __init__(self, status_code: int, message: str):
        super().__init__(message)
        self.status_code = status_code


ROUTING_MESSAGES = {400: "请求内容无法解析（须为 UTF-8 编码的 JSON 或表单）", 404: "找不到这个地址",
                    405: "此地址不支持这种请求方法"}


def install(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def routing(request: Request, error: HTTPException) -> Response:
        message = ROUTING_MESSAGES.get(error.status_code, "请求无法处理")
        return answer(request, RoutingError(error.status_code, message), headers=error.headers)

    @app.exception_handler(IntegrityError)
    async def integrity(request: Request, _error: IntegrityError) -> Response:
        return answer(request, Conflict("与已有记录冲突（可能有人同时提交了相同的内容），请刷新后重试"))

    @app.exception_handler(DataError)
    async def data(request: Request, _error: DataError) -> Response:
        return answer(request, Rejected("提交的数值超出允许的范围或格式不对，请检查后重试"))

    @app.exception_handler(OverflowError)
    async def overflow(request: Request, _error: OverflowError) -> Response:
        return answer(request, Rejected("提交的数值超出允许的范围，请检查后重试"))

    @app.exception_handler(OperationalError)
    async def operational(request: Request, error: OperationalError) -> Response:
        if "locked" in str(error.orig).lower() or "busy" in str(error.orig).lower():
            return answer(request, Busy("系统繁忙（同时提交的人多），本次未作任何修改，请稍后重试"),
                           headers={"Retry-After": "1"})
        raise error
