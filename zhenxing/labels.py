"""The one table of Chinese names for fields and values wherever records are shown generically: the
audit trail (变更记录: "状态：待审核 → 已采纳"), audit summaries ("修改项目 JZ2024-001：总投资、阶段"),
and error messages that name a field or list the allowed values.

Pure: no database, no web. Each area registers its own fields and values at import time
(`register("task", values={"status": TASK_STATUSES})`); fields common to many records are here.
A field nobody labelled shows as itself, which the page scan in tests/web/test_chinese.py catches.
"""

from collections.abc import Callable, Iterable, Mapping
from typing import Any

# Fields many records share. An entity's own registration overrides these (a target's "unit" is its
# measure, a user's "unit" a department).
FIELDS: dict[str, str] = {
    "name": "名称", "title": "标题", "status": "状态", "year": "年度", "period": "期间", "kind": "类型",
    "region": "地区", "region_id": "地区", "unit": "单位", "unit_id": "单位", "parent_id": "上级地区",
    "role": "角色", "active": "启用", "reason": "原因", "note": "备注", "description": "简介",
    "lead_unit": "牵头单位", "lead_unit_id": "牵头单位", "lead_unit_name": "建议牵头单位",
    "unit_name": "牵头单位", "keyword": "关键词", "indicator": "指标", "written": "原文指标名",
    "file": "文件", "created": "新建", "updated": "修改", "unchanged": "未变", "document_id": "来源文件",
    "quote": "原文", "result_id": "台账记录", "result": "台账记录", "record": "台账记录", "number": "序号",
    "code": "编号", "source_name": "文件名", "withdrawn": "已撤回",
}
ENTITIES: dict[str, str] = {"": "记录", "record": "台账记录"}
YES_NO = {True: "是", False: "否"}

_fields: dict[str, dict[str, str]] = {}
_values: dict[str, dict[str, Mapping[Any, str]]] = {}
_formats: dict[str, dict[str, Callable[[Any], str]]] = {}
_shared_values: dict[str, Mapping[Any, str]] = {}


def register(entity: str | None = None, *, label: str | None = None, fields: Mapping[str, str] | None = None,
             values: Mapping[str, Mapping[Any, str]] | None = None,
             formats: Mapping[str, Callable[[Any], str]] | None = None) -> None:
    """Name an entity's fields, its coded values and how to print others (money…). `entity=None`
    registers values every record shares (a stage is 开工 wherever it appears)."""
    if entity is None:
        _shared_values.update(values or {})
        FIELDS.update(fields or {})
        return
    if label:
        ENTITIES[entity] = label
    _fields.setdefault(entity, {}).update(fields or {})
    _values.setdefault(entity, {}).update(values or {})
    _formats.setdefault(entity, {}).update(formats or {})


def field_label(entity: str, field: str) -> str:
    """The Chinese name of a field of an entity, or the field itself when nobody named it."""
    return _fields.get(entity, {}).get(field) or FIELDS.get(field) or field


def field_list(entity: str, fields: Iterable[str]) -> str:
    """"total_investment, stage" → "总投资、项目阶段"."""
    return "、".join(field_label(entity, field) for field in fields)


def value_label(entity: str, field: str, value: Any) -> str:
    """A stored value as people read it: 是/否, the label of a code, — for nothing."""
    if value is None or value == "":
        return "—"
    formatter = _formats.get(entity, {}).get(field)
    if formatter is not None:
        return formatter(value)
    if isinstance(value, bool):
        return YES_NO[value]
    codes = _values.get(entity, {}).get(field) or _shared_values.get(field)
    if codes is not None and not isinstance(value, list | dict):
        return str(codes.get(value, value))
    return str(value)


def choices(entity: str, field: str) -> str:
    """The allowed values of a coded field, for a message: "跟踪中、已完成、未完成"."""
    codes = _values.get(entity, {}).get(field) or _shared_values.get(field) or {}
    return "、".join(str(label) for label in codes.values())


def _order(entity: str, diff: Mapping[str, Any]) -> list[str]:
    known = list(_fields.get(entity, {})) + list(FIELDS)
    rank = {name: index for index, name in reversed(list(enumerate(known)))}
    return sorted(diff, key=lambda name: (rank.get(name, len(rank)), name))


def readable(diff: Mapping[str, Any], entity: str = "") -> list[tuple[str, str, str]]:
    """{field: [before, after]} → (label, before, after) in Chinese, leaving out no-op pairs (None → "").

    A nested diff (the record a draft was merged into: {"project": {"stage": [...]}}) reads as
    "项目·项目阶段"; a bare value (an older event's style) as the new value.
    """
    rows: list[tuple[str, str, str]] = []
    for field in _order(entity, diff):
        pair = diff[field]
        if isinstance(pair, Mapping):
            prefix = ENTITIES.get(field) or field_label(entity, field)
            rows += [(f"{prefix}·{label}", before, after) for label, before, after in readable(pair, field)]
            continue
        if not (isinstance(pair, list | tuple) and len(pair) == 2):
            pair = (None, pair)
        before, after = (value_label(entity, field, value) for value in pair)
        if before != after:
            rows.append((field_label(entity, field), before, after))
    return rows
