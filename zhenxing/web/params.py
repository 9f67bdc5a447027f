"""Bounded inputs: shared parameter types, and one guard that bounds every integer a route takes.

`Id`, `OptId`, `Year`, `Money`, `Page`, `PageSize` are the types routes declare (Annotated, so the bound shows in
the OpenAPI and the 422 names the field). `bounded_numbers` is a router dependency (see app.py): whatever a
route declares, an integer in its path, its query or its JSON body that a database column cannot hold
(≥ 2⁶³, or below −2⁶³) is refused with 422 naming the field — it never reaches SQLite (OverflowError) or
PostgreSQL (NumericValueOutOfRange) as a 500.
"""

import json
import re
from typing import Annotated, Any, get_args

from fastapi import Request
from pydantic import Field

from zhenxing.errors import Rejected

BIGINT_MAX = 2**63 - 1
MONEY_MAX = 10**10  # 万元 (100万亿元)

Id = Annotated[int, Field(ge=1, le=BIGINT_MAX, description="记录编号")]
OptId = Annotated[int | None, Field(default=None, ge=1, le=BIGINT_MAX)]
Year = Annotated[int, Field(ge=2000, le=2100, description="年度")]
Money = Annotated[int, Field(ge=0, le=MONEY_MAX, description="金额（万元）")]
Page = Annotated[int, Field(ge=1, le=100_000)]
PageSize = Annotated[int, Field(ge=1, le=500)]
# Text in a path or a query string is bounded too (tests/test_fields.py walks the route table): a key names
# something (a sort, a stage, a status, a kind, a period, a code), words are what a person typed (a search).
Key = Annotated[str, Field(max_length=40)]
Words = Annotated[str, Field(max_length=200)]

_INTEGER = re.compile(r"^[+-]?\d+$")
MAX_JSON_BYTES = 2 * 1024 * 1024
MAX_JSON_DEPTH = 32


def too_big(text: str) -> bool:
    text = text.strip()  # str.strip takes more than int() does ("0\x1d"): read what was matched
    if not _INTEGER.match(text):
        return False
    digits = text.lstrip("+-").lstrip("0")
    return len(digits) > 19 or (len(digits) == 19 and int(text) > BIGINT_MAX) or int(text) < -BIGINT_MAX - 1


def _walk(value: Any, path: str, depth: int = 0) -> None:
    if depth > MAX_JSON_DEPTH:
        raise Rejected(f"请求内容嵌套超过 {MAX_JSON_DEPTH} 层", field=path or "body")
    if isinstance(value, bool):
        return
    if isinstance(value, int) and not -BIGINT_MAX - 1 <= value <= BIGINT_MAX:
        raise Rejected(f"字段 {path or 'body'} 的数值超出范围（须小于 2⁶³）", field=path or "body")
    if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
        raise Rejected(f"字段 {path or 'body'} 不是有效的数", field=path or "body")
    if isinstance(value, dict):
        for key, item in value.items():
            _walk(item, f"{path}.{key}" if path else str(key), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, f"{path}.{index}" if path else str(index), depth + 1)


def _holds_int(annotation: Any) -> bool:
    if annotation is int:
        return True
    return any(_holds_int(arg) for arg in get_args(annotation))


_INT_PARAMS: dict[int, frozenset[str]] = {}


def _int_params(route: Any) -> frozenset[str]:
    """The names of the path and query parameters a route (and its dependencies) reads as integers."""
    key = id(route)
    if key not in _INT_PARAMS:
        names: set[str] = set()
        pending = [getattr(route, "dependant", None)]
        while pending:
            dependant = pending.pop()
            if dependant is None:
                continue
            for param in [*dependant.path_params, *dependant.query_params]:
                if _holds_int(getattr(param.field_info, "annotation", None)):
                    names.add(param.alias)
            pending.extend(dependant.dependencies)
        _INT_PARAMS[key] = frozenset(names)
    return _INT_PARAMS[key]


async def bounded_numbers(request: Request) -> None:
    """Refuse an out-of-range integer anywhere the route reads one (path, query, JSON body), naming it."""
    numeric = _int_params(request.scope.get("route"))
    for name, value in [*request.path_params.items(), *request.query_params.multi_items()]:
        if name in numeric and isinstance(value, str) and too_big(value):
            raise Rejected(f"字段 {name} 的数值超出范围（须小于 2⁶³）", field=name)
    if request.method in ("POST", "PUT", "PATCH") and "json" in request.headers.get("content-type", ""):
        body = await request.body()
        if len(body) > MAX_JSON_BYTES:
            raise Rejected(f"请求内容超过 {MAX_JSON_BYTES // 1024 // 1024}兆字节", field="body")
        try:
            data = json.loads(body) if body else None
        except (ValueError, RecursionError):
            return  # the route's own validation says what is wrong with it
        _walk(data, "")
