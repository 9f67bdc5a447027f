"""League schemes (赛马评分办法) as data: parsing, validation and the shipped presets. Pure.

A scheme is a JSON-able dict, stored per subject kind and year (last year's league keeps last year's rules):

    {
      "name": "2025年县区重点项目赛马",
      "subject_kind": "region",                 # or "unit", or "city" (a province's cities)
      "measures": [
        {"key": "investment_rate",              # a measure registered in zhenxing.league.registry
         "label": "年度投资完成率",
         "method": "target",                    # share_of_best | rank_points | target | per_count
         "weight": 25,                          # see METHODS
         "target": 100,                         # target: the value that earns `weight`
         "below_per_point": 0.1,                # target: deducted per point short of the target
         "above": [{"from": 100, "to": 130, "per_point": 0.2},   # target: bonus slopes above it
                   {"from": 130, "to": null, "per_point": 0.1}],
         "bonus_cap": 10, "deduction_cap": 10,  # caps of the bonus and of the deduction
         "bands": [{"upto": 3, "points": 7}, {"upto": 6, "points": 5}, {"upto": 10, "points": 3}],
         "better": "higher",                    # or "lower" (fewer is better: late starts, overdue problems)
         "max_points": 42, "min_points": 0}     # optional bounds of the measure's points
      ],
      "emphasis": {"1": {"new_starts": 1.5}}    # quarter → measure → multiplier (Q1 开工, Q2 开工+入库 …)
    }

`parse_scheme(data)` returns a frozen `Scheme` or raises `SchemeError` whose message names the field in Chinese.
"""

import copy
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

METHODS = {
    "share_of_best": "占最优值比例：得分 = 权重 × 本值 ÷ 最优值（越少越好时为 最优值 ÷ 本值）",
    "rank_points": "按名次计分：第1名得权重分，每后一名减“名次递减分”（默认 权重 ÷ 参评数），最低 0 分",
    "target": "基础分 + 加减分：达到目标值得权重分，每超 1 个点按档加分、每差 1 个点减分，加分、减分各有上限",
    "per_count": "按个数计分：每个得“每个计分”分（扣分项为负），绝对值不超过“上限”",
}
SUBJECT_KINDS = {"region": "县区", "unit": "部门", "city": "城市"}
LIMIT = 10_000  # any number in a scheme: points, slopes, targets, caps


