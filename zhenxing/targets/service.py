"""The target ledger: list targets and readings, write reviewed ones, map indicators to the catalogue."""

from dataclasses import replace
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhenxing import audit, ledger_filters
from zhenxing.auth import scoping
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_manage, can_supervise, reads_published
from zhenxing.documents import engine
from zhenxing.documents.models import Draft, Fact
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.ledger_filters import LedgerFilters
from zhenxing.org.models import Unit
from zhenxing.targets import trajectory
from zhenxing.targets.models import COMPARATORS, KINDS, TARGET_STATUSES, Benchmark, IndicatorMapping, Reading, Target

FIGURE_FIELDS = ("indicator", "written", "value", "unit", "kind", "comparator")


TargetFilters = LedgerFilters  # the ledgers filter alike


def list_targets(*, session: Session, scope: Scope, filters: TargetFilters) -> list[Target]:
    """The ledger's targets; a status filter (met/missed/open) applies to the status derived from readings."""
    from zhenxing.targets.tracking import track

    query = scoping.published(select(Target), scope, Target.region_id, Target.lead_unit_id)
    query = ledger_filters.apply(query, Target, replace(filters, status=None), Target.indicator)
    rows = list(session.scalars(query.order_by(Target.year.desc(), Target.id)).unique())
    if filters.status:
        if filters.status not in TARGET_STATUSES:
            raise Rejected(f"状态须为：{'、'.join(TARGET_STATUSES)}", field="status")
        tracked = track(session, rows)
        rows = [row for row in rows if tracked[row.id].status == filters.status]
    return rows


def list_readings(*, session: Session, scope: Scope | None, period: str | None = None,
                  indicator: str | None = None) -> list[Reading]:
    """Readings the scope reads (its regions' and the city-wide ones); scope None: all (internal use)."""
    query = select(Reading) if scope is None else scoping.published(select(Reading), scope, Reading.region_id)
    if period:
        query = query.where(Reading.period == period)
    if indicator:
        query = query.where(Reading.indicator == indicator)
    return list(session.scalars(query.order_by(Reading.period.desc(), Reading.id)).unique())


def list_benchmarks(*, session: Session, indicator: str | None = None) -> list[Benchmark]:
    query = select(Benchmark)
    if indicator:
        query = query.where(Benchmark.indicator == indicator)
    return list(session.scalars(query.order_by(Benchmark.indicator, Benchmark.period.desc(), Benchmark.level)))


def get_target(session: Session, target_id: int, scope: Scope | None = None) -> Target:
    """A target by id; with a scope, refused unless the user reads it (policy.reads_published)."""
    target = session.get(Target, target_id) if 0 < target_id < 2**31 else None
    if target is None:
        raise NotFound(f"目标 {target_id} 不存在", field="into_id")
    if scope is not None and not reads_published(scope, region_id=target.region_id,
                                                 lead_unit_id=target.lead_unit_id):
        raise Forbidden("无权查看该目标：它属于其他地区", field="target_id")
    return target


def get_reading(session: Session, reading_id: int) -> Reading:
    reading = session.get(Reading, reading_id) if 0 < reading_id < 2**31 else None
    if reading is None:
        raise NotFound(f"实绩 {reading_id} 不存在", field="into_id")
    return reading


def check_figure(values: dict) -> None:
    """A draft's figure must be complete before it enters the ledger."""
    if not str(values.get("indicator") or "").strip():
        raise Rejected("指标名称不能为空", field="indicator")
    try:
        Decimal(str(values.get("value")))
    except ArithmeticError:
        raise Rejected(f"数值“{values.get('value')}”无效", field="value") from None
    if values.get("kind") not in KINDS:
        raise Rejected(f"类型须为：{'、'.join(KINDS)}", field="kind")
    if values.get("comparator") not in COMPARATORS:
        raise Rejected(f"比较须为：{'、'.join(COMPARATORS)}", field="comparator")


def figure_values(values: dict) -> dict:
    row = {key: values.get(key) for key in FIGURE_FIELDS}
    row["value"] = Decimal(str(values["value"]))
    row["written"] = row["written"] or row["indicator"]
    row["unit"] = row["unit"] or ""
    return row


def snapshot(record: Target | Reading) -> dict:
    values = {key: getattr(record, key) for key in FIGURE_FIELDS}
    values["value"] = record.value_text
    for extra in ("year", "period", "lead_unit_id", "document_id", "quote", "start_value", "path", "profile"):
        if hasattr(record, extra):
            values[extra] = getattr(record, extra)
    return values


# --- indicators -------------------------------------------------------------------------------


