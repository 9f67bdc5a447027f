"""Readings and benchmarks entered on a form, through the API, or imported from a statistics bureau's sheet.

One reading per indicator, region, period, kind and basis (a unique constraint): entering or importing the
same figure again corrects it (before → after in the audit trail), never duplicates it. An import is all
or nothing: every problem by row and column, and nothing written unless there are none.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import can_supervise
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.org.models import Region
from zhenxing.targets import statsheet
from zhenxing.targets.models import BASES, KINDS, Benchmark, Reading, Target
from zhenxing.targets.service import indicator_mapper
from zhenxing.targets.wording import BENCHMARK_LEVELS

MAX_VALUE = Decimal(10) ** 15


@dataclass(frozen=True)
class Figure:
    """A reading or benchmark to write: indicator (as written), period YYYY-MM, basis, kind, value, unit."""

    indicator: str
    period: str
    value: Decimal
    kind: str = "increase"
    basis: str = "ytd"
    unit: str = ""


@dataclass
class ImportReport:
    figures: int
    created: int
    updated: int
    unchanged: int
    dry_run: bool
    year: int | None
    problems: list[dict]


def require_tracker(actor: User) -> None:
    if not can_supervise(actor.role):
        raise Forbidden("只有督查室、项目办或管理员可以录入实绩和对标数据")


class IndicatorNames:
    """Indicator as written → the catalogue's name, knowing the catalogue, the office's mappings and the
    indicators of the target ledger; None for an indicator nobody knows."""

    def __init__(self, session: Session) -> None:
        self.mapped = indicator_mapper(session)
        self.targets = set(session.scalars(select(Target.indicator).distinct()))

    def __call__(self, written: str) -> str | None:
        written = written.strip()
        if written in self.targets:
            return written
        name, known = self.mapped(written)
        return name if known or name in self.targets else None


def unknown_message(written: str) -> str:
    return f"未知指标“{written[:60]}”：请使用目标台账或指标目录中的名称，或先在“指标归并”中登记"


def check_figure(figure: Figure) -> None:
    """Bounds and codes of one figure, with the field named."""
    if not figure.indicator.strip() or len(figure.indicator) > 200:
        raise Rejected("指标名称须为 1–200 个字", field="indicator")
    if not _period_ok(figure.period):
        raise Rejected(f"期间“{figure.period[:20]}”须为 YYYY-MM（如 2025-09）", field="period")
    if figure.basis not in BASES:
        raise Rejected(f"口径须为：{'、'.join(f'{k}（{v}）' for k, v in BASES.items())}", field="basis")
    if figure.kind not in KINDS:
        raise Rejected(f"类型须为：{'、'.join(KINDS)}", field="kind")
    if not figure.value.is_finite() or abs(figure.value) >= MAX_VALUE:
        raise Rejected("数值超出范围", field="value")
    if len(figure.unit) > 20:
        raise Rejected("单位不能超过 20 个字", field="unit")


def _period_ok(period: str) -> bool:
    return (len(period) == 7 and period[4] == "-" and period[:4].isdigit() and period[5:].isdigit()
            and 2000 <= int(period[:4]) <= 2100 and 1 <= int(period[5:]) <= 12)


def default_region(session: Session) -> Region | None:
    """The city: the root of the region tree, where a city's statistics belong unless told otherwise."""
    return session.scalar(select(Region).where(Region.parent_id.is_(None)).order_by(Region.id))


def _region_id(session: Session, region_id: int | None) -> int | None:
    if region_id is None:
        region = default_region(session)
        return region.id if region else None
    if not 0 < region_id < 2**31 or session.get(Region, region_id) is None:
        raise Rejected(f"地区 {region_id} 不存在", field="region_id")
    return region_id


def _snapshot(row: Reading | Benchmark) -> dict:
    return {"value": row.value_text, "unit": row.unit}


def _upsert(session: Session, model, key: dict, values: dict) -> tuple[object, str, dict]:
    """Create or correct one figure; ('created' | 'updated' | 'unchanged', changes)."""
    row = session.scalar(select(model).filter_by(**key).with_for_update(of=model))
    if row is None:
        row = model(**key, **values)
        session.add(row)
        session.flush()
        return row, "created", {}
    before = _snapshot(row)
    for name, value in values.items():
        setattr(row, name, value)
    row.updated_at = datetime.now(UTC)
    session.flush()
    session.refresh(row)
    changes = audit.diff(before, _snapshot(row))
    return row, "updated" if changes else "unchanged", changes


def _reading_key(figure: Figure, name: str, region_id: int | None) -> dict:
    return {"indicator": name, "region_id": region_id, "period": figure.period, "kind": figure.kind,
            "basis": figure.basis}


def _reading_values(figure: Figure, source: str) -> dict:
    return {"value": figure.value, "unit": figure.unit, "written": figure.indicator.strip(), "source": source,
            "comparator": "="}


def record_reading(*, session: Session, actor: User, figure: Figure, region_id: int | None = None) -> Reading:
    """Enter (or correct) one reading; refuses an indicator nobody knows."""
    require_tracker(actor)
    check_figure(figure)
    name = IndicatorNames(session)(figure.indicator)
    if name is None:
        raise Rejected(unknown_message(figure.indicator), field="indicator")
    region_id = _region_id(session, region_id)
    try:
        row, outcome, changes = _upsert(session, Reading, _reading_key(figure, name, region_id),
                                        _reading_values(figure, "entry"))
    except IntegrityError:
        raise Conflict("同一指标、地区、期间的实绩正被他人同时录入，请刷新后重试", field="indicator") from None
    if outcome != "unchanged":
        audit.record(session, actor=actor, action="create" if outcome == "created" else "update", entity="reading",
                     entity_id=row.id, summary=f"{'录入' if outcome == 'created' else '更正'}实绩：{name} "
                     f"{figure.period} {row.basis_label} {row.value_text}{row.unit}", changes=changes)
    return row


