"""What the HTML forms share: reading a post with every field bounded, running a change and turning a refusal
into a message beside its field.

Every form field of every post is bounded before any handler sees it: `bounded_form` is a dependency of the API
and page routers (app.py; Open311's one post calls read_form itself, to answer in the spec's format), and
handlers read their post with `read_form`, never `request.form()` (tests/web/
test_form_bounds.py scans for it and posts an over-long field to every route of the route table). A field's
bound and its Chinese name come from FIELDS; a route whose field is longer (a pasted work report) says so
with `@form_limits(text=("报告全文", 2_000_000))`. A value past its bound is a 422 naming the field.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from fastapi import Request
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from zhenxing.errors import Conflict, NotFound, Rejected

# field → (its name on the page, the most characters a post may carry in it). The domain functions check
# the exact rules (a person's name is at most 40); this bound is what a post can never exceed.
_ID, _SHORT, _NAME, _LINE, _NOTE, _LONG = 40, 100, 200, 500, 2000, 4000
FIELDS: dict[str, tuple[str, int]] = {
    # identity, session and navigation
    "csrf_token": ("表单令牌", _SHORT), "csrf_token_": ("表单令牌", _SHORT), "username": ("用户名", _SHORT),
    "password": ("密码", 1024), "old_password": ("原密码", 1024), "password_again": ("确认密码", 1024),
    "next": ("返回地址", _LINE), "back": ("返回地址", _LINE), "path": ("路径", _LINE), "api_key": ("API 密钥", _NAME),
    "website": ("网址", _NAME), "role": ("角色", _ID), "active": ("启用", _ID), "action": ("操作", _ID),
    "decision": ("决定", _ID), "preset": ("预设", _ID), "queue": ("队列", _ID), "sort": ("排序", _ID),
    "order": ("顺序", _ID), "q": ("搜索词", _NAME), "file": ("文件", _NAME), "files": ("文件", _NAME),
    "photos": ("照片", _NAME), "dry_run": ("仅预览", _ID), "create_people": ("新增人员", _ID),
    "ids": ("所选记录", _NOTE),  # appeals: up to 200 ids, comma-separated
    # references and choices (ids, codes, enumerations)
    **{name: (label, _ID) for name, label in {
        "region_id": "地区", "unit_id": "单位", "lead_unit_id": "牵头单位", "sponsor_id": "包保领导",
        "steward_id": "项目管家", "project_id": "项目", "target_id": "目标", "document_id": "来源文件",
        "category_id": "分类", "default_unit_id": "默认承办单位", "handler_region_id": "承办地区", "into_id": "合并到",
        "address_id": "地址编号", "jurisdiction_id": "辖区", "partner_unit_ids": "配合单位", "project_ids": "项目",
        "milestones_done": "已完成节点", "kind": "类型", "status": "状态", "stage": "阶段",
        "planned_stage": "计划阶段", "track": "赛道", "level": "级别", "basis": "口径", "channel": "渠道",
        "type": "类别", "urgency": "紧急程度", "requester_kind": "诉求人类型", "light": "亮灯", "result": "结果",
        "event": "事件", "by": "依据", "to": "目标状态", "major": "重大项目", "overdue": "逾期",
        "doubtful": "存疑", "anonymous": "匿名", "registered": "已登记", "is_workday": "是否工作日",
        "pause_on_extension": "延期时暂停", "progress_mode": "进度方式", "rate": "比率", "category_code": "诉求分类",
        "service_code": "诉求分类", "code": "编号", "tracking_no": "受理编号", "phone_last4": "手机尾号",
        "project_code": "项目编号", "period": "期间", "year": "年度", "date": "日期", "day": "日期",
        "start": "开始日期", "end": "结束日期", "held_on": "会议日期", "due_on": "截止日期", "deadline": "完成时限",
        "progress_on": "进度日期", "percent": "完成进度", "value": "数值", "start_value": "起始值",
        "extension_days": "延期天数", "progress_yellow": "黄灯阈值", "progress_red": "红灯阈值",
        "progress_min_plan": "最低计划进度", "lat": "纬度", "long": "经度", "latitude": "纬度",
        "longitude": "经度", "requester_phone": "联系电话", "phone": "联系电话", "requester_id_no": "证件号码",
        "unit": "单位", "region": "地区", "category": "分类",
    }.items()},
    # names and one-line text
    **{name: (label, _NAME) for name, label in {
        "name": "名称", "title": "标题", "unit_name": "牵头单位", "company": "建设单位", "cluster": "产业集群",
        "requester_name": "诉求人", "first_name": "名", "last_name": "姓", "address": "地址",
        "address_string": "地址", "location": "地点", "chair": "主持人", "profile": "画像", "group": "分组",
        "indicator": "指标", "written": "原文指标名", "keyword": "关键词", "source": "来源", "partners": "配合单位",
    }.items()},
    # free text
    "leaders": ("参会领导", _LINE), "participants": ("参会人员", _NOTE), "keywords": ("关键词", _NOTE),
    "comment": ("意见", _NOTE), "note": ("备注", _NOTE), "reply": ("答复", _NOTE), "progress": ("进展情况", _NOTE),
    "progress_text": ("进展情况", _NOTE), "next_steps": ("下步计划", _NOTE), "text": ("内容", _NOTE),
    "description": ("简介", _LONG), "reason": ("原因", _LONG), "reply_template": ("答复模板", _LONG),
    "questions": ("附加问题", _LONG), "content": ("任务内容", _LONG), "notes": ("会议纪要", 20_000),
    "data": ("方案", 100_000),
}
# Fields a form numbers (step0_label, score_quality, rank_12, power_yellow): (pattern, name, limit).
PATTERNS: list[tuple[re.Pattern[str], str, int]] = [
    (re.compile(r"step\d+_label"), "升级步骤名称", 40), (re.compile(r"step\d+_(when|consecutive)"), "升级步骤", _ID),
    (re.compile(r"score_\w+"), "评分", _ID), (re.compile(r"rank_\d+"), "排名", _ID),
    (re.compile(r"\w+_(yellow|red|on|shown|mode|amount|unit)"), "规则设置", _ID),
]
DEFAULT_LIMIT = _NOTE  # a field nobody listed: bounded all the same, named as posted
_INDEXED = re.compile(r"\[.*\]$")  # Open311's attribute[size] is the field "attribute"

F = TypeVar("F", bound=Callable[..., Any])


def form_limits(**limits: tuple[str, int]) -> Callable[[F], F]:
    """A route whose post carries a field longer than FIELDS allows: `@form_limits(text=("报告全文", 2_000_000))`
    (placed under the route decorator)."""
    def mark(endpoint: F) -> F:
        endpoint.form_limits = limits  # type: ignore[attr-defined]
        return endpoint
    return mark


def bound_of(name: str, route: Any = None) -> tuple[str, int]:
    """(Chinese name, limit) of a posted field on a route."""
    own = getattr(getattr(route, "endpoint", None), "form_limits", {})
    base = _INDEXED.sub("", name)
    found = own.get(name) or FIELDS.get(name) or FIELDS.get(base)
    if found:
        return found
    for pattern, label, limit in PATTERNS:
        if pattern.fullmatch(name):
            return label, limit
    return f"字段“{base[:40]}”", DEFAULT_LIMIT


def check_form(form: FormData, route: Any = None) -> FormData:
    """Refuse the post when a field is longer than its bound, naming the field; the form itself otherwise."""
    for name, value in form.multi_items():
        if isinstance(value, str):
            label, limit = bound_of(name, route)
            if len(value) > limit:
                raise Rejected(f"{label}最多 {limit} 个字（现有 {len(value)} 个）", field=name[:40])
    return form


def _is_form(request: Request) -> bool:
    kind = request.headers.get("content-type", "")
    return kind.startswith("application/x-www-form-urlencoded") or kind.startswith("multipart/form-data")


async def read_form(request: Request) -> FormData:
    """The post's fields, each within its bound (read once: Starlette keeps the parsed form)."""
    form = await request.form()
    if _is_form(request):
        check_form(form, request.scope.get("route"))
    return form


async def bounded_form(request: Request) -> None:
    """Router dependency: no post reaches a handler with a field past its bound."""
    if request.method in ("POST", "PUT", "PATCH", "DELETE") and _is_form(request):
        await read_form(request)


def attempt(session: Session, action: Callable[[], Any]) -> dict[str, str]:
    """Run a change; on a refusal roll it back and return the message by field."""
    try:
        action()
        return {}
    except (Rejected, Conflict, NotFound) as error:
        session.rollback()
        return {error.field or "_": error.message}


def carried(form: Mapping[str, Any], fields: Iterable[str]) -> dict[str, str]:
    """The fields a post carries, stripped. An edit changes these and leaves every other field as it is:
    a post that lacks a field (an old page, a script, a form with a section hidden) never clears it."""
    return {name: str(form.get(name) or "").strip() for name in fields if name in form}
