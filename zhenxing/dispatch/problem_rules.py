"""The problem list's rules (问题清单, 销号): state machine, overdue days, a category from the words. Pure.

open (待解决) → in_progress (解决中) → resolved (已解决待销号) → closed (已销号), and back:
- the unit, the county or the steward starts and resolves (with a note of how);
- only the project office confirms the 销号, or sends it back (退回, with a reason) to in_progress;
- the office may reopen a closed problem (with a reason), which counts the reopening.
"""

from datetime import date

from zhenxing.errors import Forbidden, Rejected

PROBLEM_CATEGORIES = ("用地", "规划", "环评", "审批", "资金", "拆迁征收", "水电气暖", "施工条件", "其他")
PROBLEM_SOURCES = {"report": "月报", "field_review": "拉练", "meeting": "调度会", "direct": "直接登记",
                   "appeal": "诉求"}
PROBLEM_STATUSES = {"open": "待解决", "in_progress": "解决中", "resolved": "已解决待销号", "closed": "已销号"}
ACTIONS = {"start": "开始解决", "resolve": "申请销号", "close": "确认销号", "reject": "退回", "reopen": "重新打开"}
_MOVES = {  # action: (from statuses, to status, office only, note required)
    "start": ({"open"}, "in_progress", False, False),
    "resolve": ({"open", "in_progress"}, "resolved", False, True),
    "close": ({"resolved"}, "closed", True, False),
    "reject": ({"resolved"}, "in_progress", True, True),
    "reopen": ({"closed"}, "open", True, True),
}
OFFICE = {"admin", "office"}
WORKERS = {"admin", "office", "unit", "steward"}
OPEN = ("open", "in_progress")
CATEGORY_WORDS = (  # the first category whose word appears wins; order matters (征地 is 拆迁征收, not 用地)
    ("拆迁征收", ("拆迁", "征收", "征地", "动迁", "迁坟")),
    ("环评", ("环评", "环保", "能评", "安评", "稳评", "水土保持")),
    ("用地", ("用地", "土地", "林地", "耕地", "占补平衡", "供地", "指标")),
    ("规划", ("规划", "红线", "控规", "容积率")),
    ("审批", ("审批", "手续", "许可", "核准", "备案", "立项", "施工许可")),
    ("资金", ("资金", "融资", "贷款", "专项债", "拨付", "到位")),
    ("水电气暖", ("供水", "供电", "用电", "电力", "燃气", "天然气", "供暖", "供热", "排水", "水电")),
    ("施工条件", ("施工", "道路", "场地", "进场", "交通", "渣土", "雨季", "冬季")),
)


def plan_action(status: str, action: str, role: str, note: str) -> str:
    """The status a problem moves to; refuses a move the status, the role or a missing note forbids."""
    if action not in _MOVES:
        raise Rejected(f"未知的操作“{action}”，可选：{'、'.join(ACTIONS)}", field="action")
    sources, target, office_only, needs_note = _MOVES[action]
    if role not in WORKERS or (office_only and role not in OFFICE):
        who = "项目办" if office_only else "责任单位、县区、项目管家或项目办"
        raise Forbidden(f"只有{who}可以{ACTIONS[action]}", field="action")
    if status not in sources:
        raise Rejected(f"问题当前为“{PROBLEM_STATUSES.get(status, status)}”，不能{ACTIONS[action]}", field="action")
    if needs_note and not note.strip():
        what = "解决情况" if action == "resolve" else "原因"
        raise Rejected(f"{ACTIONS[action]}须填写{what}", field="note")
    return target


def overdue_days(due_on: date | None, status: str, today: date) -> int:
    """Days an unresolved problem is past its deadline (0 when on time, resolved or without a deadline)."""
    if due_on is None or status not in OPEN or today <= due_on:
        return 0
    return (today - due_on).days


def guess_category(text: str) -> str:
    for category, words in CATEGORY_WORDS:
        if any(word in text for word in words):
            return category
    return "其他"


def short_name(description: str, limit: int = 12) -> str:
    """A problem as a light's reason names it: its first clause, at most `limit` characters."""
    first = description.replace("，", "。").replace("；", "。").split("。")[0].strip() or description.strip()
    return first if len(first) <= limit else first[:limit] + "…"
