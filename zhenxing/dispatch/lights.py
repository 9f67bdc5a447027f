"""Red/yellow/green lights (红黄绿灯) of a project for a period, with reasons in Chinese. Pure.

`judge(facts, rules)` reads one project's facts as of the period's end and a rule set (light_rules.py);
the light is the worst colour any rule gives, and every rule that fired gives a reason. Suspended projects
are grey; cancelled projects get no light. `escalation(history, rules)` says which 督办/约谈 step, if any, a
run of lights reaches.

Exact arithmetic: the progress gap compares integers (万元 × months), so "exactly 10 points behind" is
yellow under "≥ 10" whatever the plan's size.
"""

from dataclasses import dataclass
from datetime import date

from zhenxing.dispatch.light_rules import LightRules, Step

COLORS = {"green": "绿灯", "yellow": "黄灯", "red": "红灯", "grey": "灰灯"}
SEVERITY = {"green": 0, "grey": 0, "yellow": 1, "red": 2}


@dataclass(frozen=True, slots=True)
class LightFacts:
    """One project at the end of one period. Month counts are period indexes (year × 12 + month − 1)."""

    status: str  # active | suspended | cancelled
    period_index: int
    period_end: date
    plan_start: date | None = None
    started_on: date | None = None
    annual_plan: int = 0  # 万元, the plan of the period's year
    ytd_completed: int = 0  # 万元, January to this period
    registered_index: int | None = None  # first period reported as 入库 (None: not yet)
    unreported_months: int = 0  # consecutive due reports missing, ending at this period
    overdue_problems: tuple[tuple[str, int], ...] = ()  # (problem, days past deadline), worst first

    @property
    def month(self) -> int:
        return self.period_index % 12 + 1


@dataclass(frozen=True, slots=True)
class Reason:
    color: str
    family: str
    text: str


@dataclass(frozen=True, slots=True)
class Verdict:
    color: str
    reasons: tuple[Reason, ...]
    completion: float | None  # 年度投资完成率 %, for display
    elapsed: float  # 序时进度 %

    @property
    def summary(self) -> str:
        return "；".join(r.text for r in self.reasons) or "各项指标正常"


def _index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _pct(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") + "%"


def _start(facts: LightFacts, rules: LightRules) -> Reason | None:
    plan = facts.plan_start
    limits = rules.start
    if limits is None or plan is None or plan > facts.period_end:
        return None
    if facts.started_on is not None and facts.started_on <= facts.period_end:
        return None
    months = facts.period_index - _index(plan) + 1  # month-ends passed since the planned date
    color = "red" if months >= limits.red else "yellow" if months >= limits.yellow else None
    if color is None:
        return None
    days = (facts.period_end - plan).days
    return Reason(color, "start", f"计划开工日期（{plan.isoformat()}）已过{days}天仍未开工（第{months}个月）")


def _progress(facts: LightFacts, rules: LightRules) -> Reason | None:
    rule = rules.progress
    plan = facts.annual_plan
    if rule is None or plan <= 0 or plan < rule.min_plan:
        return None
    month, done = facts.month, facts.ytd_completed
    completion, elapsed = done * 100 / plan, month * 100 / 12
    # Both sides × 12 × plan: points gap = (month·100·plan − done·100·12) / (12·plan).
    behind = month * 100 * plan - done * 1200
    if behind <= 0:
        return None
    if rule.mode == "points":
        scale = 12 * plan
        color = "red" if behind > rule.red * scale else "yellow" if behind >= rule.yellow * scale else None
        text = f"年度投资完成率 {_pct(completion)}，低于序时进度 {_pct(elapsed)} {behind / scale:.1f} 个百分点"
    else:  # shortfall as a share of 序时: behind / (month·100·plan)
        scale = month * plan  # behind / (month·100·plan) × 100 = behind / scale
        color = "red" if behind > rule.red * scale else "yellow" if behind > rule.yellow * scale else None
        text = f"年度投资完成率 {_pct(completion)}，低于序时进度 {_pct(elapsed)} 的 {behind / scale:.0f}%"
    return Reason(color, "progress", text) if color else None


def _registration(facts: LightFacts, rules: LightRules) -> Reason | None:
    limits, started = rules.registration, facts.started_on
    if limits is None or started is None or started > facts.period_end:
        return None
    if facts.registered_index is not None and facts.registered_index <= facts.period_index:
        return None
    months = facts.period_index - _index(started)
    color = "red" if months >= limits.red else "yellow" if months >= limits.yellow else None
    return Reason(color, "registration", f"{started.isoformat()}开工，{months}个月仍未入库（纳统）") if color else None


def _unreported(facts: LightFacts, rules: LightRules) -> Reason | None:
    limits, months = rules.unreported, facts.unreported_months
    if limits is None or months <= 0:
        return None
    color = "red" if months >= limits.red else "yellow" if months >= limits.yellow else None
    return Reason(color, "unreported", f"连续{months}个月未报月报") if color else None


def _problems(facts: LightFacts, rules: LightRules) -> list[Reason]:
    limits = rules.problems
    if limits is None:
        return []
    reasons = []
    for name, days in facts.overdue_problems:
        color = "red" if days >= limits.red else "yellow" if days >= limits.yellow else None
        if color:
            reasons.append(Reason(color, "problems", f"问题“{name}”逾期{days}天未解决"))
    return reasons[:3]


def judge(facts: LightFacts, rules: LightRules) -> Verdict | None:
    """The project's light for the period; None for a cancelled project (not judged)."""
    elapsed = facts.month * 100 / 12
    completion = facts.ytd_completed * 100 / facts.annual_plan if facts.annual_plan > 0 else None
    if facts.status == "cancelled":
        return None
    if facts.status == "suspended":
        return Verdict("grey", (Reason("grey", "status", "项目暂停，不参与红黄绿灯评价"),), completion, elapsed)
    found = [r for r in (_start(facts, rules), _progress(facts, rules), _registration(facts, rules),
                         _unreported(facts, rules)) if r is not None]
    found += _problems(facts, rules)
    if not found:
        return Verdict("green", (), completion, elapsed)
    found.sort(key=lambda r: -SEVERITY[r.color])
    return Verdict(found[0].color, tuple(found), completion, elapsed)


def escalation(history: list[str], rules: LightRules) -> Step | None:
    """The first escalation step that the run of lights ending now (oldest first) reaches, if any."""
    for step in rules.escalation:
        wanted = {"red"} if step.when == "red" else {"yellow", "red"}
        run = 0
        for color in reversed(history):
            if color not in wanted:
                break
            run += 1
        if run >= step.consecutive:
            return step
    return None
