"""League measures of projects, summed per subject (county or department) from a frame. Pure (numpy).

`subject_measures(frame, codes, count, month, …)` gives, for every measure key, an array of one value per
subject (NaN: no data, e.g. a rate without a denominator). `codes[row]` is the subject of each project
(−1: counted nowhere, e.g. a project of the city itself in a county league).

All figures are as of the period's end and year to date:
- investment_rate   年度投资完成率 %: Σ 1–N月 completed ÷ Σ annual plan (projects on the year's plan);
- plan_size         年度计划投资 (亿元);
- new_starts        新开工: projects started this year by the period's end;
- start_rate        开工率 %: of the projects planned to start this year by the period's end, those started;
- late_starts       未按期开工: those planned to start by the period's end that have not (active projects);
- registered_rate   入库率 %: of this year's starts, those reported 入库 by the period;
- completions       竣工: projects completed this year by the period's end;
- signed_count, signed_amount 签约项目 and their total investment (亿元), signed this year;
- major_projects    亿元以上 active projects on the year's plan;
- reporting_timeliness 月报按时率 %: reports filed by their due day among those owed and due by `as_of`;
- green_share       绿灯率 %: green lights among the projects judged for the period.
"""

from datetime import date

import numpy as np

from zhenxing.dispatch.facts import first_open_period, report_due
from zhenxing.dispatch.frame import STATUS_CODES, Frame, columns, judge_columns
from zhenxing.dispatch.light_rules import LightRules

MAJOR = 10_000  # 万元: 亿元以上
FRAME_MEASURES = ("investment_rate", "plan_size", "new_starts", "start_rate", "late_starts", "registered_rate",
                  "completions", "signed_count", "signed_amount", "major_projects", "reporting_timeliness",
                  "green_share")


def _sum(codes: np.ndarray, count: int, mask: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    keep = mask & (codes >= 0)
    w = None if weights is None else weights[keep].astype(np.float64)
    return np.bincount(codes[keep], weights=w, minlength=count).astype(np.float64)


def _rate(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(whole > 0, part * 100.0 / np.where(whole > 0, whole, 1), np.nan)


def _on_time(frame: Frame, month: int, as_of: date, due_day: int) -> tuple[np.ndarray, np.ndarray]:
    """Per project: reports owed and due by `as_of` this year, and how many were filed by their due day."""
    last = min(frame.year * 12 + month - 1, first_open_period(as_of, due_day) - 1)
    owed = np.zeros(len(frame), np.int32)
    on_time = np.zeros(len(frame), np.int32)
    for index in range(frame.year * 12, last + 1):
        slot = index - (frame.year - 1) * 12
        due = report_due(index, due_day).toordinal()
        owed += frame.planned
        on_time += frame.planned & (frame.filed[:, slot] <= due)
    return owed, on_time


def subject_measures(frame: Frame, codes: np.ndarray, count: int, month: int, *, as_of: date, due_day: int,
                     rules: LightRules | None = None) -> dict[str, np.ndarray]:
    cols = columns(frame, month, as_of=as_of, due_day=due_day)
    end, january = cols.end, date(frame.year, 1, 1).toordinal()
    active = frame.status == STATUS_CODES["active"]
    alive = frame.status != STATUS_CODES["cancelled"]
    planned = frame.planned & alive
    started = (frame.started >= january) & (frame.started <= end)
    due_to_start = (frame.plan_start >= january) & (frame.plan_start <= end) & alive
    signed = (frame.signed >= january) & (frame.signed <= end)
    registered = frame.registered <= cols.index
    owed, on_time = _on_time(frame, month, as_of, due_day)
    values = {
        "investment_rate": _rate(_sum(codes, count, planned, cols.ytd), _sum(codes, count, planned, frame.plan)),
        "plan_size": _sum(codes, count, planned, frame.plan) / 10_000,
        "new_starts": _sum(codes, count, started),
        "start_rate": _rate(_sum(codes, count, due_to_start & (frame.started <= end)),
                            _sum(codes, count, due_to_start)),
        "late_starts": _sum(codes, count, due_to_start & active & ~(frame.started <= end)),
        "registered_rate": _rate(_sum(codes, count, started & registered), _sum(codes, count, started)),
        "completions": _sum(codes, count, (frame.completed >= january) & (frame.completed <= end)),
        "signed_count": _sum(codes, count, signed),
        "signed_amount": _sum(codes, count, signed, frame.total) / 10_000,
        "major_projects": _sum(codes, count, planned & active & (frame.total >= MAJOR)),
        "reporting_timeliness": _rate(_sum(codes, count, np.ones(len(frame), bool), on_time),
                                      _sum(codes, count, np.ones(len(frame), bool), owed)),
    }
    if rules is not None:
        lights = judge_columns(cols, rules)
        judged = (lights >= 0) & (lights <= 2) & planned
        values["green_share"] = _rate(_sum(codes, count, judged & (lights == 0)), _sum(codes, count, judged))
    return values


def subject_codes(frame: Frame, subject_of: dict[int, int], by: str = "region") -> np.ndarray:
    """The subject row (0…S−1) of each project: `subject_of` maps a region (or unit) id to a row."""
    source = frame.region if by == "region" else frame.unit
    keys, inverse = np.unique(source, return_inverse=True)
    rows = np.array([subject_of.get(int(key), -1) for key in keys], dtype=np.int64)
    return rows[inverse] if len(source) else np.zeros(0, np.int64)
