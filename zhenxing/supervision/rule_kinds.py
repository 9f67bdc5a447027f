"""The supervision office's rules as data (registered with the shared rules registry, so they have defaults,
are validated, versioned by year and every change is audited):

- `supervision.reporting`: the monthly reporting day (Panjin: by the 28th; 鄂温克: by the 25th), how many
  working days a 督办单 gives for the written reply, and the tolerances of target judgements;
- `supervision.ladder`: the escalation ladder of supervised tasks — each step's offset from the due date
  (in working days, days or hours), what it does (提醒 in the unit's to-do, a 督办单, a place in the
  monthly 督查通报) and who sees it;
- `supervision.scores`: the 量督考纪 scoring scheme of units (a league scheme scored by the league engine).
"""

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zhenxing.followup.ladder import Ladder, Step
from zhenxing.rules.registry import register_kind

ACTIONS = {"remind": "提醒（单位待办）", "notice": "督办单", "bulletin": "列入督查通报"}
AUDIENCES = {"lead": "牵头单位", "partner": "配合单位", "supervisor": "督查室", "leader": "责任领导"}
Action = Literal["remind", "notice", "bulletin"]
Audience = Literal["lead", "partner", "supervisor", "leader"]


class ReportingRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    report_day: int = Field(28, title="每月报送日", ge=1, le=31,
                            description="牵头单位每月几日前报送进展；月份较短时取月末，遇节假日顺延到下一个工作日")
    reply_workdays: int = Field(3, title="督办单回复时限（工作日）", ge=1, le=30,
                                description="督办单要求责任单位书面回复的工作日数")
    band: Decimal = Field(Decimal("0.05"), title="目标进度容差", ge=0, le=Decimal("0.5"),
                          description="进度在序时进度上下这一比例内算“符合进度”（0.05 即 5 个百分点）")
    about: Decimal = Field(Decimal("0.05"), title="“左右”目标容差", ge=0, le=Decimal("0.5"),
                           description="“6%左右”这类目标，全年实绩不低于目标的这一比例以内即算完成")


class EscalationStep(Step):
    action: Action = Field("remind", title="动作", description="remind 提醒 / notice 督办单 / bulletin 通报")
    audience: tuple[Audience, ...] = Field(("lead",), title="可见范围", min_length=1, max_length=4,
                                           description="lead 牵头单位 / partner 配合单位 / supervisor 督查室 / "
                                                       "leader 责任领导")

    @property
    def action_label(self) -> str:
        return ACTIONS[self.action]

    @property
    def audience_label(self) -> str:
        return "、".join(AUDIENCES[a] for a in self.audience)


class EscalationLadder(BaseModel):
    """The steps in time order (checked by the shared Ladder), each with its action and audience."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    steps: tuple[EscalationStep, ...] = Field(title="步骤", min_length=1, max_length=12)

    @field_validator("steps")
    @classmethod
    def _a_ladder(cls, steps: tuple[EscalationStep, ...]) -> tuple[EscalationStep, ...]:
        Ladder(steps=steps)  # unique keys, in time order: raises with a Chinese message
        return steps

    @property
    def ladder(self) -> Ladder:
        return Ladder(steps=self.steps)

    def step(self, key: str) -> EscalationStep:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)


def _step(key, label, offset, unit, action, audience) -> dict:
    return {"key": key, "label": label, "offset": offset, "unit": unit, "action": action, "audience": audience}


# The shared default ladder (followup.ladder.DEFAULT_LADDER: 提醒 −1 → 催办 +1 → 督办 +3 → 通报 +5 working
# days, after published practice), with what each step does for a supervised task.
LADDER_PRESETS = {
    "默认（提醒→催办→督办→通报）": {"steps": [
        _step("remind", "提醒", -1, "workdays", "remind", ["lead"]),
        _step("urge", "催办", 1, "workdays", "remind", ["lead", "supervisor"]),
        _step("supervise", "督办", 3, "workdays", "notice", ["lead", "partner", "supervisor"]),
        _step("notify", "通报", 5, "workdays", "bulletin", ["lead", "partner", "supervisor", "leader"]),
    ]},
    "宽松（提醒→督办→通报）": {"steps": [
        _step("remind", "提醒", -3, "workdays", "remind", ["lead"]),
        _step("supervise", "督办", 5, "workdays", "notice", ["lead", "supervisor"]),
        _step("notify", "通报", 15, "workdays", "bulletin", ["lead", "supervisor", "leader"]),
    ]},
}
REPORTING_PRESETS = {
    "盘锦2021（每月28日前报送）": {"report_day": 28, "reply_workdays": 3},
    "鄂温克（每月25日前报送）": {"report_day": 25, "reply_workdays": 3},
}

# 量督考纪: what a unit is scored on (weights sum to 100), scored by the league engine (zhenxing.league).
SCORES_PRESET = {
    "name": "部门督查考核（量督考纪）",
    "subject_kind": "unit",
    "measures": [
        {"key": "task_on_time_rate", "label": "任务按时推进率(%)", "method": "share_of_best", "weight": 30},
        {"key": "task_closure_rate", "label": "到期任务销号率(%)", "method": "share_of_best", "weight": 20},
        {"key": "task_report_timeliness", "label": "进展按时报送率(%)", "method": "share_of_best", "weight": 20},
        {"key": "target_on_track_rate", "label": "牵头指标达序时率(%)", "method": "share_of_best", "weight": 20},
        {"key": "task_escalations", "label": "被督办、通报次数", "method": "per_count", "weight": 0,
         "better": "lower", "per": -2, "cap": 10},
    ],
}


def parse_scores(data) -> dict:
    """A league scheme for units whose measures are registered (league.schemes validates the rest)."""
    from zhenxing.league import registry
    from zhenxing.league.schemes import SchemeError, parse_scheme

    try:
        scheme = parse_scheme(data)
    except SchemeError as error:
        raise ValueError(error.message) from None
    if scheme.subject_kind != "unit":
        raise ValueError("督查考核的对象须为部门（subject_kind 为 unit）")
    from zhenxing.supervision.scoring import MEASURES

    missing = [m.key for m in scheme.measures if m.key not in MEASURES and registry.get_measure("unit", m.key) is None]
    if missing:
        raise ValueError(f"指标 {'、'.join(missing)} 未注册")
    return data


register_kind("supervision.reporting", "督查报送与研判规则", ReportingRules, REPORTING_PRESETS,
              "盘锦2021（每月28日前报送）",
              description="每月报送日、督办单回复时限、目标进度容差", editors={"admin", "office", "supervisor"})
register_kind("supervision.ladder", "任务逾期升级阶梯", EscalationLadder, LADDER_PRESETS,
              "默认（提醒→催办→督办→通报）",
              description="逾期或未报送的任务逐级升级：每一级的时点（相对期限）、动作和可见范围",
              editors={"admin", "office", "supervisor"})
register_kind("supervision.scores", "部门督查考核评分办法", parse_scores, {"默认": SCORES_PRESET}, "默认",
              description="量督考纪：各项指标的权重和计分方法（按赛马引擎计分）；可加入调度、12345 等已登记的部门指标",
              editors={"admin", "office", "supervisor"})
