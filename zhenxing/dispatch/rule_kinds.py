"""Dispatch's city-tunable rules, registered with zhenxing.rules (defaults, validation, audited versions):

- `dispatch.lights` — the 红黄绿灯 rule set of a year (light_rules.py: thresholds per family, escalation
  steps); presets 银川 2025 (default) and 三亚 2022 as the cities published them;
- `dispatch.settings` — the reporting window and follow-up time limits (standing, not per year): the day of
  the next month after which a missing report is 逾期未报, the days a problem gets by default, the working days
  a meeting decision gets by default (会议纪要 20 days, shared/practice B4).
"""

from pydantic import BaseModel, ConfigDict, Field

from zhenxing.dispatch.light_rules import DEFAULT_PRESET, PRESETS, parse_light_rules
from zhenxing.dispatch.review_rules import DEFAULT_RULES, ReviewRules
from zhenxing.rules.registry import register_kind

LIGHTS = "dispatch.lights"
SETTINGS = "dispatch.settings"
PRESET_NAMES = {"yinchuan_2025": "银川2025", "sanya_2022": "三亚2022"}


class DispatchSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    report_due_day: int = Field(5, title="月报截止日（次月几日）", ge=1, le=28)
    problem_days: int = Field(30, title="问题默认解决时限（天）", ge=1, le=365)
    decision_workdays: int = Field(20, title="议定事项默认办理时限（工作日）", ge=1, le=250)
    stuck_months: int = Field(3, title="停滞项目判定（连续几个月无投资进展）", ge=1, le=24)


register_kind(LIGHTS, "红黄绿灯判定规则", parse_light_rules,
              presets={PRESET_NAMES[key]: data for key, data in PRESETS.items()},
              default=PRESET_NAMES[DEFAULT_PRESET],
              description="开工、投资进度（对比序时进度）、入库、月报报送、问题逾期五类规则的黄灯、红灯门槛，"
                          "以及连续亮灯后的督办（约谈）步骤；按年度设置，过去的期间按当年的规则判定。")
register_kind(SETTINGS, "调度工作设置", DispatchSettings,
              presets={"默认": DispatchSettings().model_dump()}, default="默认", per_year=False,
              description="月报截止日（过后未报即逾期未报）、问题与议定事项的默认时限、停滞项目的判定。")

REVIEWS = "dispatch.field_reviews"
register_kind(REVIEWS, "拉练观摩规则", ReviewRules, presets={"默认": DEFAULT_RULES}, default="默认", per_year=False,
              description="新建拉练的默认评分项及满分、观摩投票的名次递减分（济宁：100 − 3×(名次−1)）、"
                          "观摩项目的最低投资完成比例（甘肃：三分之一）、现场照片的大小和张数上限。")
