"""Statistics of the loop from the pre-aggregated tallies: one table by unit, region, category, channel or
month; the monthly ranking of units and of counties/districts through the shared league engine (三率 preset,
weights as data); hot spots; campaign progress.

Why it is fast at a million appeals: every change of an appeal adds its difference to `appeal_tallies`
(one row per month × unit × region × category × channel), so a page sums a few thousand rows with
GROUP BY instead of reading the appeals.
"""

from collections import defaultdict
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhenxing.appeals import tallies
from zhenxing.appeals.models import CHANNELS, Appeal, AppealCategory, AppealTally, Campaign, CampaignAppeal
from zhenxing.appeals.scoring import COUNTERS, RATES, add, rates
from zhenxing.auth.policy import Scope
from zhenxing.errors import Rejected
from zhenxing.league.engine import score as league_score
from zhenxing.league.schemes import parse_scheme
from zhenxing.org.models import Region, Unit

DIMENSIONS = {"unit": "承办单位", "region": "县（市）区", "category": "诉求分类", "channel": "渠道", "month": "月份"}
COLUMN = {"unit": "unit_id", "region": "region_id", "category": "category_id", "channel": "channel", "month": "month"}


def _measure(key: str, label: str, weight: int) -> dict:
    """A rate in percent scored as weight × rate: the full weight at 100 %, weight/100 less per point short.
    A negative weight is a deduction (回退率, 重办率): |weight|/100 off per point, at most |weight|."""
    if weight < 0:
        return {"key": key, "label": label, "method": "per_count", "weight": 0, "per": weight / 100,
                "cap": -weight, "better": "lower"}
    return {"key": key, "label": label, "method": "target", "weight": weight, "target": 100,
            "below_per_point": weight / 100, "deduction_cap": weight}


def sanlv_scheme(kind: str, weights: dict[str, int] | None = None) -> dict:
    """The 三率 preset (响应 = 按时签收率 20, 解决率 40, 满意率 40; no official weights were found, so they
    are editable) as a league scheme for units or counties."""
    weights = weights or {"accept_rate": 20, "resolve_rate": 40, "satisfaction_rate": 40}
    return {"name": "12345 三率（按时签收率、解决率、满意率）", "subject_kind": kind,
            "measures": [_measure(f"appeal_{key}", f"{RATES[key][0]}(%)", weight)
                         for key, weight in weights.items() if weight]}


def _names(session: Session, by: str, keys) -> dict:
    keys = [k for k in keys if k not in (None, 0, "")]
    if by == "unit":
        return dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(keys))).all())
    if by == "region":
        return dict(session.execute(select(Region.id, Region.name).where(Region.id.in_(keys))).all())
    if by == "category":
        return dict(session.execute(select(AppealCategory.id, AppealCategory.name)
                                    .where(AppealCategory.id.in_(keys))).all())
    if by == "channel":
        return dict(CHANNELS)
    return {k: k for k in keys}


def county_of(session: Session) -> dict[int, int]:
    """Each region's county/district/zone (townships roll up to theirs)."""
    regions = {r.id: r for r in session.scalars(select(Region))}
    result = {}
    for region_id, region in regions.items():
        current = region
        while current is not None and current.kind not in {"county", "district", "zone"}:
            current = regions.get(current.parent_id) if current.parent_id else None
        if current is not None:
            result[region_id] = current.id
    return result


def _months(start: str | None, end: str | None) -> tuple[str, str] | None:
    if start and end and start > end:
        raise Rejected("起始月份不能晚于截止月份", field="start")
    return (start or "0000-00", end or "9999-99") if (start or end) else None


def grouped(session: Session, *, by: str, start: str | None, end: str | None) -> dict[object, dict[str, int]]:
    if by not in DIMENSIONS:
        raise Rejected(f"统计维度“{by}”无效，可选：{'、'.join(DIMENSIONS)}", field="by")
    if by == "region":
        counties = county_of(session)
        raw = tallies.sums(session, by="region_id", months=_months(start, end))
        result: dict = defaultdict(dict)
        for region_id, counts in raw.items():
            add(result[counties.get(region_id, 0)], counts)
        return dict(result)
    return tallies.sums(session, by=COLUMN[by], months=_months(start, end))


