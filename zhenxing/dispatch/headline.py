"""The computed headline of a period (总体情况), as cities publish it. Pure.

"完成投资 X 亿元，占年度计划 Y%，超/低于时间进度 Z 个百分点；计划开工 N 个，已开工 M 个"
(Y = completed ÷ annual plan; Z = Y − 序时进度, 序时进度 = month ÷ 12).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


def _round(value: Decimal, places: str = "0.1") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def fmt(value: Decimal) -> str:
    """25.0 → '25', 97.20 → '97.2' (as published)."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True)
class Headline:
    completed: int  # 万元, 1–N月
    plan: int  # 万元, the year's plans
    month: int
    planned_starts: int
    started: int

    @property
    def completed_yi(self) -> Decimal:
        return _round(Decimal(self.completed) / 10_000, "0.01")

    @property
    def share(self) -> Decimal | None:
        """占年度计划 %."""
        return _round(Decimal(self.completed) * 100 / self.plan) if self.plan > 0 else None

    @property
    def elapsed(self) -> Decimal:
        return _round(Decimal(self.month) * 100 / 12)

    @property
    def gap(self) -> Decimal | None:
        """Points above (+) or below (−) 序时进度, from the unrounded figures."""
        if self.plan <= 0:
            return None
        return _round(Decimal(self.completed) * 100 / self.plan - Decimal(self.month) * 100 / 12)

    @property
    def text(self) -> str:
        parts = [f"完成投资 {fmt(self.completed_yi)} 亿元"]
        if self.share is not None:
            gap = self.gap
            if gap > 0:
                relation = f"超过时间进度 {fmt(gap)} 个百分点"
            elif gap < 0:
                relation = f"低于时间进度 {fmt(-gap)} 个百分点"
            else:
                relation = "与时间进度持平"
            parts.append(f"占年度计划 {fmt(self.share)}%，{relation}")
        else:
            parts.append("尚未下达年度计划")
        return "，".join(parts) + f"；计划开工 {self.planned_starts} 个，已开工 {self.started} 个"
