"""Every project of a year as columns (numpy), and the lights of a whole period at once. Pure.

`judge` in lights.py is the rule as written, one project at a time; `judge_columns` applies the same rules to
all projects of a period with array operations, so that 50,000 projects × 12 periods take well under a
second. A test builds random projects both ways and requires the same colour for every one of them; the
reasons (text) always come from `judge`, for the projects that are not green.

A frame covers one year Y and the year before (for runs of missing reports across the year end): month
slots 0–11 are January–December of Y−1, 12–23 those of Y. Dates are proleptic ordinals (date.toordinal);
NEVER stands for "no date" / "not yet".
"""

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from zhenxing.dispatch.facts import ProjectRecord, first_open_period, index_of, period_end
from zhenxing.dispatch.light_rules import LightRules

NEVER = np.iinfo(np.int32).max
STATUS_CODES = {"active": 0, "suspended": 1, "cancelled": 2}
COLOR_CODES = {-1: None, 0: "green", 1: "yellow", 2: "red", 3: "grey"}


@dataclass
class Frame:
    year: int
    ids: np.ndarray  # int64 [N] project ids, ascending
    region: np.ndarray  # int64 [N] the project's region id
    unit: np.ndarray  # int64 [N] its lead unit id (−1: none)
    status: np.ndarray  # int8 [N]
    plan_start: np.ndarray  # int32 ordinal [N]
    started: np.ndarray  # int32 ordinal [N]
    signed: np.ndarray  # int32 ordinal [N]
    completed: np.ndarray  # int32 ordinal [N]
    total: np.ndarray  # int64 万元 [N]
    plan: np.ndarray  # int64 万元 [N], the plan of year Y (0: none)
    planned: np.ndarray  # bool [N]: on year Y's plan (owes reports)
    planned_before: np.ndarray  # bool [N]: on year Y−1's plan
    amounts: np.ndarray  # int64 [N, 12]: 本月完成投资 of Y's months
    filed: np.ndarray  # int32 ordinal [N, 24]: when each month's report was filed (NEVER: none)
    registered: np.ndarray  # int32 [N]: first period index reported 入库 (NEVER: never)
    problem_row: np.ndarray  # int32 [P]: the project row of each problem with a deadline
    problem_due: np.ndarray  # int32 ordinal [P]
    problem_resolved: np.ndarray  # int32 ordinal [P] (NEVER: still open)
    derived: dict = field(default_factory=dict)  # per-frame results computed once (indexes, sums, runs)

    def __len__(self) -> int:
        return len(self.ids)

    def once(self, key: str, make):
        """A derived array, computed on first use (a frame is not changed after it is built)."""
        if key not in self.derived:
            self.derived[key] = make()
        return self.derived[key]


def empty_frame(year: int, size: int, problems: int = 0) -> Frame:
    """A frame of `size` projects with nothing planned, reported or dated (builders fill it in)."""
    never = np.full(size, NEVER, dtype=np.int32)
    return Frame(
        year=year, ids=np.zeros(size, np.int64), region=np.zeros(size, np.int64),
        unit=np.full(size, -1, np.int64), status=np.zeros(size, np.int8), plan_start=never.copy(),
        started=never.copy(), signed=never.copy(), completed=never.copy(), total=np.zeros(size, np.int64),
        plan=np.zeros(size, np.int64), planned=np.zeros(size, bool), planned_before=np.zeros(size, bool),
        amounts=np.zeros((size, 12), np.int64), filed=np.full((size, 24), NEVER, np.int32),
        registered=never.copy(), problem_row=np.zeros(problems, np.int32),
        problem_due=np.zeros(problems, np.int32), problem_resolved=np.full(problems, NEVER, np.int32),
    )


