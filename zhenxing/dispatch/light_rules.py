"""Light rules (红黄绿灯判定规则) as data: parsing, validation and the published presets. Pure.

A rule set is a JSON-able dict; every family may be switched off with null:

    {
      "name": "银川市 2025",
      "start":        {"yellow_months": 1, "red_months": 3},     # not started N month-ends after the planned date
      "progress":     {"mode": "points", "yellow_gap": 10, "red_gap": 30, "min_plan": 0},
                      # points: 序时进度 − 完成率 ≥ yellow_gap → yellow, > red_gap → red
                      # ratio:  完成率 short of 序时 by > yellow_below % of it → yellow, by > red_below % → red
      "registration": {"yellow_months": 1, "red_months": 3},     # started but not 入库 N months later
      "unreported":   {"yellow_months": 2, "red_months": 3},     # consecutive monthly reports missing
      "problems":     {"yellow_days": 15, "red_days": 30},       # an open problem this many days past its deadline
      "escalation":   [{"when": "red", "consecutive": 1, "label": "约谈市领导"},
                       {"when": "yellow", "consecutive": 2, "label": "约谈分管市领导"}]
    }

Escalation steps are tried in order; the first that matches makes a 督办 item for the project's 包保领导.
`when: "yellow"` counts consecutive periods at yellow or worse; `when: "red"` consecutive reds.
"""

import copy
import math
from dataclasses import dataclass
from typing import Any

FAMILIES = {
    "start": "开工",
    "progress": "投资进度",
    "registration": "入库",
    "unreported": "月报报送",
    "problems": "问题解决",
}
LIMIT_MONTHS = 120
LIMIT_DAYS = 3650


class LightRulesError(ValueError):
    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Thresholds:
    yellow: float
    red: float


@dataclass(frozen=True)
class Progress:
    mode: str  # "points" | "ratio"
    yellow: float  # points: gap in points; ratio: shortfall as a % of 序时
    red: float
    min_plan: int  # 万元: smaller annual plans are not judged on progress (Sanya: 1000万元)


@dataclass(frozen=True)
class Step:
    when: str  # "yellow" | "red"
    consecutive: int
    label: str


@dataclass(frozen=True)
class LightRules:
    name: str
    start: Thresholds | None
    progress: Progress | None
    registration: Thresholds | None
    unreported: Thresholds | None
    problems: Thresholds | None
    escalation: tuple[Step, ...]


def _number(raw: Any, where: str, low: float, high: float) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        raise LightRulesError(f"{where} 须是数字（现为 {raw!r}）", where)
    if not low <= raw <= high:
        raise LightRulesError(f"{where} 须在 {low:g} 到 {high:g} 之间（现为 {raw:g}）", where)
    return raw


def _pair(raw: Any, family: str, unit: str, high: float, *, strict: bool = False) -> Thresholds | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise LightRulesError(f"{family} 须是对象或 null（不启用）", family)
    yellow = _number(raw.get(f"yellow_{unit}"), f"{family}.yellow_{unit}", 0, high)
    red = _number(raw.get(f"red_{unit}"), f"{family}.red_{unit}", 0, high)
    if red < yellow or (strict and red == yellow):
        raise LightRulesError(f"{family}.red_{unit} 不能小于 yellow_{unit}（红灯门槛须比黄灯严重）",
                              f"{family}.red_{unit}")
    return Thresholds(yellow, red)


def _progress(raw: Any) -> Progress | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or raw.get("mode") not in ("points", "ratio"):
        raise LightRulesError("progress.mode 须是 points（百分点）或 ratio（低于序时的比例）", "progress.mode")
    mode = raw["mode"]
    names = ("yellow_gap", "red_gap") if mode == "points" else ("yellow_below", "red_below")
    yellow = _number(raw.get(names[0]), f"progress.{names[0]}", 0, 100)
    red = _number(raw.get(names[1]), f"progress.{names[1]}", 0, 100)
    if red < yellow:
        raise LightRulesError(f"progress.{names[1]} 不能小于 {names[0]}", f"progress.{names[1]}")
    min_plan = _number(raw.get("min_plan", 0), "progress.min_plan", 0, 10 ** 12)
    return Progress(mode, yellow, red, int(min_plan))


