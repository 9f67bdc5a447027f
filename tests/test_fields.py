"""Every text a request can carry is bounded and cleaned on the way in — generated from the route table.

For every API route, every text field of its request body (nested models, lists and dicts included) must be
one of the types of zhenxing.fields (Name, Code, Line, Text, Secret, Choice) and carry a max_length: a field
added later as a bare `str`, or without a bound, fails here, naming it. Then the cleaning itself, through the
API: control characters gone, ｎａｍｅ folded, a zero-width space in a code refused, a 5 MB password refused
fast, each with a Chinese message naming the field.

The same for the text a route reads from its path and query string (its own parameters and its dependencies'):
each has a max_length, a Literal, or an anchored pattern of bounded length (^(unit|region)$, ^[0-9]{4}-[0-9]{2}$).
"""

import re
import typing
from typing import Annotated, Any, Literal

from annotated_types import MaxLen
from fastapi.routing import APIRoute
from pydantic import BaseModel

from tests.web.site import app_routes
from zhenxing.app import create_app
from zhenxing.config import Settings
from zhenxing.fields import is_cleaned


def _api_routes(app) -> list[tuple[str, APIRoute]]:
    return [(route.path, route.route) for route in app_routes(app)]


def request_models() -> dict[type[BaseModel], str]:
    """Every pydantic model a request body can carry, with a route that takes it."""
    app = create_app(Settings(database_url="sqlite://", demo=True))
    models: dict[type[BaseModel], str] = {}

    def add(model: type[BaseModel], where: str) -> None:
        if model in models:
            return
        models[model] = where
        for field in model.model_fields.values():
            for inner in _models_in(field.annotation):
                add(inner, where)

    for path, route in _api_routes(app):
        for param in route.dependant.body_params:
            for model in _models_in(param.field_info.annotation):
                add(model, f"{sorted(route.methods)} {path}")
    return models


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [found for arg in typing.get_args(annotation) for found in _models_in(arg)]


def field_leaves(field: Any) -> list[tuple[bool, bool]]:
    """text_leaves of a model field (pydantic keeps the field's top-level Annotated in `metadata`)."""
    return text_leaves(Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation,
                       False)


