"""Leagues kept per subject kind and period: schemes by year, computing, storing and reproducing standings.

- `scheme_for(kind, year)`: the year's scheme, held as rules (`league.region` / `league.unit`, rule_kinds.py):
  the year's own version, else the latest earlier year's, else the preset — so changing this year's scheme
  never rescores last year's league;
- `compute_league(kind, period)`: measure values from the registry, scored by the engine against the
  previous period's ranks, stored with everything it used (`LeagueRun`), one audit event;
- `reproduce(run)`: the same standings again from the stored scheme and inputs (a test checks equality).
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import can_manage
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.league import registry, rule_kinds
from zhenxing.league.engine import Standing, score
from zhenxing.league.models import LeagueRun
from zhenxing.league.schemes import SUBJECT_KINDS, parse_scheme
from zhenxing.org import service as org
from zhenxing.org.models import Unit
from zhenxing.periods import Period, parse_period, period_label, previous_period
from zhenxing.rules import service as rules

LEAGUE_REGION_KINDS = ("county", "district", "zone")


def _check_kind(kind: str) -> None:
    if kind not in SUBJECT_KINDS:
        raise Rejected(f"排名对象“{kind}”无效，可选：region（县区）、unit（部门）、city（城市）", field="kind")


def kinds_in_use(session: Session) -> dict[str, str]:
    """The subject kinds worth ranking here: a league of cities only where there are at least two (a
    province); a city's deployment has one."""
    cities = len(subjects(session, "city"))
    return {kind: label for kind, label in SUBJECT_KINDS.items() if kind != "city" or cities >= 2}


def subjects(session: Session, kind: str) -> list[tuple[int, str]]:
    """Who is ranked, in official order: counties, districts and zones directly under the city, units, or the
    cities of a province (the roots of the region tree)."""
    _check_kind(kind)
    if kind == "city":
        return [(region.id, region.name) for region, depth in org.region_tree(session)
                if depth == 0 and region.kind == "city"]
    if kind == "region":
        return [(region.id, region.name) for region, depth in org.region_tree(session)
                if depth == 1 and region.kind in LEAGUE_REGION_KINDS]
    return [(unit.id, unit.name) for unit in session.scalars(select(Unit).order_by(Unit.id))]


@dataclass(frozen=True)
class SchemeInForce:
    """A year's scheme and where it comes from: set for that year, carried over from an earlier year, or the
    default preset (version None)."""

    subject_kind: str
    year: int
    data: dict
    source: str  # year | earlier | preset
    version: int | None
    from_year: int | None = None


def scheme_for(session: Session, kind: str, year: int) -> SchemeInForce:
    """The year's scheme: its own rules, else the latest earlier year's (a new year starts from last year's),
    else the default preset. Reading never writes."""
    _check_kind(kind)
    rule_kind = rule_kinds.kind_of(kind)
    state = rules.rule_state(session, rule_kind, year)
    if state.source == "year":
        return SchemeInForce(kind, year, state.data, "year", state.version, year)
    earlier = [y for y in rules.years_with_rules(session, rule_kind) if y < year]
    for before in earlier:  # newest first; a withdrawn year falls through to the one before
        older = rules.rule_state(session, rule_kind, before)
        if older.source == "year":
            return SchemeInForce(kind, year, older.data, "earlier", older.version, before)
    return SchemeInForce(kind, year, state.data, state.source, state.version, None)


def update_scheme(*, session: Session, actor: User, kind: str, year: int, data: Any) -> SchemeInForce:
    """The office sets a year's scheme (a new audited version of the rules); refused with the field named when
    it does not parse or names a measure nobody registered."""
    if not can_manage(actor.role):
        raise Forbidden("只有项目办可以修改赛马评分办法")
    _check_kind(kind)
    if not isinstance(data, dict):
        raise Rejected("评分办法须是一个对象", field="data")
    try:
        rules.set_rules(session, actor, rule_kinds.kind_of(kind), data, year, name=str(data.get("name", ""))[:100])
    except Rejected as error:
        raise Rejected(error.message.replace("”无效：", "”有误：", 1), field=error.field or "data",
                       details=error.details) from None
    return scheme_for(session, kind, year)


def _previous_ranks(session: Session, kind: str, period: Period) -> dict[int, int]:
    before = previous_period(period)
    run = _run(session, kind, before)
    standings = _standings(session, kind, before, {}) if run is None else None
    rows = run.results if run is not None else [_as_dict(s) for s in standings]
    return {row["subject_id"]: row["rank"] for row in rows if row["rank"] is not None}