@dataclass
class Columns:
    """The light facts of every project of a frame for one period (arrays of length N)."""

    index: int  # the period index
    end: int  # ordinal of the period's last day
    month: int
    status: np.ndarray
    plan_start: np.ndarray
    started: np.ndarray
    annual_plan: np.ndarray
    ytd: np.ndarray
    registered: np.ndarray
    unreported: np.ndarray
    overdue_days: np.ndarray  # the worst open problem's days past its deadline (−1: none)
    plan_start_index: np.ndarray  # period indexes of plan_start and started (NEVER: none)
    started_index: np.ndarray


def _period_index_of_ordinal(ordinals: np.ndarray) -> np.ndarray:
    """Period indexes of ordinal dates (NEVER stays NEVER)."""
    result = np.full(ordinals.shape, NEVER, dtype=np.int64)
    known = ordinals != NEVER
    if known.any():
        days = ordinals[known].astype("int64") - 719163  # 1970-01-01 as a proleptic ordinal
        months = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)  # months since 1970-01
        result[known] = months + 1970 * 12
    return result


def _runs_by_slot(frame: Frame) -> np.ndarray:
    """For every month slot, the run of owed and missing reports ending there (int16 [N, 24])."""
    runs = np.zeros((len(frame), 24), np.int16)
    run = np.zeros(len(frame), np.int16)
    for slot in range(24):
        owed = frame.planned_before if slot < 12 else frame.planned
        run = np.where(owed & (frame.filed[:, slot] == NEVER), run + 1, 0).astype(np.int16)
        runs[:, slot] = run
    return runs


def unreported_runs(frame: Frame, month: int, as_of: date, due_day: int) -> np.ndarray:
    """Consecutive owed and missing reports ending at the period (skipping periods still within their window)."""
    base = (frame.year - 1) * 12  # period index of slot 0
    last = frame.year * 12 + month - 1
    stop = min(last, first_open_period(as_of, due_day) - 1) - base  # last slot that may count as missing
    if stop < 0:
        return np.zeros(len(frame), np.int16)
    return frame.once("runs", lambda: _runs_by_slot(frame))[:, stop]


def columns(frame: Frame, month: int, *, as_of: date, due_day: int) -> Columns:
    index = frame.year * 12 + month - 1
    end = period_end(index).toordinal()
    overdue = np.full(len(frame), -1, np.int32)
    open_late = (frame.problem_due < end) & (frame.problem_resolved > end)
    np.maximum.at(overdue, frame.problem_row[open_late], (end - frame.problem_due[open_late]).astype(np.int32))
    ytd = frame.once("cumulative", lambda: frame.amounts.cumsum(axis=1))[:, month - 1]
    return Columns(
        index=index, end=end, month=month, status=frame.status, plan_start=frame.plan_start,
        started=frame.started, annual_plan=frame.plan, ytd=ytd, registered=frame.registered,
        unreported=unreported_runs(frame, month, as_of, due_day), overdue_days=overdue,
        plan_start_index=frame.once("plan_start_index", lambda: _period_index_of_ordinal(frame.plan_start)),
        started_index=frame.once("started_index", lambda: _period_index_of_ordinal(frame.started)),
    )


def _raise(color: np.ndarray, red: np.ndarray, yellow: np.ndarray) -> np.ndarray:
    """Raise each colour to the rule's: red (2) implies yellow (1) since red thresholds are the stricter."""
    return np.maximum(color, yellow.view(np.int8) + red.view(np.int8))


