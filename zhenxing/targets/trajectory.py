"""How far along its year a target should be, and where a reading puts it (pure: no database, no web).

A target either holds a level all year (a growth rate, a ratio, a ceiling: "地区生产总值增长6%" is judged
month by month against 6%) or accumulates towards its figure (a count or an amount: "新增就业1.8万人" should
be about 1.35万人 after nine months on a straight line, or follow the office's profile such as investment's
1-1-2). Progress = (current − start)/(target − start), clamped to 0–100% (Oslo's OKR rule); the judgement
compares it with the share of the year the trajectory expects, within a tolerance band held as data.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

ZERO, ONE = Decimal(0), Decimal(1)
PATHS = {"level": "全年保持", "accumulate": "逐月累计"}
STATES = {"ahead": "超进度", "on_track": "符合进度", "behind": "滞后", "none": "无实绩"}
FINALS = {"met": "已完成", "missed": "未完成", "open": "跟踪中"}
CEILING = "<="
SEGMENTS = (1, 2, 3, 4, 6, 12)  # a profile splits the year into this many equal parts


@dataclass(frozen=True)
class Rules:
    """The office's tolerances: a band of progress around the trajectory that still counts as on track,
    and how close to the figure a "左右" (about) target may end and still be met."""

    band: Decimal = Decimal("0.05")
    about: Decimal = Decimal("0.05")


@dataclass(frozen=True)
class Goal:
    """A target as the rules see it. `kind` is increase/decrease/level, `comparator` >= <= = ~."""

    value: Decimal
    comparator: str = ">="
    path: str = "level"
    start: Decimal = ZERO
    profile: tuple[Decimal, ...] | None = None


@dataclass(frozen=True)
class Judgement:
    state: str  # ahead / on_track / behind
    progress: Decimal  # clamped 0..1
    expected_share: Decimal  # 0..1, where the trajectory says the year should be
    expected_value: Decimal

    @property
    def state_label(self) -> str:
        return STATES[self.state]


def default_path(kind: str, unit: str, comparator: str) -> str:
    """Rates, ratios, growth figures and ceilings hold a level; counts and amounts accumulate."""
    if kind in ("increase", "decrease") or "%" in unit or "率" in unit or comparator == CEILING:
        return "level"
    return "accumulate"


def parse_profile(text: str) -> tuple[Decimal, ...] | None:
    """'1-1-2' or '1,2,3,4' → weights of equal parts of the year (3 parts of four months, quarters…).
    Empty means a straight line. Raises ValueError with a message for the office."""
    text = (text or "").strip()
    if not text:
        return None
    parts = [p for p in text.replace("，", "-").replace(",", "-").replace("：", "-").replace(":", "-")
             .replace("、", "-").replace(" ", "-").split("-") if p]
    try:
        weights = tuple(Decimal(p) for p in parts)
    except ArithmeticError:
        raise ValueError(f"进度权重“{text}”须为数字，如 1-1-2 或 1-2-3-4") from None
    check_profile(weights)
    return weights


def check_profile(weights: Sequence[Decimal]) -> None:
    if len(weights) not in SEGMENTS:
        raise ValueError(f"进度权重须把全年分成 {'、'.join(map(str, SEGMENTS))} 段之一（现有 {len(weights)} 段）")
    if any(not w.is_finite() or w < 0 or w > 1000 for w in weights) or sum(weights) <= 0:
        raise ValueError("进度权重须为 0 到 1000 之间的数，且不能全为 0")


def profile_text(profile: Sequence[Decimal] | None) -> str:
    return "-".join(format(w.normalize(), "f") for w in profile) if profile else ""


def expected_share(month: int, profile: Sequence[Decimal] | None = None) -> Decimal:
    """The share of the year's work due by the end of `month` (1–12): month/12 on a straight line, or the
    profile's cumulative weights, spread evenly over the months of each part."""
    if not 1 <= month <= 12:
        raise ValueError(f"月份须在 1 到 12 之间（{month}）")
    if not profile:
        return Decimal(month) / 12
    size = 12 // len(profile)
    total = sum(profile)
    whole, into = divmod(month, size)
    done = sum(profile[:whole], ZERO)
    if into:
        done += profile[whole] * Decimal(into) / size
    return done / total


def expected_value(goal: Goal, month: int) -> Decimal:
    if goal.path == "level":
        return goal.value
    return goal.start + (goal.value - goal.start) * expected_share(month, goal.profile)


def ratio(current: Decimal, start: Decimal, target: Decimal) -> Decimal:
    """(current − start)/(target − start), unclamped; a target equal to its start is all or nothing."""
    if target == start:
        return ONE if current >= target else ZERO
    return (current - start) / (target - start)


def clamp(value: Decimal) -> Decimal:
    return min(max(value, ZERO), ONE)


def judge(goal: Goal, month: int, current: Decimal, rules: Rules = Rules()) -> Judgement:
    """Where a year-to-date reading at the end of `month` puts the target."""
    share = ONE if goal.path == "level" else expected_share(month, goal.profile)
    expected = expected_value(goal, month)
    if goal.comparator == CEILING:
        return _judge_ceiling(goal, current, share, expected, rules)
    raw = ratio(current, goal.start, goal.value)
    if raw >= share + rules.band:
        state = "ahead"
    elif raw < share - rules.band:
        state = "behind"
    else:
        state = "on_track"
    return Judgement(state, clamp(raw), share, expected)


def _judge_ceiling(goal: Goal, current: Decimal, share: Decimal, expected: Decimal, rules: Rules) -> Judgement:
    """A ceiling (控制在…以内) is kept or broken; well under it (by the band) is ahead."""
    if current > expected:
        return Judgement("behind", ZERO, share, expected)
    margin = abs(expected) * rules.band
    return Judgement("ahead" if current < expected - margin else "on_track", ONE, share, expected)


def final_status(goal: Goal, year_end: Decimal | None, rules: Rules = Rules()) -> str:
    """met / missed from the full-year figure; open while there is none."""
    if year_end is None:
        return "open"
    tolerance = abs(goal.value) * rules.about if goal.comparator == "~" else ZERO
    if goal.comparator == CEILING:
        return "met" if year_end <= goal.value + tolerance else "missed"
    return "met" if year_end >= goal.value - tolerance else "missed"


def beats(current: Decimal, benchmark: Decimal, comparator: str) -> bool:
    """跑赢: above the benchmark, or below it for a ceiling (lower is better)."""
    return current <= benchmark if comparator == CEILING else current >= benchmark


# --- series ------------------------------------------------------------------------------------


def year_to_date(values: Mapping[tuple[int, str], Decimal], *, additive: bool) -> dict[int, Decimal]:
    """Year-to-date figures by month from readings keyed (month, basis): 'ytd' ones as they are; for
    additive figures (amounts, counts) the running sum of 'month' (当月) or 'quarter' (当季, keyed by the
    quarter's last month) ones where no ytd figure is given and no month or quarter is missing."""
    series = {month: value for (month, basis), value in values.items() if basis == "ytd"}
    if not additive:
        return dict(sorted(series.items()))
    for basis, step in (("month", 1), ("quarter", 3)):
        running = ZERO
        for month in range(step, 13, step):
            if (month, basis) not in values:
                break
            running += values[(month, basis)]
            series.setdefault(month, running)
    return dict(sorted(series.items()))
