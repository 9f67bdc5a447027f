"""Pydantic's validation errors in Chinese, naming the field (by its title when the model gives one).
Pure: no database or web imports."""

from typing import Any

from pydantic import BaseModel, ValidationError

_MESSAGES = {
    "missing": "缺少此项",
    "extra_forbidden": "不是可设置的字段",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "decimal_parsing": "应为数字",
    "bool_parsing": "应为是或否（true/false）",
    "bool_type": "应为是或否（true/false）",
    "string_type": "应为文字",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "dict_type": "应为对象（键值对）",
    "model_type": "应为对象（键值对）",
    "model_attributes_type": "应为对象（键值对）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "datetime_parsing": "应为时间（YYYY-MM-DDTHH:MM）",
    "datetime_from_date_parsing": "应为时间（YYYY-MM-DDTHH:MM）",
    "time_parsing": "应为时刻（HH:MM）",
    "json_invalid": "不是有效的 JSON",
    "finite_number": "应为有限的数字",
}


def zh_message(error: dict[str, Any]) -> str:
    """One pydantic error (an item of `ValidationError.errors()`) in Chinese, without the field's name."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind in {"too_long", "too_short"} and ctx.get("field_type") == "Value":  # a cleaned text (zhenxing.fields)
        kind = "string_" + kind
    bounds = {"greater_than_equal": "应不小于 {ge}", "greater_than": "应大于 {gt}", "less_than_equal": "应不大于 {le}",
              "less_than": "应小于 {lt}", "string_too_short": "至少 {min_length} 个字符",
              "string_too_long": "最多 {max_length} 个字符", "too_short": "至少 {min_length} 项",
              "too_long": "最多 {max_length} 项", "string_pattern_mismatch": "格式不符（{pattern}）",
              "multiple_of": "应为 {multiple_of} 的倍数"}
    if kind in bounds:
        return bounds[kind].format(**ctx)
    if kind in {"literal_error", "enum"}:
        return f"应为 {ctx.get('expected', '')} 之一".replace("' or '", "'、'").replace("', '", "'、'")
    if kind in {"text_refused", "text_too_long"}:
        return error["msg"]
    if kind in {"value_error", "assertion_error"}:
        return str(ctx.get("error", error["msg"]))
    return _MESSAGES.get(kind, error["msg"])


def _title(model: type[BaseModel] | None, loc: tuple) -> str:
    """The Chinese title of the field a location points at, following nested models and lists."""
    current: Any = model
    title = ""
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            current = None
            continue
        field = fields[part]
        title = field.title or ""
        current = _inner_model(field.annotation)
    return title


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found:
            return found
    return None


def zh_errors(error: ValidationError, model: type[BaseModel] | None = None,
              skip: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """[{field: 'steps.1.offset', message: '字段 steps.1.offset（相对期限）应不大于 366'}…]"""
    found = []
    for item in error.errors():
        loc = tuple(part for part in item["loc"] if part not in skip)
        field = ".".join(str(part) for part in loc)
        title = _title(model, loc)
        named = f"字段 {field}（{title}）" if field and title else f"字段 {field}" if field else ""
        found.append({"field": field, "message": f"{named}{zh_message(item)}"})
    return found