def text_leaves(annotation: Any, bounded: bool) -> list[tuple[bool, bool]]:
    """(cleaned, bounded) for every `str` an annotation can hold. A bound on the field reaches its text
    through Optional/Union only — on a list or dict it counts items, not characters."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        base, *metadata = typing.get_args(annotation)
        bounded = bounded or any(_has_max(item) for item in metadata)
        if base is str:
            return [(is_cleaned(metadata), bounded)]
        return text_leaves(base, bounded)
    if annotation is str:
        return [(False, bounded)]
    if origin is Literal:
        return []
    if origin in (typing.Union, __import__("types").UnionType):
        return [leaf for arg in typing.get_args(annotation) for leaf in text_leaves(arg, bounded)]
    return [leaf for arg in typing.get_args(annotation) for leaf in text_leaves(arg, False)]


def _has_max(item: Any) -> bool:
    """A MaxLen, or a Field(max_length=…) used inside Annotated."""
    return isinstance(item, MaxLen) or any(isinstance(inner, MaxLen) for inner in getattr(item, "metadata", ()))


def test_every_text_field_of_every_request_body_is_cleaned_and_bounded():
    models = request_models()
    assert len(models) > 30, models
    wrong = []
    for model, where in models.items():
        for name, field in model.model_fields.items():
            for cleaned, has_bound in field_leaves(field):
                label = f"{model.__module__}.{model.__name__}.{name} ({where})"
                if not cleaned:
                    wrong.append(f"{label}: a bare str — use Name/Code/Line/Text/Secret/Choice from zhenxing.fields")
                if not has_bound:
                    wrong.append(f"{label}: no max_length")
    assert not wrong, "\n".join(wrong)


_UNBOUNDED = re.compile(r"[*+]|\{\d*,\}")


def bounded_pattern(item: Any) -> bool:
    """An anchored pattern whose every repetition has an upper bound (^(a|b)$, ^\\d{4}-\\d{2}$)."""
    patterns = [getattr(inner, "pattern", None) for inner in (item, *getattr(item, "metadata", ()))]
    return any(isinstance(p, str) and p.startswith("^") and p.endswith("$") and not _UNBOUNDED.search(p)
               for p in patterns)


def parameter_leaves(param: Any) -> list[bool]:
    """For every `str` a path or query parameter can hold: is it bounded (max_length, Literal, bounded pattern)?"""
    info = param.field_info
    metadata = list(info.metadata)
    if any(bounded_pattern(item) for item in (info, *metadata)):
        return [True for _ in text_leaves(info.annotation, False)]
    annotation = Annotated[(info.annotation, *metadata)] if metadata else info.annotation
    return [bounded for _cleaned, bounded in text_leaves(annotation, False)]


def unbounded_parameters(routes: list[tuple[str, APIRoute]]) -> list[str]:
    """'METHODS path: where name' for every path or query text of these routes that has no bound."""
    found = []
    for path, route in routes:
        pending = [route.dependant]
        while pending:
            dependant = pending.pop()
            pending.extend(dependant.dependencies)
            for where, params in (("path", dependant.path_params), ("query", dependant.query_params)):
                for param in params:
                    if not all(parameter_leaves(param)):
                        found.append(f"{sorted(route.methods)} {path}: {where} {param.alias} "
                                     f"({getattr(dependant.call, '__qualname__', '?')})")
    return sorted(set(found))


def test_every_text_in_every_path_and_query_string_is_bounded():
    app = create_app(Settings(database_url="sqlite://", demo=True))
    found = unbounded_parameters(_api_routes(app))
    assert not found, "give these a max_length (zhenxing.web.params.Key/Words), a Literal or a bounded pattern:\n" + (
        "\n".join(found))


def test_the_class_test_sees_an_unbounded_parameter():
    from fastapi import Depends, FastAPI, Query

    def shared(sort: str = "code", order: Annotated[str, Query(pattern="^(asc|desc)$")] = "asc") -> None:
        return None

    toy = FastAPI()

    @toy.get("/items/{kind}")
    def items(kind: str, q: Annotated[str | None, Query(max_length=20)] = None, tag: str | None = None,
              by: Literal["a", "b"] = "a", loose: Annotated[str, Query(pattern="^a+$")] = "a",
              _: None = Depends(shared)) -> None:
        return None

    routes = [(route.path, route) for route in toy.routes if isinstance(route, APIRoute)]
    found = [line.split(": ", 1)[1].split(" (")[0] for line in unbounded_parameters(routes)]
    assert found == ["path kind", "query loose", "query sort", "query tag"]


def test_the_class_test_sees_a_bare_or_unbounded_text():
    from pydantic import Field

    from zhenxing.fields import Line

    class Loose(BaseModel):
        bare: str = Field(max_length=10)
        unbounded: Line
        inside: list[Line] = Field(max_length=3)
        fine: Line | None = Field(default=None, max_length=10)

    found = {name: field_leaves(field) for name, field in Loose.model_fields.items()}
    assert found == {"bare": [(False, True)], "unbounded": [(True, False)], "inside": [(True, False)],
                     "fine": [(True, True)]}


def test_text_through_the_api_is_cleaned_and_names_are_folded(api_as, session, world):
    admin = api_as(world.admin)
    made = admin.post("/api/v1/people", json={"name": "张\x1b三", "title": "副\u0007市长"})
    assert made.status_code in (200, 201), made.text
    assert made.json()["name"] == "张三" and made.json()["title"] == "副市长"
    unit = admin.post("/api/v1/units", json={"name": "ＡＢＣ　发改委"})
    assert unit.status_code in (200, 201), unit.text
    assert unit.json()["name"] == "ABC 发改委"


def test_a_zero_width_space_in_a_code_is_refused_naming_the_field(api_as, session, world):
    admin = api_as(world.admin)
    answer = admin.post("/api/v1/projects", json={"code": "XM\u200b001", "name": "测试项目",
                                                  "region_id": world.linghai.id})
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == "code"
    assert "不可见字符" in answer.json()["message"]


def test_a_huge_password_is_refused_before_hashing(api_as, session, world, monkeypatch):
    from zhenxing.auth import service as accounts

    def no_hashing(_password):
        raise AssertionError("a password past the limit was hashed")

    monkeypatch.setattr(accounts, "hash_password", no_hashing)
    admin = api_as(world.admin)
    for size, field in ((5_000_000, "body"), (1_000_000, "password"), (129, "password")):  # 5 MB: past the
        answer = admin.post("/api/v1/users",                                              # body limit (2 MB)
                            json={"name": "newcomer", "role": "viewer", "password": "x" * size})
        assert answer.status_code == 422, answer.text[:300]
        assert answer.json()["field"] == field
        assert len(answer.text) < 2000  # the value is not echoed
    assert "最多 128 个字符" in answer.json()["message"]


def test_a_short_password_is_refused_in_chinese(api_as, session, world):
    admin = api_as(world.admin)
    answer = admin.post("/api/v1/users", json={"name": "newcomer", "role": "viewer", "password": "abc"})
    assert answer.status_code == 422
    assert answer.json()["field"] == "password" and "至少 8 个字符" in answer.json()["message"]


def test_an_overlong_description_is_refused_naming_the_field(api_as, session, world):
    admin = api_as(world.admin)
    answer = admin.post("/api/v1/projects", json={"code": "XM-LONG", "name": "测试项目", "region_id": world.linghai.id,
                                                  "description": "长" * 20_000})
    assert answer.status_code == 422
    assert answer.json()["field"] == "description"
    assert "个字符" in answer.json()["message"] and len(answer.text) < 2000


def test_look_alike_unit_names_and_project_codes_are_refused(api_as, session, world):
    admin = api_as(world.admin)
    assert admin.post("/api/v1/units", json={"name": "港口（二期）管理处"}).status_code in (200, 201)
    twin = admin.post("/api/v1/units", json={"name": "港口(二期)管理处"})
    assert twin.status_code == 409 and twin.json()["field"] == "name" and "全角半角" in twin.json()["message"]
    made = admin.post("/api/v1/projects", json={"code": "XM-LA-1", "name": "测试项目", "region_id": world.linghai.id})
    assert made.status_code == 201, made.text
    for code in ("xm-la-1", "ＸＭ－ＬＡ－１"):
        again = admin.post("/api/v1/projects", json={"code": code, "name": "测试项目二", "region_id": world.linghai.id})
        assert again.status_code == 409 and again.json()["field"] == "code", (code, again.text)
