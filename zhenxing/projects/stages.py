"""Project stages 谋划 → 签约 → 落地 → 开工 → 竣工 → 投产 and the rules for moving between them.

Pure: no database, no web. `plan_transition` says which date fields change, or raises.
"""

from collections.abc import Mapping
from datetime import date

from zhenxing.errors import Forbidden, Rejected
from zhenxing.text import quote

STAGES = ("planned", "signed", "landed", "started", "completed", "operating")
STAGE_LABELS = {
    "planned": "谋划",
    "signed": "签约",
    "landed": "落地",
    "started": "开工",
    "completed": "竣工",
    "operating": "投产",
}
# Words people write in ledgers for the same stages.
STAGE_SYNONYMS = {
    "储备": "planned", "前期": "planned", "在谈": "planned",
    "开(复)工": "started", "开（复）工": "started", "复工": "started", "在建": "started", "新开工": "started",
    "建成": "completed", "完工": "completed",
    "达产": "operating", "投用": "operating", "运营": "operating",
}
DATED_STAGES = STAGES[1:]  # 谋划 has no event date: a project starts there
STATUSES = {"active": "推进中", "suspended": "暂停", "cancelled": "取消"}
TRACKS = {"upgrade": "老字号", "extend": "原字号", "emerging": "新字号"}


def stage_field(stage: str) -> str:
    """The column holding the actual date a stage was reached."""
    return f"{stage}_on"


def plan_field(stage: str) -> str:
    """The column holding the planned date of a stage."""
    return f"plan_{stage}_on"


def stage_from_text(text: str) -> str:
    """'开工', '开(复)工' or 'started' → 'started'; unknown names raise Rejected."""
    word = (text or "").strip()
    if word in STAGES:
        return word
    for code, label in STAGE_LABELS.items():
        if word == label:
            return code
    if word in STAGE_SYNONYMS:
        return STAGE_SYNONYMS[word]
    raise Rejected(f"未知的项目阶段“{quote(word)}”，可选：{'、'.join(STAGE_LABELS.values())}", field="stage")


def _label(stage: str) -> str:
    return STAGE_LABELS[stage]


def plan_transition(
    *,
    current: str,
    dates: Mapping[str, date | None],
    to: str,
    on: date,
    role: str,
    reason: str | None,
    today: date,
    status: str = "active",
) -> dict[str, date | None]:
    """Validate a move from `current` to `to` on date `on`; return the date fields to write.

    `dates` maps each stage to the actual date it was reached (None if never).
    Forward moves may skip stages and record `on`; backward moves need the office and
    a reason, and clear the dates of the stages being undone.
    """
    if to not in STAGES:
        raise Rejected(f"未知的目标阶段“{to}”", field="to")
    if status != "active":
        raise Rejected(f"项目状态为“{STATUSES.get(status, status)}”，不能变更阶段", field="to")
    if to == current:
        raise Rejected(f"项目已处于“{_label(to)}”阶段", field="to")
    if on > today:
        raise Rejected(f"日期 {on.isoformat()} 晚于今天，不能登记尚未发生的阶段", field="date")
    target, now = STAGES.index(to), STAGES.index(current)
    if target > now:
        return _forward(dates, to, on)
    return _backward(to, role, reason)


def _forward(dates: Mapping[str, date | None], to: str, on: date) -> dict[str, date | None]:
    earlier = [(s, dates.get(s)) for s in STAGES[: STAGES.index(to)]]
    reached = [(s, d) for s, d in earlier if d is not None]
    if reached:
        previous, previous_date = max(reached, key=lambda pair: (pair[1], STAGES.index(pair[0])))
        if on < previous_date:
            raise Rejected(
                f"{_label(to)}日期 {on.isoformat()} 早于{_label(previous)}日期 "
                f"{previous_date.isoformat()}，阶段日期须按先后顺序",
                field="date",
            )
    return {stage_field(to): on}


def _backward(to: str, role: str, reason: str | None) -> dict[str, date | None]:
    if role not in {"admin", "office"}:
        raise Forbidden("只有项目办或管理员可以回退项目阶段", field="to")
    if not (reason or "").strip():
        raise Rejected("回退项目阶段须填写原因", field="reason")
    undone = STAGES[STAGES.index(to) + 1:]
    return {stage_field(s): None for s in undone}


def check_stage_dates(dates: Mapping[str, date | None]) -> list[tuple[str, str]]:
    """Actual dates out of order, as (stage, message): a stage reached before an earlier one.

    Used where dates arrive all at once (a ledger import) rather than one transition at a time.
    """
    problems = []
    for index, stage in enumerate(DATED_STAGES):
        on = dates.get(stage)
        if on is None:
            continue
        for earlier in DATED_STAGES[:index]:
            before = dates.get(earlier)
            if before is not None and on < before:
                problems.append((stage, f"{_label(stage)}日期 {on.isoformat()} 早于{_label(earlier)}日期 "
                                        f"{before.isoformat()}，阶段日期须按先后顺序"))
                break
    return problems


def _wan(value: int) -> str:
    return f"{value / 10_000:,.2f}亿元" if abs(value) >= 10_000 else f"{value:,}万元"


def check_plan(values: Mapping[str, object]) -> list[tuple[str, str]]:
    """A project's figures and planned dates that cannot both be true, as (field, message): an annual plan
    or a completed investment above the total investment, planned stage dates out of order.

    `values` is the whole project as it would be after a change (a total of 0 means "not yet known")."""
    problems: list[tuple[str, str]] = []
    total = values.get("total_investment") or 0
    for field, label in (("planned_investment", "年度计划投资"), ("completed_investment", "累计完成投资")):
        amount = values.get(field) or 0
        if isinstance(total, int) and isinstance(amount, int) and total > 0 and amount > total:
            problems.append((field, f"{label}（{_wan(amount)}）超过总投资（{_wan(total)}），"
                                    f"占总投资 {amount * 100 // total}%：请核对金额"))
    planned = {stage: values.get(plan_field(stage)) for stage in DATED_STAGES}
    for stage, message in check_stage_dates(planned):
        problems.append((plan_field(stage), "计划" + message.replace("阶段日期须按先后顺序", "计划日期须按阶段先后")
                         .replace("早于", "早于计划")))
    return problems


class ProjectLabels:
    """A project's stage, status and track as people read them: for the model and for a list's plain rows
    (anything with `stage`, `status` and `track`)."""

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS.get(self.stage, self.stage)

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def track_label(self) -> str:
        return TRACKS.get(self.track or "", "")
