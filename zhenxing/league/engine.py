"""The league scoring engine (赛马): a scheme and measure values in, scores, ranks and movement out. Pure.

    standings = score(scheme, values={"investment_rate": {7: 112.0, 8: 64.5}, ...},
                      subjects={7: "凌海市", 8: "黑山县"}, quarter=2, previous={7: 3})

- each measure's points follow its method (see schemes.METHODS), plus rank-band points, bounded by
  min/max_points, then multiplied by the quarter's emphasis; rounded to 2 decimals;
- a value of None means "no data" for that subject: 0 points and no rank on that measure; a subject with
  no data on any measure is listed last without a rank;
- ranks are competition ranks ("1224"): equal totals share a rank; ties keep the order of
  `subjects` (the official order of the regions or units);
- movement compares the rank with the previous period's: "↑2", "↓1", "—" (same), "新" (not ranked before).

The same inputs always give the same standings, so a stored (scheme, values) pair reproduces a past league.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from zhenxing.league.schemes import MeasureRule, Scheme

Values = Mapping[str, Mapping[int, float | None]]


@dataclass(frozen=True)
class MeasureScore:
    value: float | None
    rank: int | None
    points: float
    detail: str  # how the points came about, in Chinese


@dataclass
class Standing:
    subject_id: int
    name: str
    total: float
    rank: int | None
    movement: str
    change: int | None  # positive: moved up
    measures: dict[str, MeasureScore] = field(default_factory=dict)
    first: bool = False
    last: bool = False


def competition_ranks(values: Mapping[int, float | None], *, higher_is_better: bool = True) -> dict[int, int]:
    """Rank the subjects that have a value: equal values share a rank, the next rank skips ("1224")."""
    known = [(subject, value) for subject, value in values.items() if value is not None]
    ordered = sorted(known, key=lambda pair: -pair[1] if higher_is_better else pair[1])
    ranks: dict[int, int] = {}
    for position, (subject, value) in enumerate(ordered, start=1):
        previous = ordered[position - 2] if position > 1 else None
        ranks[subject] = ranks[previous[0]] if previous and previous[1] == value else position
    return ranks


def _fmt(number: float) -> str:
    return f"{number:.2f}".rstrip("0").rstrip(".") if number != int(number) else str(int(number))


def _share_of_best(rule: MeasureRule, value: float, best: float | None) -> tuple[float, str]:
    if best is None or value is None:
        return 0.0, "无数据"
    if rule.better == "higher":
        share = value / best if best > 0 else (1.0 if value == best else 0.0)
    else:
        share = best / value if value > 0 else 1.0
    share = max(0.0, min(share, 1.0))
    return rule.weight * share, f"最优值 {_fmt(best)}，得 {_fmt(rule.weight)}×{share:.1%}"


def _rank_points(rule: MeasureRule, rank: int, count: int) -> tuple[float, str]:
    step = rule.step if rule.step is not None else (rule.weight / count if count else 0)
    points = max(0.0, rule.weight - step * (rank - 1))
    return points, f"第 {rank} 名"


def _target(rule: MeasureRule, value: float) -> tuple[float, str]:
    target = rule.target or 0.0
    if value < target:
        cut = (target - value) * rule.below_per_point
        if rule.deduction_cap is not None:
            cut = min(cut, rule.deduction_cap)
        return rule.weight - cut, f"基础 {_fmt(rule.weight)}，低于目标 {_fmt(target)} 扣 {_fmt(round(cut, 2))}"
    bonus = sum(max(0.0, min(value, s.end if s.end is not None else value) - s.start) * s.per_point
                for s in rule.above if value > s.start)
    if rule.bonus_cap is not None:
        bonus = min(bonus, rule.bonus_cap)
    return rule.weight + bonus, f"基础 {_fmt(rule.weight)}，加分 {_fmt(round(bonus, 2))}"


def _per_count(rule: MeasureRule, value: float) -> tuple[float, str]:
    points = value * rule.per
    if rule.cap is not None:
        points = max(-rule.cap, min(points, rule.cap))
    word = "扣" if points < 0 else "加"
    return points, f"{_fmt(value)} 个 × {_fmt(rule.per)}，{word} {_fmt(abs(round(points, 2)))}"


def _band_points(rule: MeasureRule, rank: int | None) -> float:
    if rank is None:
        return 0.0
    return next((band.points for band in rule.bands if rank <= band.upto), 0.0)


def score_measure(rule: MeasureRule, values: Mapping[int, float | None], quarter: int,
                  multiplier: float = 1.0) -> dict[int, MeasureScore]:
    """Every subject's points on one measure (before the scheme-level totals)."""
    ranks = competition_ranks(values, higher_is_better=rule.better == "higher")
    known = [v for v in values.values() if v is not None]
    best = (max(known) if rule.better == "higher" else min(known)) if known else None
    scores = {}
    for subject, value in values.items():
        if value is None:
            scores[subject] = MeasureScore(None, None, 0.0, "无数据")
            continue
        if rule.method == "share_of_best":
            points, detail = _share_of_best(rule, value, best)
        elif rule.method == "rank_points":
            points, detail = _rank_points(rule, ranks[subject], len(ranks))
        elif rule.method == "target":
            points, detail = _target(rule, value)
        else:
            points, detail = _per_count(rule, value)
        band = _band_points(rule, ranks.get(subject))
        if band:
            points, detail = points + band, f"{detail}；第 {ranks[subject]} 名 +{_fmt(band)}"
        if rule.max_points is not None:
            points = min(points, rule.max_points)
        if rule.min_points is not None:
            points = max(points, rule.min_points)
        if multiplier != 1.0:
            points, detail = points * multiplier, f"{detail}；第{quarter}季度侧重 ×{_fmt(multiplier)}"
        scores[subject] = MeasureScore(value, ranks.get(subject), round(points, 2), detail)
    return scores


