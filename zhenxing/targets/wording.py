"""The gap of a reading to its target and benchmarks, stated the way a 督查 report states it (pure).

"1-9月增长5.1%，低于全年目标6.5%，低于全省5.3%" — the period, the figure, then each comparison.
"""

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from zhenxing.targets.trajectory import CEILING, Judgement

BENCHMARK_LEVELS = {"province": "全省", "nation": "全国"}


def number(value: Decimal, places: int = 2) -> str:
    """A figure as people write it: at most `places` decimals, no trailing zeros, no exponent."""
    text = format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def period_words(month: int, basis: str = "ytd") -> str:
    """1-9月 for a year-to-date figure (1月, 全年 at the ends), 9月 for a month's own."""
    if basis == "month":
        return f"{month}月"
    if basis == "quarter":
        return f"{'一二三四'[(month - 1) // 3]}季度"
    if month == 12:
        return "全年"
    return "1月" if month == 1 else f"1-{month}月"


def figure_words(kind: str, value: Decimal, unit: str) -> str:
    """增长5.1% / 下降1.2% / 为87% — a growth figure says its direction, a level says 为."""
    if kind == "increase":
        return f"{'增长' if value >= 0 else '下降'}{number(abs(value))}{unit}"
    if kind == "decrease":
        return f"{'下降' if value >= 0 else '增长'}{number(abs(value))}{unit}"
    return f"为{number(value)}{unit}"


def compare_words(current: Decimal, other: Decimal) -> str:
    if current > other:
        return "高于"
    return "低于" if current < other else "持平"


def gap_text(*, kind: str, unit: str, comparator: str, path: str, month: int, current: Decimal,
             target: Decimal, judgement: Judgement, benchmarks: Mapping[str, Decimal] | None = None,
             basis: str = "ytd") -> str:
    """The sentence for one reading: figure, gap to the target, gap to each benchmark."""
    parts = [period_words(month, basis) + figure_words(kind, current, unit)]
    if path == "accumulate":
        share = judgement.progress * 100
        ahead = (judgement.progress - judgement.expected_share) * 100
        pace = "快于" if ahead > 0 else ("慢于" if ahead < 0 else "符合")
        tail = f"{number(abs(ahead), 1)}个百分点" if ahead else ""
        parts.append(f"完成全年目标{number(target)}{unit}的{number(share, 1)}%，{pace}序时进度{tail}")
    else:
        goal = "控制目标" if comparator == CEILING else "全年目标"
        parts.append(f"{compare_words(current, target)}{goal}{_target_words(kind, target, unit)}")
    for level, label in BENCHMARK_LEVELS.items():
        if benchmarks and level in benchmarks:
            parts.append(f"{compare_words(current, benchmarks[level])}{label}{number(benchmarks[level])}{unit}")
    return "，".join(parts)


def _target_words(kind: str, target: Decimal, unit: str) -> str:
    return f"{number(target)}{unit}"