def _steps(raw: Any) -> tuple[Step, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) > 10:
        raise LightRulesError("escalation 须是不超过 10 步的列表", "escalation")
    steps = []
    for index, item in enumerate(raw):
        where = f"escalation[{index + 1}]"
        if not isinstance(item, dict) or item.get("when") not in ("yellow", "red"):
            raise LightRulesError(f"{where}.when 须是 yellow 或 red", f"{where}.when")
        count = _number(item.get("consecutive", 1), f"{where}.consecutive", 1, 12)
        label = item.get("label")
        if not isinstance(label, str) or not label.strip() or len(label) > 40:
            raise LightRulesError(f"{where}.label 须是 1–40 个字的说明（如“约谈分管市领导”）", f"{where}.label")
        steps.append(Step(item["when"], int(count), label.strip()))
    return tuple(steps)


def parse_light_rules(data: Any) -> LightRules:
    """Check a rule set given as data; raise LightRulesError naming the first bad field."""
    if not isinstance(data, dict):
        raise LightRulesError("判定规则须是一个对象", "")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 60:
        raise LightRulesError("name 须是 1–60 个字的名称", "name")
    unknown = set(data) - {"name", "escalation", *FAMILIES}
    if unknown:
        raise LightRulesError(f"未知的规则项：{'、'.join(sorted(unknown))}", sorted(unknown)[0])
    return LightRules(
        name=name.strip(),
        start=_pair(data.get("start"), "start", "months", LIMIT_MONTHS),
        progress=_progress(data.get("progress")),
        registration=_pair(data.get("registration"), "registration", "months", LIMIT_MONTHS),
        unreported=_pair(data.get("unreported"), "unreported", "months", LIMIT_MONTHS),
        problems=_pair(data.get("problems"), "problems", "days", LIMIT_DAYS),
        escalation=_steps(data.get("escalation")),
    )


# ---- presets (shared/practice B1) -------------------------------------------------------------------

PRESETS: dict[str, dict[str, Any]] = {
    # 银川 2025: not started in the planned month → yellow, 3 months → red; 10–30 points behind 序时 →
    # yellow, more → red; not 入库 1 month after start → yellow, more than 2 → red; 督办函 monthly.
    "yinchuan_2025": {
        "name": "银川市 2025 年重点项目红黄绿灯",
        "start": {"yellow_months": 1, "red_months": 3},
        "progress": {"mode": "points", "yellow_gap": 10, "red_gap": 30, "min_plan": 0},
        "registration": {"yellow_months": 1, "red_months": 3},
        "unreported": {"yellow_months": 2, "red_months": 3},
        "problems": {"yellow_days": 15, "red_days": 30},
        "escalation": [{"when": "red", "consecutive": 1, "label": "发督办函，约谈项目包保领导"},
                       {"when": "yellow", "consecutive": 2, "label": "连续黄灯，约谈项目包保领导"}],
    },
    # 三亚 2022: projects with an annual plan ≥ 1000万元, year-to-date completion against 序时: at or above →
    # green, up to 50 % below → yellow, more → red; yellow → 约谈 project lead, 2 yellows → vice-mayor,
    # red → city leader.
    "sanya_2022": {
        "name": "三亚市 2022 年重点项目红黄绿灯",
        "start": None,
        "progress": {"mode": "ratio", "yellow_below": 0, "red_below": 50, "min_plan": 1000},
        "registration": None,
        "unreported": {"yellow_months": 2, "red_months": 3},
        "problems": {"yellow_days": 15, "red_days": 30},
        "escalation": [{"when": "red", "consecutive": 1, "label": "约谈市领导"},
                       {"when": "yellow", "consecutive": 2, "label": "约谈分管副市长"},
                       {"when": "yellow", "consecutive": 1, "label": "约谈项目负责人"}],
    },
}
DEFAULT_PRESET = "yinchuan_2025"


def preset(key: str) -> dict[str, Any]:
    """A fresh copy of a published rule set, for the office to adopt and tune."""
    return copy.deepcopy(PRESETS[key])
