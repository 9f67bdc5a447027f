"""Escalation ladders as data. Pure rules, no database.

A followed item (a problem, a task, a meeting decision, an appeal) has a due time; its ladder is an ordered
list of steps, each at an offset from the due time in one of the calendar's units (see `zhenxing.workdays`):
a step before the due time is a reminder, the ones after it escalate. `stand()` says which step an item has
reached at a moment, `reached()` every step it has passed (a job that ran late records all of them), and
`card()` the 黄牌/红牌 of the Shandong practice.

Defaults follow published practice (../shared/practice/README.md §A3, §B4):
- Shandong's hotline system shows a 黄牌 one working day before the deadline and a 红牌 from the first
  overdue day;
- a bureau-level rule sends a 催办通知书 on the first overdue day and a 书面通报批评 after five working days;
- hence 提醒 −1 workday → 催办 +1 workday → 督办 +3 workdays (督办单) → 通报 +5 workdays.
Cities tune these as rules data (supervision and appeals register their own ladders as rule kinds).
"""

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zhenxing.workdays import BEIJING, UNITS, Unit, WorkCalendar

Card = Literal["yellow", "red"]
CARDS: dict[str, str] = {"yellow": "黄牌", "red": "红牌"}
MAX_STEPS = 12
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
# Steps of different units are ordered by a nominal length (a working day counts as a day, a working hour as
# an hour); the real moments come from the calendar at run time.
_NOMINAL_HOURS = {"hours": 1, "workhours": 1, "days": 24, "workdays": 24}


class Step(BaseModel):
    """One rung: reached `offset` `unit`s after the due time (before it, when negative)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str = Field(title="代码", min_length=1, max_length=40, description="小写英文字母、数字、下划线，如 remind")
    label: str = Field(title="名称", min_length=1, max_length=20, description="如 提醒、催办、督办、通报")
    offset: int = Field(title="相对期限", ge=-366, le=366, description="相对于期限的时长，负数表示期限之前")
    unit: Unit = Field(default="workdays", title="单位", description="hours 小时 / days 自然日 / workdays 工作日 / "
                       "workhours 工作小时")

    def __init__(self, key: str | None = None, label: str | None = None, offset: int | None = None,
                 unit: str | None = None, **data):
        """Step('remind', '提醒', -1, 'workdays') or Step(key=…, label=…, offset=…, unit=…)."""
        for name, value in (("key", key), ("label", label), ("offset", offset), ("unit", unit)):
            if value is not None:
                data[name] = value
        super().__init__(**data)

    @field_validator("key")
    @classmethod
    def _plain_key(cls, key: str) -> str:
        if not _KEY.match(key):
            raise ValueError("代码应以小写英文字母开头，只含小写字母、数字和下划线（最多 40 个字符）")
        return key

    @property
    def nominal_hours(self) -> int:
        return self.offset * _NOMINAL_HOURS[self.unit]

    @property
    def when(self) -> str:
        """'期限前1个工作日', '逾期3个工作日', '到期时'."""
        if self.offset == 0:
            return "到期时"
        return f"{'期限前' if self.offset < 0 else '逾期'}{abs(self.offset)}个{UNITS[self.unit]}"


class Ladder(BaseModel):
    """Ordered steps with unique keys (checked when built)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    steps: tuple[Step, ...] = Field(title="步骤", min_length=1, max_length=MAX_STEPS)

    @field_validator("steps")
    @classmethod
    def _ordered_and_unique(cls, steps: tuple[Step, ...]) -> tuple[Step, ...]:
        keys = [step.key for step in steps]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise ValueError(f"步骤代码重复：{'、'.join(duplicates)}")
        for before, after in zip(steps, steps[1:], strict=False):
            if after.nominal_hours <= before.nominal_hours:
                raise ValueError(f"步骤应按时间先后排列：“{after.label}”（{after.when}）"
                                 f"不晚于前一步“{before.label}”（{before.when}）")
        return steps

    def __iter__(self):  # type: ignore[override]  # a ladder iterates over its steps
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def step(self, key: str) -> Step:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)


def make_ladder(*steps: Step) -> Ladder:
    return Ladder(steps=steps)


DEFAULT_LADDER = make_ladder(
    Step("remind", "提醒", -1, "workdays"),
    Step("urge", "催办", 1, "workdays"),
    Step("supervise", "督办", 3, "workdays"),
    Step("notify", "通报", 5, "workdays"),
)
CARD_LADDER = make_ladder(Step("yellow", "黄牌", -1, "workdays"), Step("red", "红牌", 0, "hours"))


def as_due(due: date | datetime, now: datetime | None = None) -> datetime:
    """A due date means the end of that day (Beijing time); a due datetime is itself. Given `now`, a naive due
    time is read as Beijing time when `now` is aware, so the two compare."""
    moment = due if isinstance(due, datetime) else datetime.combine(due, time.max)
    if now is not None and now.tzinfo is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=BEIJING)
    return moment


def _now(now: datetime, due: datetime) -> datetime:
    """A naive `now` against an aware due time is Beijing time."""
    return now.replace(tzinfo=BEIJING) if now.tzinfo is None and due.tzinfo is not None else now


def _steps(ladder: Ladder | Sequence[Step]) -> tuple[Step, ...]:
    return ladder.steps if isinstance(ladder, Ladder) else Ladder(steps=tuple(ladder)).steps


def step_time(due: date | datetime, step: Step, calendar: WorkCalendar) -> datetime:
    """The moment an item due at `due` reaches `step`."""
    return calendar.add_duration(as_due(due), step.offset, step.unit)


def reached(due: date | datetime, now: datetime, ladder: Ladder | Sequence[Step],
            calendar: WorkCalendar) -> list[Step]:
    """Every step whose moment has come (at or before `now`), in ladder order."""
    deadline = as_due(due, now)
    now = _now(now, deadline)
    return [step for step in _steps(ladder) if step_time(deadline, step, calendar) <= now]


def stand(due: date | datetime, now: datetime, ladder: Ladder | Sequence[Step],
          calendar: WorkCalendar) -> Step | None:
    """The furthest step reached at `now`, or None before the first one."""
    steps = reached(due, now, ladder, calendar)
    return steps[-1] if steps else None


def next_step(due: date | datetime, now: datetime, ladder: Ladder | Sequence[Step],
              calendar: WorkCalendar) -> tuple[Step, datetime] | None:
    """The first step still to come and when it comes, or None when all are reached."""
    deadline = as_due(due, now)
    now = _now(now, deadline)
    for step in _steps(ladder):
        moment = step_time(deadline, step, calendar)
        if moment > now:
            return step, moment
    return None


def card(due: date | datetime, now: datetime, calendar: WorkCalendar) -> Card | None:
    """'yellow' from one working day before the due time, 'red' once it has passed, else None.
    A due *date* is due at the end of that day, so its red card starts on the first overdue day."""
    deadline = as_due(due, now)
    now = _now(now, deadline)
    if now > deadline:
        return "red"
    if now >= calendar.add_duration(deadline, -1, "workdays"):
        return "yellow"
    return None