def record_benchmark(*, session: Session, actor: User, figure: Figure, level: str) -> Benchmark:
    """Enter (or correct) the provincial or national figure of an indicator for a period."""
    require_tracker(actor)
    check_figure(figure)
    if level not in BENCHMARK_LEVELS:
        raise Rejected(f"对标层级须为：{'、'.join(f'{k}（{v}）' for k, v in BENCHMARK_LEVELS.items())}", field="level")
    name = IndicatorNames(session)(figure.indicator)
    if name is None:
        raise Rejected(unknown_message(figure.indicator), field="indicator")
    key = {"indicator": name, "period": figure.period, "level": level, "kind": figure.kind, "basis": figure.basis}
    try:
        row, outcome, changes = _upsert(session, Benchmark, key,
                                        {"value": figure.value, "unit": figure.unit, "source": "entry"})
    except IntegrityError:
        raise Conflict("同一对标数据正被他人同时录入，请刷新后重试", field="indicator") from None
    if outcome != "unchanged":
        audit.record(session, actor=actor, action="create" if outcome == "created" else "update",
                     entity="benchmark", entity_id=row.id, changes=changes,
                     summary=f"录入{BENCHMARK_LEVELS[level]}对标：{name} {figure.period} {row.value_text}{row.unit}")
    return row


def delete_reading(*, session: Session, actor: User, reading_id: int) -> None:
    require_tracker(actor)
    row = session.get(Reading, reading_id) if 0 < reading_id < 2**31 else None
    if row is None:
        raise NotFound(f"实绩 {reading_id} 不存在", field="reading_id")
    audit.record(session, actor=actor, action="delete", entity="reading", entity_id=row.id,
                 summary=f"删除实绩：{row.indicator} {row.period} {row.value_text}{row.unit}",
                 changes={"value": [row.value_text, None]})
    session.delete(row)
    session.flush()


# --- the statistics sheet --------------------------------------------------------------------------


def import_sheet(*, session: Session, actor: User, data: bytes, filename: str, year: int | None = None,
                 region_id: int | None = None, level: str | None = None, dry_run: bool = False) -> ImportReport:
    """Import a bureau's sheet as the region's readings (or, with `level`, as 全省/全国 benchmarks).
    Any problem → Rejected with every problem by row and column; nothing is written."""
    require_tracker(actor)
    if level is not None and level not in BENCHMARK_LEVELS:
        raise Rejected(f"对标层级须为：{'、'.join(BENCHMARK_LEVELS)}", field="level")
    if year is not None and not 2000 <= year <= 2100:
        raise Rejected("年份须在 2000–2100 之间", field="year")
    region_id = _region_id(session, region_id) if level is None else None
    sheet = statsheet.read_sheet(data, filename=filename, year=year)
    names = IndicatorNames(session)
    problems = list(sheet.problems)
    for figure in sheet.figures:
        if names(figure.written) is None and not any(p.row == figure.row and p.column == "A" for p in problems):
            problems.append(statsheet.Problem(figure.row, "A", unknown_message(figure.written)))
    if problems:
        problems.sort(key=lambda p: (p.row, len(p.column), p.column))
        raise Rejected(f"文件“{filename}”有 {len(problems)} 处问题，未导入任何数据：{problems[0]}",
                       field="file", details=[p.as_dict() for p in problems[:200]])
    try:
        return _write_sheet(session, actor, sheet, names, filename, region_id, level, dry_run)
    except IntegrityError:
        raise Conflict("同一批数据正被他人同时导入，请稍后重试", field="file") from None


def _write_sheet(session: Session, actor: User, sheet: statsheet.Sheet, names: IndicatorNames, filename: str,
                 region_id: int | None, level: str | None, dry_run: bool) -> ImportReport:
    tally = {"created": 0, "updated": 0, "unchanged": 0}
    changes: dict[str, list] = {}
    savepoint = session.begin_nested()
    for cell in sheet.figures:
        figure = Figure(cell.written, f"{sheet.year:04d}-{cell.month:02d}", cell.value, cell.kind, cell.basis,
                        cell.unit)
        name = names(cell.written)
        if level is None:
            key, values, model = _reading_key(figure, name, region_id), _reading_values(figure, "import"), Reading
        else:
            key = {"indicator": name, "period": figure.period, "level": level, "kind": figure.kind,
                   "basis": figure.basis}
            values, model = {"value": figure.value, "unit": figure.unit, "source": "import"}, Benchmark
        _row, outcome, changed = _upsert(session, model, key, values)
        tally[outcome] += 1
        if changed:
            changes[f"{name} {figure.period} {figure.kind}"] = changed.get("value", [])
    report = ImportReport(len(sheet.figures), tally["created"], tally["updated"], tally["unchanged"], dry_run,
                          sheet.year, [])
    if dry_run:
        savepoint.rollback()
        return report
    savepoint.commit()
    what = f"{BENCHMARK_LEVELS[level]}对标数据" if level else "统计实绩"
    audit.record(session, actor=actor, action="import", entity="benchmark" if level else "reading",
                 summary=f"导入{what}“{filename}”（{sheet.year}年）：新增 {tally['created']}，"
                         f"更正 {tally['updated']}，未变 {tally['unchanged']}", changes=changes)
    return report
