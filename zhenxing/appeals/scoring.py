"""The loop's figures and the monthly ranking of units and of counties/districts. Pure.

Every rate is computed from counters kept per appeal group (see COUNTERS); how each is computed is written
in RATES and shown on the statistics page. Scoring is data: weights per rate (the 三率 preset by default),
the least number of appeals for a ranked entry, and the size of the red and black lists.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

COUNTERS = {
    "received": "受理量",
    "repeats": "重复件",
    "dispatched": "派单次数",
    "redispatched": "改派件数",
    "returned": "退单次数",
    "accept_judged": "应签收件数",
    "accepted_on_time": "按时签收件数",
    "close_judged": "应办结件数",
    "closed_on_time": "按期办结件数",
    "replied": "已答复件数",
    "resolved": "已解决件数",
    "rated": "有效评价件数",
    "satisfied": "满意件数",
    "visited": "回访件数",
    "reopened": "重办件数",
}
# rate: (label, numerator, denominator, how it is computed)
RATES = {
    "accept_rate": ("按时签收率", "accepted_on_time", "accept_judged",
                    "签收时限内签收的件数 ÷（已签收件数 + 超过签收时限仍未签收的件数）"),
    "ontime_rate": ("按期办结率", "closed_on_time", "close_judged",
                    "办结时限（含批准的延期）内答复的件数 ÷（已答复件数 + 超过办结时限仍未答复的件数）"),
    "resolve_rate": ("解决率", "resolved", "replied", "答复结果为“已解决”的件数 ÷ 已答复件数"),
    "satisfaction_rate": ("满意率", "satisfied", "rated",
                          "非常满意、满意、基本满意（含超时默认）的件数 ÷ 有效评价件数（申诉复核剔除的差评不计）"),
    "return_rate": ("回退率", "returned", "dispatched", "退单次数 ÷ 派单次数（退单计入退单的单位）"),
    "redispatch_rate": ("改派率", "redispatched", "received",
                        "派单后又改派（退单后重新派给其他单位）的件数 ÷ 受理量；分得准 = 1 − 改派率"),
    "reopen_rate": ("重办率", "reopened", "replied", "因不满意或中心复核重办的件数 ÷ 已答复件数"),
    "visit_rate": ("回访率", "visited", "replied", "诉求人实际评价（非超时默认）的件数 ÷ 已答复件数"),
}
SANLV = {"accept_rate": 20, "resolve_rate": 40, "satisfaction_rate": 40}


def rate(counts: Mapping[str, int], key: str) -> float | None:
    _label, numerator, denominator, _how = RATES[key]
    total = counts.get(denominator, 0)
    return counts.get(numerator, 0) / total if total else None


def rates(counts: Mapping[str, int]) -> dict[str, float | None]:
    return {key: rate(counts, key) for key in RATES}


def add(into: dict[str, int], counts: Mapping[str, int]) -> dict[str, int]:
    for key in COUNTERS:
        into[key] = into.get(key, 0) + int(counts.get(key, 0) or 0)
    return into


@dataclass(frozen=True)
class Scheme:
    """How a ranking scores: weight per rate (negative for rates that count against, like 回退率)."""

    weights: Mapping[str, int] = field(default_factory=lambda: dict(SANLV))
    min_received: int = 5
    list_size: int = 5


def scheme_from(data: Mapping) -> Scheme:
    weights = data.get("weights", SANLV)
    if not isinstance(weights, Mapping) or not weights:
        raise ValueError("weights 应为 {指标: 权重}，至少一项")
    for key, value in weights.items():
        if key not in RATES:
            raise ValueError(f"weights 中的指标“{key}”无效，可选：{'、'.join(RATES)}")
        if not isinstance(value, int) or isinstance(value, bool) or not -100 <= value <= 100:
            raise ValueError(f"指标“{RATES[key][0]}”的权重应为 -100–100 的整数")
    if sum(v for v in weights.values() if v > 0) <= 0:
        raise ValueError("至少一项指标的权重应大于0")
    min_received, size = data.get("min_received", 5), data.get("list_size", 5)
    if not isinstance(min_received, int) or not 0 <= min_received <= 100_000:
        raise ValueError("min_received 应为 0–100000 的整数")
    if not isinstance(size, int) or not 1 <= size <= 50:
        raise ValueError("list_size 应为 1–50 的整数")
    return Scheme(dict(weights), min_received, size)


@dataclass(frozen=True)
class Ranked:
    key: object
    name: str
    counts: Mapping[str, int]
    rates: Mapping[str, float | None]
    score: float | None
    rank: int | None


def score(counts: Mapping[str, int], scheme: Scheme) -> float | None:
    """Σ weight × rate, out of the sum of positive weights scaled to 100; a rate with no denominator
    counts as full marks (nothing was due). None when the entry has too few appeals to rank."""
    if counts.get("received", 0) < scheme.min_received:
        return None
    positive = sum(w for w in scheme.weights.values() if w > 0)
    total = 0.0
    for key, weight in scheme.weights.items():
        value = rate(counts, key)
        total += weight * (1.0 if value is None and weight > 0 else (value or 0.0))
    return round(100 * total / positive, 2)


def rank(entries: Iterable[tuple[object, str, Mapping[str, int]]], scheme: Scheme) -> list[Ranked]:
    """Entries (key, name, counts) scored and ranked, best first; unranked (too few appeals) last."""
    scored = [(key, name, counts, score(counts, scheme)) for key, name, counts in entries]
    scored.sort(key=lambda e: (e[3] is None, -(e[3] or 0), -e[2].get("received", 0), e[1]))
    result, place = [], 0
    for index, (key, name, counts, value) in enumerate(scored):
        if value is not None and (index == 0 or value != scored[index - 1][3]):
            place = index + 1
        result.append(Ranked(key, name, counts, rates(counts), value, place if value is not None else None))
    return result


def red_and_black(ranked: list[Ranked], scheme: Scheme) -> tuple[list[Ranked], list[Ranked]]:
    """The red list (top N) and the black list (bottom N) of the ranked entries, never overlapping."""
    eligible = [entry for entry in ranked if entry.rank is not None]
    size = min(scheme.list_size, len(eligible) // 2)
    return eligible[:size], list(reversed(eligible[-size:])) if size else []
