"""What the ledger pages need besides the service: Chinese labels, form values → payloads,
validation errors → one message per field, the stage timeline and readable history rows.

Pure: no database, no web framework.
"""

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from pydantic import ValidationError

from zhenxing import labels
from zhenxing.projects.stages import STAGE_LABELS, STAGES, STATUSES, TRACKS, plan_field, stage_field

BEIJING = timezone(timedelta(hours=8), "北京时间")
REFERENCE_FIELDS = ("region_id", "lead_unit_id", "sponsor_id", "steward_id")
MONEY_FIELDS = ("total_investment", "planned_investment", "completed_investment")
TEXT_FIELDS = ("cluster", "company", "description")
EDIT_FIELDS = ("name", *REFERENCE_FIELDS, "cluster", "track", "company", *MONEY_FIELDS, "status",
               "description", *(plan_field(s) for s in STAGES[1:]))
CREATE_FIELDS = ("code", *EDIT_FIELDS, "stage")

FIELD_LABELS: dict[str, str] = {
    "code": "项目编号", "name": "项目名称", "region": "所在地区", "region_id": "所在地区",
    "lead_unit": "牵头单位", "lead_unit_id": "牵头单位", "sponsor": "包保领导", "sponsor_id": "包保领导",
    "steward": "项目管家", "steward_id": "项目管家", "cluster": "产业集群", "track": "三篇大文章",
    "company": "投资主体", "total_investment": "总投资", "planned_investment": "年度计划投资",
    "completed_investment": "累计完成投资", "stage": "项目阶段", "status": "项目状态",
    "description": "项目简介", "expansion_of_id": "扩建自项目", "to": "变更为", "date": "日期", "reason": "原因",
    **{plan_field(s): f"计划{STAGE_LABELS[s]}日期" for s in STAGES[1:]},
    **{stage_field(s): f"实际{STAGE_LABELS[s]}日期" for s in STAGES[1:]},
    # what an import's audit event counts
    "file": "文件", "created": "新建", "updated": "修改", "unchanged": "未变",
}
labels.register(None, values={"stage": STAGE_LABELS, "planned_stage": STAGE_LABELS})
labels.register("project", label="项目", fields=FIELD_LABELS,
                values={"stage": STAGE_LABELS, "status": STATUSES, "track": TRACKS},
                formats={name: lambda value: money(value) if isinstance(value, int) else str(value)
                         for name in MONEY_FIELDS})

MESSAGES = {
    "missing": "必填",
    "int_parsing": "请输入整数",
    "int_from_float": "请输入整数",
    "int_type": "请输入整数",
    "greater_than_equal": "不能为负数",
    "string_too_short": "至少 {min_length} 个字",
    "string_too_long": "不能超过 {max_length} 个字",
    "date_parsing": "日期格式应为 年-月-日，如 2025-03-01",
    "date_from_datetime_parsing": "日期格式应为 年-月-日，如 2025-03-01",
    "date_type": "日期格式应为 年-月-日，如 2025-03-01",
    "value_error": "请从列表中选择",
    "extra_forbidden": "不能在此修改",
}


def field_errors(error: ValidationError) -> dict[str, str]:
    """One Chinese message per field, the first pydantic gives for it."""
    errors: dict[str, str] = {}
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else "_"
        if item.get("input") == "" and item["type"].startswith("string_too_short"):
            message = "必填"
        else:
            template = MESSAGES.get(item["type"])
            message = template.format(**(item.get("ctx") or {})) if template else item["msg"]
        errors.setdefault(field, message)
    return errors


def form_values(form: Mapping[str, Any], fields: Iterable[str]) -> dict[str, str]:
    """The submitted strings, stripped: what the form shows again when it has errors."""
    return {name: str(form.get(name) or "").strip() for name in fields}


def payload(values: Mapping[str, str]) -> dict[str, Any]:
    """Form strings → input for ProjectCreate/ProjectUpdate. Blank means "none" for optional fields."""
    data: dict[str, Any] = {}
    for name, raw in values.items():
        if name in MONEY_FIELDS:
            data[name] = raw.replace(",", "").replace("，", "") or 0
        elif raw != "" or name in TEXT_FIELDS or name == "name":
            data[name] = raw
        elif name in ("region_id", "stage", "status", "code"):
            continue  # required or defaulted: left out, so pydantic names what is missing
        else:
            data[name] = None
    return data


def project_values(project: Any) -> dict[str, str]:
    """A project's current values as form strings."""
    values = {}
    for name in CREATE_FIELDS:
        value = getattr(project, name, None)
        values[name] = "" if value is None else str(value)
    return values


def region_choices(regions: Iterable[Any]) -> list[tuple[int, str]]:
    """Regions in tree order → (id, name indented by depth) for a select."""
    depth: dict[int | None, int] = {None: -1}
    choices = []
    for region in regions:
        depth[region.id] = depth.get(region.parent_id, -1) + 1
        indent = "\u3000" * depth[region.id]
        choices.append((region.id, f"{indent}{'└ ' if depth[region.id] else ''}{region.name}"))
    return choices


def page_links(page: int, pages: int, around: int = 2) -> list[int | None]:
    """Page numbers to offer: the first, the last and those near the current one; None marks a gap."""
    wanted = sorted({1, pages, *range(max(1, page - around), min(pages, page + around) + 1)})
    links: list[int | None] = []
    for number in wanted:
        if links and number - (links[-1] or 0) > 1:
            links.append(None)
        links.append(number)
    return links


def timeline(project: Any, today: date) -> list[dict]:
    """谋划 → 投产, each with planned and actual dates and whether it is done, current or ahead."""
    current = STAGES.index(project.stage) if project.stage in STAGES else 0
    steps = []
    for index, stage in enumerate(STAGES):
        planned = getattr(project, plan_field(stage), None) if index else None
        actual = getattr(project, stage_field(stage), None) if index else None
        state = "done" if index < current else "current" if index == current else "ahead"
        # Not reached by its planned date: overdue (超期 N 天), which is not "ahead of plan".
        late = state == "ahead" and planned is not None and planned < today
        steps.append({
            "stage": stage, "label": STAGE_LABELS[stage], "planned": planned, "actual": actual,
            "state": state, "late": late, "overdue_days": (today - planned).days if late else 0,
        })
    return steps


def money(value: int) -> str:
    """万元 → "1.20亿元" from 1 亿 up, else "9,000万元" (the audit trail's reading of one amount)."""
    return f"{value / 10_000:,.2f}亿元" if abs(value) >= 10_000 else f"{value:,}万元"


def display(field: str, value: Any) -> str:
    """A project value from the audit trail as people read it."""
    return labels.value_label("project", field, value)


def local_time(moment: datetime) -> datetime:
    """Stored instants are UTC (SQLite hands them back naive); people read Beijing time."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(BEIJING)


def changes(diff: Mapping[str, Any], entity: str = "project") -> list[tuple[str, str, str]]:
    """{field: [before, after]} → (label, before, after) in Chinese (see zhenxing.labels)."""
    return labels.readable(diff, entity or "project")


def history_rows(events: Iterable[Any]) -> list[dict]:
    """Audit events with each change as (label, before, after) in Chinese."""
    return [
        {
            "at": local_time(event.at), "actor": getattr(event, "actor_label", event.actor_name),
            "action": event.action_label,
            "summary": event.summary,
            "changes": changes(event.changes or {}),
        }
        for event in events
    ]

