"""Reading and changing rule sets: versions kept forever, the latest one of a year (or the standing rules, or
the kind's default preset) in force, every change validated and audited."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.policy import can_edit_rules
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.rules.models import ALL_YEARS, RuleSet
from zhenxing.rules.registry import RuleKind, flatten, get_kind

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_NAME = 100
_CACHE = "zhenxing.rules"


@dataclass(frozen=True)
class RuleState:
    """The rules in force for a kind and year, and where they come from."""

    kind: str
    year: int | None  # the year asked about (None: the standing rules)
    source: str  # 'year' (set for that year), 'standing' (set for all years) or 'preset' (the default)
    version: int | None
    name: str
    data: Any
    value: Any
    set_by: str = ""
    set_at: datetime | None = None

    @property
    def source_label(self) -> str:
        return {"year": f"{self.year}年专用", "standing": "通用（各年适用）", "preset": "默认预设"}[self.source]


def _year_key(year: int | None) -> int:
    if year is None:
        return ALL_YEARS
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise Rejected(f"年份“{year}”无效：应在 {MIN_YEAR}–{MAX_YEAR} 之间", field="year")
    return year


def _latest(session: Session, kind: str, year_key: int, at: datetime | None = None) -> RuleSet | None:
    query = select(RuleSet).where(RuleSet.kind == kind, RuleSet.year == year_key)
    if at is not None:
        query = query.where(RuleSet.created_at <= at)
    return session.scalars(query.order_by(RuleSet.version.desc()).limit(1)).first()


def _state(session: Session, entry: RuleKind, year: int | None, at: datetime | None = None) -> RuleState:
    candidates = []
    if year is not None and entry.per_year:
        candidates.append(("year", _year_key(year)))
    elif year is not None:
        _year_key(year)
    candidates.append(("standing", ALL_YEARS))
    for source, key in candidates:
        row = _latest(session, entry.kind, key, at)
        if row is not None and row.active:
            return RuleState(kind=entry.kind, year=year, source=source, version=row.version, name=row.name,
                             data=row.data, value=entry.validate(row.data), set_by=row.created_by_name,
                             set_at=row.created_at)
    data = entry.preset_data()
    return RuleState(kind=entry.kind, year=year, source="preset", version=None, name=entry.default, data=data,
                     value=entry.validate(data))


def rule_state(session: Session, kind: str, year: int | None = None) -> RuleState:
    """The rules in force for `kind` in `year` (None: the standing rules), with their origin."""
    cache = session.info.setdefault(_CACHE, {})
    if (kind, year) not in cache:
        cache[(kind, year)] = _state(session, get_kind(kind), year)
    return cache[(kind, year)]


def active_rules(session: Session, kind: str, year: int | None = None) -> Any:
    """The validated rules (a model instance, or the parser's value) in force for `kind` in `year`:
    that year's rules, else the standing rules, else the kind's default preset. Cached per session."""
    return rule_state(session, kind, year).value


def rules_as_of(session: Session, kind: str, at: datetime, year: int | None = None) -> Any:
    """The rules that were in force at a past moment: a past period is judged by the rules of its time."""
    return _state(session, get_kind(kind), year, at).value


def _check_editor(actor: Any, entry: RuleKind) -> None:
    role = getattr(actor, "role", None)
    if actor is not None and not can_edit_rules(role, entry.editors):
        raise Forbidden(f"无权修改“{entry.label}”：只有{'、'.join(sorted(entry.editors))}角色可以修改")


def _add_version(session: Session, actor: Any, entry: RuleKind, year: int | None, data: Any, name: str,
                 active: bool) -> RuleSet:
    key = _year_key(year)
    if key != ALL_YEARS and not entry.per_year:
        raise Rejected(f"“{entry.label}”不分年度设置，请不要指定年份", field="year")
    before = _latest(session, entry.kind, key)
    version = (session.scalar(select(func.max(RuleSet.version)).where(RuleSet.kind == entry.kind,
                                                                       RuleSet.year == key)) or 0) + 1
    row = RuleSet(kind=entry.kind, year=key, version=version, name=name.strip()[:MAX_NAME], data=data,
                  active=active, created_by_id=getattr(actor, "id", None),
                  created_by_name=getattr(actor, "name", "") or "系统")
    session.add(row)
    try:
        session.flush()
    except (IntegrityError, OperationalError) as error:
        # Another editor took this version number first (PostgreSQL: unique violation; SQLite: our snapshot went
        # stale while we waited for the write lock): theirs stands, this one is refused whole.
        if isinstance(error, OperationalError) and "locked" not in str(error):
            raise
        raise Conflict(f"“{entry.label}”刚被他人修改，请刷新后重试") from error
    old = flatten(before.data) if before is not None and before.active else {}
    changes = audit.diff(old, flatten(data) if active else {})
    scope = f"{key}年" if key != ALL_YEARS else "通用"
    verb = "设置" if active else "撤销年度规则，恢复通用规则"
    audit.record(session, actor=actor, action="rules", entity="rule_set", entity_id=row.id,
                 summary=f"{entry.label}（{scope}）第{version}版{verb}" + (f"：{row.name}" if row.name else ""),
                 changes={"kind": entry.kind, **changes})
    session.info.pop(_CACHE, None)
    return row


def set_rules(session: Session, actor: Any, kind: str, data: Any, year: int | None = None, *,
              name: str = "") -> RuleSet:
    """Validate `data` and make it the rules of `kind` for `year` (None: the standing rules of every year
    without its own) as a new version; audited with before → after, field by field."""
    entry = get_kind(kind)
    _check_editor(actor, entry)
    if not isinstance(name, str) or len(name) > MAX_NAME:
        raise Rejected(f"名称最多 {MAX_NAME} 个字符", field="name")
    return _add_version(session, actor, entry, year, entry.normalize(data), name or "自定义", True)


def apply_preset(session: Session, actor: Any, kind: str, preset: str, year: int | None = None) -> RuleSet:
    entry = get_kind(kind)
    return set_rules(session, actor, kind, entry.preset_data(preset), year, name=preset)


def withdraw_rules(session: Session, actor: Any, kind: str, year: int) -> RuleSet:
    """Drop a year's own rules: the year follows the standing rules again (the history keeps both)."""
    entry = get_kind(kind)
    _check_editor(actor, entry)
    if year is None:
        raise Rejected("只能撤销某一年度的专用规则；通用规则请改为其他内容或选择预设", field="year")
    current = _latest(session, kind, _year_key(year))
    if current is None or not current.active:
        raise NotFound(f"“{entry.label}”在{year}年没有专用规则", field="year")
    return _add_version(session, actor, entry, year, None, "撤销", False)


def history(session: Session, kind: str, year: int | None = None, limit: int = 100) -> list[RuleSet]:
    """Versions of a kind, newest first (all years, or one year's and the standing ones)."""
    entry = get_kind(kind)
    query = select(RuleSet).where(RuleSet.kind == entry.kind)
    if year is not None:
        query = query.where(RuleSet.year.in_([_year_key(year), ALL_YEARS]))
    return list(session.scalars(query.order_by(RuleSet.created_at.desc(), RuleSet.id.desc()).limit(limit)))


def years_with_rules(session: Session, kind: str) -> list[int]:
    rows = session.scalars(select(RuleSet.year).where(RuleSet.kind == kind, RuleSet.year != ALL_YEARS).distinct())
    return sorted(rows, reverse=True)


def get_version(session: Session, kind: str, rule_set_id: int) -> RuleSet:
    row = session.get(RuleSet, rule_set_id)
    if row is None or row.kind != kind:
        raise NotFound(f"没有编号为 {rule_set_id} 的“{get_kind(kind).label}”版本")
    return row