class SchemeError(ValueError):
    """A scheme that cannot be used; the message names the field, in Chinese."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Segment:
    start: float
    end: float | None  # None: no upper end
    per_point: float


@dataclass(frozen=True)
class Band:
    upto: int
    points: float


@dataclass(frozen=True)
class MeasureRule:
    key: str
    label: str
    method: str
    weight: float
    better: str = "higher"
    target: float | None = None
    below_per_point: float = 0.0
    above: tuple[Segment, ...] = ()
    bonus_cap: float | None = None
    deduction_cap: float | None = None
    per: float = 0.0
    cap: float | None = None
    step: float | None = None
    bands: tuple[Band, ...] = ()
    max_points: float | None = None
    min_points: float | None = None


@dataclass(frozen=True)
class Scheme:
    name: str
    subject_kind: str
    measures: tuple[MeasureRule, ...]
    emphasis: Mapping[int, Mapping[str, float]] = field(default_factory=dict)

    def multiplier(self, quarter: int, key: str) -> float:
        return self.emphasis.get(quarter, {}).get(key, 1.0)


def _number(raw: Any, where: str, *, low: float = -LIMIT, high: float = LIMIT, optional: bool = False
            ) -> float | None:
    if raw is None and optional:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        raise SchemeError(f"{where} 须是数字（现为 {raw!r}）", where)
    if not low <= raw <= high:
        raise SchemeError(f"{where} 须在 {low:g} 到 {high:g} 之间（现为 {raw:g}）", where)
    return float(raw)


def _text(raw: Any, where: str, limit: int) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise SchemeError(f"{where} 不能为空", where)
    if len(raw) > limit:
        raise SchemeError(f"{where} 不能超过 {limit} 个字", where)
    return raw.strip()


def _segments(raw: Any, where: str) -> tuple[Segment, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) > 10:
        raise SchemeError(f"{where} 须是不超过 10 档的列表", where)
    segments = []
    for index, item in enumerate(raw):
        at = f"{where}[{index + 1}]"
        if not isinstance(item, dict):
            raise SchemeError(f"{at} 须包含 from、to、per_point", at)
        start = _number(item.get("from"), f"{at}.from")
        end = _number(item.get("to"), f"{at}.to", optional=True)
        if end is not None and end <= start:
            raise SchemeError(f"{at}.to 须大于 from", f"{at}.to")
        segments.append(Segment(start, end, _number(item.get("per_point"), f"{at}.per_point", low=0)))
    return tuple(segments)


def _bands(raw: Any, where: str) -> tuple[Band, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) > 20:
        raise SchemeError(f"{where} 须是不超过 20 档的列表", where)
    bands, last = [], 0
    for index, item in enumerate(raw):
        at = f"{where}[{index + 1}]"
        if not isinstance(item, dict):
            raise SchemeError(f"{at} 须包含 upto、points", at)
        upto = _number(item.get("upto"), f"{at}.upto", low=1, high=1000)
        if upto != int(upto) or upto <= last:
            raise SchemeError(f"{at}.upto 须是递增的整数名次", f"{at}.upto")
        last = int(upto)
        bands.append(Band(last, _number(item.get("points"), f"{at}.points")))
    return tuple(bands)


_OPTIONAL = ("target", "bonus_cap", "deduction_cap", "cap", "step", "max_points", "min_points")


def _measure(raw: Any, index: int) -> MeasureRule:
    where = f"measures[{index + 1}]"
    if not isinstance(raw, dict):
        raise SchemeError(f"{where} 须是一个对象", where)
    method = raw.get("method")
    if method not in METHODS:
        raise SchemeError(f"{where}.method 须是 {'、'.join(METHODS)} 之一", f"{where}.method")
    better = raw.get("better", "higher")
    if better not in ("higher", "lower"):
        raise SchemeError(f"{where}.better 须是 higher 或 lower", f"{where}.better")
    values = {name: _number(raw.get(name), f"{where}.{name}", optional=True) for name in _OPTIONAL}
    for name in ("bonus_cap", "deduction_cap", "cap", "step"):
        if values[name] is not None and values[name] < 0:
            raise SchemeError(f"{where}.{name} 不能为负数", f"{where}.{name}")
    if method == "target" and values["target"] is None:
        raise SchemeError(f"{where}.target 不能为空（target 计分须有目标值）", f"{where}.target")
    return MeasureRule(
        key=_text(raw.get("key"), f"{where}.key", 60), label=_text(raw.get("label"), f"{where}.label", 60),
        method=method, weight=_number(raw.get("weight", 0), f"{where}.weight", low=0, high=1000), better=better,
        below_per_point=_number(raw.get("below_per_point", 0), f"{where}.below_per_point", low=0),
        above=_segments(raw.get("above"), f"{where}.above"), per=_number(raw.get("per", 0), f"{where}.per"),
        bands=_bands(raw.get("bands"), f"{where}.bands"), **values,
    )


def _emphasis(raw: Any, keys: set[str]) -> dict[int, dict[str, float]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise SchemeError("emphasis 须是 季度 → {指标: 倍数} 的对象", "emphasis")
    result: dict[int, dict[str, float]] = {}
    for quarter, multipliers in raw.items():
        if str(quarter) not in ("1", "2", "3", "4") or not isinstance(multipliers, dict):
            raise SchemeError(f"emphasis 的季度须是 1–4（现为 {quarter!r}）", "emphasis")
        for key, value in multipliers.items():
            if key not in keys:
                raise SchemeError(f"emphasis.{quarter}.{key} 不是本办法中的指标", f"emphasis.{quarter}")
            result.setdefault(int(quarter), {})[key] = _number(value, f"emphasis.{quarter}.{key}", low=0, high=10)
    return result


def parse_scheme(data: Any) -> Scheme:
    """Check a scheme given as data and return it frozen; raise SchemeError naming the first bad field."""
    if not isinstance(data, dict):
        raise SchemeError("评分办法须是一个对象", "")
    kind = data.get("subject_kind")
    if kind not in SUBJECT_KINDS:
        raise SchemeError("subject_kind 须是 region（县区）、unit（部门）或 city（城市）", "subject_kind")
    raw = data.get("measures")
    if not isinstance(raw, list) or not 1 <= len(raw) <= 30:
        raise SchemeError("measures 须是 1–30 个指标的列表", "measures")
    measures = tuple(_measure(item, index) for index, item in enumerate(raw))
    keys = [m.key for m in measures]
    duplicate = next((key for key in keys if keys.count(key) > 1), None)
    if duplicate:
        raise SchemeError(f"指标 {duplicate} 重复出现", "measures")
    return Scheme(name=_text(data.get("name"), "name", 100), subject_kind=kind, measures=measures,
                  emphasis=_emphasis(data.get("emphasis"), set(keys)))


# ---- presets --------------------------------------------------------------------------------------

# Built from shared/practice B3: the 2020 重点工程 scoring sheet (计划完成 base 25, −0.1 per point short,
# +0.2 per point 100–130 %, +0.1 above, ±10 caps, half-year rank bands 7/5/3; 开工 +1 per start max 10,
# start rate ≥80 % → 5 ±1 per 10 points, −3 per project not started on time) and the 2023 quarterly
# emphasis (Q1 开工, Q2 开工+列统, Q3 列统+竣工).
REGION_PRESET: dict[str, Any] = {
    "name": "县区重点项目赛马（计划完成 + 开工 + 管理服务）",
    "subject_kind": "region",
    "measures": [
        {"key": "investment_rate", "label": "年度投资完成率(%)", "method": "target", "weight": 25, "target": 100,
         "below_per_point": 0.1, "above": [{"from": 100, "to": 130, "per_point": 0.2},
                                           {"from": 130, "to": None, "per_point": 0.1}],
         "bonus_cap": 10, "deduction_cap": 10,
         "bands": [{"upto": 3, "points": 7}, {"upto": 6, "points": 5}, {"upto": 10, "points": 3}]},
        {"key": "plan_size", "label": "年度计划投资(亿元)", "method": "rank_points", "weight": 0,
         "bands": [{"upto": 3, "points": 5}, {"upto": 6, "points": 3}, {"upto": 10, "points": 1}]},
        {"key": "new_starts", "label": "新开工项目(个)", "method": "per_count", "weight": 0, "per": 1, "cap": 10},
        {"key": "start_rate", "label": "开工率(%)", "method": "target", "weight": 5, "target": 80,
         "below_per_point": 0.1, "above": [{"from": 80, "to": None, "per_point": 0.1}],
         "bonus_cap": 2, "deduction_cap": 5},
        {"key": "late_starts", "label": "未按期开工(个)", "method": "per_count", "weight": 0, "per": -3, "cap": 15,
         "better": "lower"},
        {"key": "registered_rate", "label": "开工项目入库率(%)", "method": "share_of_best", "weight": 5},
        {"key": "completions", "label": "竣工项目(个)", "method": "per_count", "weight": 0, "per": 1, "cap": 5},
        {"key": "signed_amount", "label": "签约项目金额(亿元)", "method": "share_of_best", "weight": 5},
        {"key": "field_review_score", "label": "拉练观摩得分", "method": "share_of_best", "weight": 5},
        {"key": "problem_closure_rate", "label": "问题销号率(%)", "method": "share_of_best", "weight": 5},
        {"key": "reporting_timeliness", "label": "月报按时率(%)", "method": "share_of_best", "weight": 5},
    ],
    "emphasis": {"1": {"new_starts": 1.5, "start_rate": 1.5},
                 "2": {"new_starts": 1.25, "start_rate": 1.25, "registered_rate": 1.5},
                 "3": {"registered_rate": 1.5, "completions": 1.5}},
}

UNIT_PRESET: dict[str, Any] = {
    "name": "部门重点项目赛马（牵头项目）",
    "subject_kind": "unit",
    "measures": [
        {"key": "investment_rate", "label": "牵头项目投资完成率(%)", "method": "share_of_best", "weight": 40},
        {"key": "start_rate", "label": "牵头项目开工率(%)", "method": "share_of_best", "weight": 20},
        {"key": "problem_closure_rate", "label": "问题销号率(%)", "method": "share_of_best", "weight": 20},
        {"key": "reporting_timeliness", "label": "月报按时率(%)", "method": "rank_points", "weight": 20},
    ],
}
# A province ranks its cities by the same measures as counties, each city's figures pooled from the projects
# of all its counties, districts and zones (a rate is the pooled rate, not the mean of its counties' rates).
CITY_PRESET: dict[str, Any] = {**copy.deepcopy(REGION_PRESET), "subject_kind": "city",
                               "name": "城市重点项目赛马（计划完成 + 开工 + 管理服务）"}
PRESETS = {"region": REGION_PRESET, "unit": UNIT_PRESET, "city": CITY_PRESET}


def preset(subject_kind: str) -> dict[str, Any]:
    """A fresh copy of the shipped scheme for a subject kind (callers may edit it)."""
    return copy.deepcopy(PRESETS[subject_kind])
