"""Dispatch's league measures for counties (region) and departments (unit), registered with the league.

Project measures come from one frame per period (aggregate.py), loaded once per league computation: the
league service keeps a cache dict in `session.info["league_cache"]` while it computes. A project counts for
the county, district or zone it lies in (its township's parent included) and for its lead unit.
"""

import math
from datetime import date

import numpy as np
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from zhenxing.dispatch import settings
from zhenxing.dispatch.aggregate import subject_codes, subject_measures
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.frame_loader import load_frame
from zhenxing.dispatch.models import FieldReview, FieldReviewStop, Problem
from zhenxing.league.registry import register_measure
from zhenxing.org.models import Region
from zhenxing.periods import parse_period
from zhenxing.projects.models import Project

LABELS = {
    "investment_rate": ("年度投资完成率", "%"), "plan_size": ("年度计划投资", "亿元"),
    "new_starts": ("新开工项目", "个"),
    "start_rate": ("开工率", "%"), "late_starts": ("未按期开工", "个"), "registered_rate": ("开工项目入库率", "%"),
    "completions": ("竣工项目", "个"), "signed_count": ("签约项目", "个"), "signed_amount": ("签约项目金额", "亿元"),
    "major_projects": ("亿元以上项目", "个"), "reporting_timeliness": ("月报按时率", "%"),
    "green_share": ("绿灯率", "%"),
}


def _cache(session: Session) -> dict:
    return session.info.get("league_cache", {})


def _frame(session: Session, period: str):
    cache = _cache(session)
    key = ("dispatch_frame", period)
    if key not in cache:
        cache[key] = load_frame(session, parse_period(period))[0]
    return cache[key]


def region_subjects(session: Session, subject_ids: list[int]) -> dict[int, int]:
    """Every region id → the subject (by position in subject_ids) it lies in: itself or an ancestor."""
    parents = dict(session.execute(select(Region.id, Region.parent_id)).all())
    position = {rid: i for i, rid in enumerate(subject_ids)}
    mapping = {}
    for rid in parents:
        node, hops = rid, 0
        while node is not None and node not in position and hops < 50:
            node, hops = parents.get(node), hops + 1
        if node in position:
            mapping[rid] = position[node]
    return mapping


def _values(session: Session, period: str, subject_ids: list[int], kind: str) -> dict[str, np.ndarray]:
    cache = _cache(session)
    key = ("dispatch_values", kind, period, tuple(subject_ids))
    if key not in cache:
        frame = _frame(session, period)
        mapping = (region_subjects(session, subject_ids) if kind in ("region", "city")
                   else {uid: i for i, uid in enumerate(subject_ids)})
        codes = subject_codes(frame, mapping, by="unit" if kind == "unit" else "region")
        value = parse_period(period)
        cache[key] = subject_measures(frame, codes, len(subject_ids), value.month, as_of=local_date(),
                                      due_day=settings.report_due_day(session),
                                      rules=settings.light_rules(session, value.year))
    return cache[key]


def _frame_measure(key: str, kind: str):
    def measure(session: Session, period: str, subject_ids: list[int]) -> dict[int, float | None]:
        values = _values(session, period, subject_ids, kind)[key]
        return {sid: (None if math.isnan(v) else round(float(v), 4)) for sid, v in zip(subject_ids, values,
                                                                                      strict=True)}
    return measure


def _projects_of(session: Session, kind: str, subject_ids: list[int]) -> dict[int, int]:
    """project id → subject id."""
    if kind in ("region", "city"):
        mapping = region_subjects(session, subject_ids)
        rows = session.execute(select(Project.id, Project.region_id)).all()
        return {pid: subject_ids[mapping[rid]] for pid, rid in rows if rid in mapping}
    rows = session.execute(select(Project.id, Project.lead_unit_id).where(Project.lead_unit_id.in_(subject_ids)))
    return dict(rows.all())


def _review_score(kind: str):
    def measure(session: Session, period: str, subject_ids: list[int]) -> dict[int, float | None]:
        """拉练观摩得分: the mean total of the subject's projects scored on tours this year up to the period."""
        value = parse_period(period)
        owners = _projects_of(session, kind, subject_ids)
        rows = session.execute(select(FieldReviewStop.project_id, FieldReviewStop.total).join(FieldReview).where(
            FieldReviewStop.total.is_not(None), FieldReview.held_on >= date(value.year, 1, 1),
            FieldReview.held_on <= value.last_day)).all()
        totals: dict[int, list[float]] = {}
        for pid, total in rows:
            if pid in owners:
                totals.setdefault(owners[pid], []).append(total)
        return {sid: round(sum(t) / len(t), 2) if (t := totals.get(sid)) else None for sid in subject_ids}
    return measure


def _closure_rate(kind: str):
    def measure(session: Session, period: str, subject_ids: list[int]) -> dict[int, float | None]:
        """问题销号率 %: problems raised this year up to the period that were solved (resolved or closed) by its end."""
        value = parse_period(period)
        owners = _projects_of(session, kind, subject_ids)
        solved = func.sum(case((Problem.resolved_on <= value.last_day, 1), else_=0))
        query = select(Problem.project_id, func.count(), solved).where(
            Problem.raised_on >= date(value.year, 1, 1), Problem.raised_on <= value.last_day
        ).group_by(Problem.project_id)
        raised: dict[int, list[int]] = {}
        for pid, count, done in session.execute(query).all():
            if pid in owners:
                pair = raised.setdefault(owners[pid], [0, 0])
                pair[0], pair[1] = pair[0] + count, pair[1] + int(done or 0)
        return {sid: round(100 * p[1] / p[0], 2) if (p := raised.get(sid)) and p[0] else None for sid in subject_ids}
    return measure


for _kind in ("region", "unit", "city"):  # a city counts the projects of every region under it
    for _key, (_label, _unit) in LABELS.items():
        register_measure(_key, _label, _kind, _frame_measure(_key, _kind), unit=_unit)
    register_measure("field_review_score", "拉练观摩得分", _kind, _review_score(_kind), unit="分")
    register_measure("problem_closure_rate", "问题销号率", _kind, _closure_rate(_kind), unit="%")
