"""Each target against its readings and benchmarks: the series, the latest judgement, the gap sentence, the
final status. Read in bulk (one query for readings, one for benchmarks), judged by targets.trajectory."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing.targets import trajectory, wording
from zhenxing.targets.models import Benchmark, Reading, Target
from zhenxing.targets.trajectory import Goal, Judgement, Rules

RATE_KINDS = ("increase", "decrease")
COLOURS = {"ahead": "green", "on_track": "green", "behind": "red", "none": "grey"}
FINAL_COLOURS = {"met": "green", "missed": "red"}


@dataclass
class Tracking:
    """Where one target stands: its year-to-date series by month, the latest reading's judgement."""

    target: Target
    goal: Goal
    series: dict[int, Decimal] = field(default_factory=dict)
    benchmarks: dict[str, dict[int, Decimal]] = field(default_factory=dict)
    judgement: Judgement | None = None
    status: str = "open"
    gap: str = ""

    @property
    def latest_month(self) -> int | None:
        return max(self.series) if self.series else None

    @property
    def latest(self) -> Decimal | None:
        return self.series[self.latest_month] if self.series else None

    @property
    def state(self) -> str:
        return self.judgement.state if self.judgement else "none"

    @property
    def state_label(self) -> str:
        return trajectory.STATES[self.state]

    @property
    def status_label(self) -> str:
        return trajectory.FINALS[self.status]

    @property
    def colour(self) -> str:
        """The ledger's colour: the final status once the year's figure is in, else the latest state."""
        return FINAL_COLOURS.get(self.status) or COLOURS[self.state]

    @property
    def beats(self) -> dict[str, bool]:
        """跑赢 each benchmark at the latest month both have."""
        month = self.latest_month
        return {level: trajectory.beats(self.series[month], by_month[month], self.goal.comparator)
                for level, by_month in self.benchmarks.items() if month in by_month}


def goal_of(target: Target) -> Goal:
    path = target.path or trajectory.default_path(target.kind, target.unit, target.comparator)
    try:
        profile = trajectory.parse_profile(target.profile or "")
    except ValueError:
        profile = None  # checked on the way in; an old bad value must not break the ledger
    return Goal(value=Decimal(target.value), comparator=target.comparator, path=path,
                start=Decimal(target.start_value) if target.start_value is not None else Decimal(0),
                profile=profile)


def month_of(period: str, year: int) -> int | None:
    """'2025-09' → 9 for year 2025; a year's own figure ('2025') is its month 12; other years → None."""
    if period == str(year):
        return 12
    if len(period) == 7 and period[:4] == str(year) and period[5:].isdigit():
        month = int(period[5:])
        return month if 1 <= month <= 12 else None
    return None


def comparable(target_kind: str, target_unit: str, kind: str, unit: str) -> bool:
    if target_kind in RATE_KINDS:
        return kind in RATE_KINDS
    return kind == "level" and (not target_unit or not unit or unit == target_unit)


def signed(target_kind: str, kind: str, value: Decimal) -> Decimal:
    """A growth figure in the target's own direction (下降2.5% compared with a −2.8% growth is 2.8)."""
    return -value if target_kind in RATE_KINDS and kind in RATE_KINDS and kind != target_kind else value


def configured_rules(session: Session) -> Rules:
    """The office's tolerances (rule kind supervision.reporting), defaults until it sets its own."""
    from zhenxing.supervision import settings

    return settings.current(session).targets


def track(session: Session, targets: list[Target], rules: Rules | None = None) -> dict[int, Tracking]:
    rules = rules or configured_rules(session)
    indicators = {t.indicator for t in targets}
    if not indicators:
        return {}
    # Plain rows, not entities: a ledger of 600 targets reads tens of thousands of figures.
    readings = _by_indicator(session.execute(
        select(Reading.id, Reading.indicator, Reading.period, Reading.kind, Reading.unit, Reading.region_id,
               Reading.basis, Reading.value, Reading.source).where(Reading.indicator.in_(indicators))))
    benchmarks = _by_indicator(session.execute(
        select(Benchmark.id, Benchmark.indicator, Benchmark.period, Benchmark.kind, Benchmark.unit, Benchmark.level,
               Benchmark.basis, Benchmark.value, Benchmark.source).where(Benchmark.indicator.in_(indicators))))
    return {t.id: _track_one(t, readings.get(t.indicator, []), benchmarks.get(t.indicator, []), rules)
            for t in targets}


def _by_indicator(rows) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for row in rows:
        grouped[row.indicator].append(row)
    return grouped


def _series(target: Target, rows: list, additive: bool, *, regional: bool) -> dict[int, Decimal]:
    values: dict[tuple[int, str], Decimal] = {}
    for row in rows:
        month = month_of(row.period, target.year)
        if month is None or not comparable(target.kind, target.unit, row.kind, row.unit):
            continue
        if regional and row.region_id not in (target.region_id, None):
            continue
        values.setdefault((month, row.basis or "ytd"), signed(target.kind, row.kind, Decimal(row.value)))
    return trajectory.year_to_date(values, additive=additive)


def _track_one(target: Target, readings: list, benchmarks: list, rules: Rules) -> Tracking:
    goal = goal_of(target)
    additive = goal.path == "accumulate"
    # Entered and imported figures first: where a document repeats one, the statistics win.
    readings = sorted(readings, key=lambda r: (r.source == "document", r.id))
    tracking = Tracking(target, goal, _series(target, readings, additive, regional=True))
    for level in wording.BENCHMARK_LEVELS:
        mine = [b for b in benchmarks if b.level == level]
        series = _series(target, mine, additive, regional=False)
        if series:
            tracking.benchmarks[level] = series
    if tracking.series:
        month, current = tracking.latest_month, tracking.latest
        tracking.judgement = trajectory.judge(goal, month, current, rules)
        tracking.status = trajectory.final_status(goal, tracking.series.get(12), rules)
        at_month = {level: by_month[month] for level, by_month in tracking.benchmarks.items() if month in by_month}
        tracking.gap = wording.gap_text(kind=target.kind, unit=target.unit, comparator=goal.comparator,
                                        path=goal.path, month=month, current=current, target=goal.value,
                                        judgement=tracking.judgement, benchmarks=at_month)
    return tracking