def _inputs(session: Session, kind: str, period: Period, scheme_data: dict, ids: list[int]) -> dict[str, dict]:
    parsed = parse_scheme(scheme_data)
    values: dict[str, dict] = {}
    session.info["league_cache"] = {}
    try:
        for rule in parsed.measures:
            measure = registry.get_measure(kind, rule.key)
            if measure is None:
                raise Rejected(f"指标 {rule.key} 未注册，无法计算赛马", field="measures")
            values[rule.key] = measure.func(session, str(period), ids)
    finally:
        session.info.pop("league_cache", None)
    return values


def _standings(session: Session, kind: str, period: Period, previous: dict[int, int]) -> list[Standing]:
    scheme = scheme_for(session, kind, period.year)
    listed = subjects(session, kind)
    values = _inputs(session, kind, period, scheme.data, [sid for sid, _ in listed])
    return score(parse_scheme(scheme.data), values=values, subjects=dict(listed), quarter=period.quarter,
                 previous=previous)


def _as_dict(standing: Standing) -> dict:
    return {"subject_id": standing.subject_id, "name": standing.name, "total": standing.total,
            "rank": standing.rank, "movement": standing.movement, "change": standing.change,
            "first": standing.first, "last": standing.last,
            "measures": {key: {"value": m.value, "rank": m.rank, "points": m.points, "detail": m.detail}
                         for key, m in standing.measures.items()}}


def _run(session: Session, kind: str, period: str) -> LeagueRun | None:
    return session.scalar(select(LeagueRun).where(LeagueRun.subject_kind == kind, LeagueRun.period == period))


def compute_league(*, session: Session, kind: str, period: str, actor: User | None = None) -> LeagueRun:
    """Score the period's league and keep it (replacing an earlier computation of the same period)."""
    if actor is not None and not can_manage(actor.role):
        raise Forbidden("只有项目办可以计算赛马排名")
    _check_kind(kind)
    value = parse_period(period)
    scheme = scheme_for(session, kind, value.year)
    listed = subjects(session, kind)
    previous = _previous_ranks(session, kind, value)
    inputs = _inputs(session, kind, value, scheme.data, [sid for sid, _ in listed])
    standings = score(parse_scheme(scheme.data), values=inputs, subjects=dict(listed), quarter=value.quarter,
                      previous=previous)
    run = _run(session, kind, value) or LeagueRun(subject_kind=kind, period=str(value))
    run.scheme, run.subjects, run.previous = scheme.data, [list(pair) for pair in listed], {
        str(k): v for k, v in previous.items()}
    run.inputs = {key: {str(sid): v for sid, v in per.items()} for key, per in inputs.items()}
    run.results = [_as_dict(s) for s in standings]
    run.computed_at, run.computed_by = audit.now_utc(), getattr(actor, "name", "") or "系统"
    session.add(run)
    session.flush()
    top = standings[0].name if standings and standings[0].rank else "—"
    audit.record(session, actor=actor, action="update", entity="league", entity_id=run.id,
                 summary=f"计算{period_label(value)}{SUBJECT_KINDS[kind]}赛马排名：第一名 {top}")
    return run


def get_league(*, session: Session, kind: str, period: str, compute: bool = True) -> LeagueRun:
    _check_kind(kind)
    value = parse_period(period)
    run = _run(session, kind, value)
    if run is None and compute:
        run = compute_league(session=session, kind=kind, period=value)
    if run is None:
        raise NotFound(f"{period_label(value)}{SUBJECT_KINDS[kind]}赛马排名尚未计算", field="period")
    return run


def reproduce(run: LeagueRun) -> list[dict]:
    """The stored league scored again from what it stored: equal to run.results."""
    values = {key: {int(sid): v for sid, v in per.items()} for key, per in run.inputs.items()}
    standings = score(parse_scheme(run.scheme), values=values, subjects={sid: name for sid, name in run.subjects},
                      quarter=parse_period(run.period).quarter,
                      previous={int(k): v for k, v in run.previous.items()})
    return [_as_dict(s) for s in standings]


def measure_columns(run: LeagueRun) -> list[dict]:
    """The scheme's measures, for table headers: key, label, unit."""
    columns = []
    for rule in parse_scheme(run.scheme).measures:
        measure = registry.get_measure(run.subject_kind, rule.key)
        columns.append({"key": rule.key, "label": rule.label, "unit": measure.unit if measure else ""})
    return columns


def runs(session: Session, kind: str) -> list[str]:
    return list(session.scalars(select(LeagueRun.period).where(LeagueRun.subject_kind == kind)
                                .order_by(LeagueRun.period.desc())))
