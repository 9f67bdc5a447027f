"""Jinja2 templates with the globals every page needs (user, CSRF token, labels)."""

from datetime import datetime
from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from zhenxing import labels
from zhenxing.auth.policy import ROLES, can_manage, can_manage_holidays, can_read_audit
from zhenxing.periods import period_choices, period_label
from zhenxing.projects import forms as ledger_forms
from zhenxing.web.deps import csrf_token
from zhenxing.web.flash import take_flashes
from zhenxing.workdays import BEIJING

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def yi(value: int | None) -> str:
    """万元 → a readable 亿元/万元 figure, for a lone amount only: amounts shown together (a table, a list,
    a sentence comparing two) take one unit, `in_yi` under a heading that names 亿元 or `yi_amount`."""
    if value is None:
        return ""
    if abs(value) >= 10_000:
        return f"{value / 10_000:,.2f}亿元"
    return f"{value:,}万元"


def in_yi(value: int | None) -> str:
    """万元 → a figure in 亿元 without its unit, for a table whose heading names 亿元: one unit per table
    (26.80 beside 0.90, never 26.80亿元 beside 9,000万元)."""
    return "" if value is None else f"{value / 10_000:,.2f}"


def yi_amount(value: int | None) -> str:
    """万元 → always in 亿元 with its unit ("0.90亿元"): amounts in a list or a sentence side by side."""
    return "" if value is None else f"{in_yi(value)}亿元"


templates.env.filters["yi"] = yi
templates.env.filters["yi_amount"] = yi_amount
templates.env.filters["in_yi"] = in_yi
templates.env.globals["ROLES"] = ROLES
# The audit trail read in Chinese: Beijing time, field labels, values as people write them.
templates.env.filters["local_time"] = ledger_forms.local_time
templates.env.globals["readable_changes"] = labels.readable
templates.env.globals["take_flashes"] = take_flashes


def _period_choices(chosen: object = None, back: int = 36, ahead: int = 0) -> list[tuple[str, str]]:
    return period_choices(chosen, datetime.now(BEIJING).date(), back=back, ahead=ahead)


templates.env.filters["period_label"] = period_label  # '2026-11' → 2026年11月
templates.env.globals["period_choices"] = _period_choices  # the period picker (_period.html), in Beijing time

NAV = [
    ("/dashboard", "驾驶舱", "dashboard"),
    ("/projects", "重点项目", "projects"),
    ("/reports", "月报", "reports"),
    ("/lights", "红黄绿灯", "lights"),
    ("/problems", "问题清单", "problems"),
    ("/league", "赛马", "league"),
    ("/field-reviews", "拉练", "reviews"),
    ("/meetings", "调度会", "meetings", {"admin", "office", "leader", "supervisor"}),
    ("/projects/import", "导入导出", "import", can_manage),
    ("/documents", "文件", "documents"),
    ("/review", "审核", "review", can_manage),
    ("/targets", "目标台账", "targets"),
    ("/tasks", "任务分解", "tasks"),
    ("/supervision", "督查督办", "supervision", {"admin", "office", "supervisor", "leader", "unit"}),
    ("/appeals", "12345诉求", "appeals"),
    ("/audit", "变更记录", "audit", can_read_audit),
    ("/org", "组织机构", "org"),
    # A fourth element says who sees the entry: a set of roles, or a policy rule role -> bool (so the
    # link shows exactly when the page would answer). Entries without one are for everybody.
    ("/admin/users", "用户管理", "admin", {"admin"}),
    ("/admin/holidays", "节假日", "holidays", can_manage_holidays),
]


def _sees(entry: tuple, role: str | None) -> bool:
    if len(entry) < 4:
        return True
    allowed = entry[3]
    return bool(role is not None and (allowed(role) if callable(allowed) else role in allowed))


def nav_for(user) -> list[tuple[str, str, str]]:
    """The entries this user sees, as (href, label, key)."""
    role = getattr(user, "role", None)
    return [entry[:3] for entry in NAV if _sees(entry, role)]


def render(request: Request, name: str, context: dict | None = None, status_code: int = 200):
    context = dict(context or {})
    context.setdefault("user", getattr(request.state, "user", None))
    context["csrf_token"] = csrf_token(request)
    context["nav"] = nav_for(context["user"])
    return templates.TemplateResponse(request, name, context, status_code=status_code)