def indicator_mapper(session: Session):
    """A function: indicator as written → (catalogue name, known?), the office's mappings read once."""
    mappings = dict(session.execute(select(IndicatorMapping.written, IndicatorMapping.indicator)).all())

    def mapped(written: str) -> tuple[str, bool]:
        if written in mappings:
            return mappings[written], True
        name = engine.catalogue_name(written)
        return (name, True) if name else (written, False)

    return mapped


def unknown_indicators(session: Session) -> list[dict]:
    """Indicators of stored facts that neither the catalogue nor a mapping knows, most frequent first."""
    rows = session.execute(select(Fact.indicator, func.count()).group_by(Fact.indicator)).all()
    mapped = set(session.scalars(select(IndicatorMapping.written)))
    unknown = [{"written": written, "count": count} for written, count in rows
               if written and written not in mapped and engine.catalogue_name(written) is None]
    return sorted(unknown, key=lambda row: (-row["count"], row["written"]))


def map_indicator(*, session: Session, actor: User, written: str, indicator: str) -> IndicatorMapping:
    """Map an indicator as written to a catalogue name; pending drafts and ledger rows follow."""
    if not can_manage(actor.role):
        raise Forbidden("只有项目办或管理员可以归并指标")
    written, indicator = written.strip(), indicator.strip()
    if not written or not indicator:
        raise Rejected("原文指标和目录指标都不能为空", field="indicator")
    mapping = session.scalar(select(IndicatorMapping).where(IndicatorMapping.written == written))
    before = {"indicator": mapping.indicator if mapping else None}
    if mapping is None:
        mapping = IndicatorMapping(written=written, indicator=indicator, created_by=actor.name)
        session.add(mapping)
    mapping.indicator = indicator
    for model in (Target, Reading):
        for record in session.scalars(select(model).where(model.written == written)):
            record.indicator = indicator
    for draft in session.scalars(select(Draft).where(Draft.status == "pending",
                                                     Draft.kind.in_(("target", "reading")))):
        if draft.payload.get("written") == written:
            draft.payload = {**draft.payload, "indicator": indicator, "catalogued": True}
    session.flush()
    audit.record(session, actor=actor, action="update", entity="indicator_mapping", entity_id=mapping.id,
                 summary=f"指标“{written}”归入“{indicator}”", changes=audit.diff(before, {"indicator": indicator}))
    return mapping


def export_targets(*, session: Session, scope: Scope, filters: TargetFilters) -> bytes:
    """目标台账.xlsx of the targets the filters select."""
    from zhenxing.documents.exports import TargetRow, targets_workbook

    rows = [TargetRow(indicator=t.indicator, value=t.value_text, unit=t.unit, kind=t.kind_label,
                      comparator=t.comparator_label, year=t.year,
                      source=t.document.title if t.document else "", quote=t.quote)
            for t in list_targets(session=session, scope=scope, filters=filters)]
    title = f"{filters.year}年目标台账" if filters.year else "目标台账"
    return targets_workbook(rows, title=title)


TARGET_EDITABLE = ("lead_unit_id", "start_value", "path", "profile")


def update_target(*, session: Session, actor: User, target_id: int, changes: dict) -> Target:
    """The office follows a target: its lead unit and its trajectory (start, path, profile). Its status is
    derived from its readings and cannot be typed."""
    if not (can_manage(actor.role) or can_supervise(actor.role)):
        raise Forbidden("只有督查室、项目办或管理员可以修改目标台账")
    target = get_target(session, target_id)
    for key in changes:
        if key not in TARGET_EDITABLE:
            why = "（状态由实绩自动得出）" if key == "status" else ""
            raise Rejected(f"目标不能修改字段“{key}”{why}", field=key)
    unit_id = changes.get("lead_unit_id")
    if unit_id is not None and (not 0 < unit_id < 2**31 or session.get(Unit, unit_id) is None):
        raise Rejected(f"牵头单位 {changes['lead_unit_id']} 不存在", field="lead_unit_id")
    if changes.get("path") not in (None, *trajectory.PATHS):
        raise Rejected(f"进度方式须为：{'、'.join(trajectory.PATHS)}", field="path")
    if "profile" in changes:
        try:
            changes["profile"] = trajectory.profile_text(trajectory.parse_profile(changes["profile"] or ""))
        except ValueError as error:
            raise Rejected(str(error), field="profile") from None
    return audit.apply_changes(session, actor=actor, row=target, entity="target", changes=changes,
                               snapshot=snapshot, label=lambda row: f"修改目标 {row.indicator}（{row.year}）")