def judge_columns(cols: Columns, rules: LightRules) -> np.ndarray:
    """Colour codes (COLOR_CODES) of every project for the period: the same colours as lights.judge."""
    color = np.zeros(len(cols.status), np.int8)
    if rules.start is not None:
        waiting = (cols.plan_start <= cols.end) & ~(cols.started <= cols.end)
        months = cols.index - cols.plan_start_index + 1
        color = _raise(color, waiting & (months >= rules.start.red), waiting & (months >= rules.start.yellow))
    if rules.progress is not None:
        rule, plan = rules.progress, cols.annual_plan
        judged = (plan > 0) & (plan >= rule.min_plan)
        behind = cols.month * 100 * plan - cols.ytd * 1200
        judged &= behind > 0
        if rule.mode == "points":
            scale = 12 * plan
            red, yellow = behind > rule.red * scale, behind >= rule.yellow * scale
        else:
            scale = cols.month * plan
            red, yellow = behind > rule.red * scale, behind > rule.yellow * scale
        color = _raise(color, judged & red, judged & yellow)
    if rules.registration is not None:
        running = (cols.started <= cols.end) & ~(cols.registered <= cols.index)
        months = cols.index - cols.started_index
        limits = rules.registration
        color = _raise(color, running & (months >= limits.red), running & (months >= limits.yellow))
    if rules.unreported is not None:
        runs, limits = cols.unreported, rules.unreported
        color = _raise(color, (runs > 0) & (runs >= limits.red), (runs > 0) & (runs >= limits.yellow))
    if rules.problems is not None:
        days, limits = cols.overdue_days, rules.problems
        color = _raise(color, (days >= 0) & (days >= limits.red), (days >= 0) & (days >= limits.yellow))
    color[cols.status == STATUS_CODES["suspended"]] = 3
    color[cols.status == STATUS_CODES["cancelled"]] = -1
    return color


def _date(ordinal: int) -> date | None:
    return None if ordinal == NEVER else date.fromordinal(int(ordinal))


def record_of(frame: Frame, row: int, problem_names: dict[int, str] | None = None) -> ProjectRecord:
    """One project of the frame as lights.judge reads it (for its reasons in Chinese)."""
    base = (frame.year - 1) * 12
    plans = {}
    if frame.planned_before[row]:
        plans[frame.year - 1] = 0
    if frame.planned[row]:
        plans[frame.year] = int(frame.plan[row])
    reported = frozenset(base + slot for slot in np.flatnonzero(frame.filed[row] != NEVER))
    amounts = {frame.year * 12 + m: int(a) for m, a in enumerate(frame.amounts[row]) if a}
    names = problem_names or {}
    problems = tuple((names.get(p, "未命名问题"), _date(frame.problem_due[p]), _date(frame.problem_resolved[p]))
                     for p in np.flatnonzero(frame.problem_row == row))
    status = next(name for name, code in STATUS_CODES.items() if code == frame.status[row])
    registered = None if frame.registered[row] == NEVER else int(frame.registered[row])
    return ProjectRecord(status=status, plan_start=_date(frame.plan_start[row]), started_on=_date(frame.started[row]),
                         plans=plans, amounts=amounts, reported=reported, registered_index=registered,
                         problems=problems)


def month_slot(frame: Frame, day: date) -> int:
    """The month slot (0–23) of a day within the frame's two years."""
    return index_of(day) - (frame.year - 1) * 12


def frame_from_records(year: int, records: list[ProjectRecord], ids: list[int] | None = None) -> Frame:
    """A frame holding these projects (tests and benchmarks build projects as records)."""
    problems = [(row, p) for row, record in enumerate(records) for p in record.problems]
    frame = empty_frame(year, len(records), len(problems))
    frame.ids[:] = ids if ids is not None else range(1, len(records) + 1)
    base = (year - 1) * 12
    for row, record in enumerate(records):
        frame.status[row] = STATUS_CODES[record.status]
        for column, day in ((frame.plan_start, record.plan_start), (frame.started, record.started_on)):
            column[row] = day.toordinal() if day else NEVER
        frame.planned[row] = year in record.plans
        frame.planned_before[row] = year - 1 in record.plans
        frame.plan[row] = record.plans.get(year, 0)
        for index, amount in record.amounts.items():
            if index // 12 == year:
                frame.amounts[row, index % 12] = amount
        for index in record.reported:
            if 0 <= index - base < 24:
                frame.filed[row, index - base] = period_end(index).toordinal()
        frame.registered[row] = NEVER if record.registered_index is None else record.registered_index
    for number, (row, (_name, due, resolved)) in enumerate(problems):
        frame.problem_row[number] = row
        frame.problem_due[number] = due.toordinal()
        frame.problem_resolved[number] = resolved.toordinal() if resolved else NEVER
    return frame