def table(*, session: Session, scope: Scope, by: str, start: str | None, end: str | None) -> dict:
    """Rows (name, counters, rates) by one dimension, a total row, and how each rate is computed."""
    groups = grouped(session, by=by, start=start, end=end)
    names = _names(session, by, groups)
    rows = [{"key": key, "name": names.get(key) or ("（未派单）" if by == "unit" else "（未定）"),
             "counts": counts, "rates": rates(counts)} for key, counts in groups.items()]
    rows.sort(key=lambda r: (-r["counts"]["received"], str(r["name"])) if by != "month" else (str(r["key"]),))
    total: dict[str, int] = {}
    for row in rows:
        add(total, row["counts"])
    return {"by": by, "by_label": DIMENSIONS[by], "rows": rows, "total": {"counts": total, "rates": rates(total)},
            "counters": COUNTERS, "rates": {k: {"label": v[0], "how": v[3]} for k, v in RATES.items()}}


def ranking(*, session: Session, kind: str, month: str, weights: dict[str, int] | None = None,
            list_size: int | None = None, min_received: int | None = None) -> dict:
    """The month's ranking of units (kind 'unit') or counties/districts (kind 'region'), scored by the
    league engine with the weights of the `appeals.ranking` rules in force (the 三率 preset unless the centre
    changed them), with the red list (top N) and the black list (bottom N). Arguments override the rules."""
    from zhenxing.appeals.settings import scheme as ranking_rules

    rules = ranking_rules(session)
    weights = dict(rules.weights) if weights is None else weights
    list_size = rules.list_size if list_size is None else list_size
    min_received = rules.min_received if min_received is None else min_received
    scheme = parse_scheme(sanlv_scheme(kind, weights))
    groups = grouped(session, by="unit" if kind == "unit" else "region", start=month, end=month)
    groups = {k: v for k, v in groups.items() if k and v.get("received", 0) >= min_received}
    names = _names(session, kind, groups)
    values = {m.key: {k: _percent(rates(v)[m.key.removeprefix("appeal_")]) for k, v in groups.items()}
              for m in scheme.measures}
    standings = league_score(scheme, values=values, subjects={k: names.get(k, str(k)) for k in groups},
                             quarter=(int(month[5:7]) - 1) // 3 + 1)
    ranked = [s for s in standings if s.rank is not None]
    size = min(list_size, len(ranked) // 2)
    return {"kind": kind, "month": month, "scheme": scheme, "standings": standings, "counts": groups,
            "red": ranked[:size], "black": list(reversed(ranked[-size:])) if size else []}


def _percent(value: float | None) -> float | None:
    return None if value is None else round(100 * value, 2)


def hot_spots(*, session: Session, month: str, previous: str, minimum: int = 5, limit: int = 10) -> list[dict]:
    """Category × county pairs whose appeals rose from the previous month: candidates for 急难愁盼."""
    counties = county_of(session)

    def counts(period: str) -> dict:
        rows = session.execute(select(AppealTally.category_id, AppealTally.region_id, func.sum(AppealTally.received))
                               .where(AppealTally.month == period)
                               .group_by(AppealTally.category_id, AppealTally.region_id))
        result: dict = defaultdict(int)
        for category_id, region_id, received in rows:
            result[(category_id, counties.get(region_id, 0))] += int(received or 0)
        return result

    now, before = counts(month), counts(previous)
    rising = [(key, n, before.get(key, 0)) for key, n in now.items() if n >= minimum and n > before.get(key, 0)]
    rising.sort(key=lambda item: -(item[1] - item[2]))
    categories = _names(session, "category", {k[0] for k, _, _ in rising})
    regions = _names(session, "region", {k[1] for k, _, _ in rising})
    return [{"category_id": c, "category": categories.get(c, ""), "region_id": r, "region": regions.get(r, "全市"),
             "count": n, "previous": p, "rise": n - p} for (c, r), n, p in rising[:limit]]


def campaign_progress(*, session: Session) -> list[dict]:
    """Each campaign with its appeals by state: total, answered, closed, overdue now."""
    result = []
    for campaign in session.scalars(select(Campaign).order_by(Campaign.id)):
        members = select(CampaignAppeal.appeal_id).where(CampaignAppeal.campaign_id == campaign.id)
        rows = dict(session.execute(select(Appeal.status, func.count(Appeal.id)).where(Appeal.id.in_(members))
                                    .group_by(Appeal.status)).all())
        total = sum(rows.values())
        done = rows.get("closed", 0) + rows.get("merged", 0)
        answered = done + rows.get("replied", 0) + rows.get("rated", 0)
        result.append({"campaign": campaign, "total": total, "answered": answered, "closed": done,
                       "share": done / total if total else None, "by_status": rows})
    return result


def month_of(moment: datetime) -> str:
    from zhenxing.appeals.intake import beijing_month

    return beijing_month(moment)