def movement(rank: int | None, before: int | None) -> tuple[str, int | None]:
    """("↑2", 2), ("↓1", -1), ("—", 0), or ("新", None) for a subject not ranked last period."""
    if rank is None:
        return "", None
    if before is None:
        return "新", None
    change = before - rank
    if change > 0:
        return f"↑{change}", change
    if change < 0:
        return f"↓{-change}", change
    return "—", 0


def score(scheme: Scheme, *, values: Values, subjects: Mapping[int, str], quarter: int,
          previous: Mapping[int, int] | None = None) -> list[Standing]:
    """The league: every subject with its total, rank, movement and each measure's value and points."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1–4, not {quarter!r}")
    per_measure = {
        rule.key: score_measure(rule, {s: values.get(rule.key, {}).get(s) for s in subjects}, quarter,
                                scheme.multiplier(quarter, rule.key))
        for rule in scheme.measures
    }
    standings = []
    for subject, name in subjects.items():
        measures = {key: scores[subject] for key, scores in per_measure.items()}
        has_data = any(m.value is not None for m in measures.values())
        total = round(sum(m.points for m in measures.values()), 2)
        standings.append(Standing(subject, name, total if has_data else 0.0, None, "", None, measures))
    ranked = {s.subject_id: s.total for s in standings
              if any(m.value is not None for m in s.measures.values())}
    ranks = competition_ranks(ranked)
    worst = max(ranks.values(), default=None)
    for standing in standings:
        standing.rank = ranks.get(standing.subject_id)
        standing.movement, standing.change = movement(standing.rank, (previous or {}).get(standing.subject_id))
        standing.first = standing.rank == 1
        standing.last = standing.rank is not None and standing.rank == worst and len(ranks) > 1
    order = {subject: position for position, subject in enumerate(subjects)}
    standings.sort(key=lambda s: (s.rank is None, s.rank or 0, order[s.subject_id]))
    return standings
