"""The keyword → lead-unit table (高标准农田 → 农业农村局) and matching a unit as written to the organisation's."""

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import can_manage
from zhenxing.documents import engine
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.org.models import Unit
from zhenxing.tasks.models import KeywordUnit

# Short forms people write for a unit, to the form unit names take (发改委 → 发展改革委).
SHORT_NAMES = {"发改委": "发展改革委", "工信局": "工业和信息化局", "人社局": "人力资源社会保障局",
               "住建局": "住房城乡建设局", "卫健委": "卫生健康委", "文旅局": "文化旅游和广播电视局",
               "营商局": "营商环境建设局"}


def keyword_table(session: Session) -> dict[str, str]:
    """The editable table, seeded from the engine's defaults the first time it is needed."""
    rows = session.execute(select(KeywordUnit.keyword, KeywordUnit.unit_name)).all()
    if not rows:
        for keyword, unit_name in engine.DEFAULT_KEYWORD_UNITS.items():
            session.add(KeywordUnit(keyword=keyword, unit_name=unit_name))
        session.flush()
        return dict(engine.DEFAULT_KEYWORD_UNITS)
    return dict(rows)


def keyword_rows(session: Session) -> list[tuple[str, str, float]]:
    """The table as the engine weighs it: (keyword, unit, weight); a default row keeps the engine's weight
    for its word (农村 weighs less than 高标准农田), a learnt or manual row its own."""
    keyword_table(session)
    rows = session.execute(select(KeywordUnit.keyword, KeywordUnit.unit_name, KeywordUnit.weight,
                                  KeywordUnit.source)).all()
    return [(keyword, unit, weight * (engine.default_weight(keyword) if source == "default" else 1.0))
            for keyword, unit, weight, source in rows]


def list_keywords(session: Session) -> list[KeywordUnit]:
    keyword_table(session)
    return list(session.scalars(select(KeywordUnit).order_by(KeywordUnit.unit_name, KeywordUnit.keyword)))


def set_keyword(*, session: Session, actor: User, keyword: str, unit_name: str) -> KeywordUnit:
    if not can_manage(actor.role):
        raise Forbidden("只有项目办或管理员可以修改关键词对照表")
    keyword, unit_name = keyword.strip(), unit_name.strip()
    if not keyword or not unit_name:
        raise Rejected("关键词和单位都不能为空", field="keyword" if not keyword else "unit_name")
    keyword_table(session)
    row = session.scalar(select(KeywordUnit).where(KeywordUnit.keyword == keyword))
    before = {"unit_name": row.unit_name if row else None}
    if row is None:
        row = KeywordUnit(keyword=keyword, unit_name=unit_name, weight=1, source="manual")
        session.add(row)
    elif row.unit_name != unit_name:
        row.source, row.weight = "manual", 1
    row.unit_name = unit_name
    session.flush()
    audit.record(session, actor=actor, action="update", entity="keyword_unit", entity_id=row.id,
                 summary=f"关键词“{keyword}” → {unit_name}", changes=audit.diff(before, {"unit_name": unit_name}))
    return row


def delete_keyword(*, session: Session, actor: User, keyword_id: int) -> None:
    if not can_manage(actor.role):
        raise Forbidden("只有项目办或管理员可以修改关键词对照表")
    row = session.get(KeywordUnit, keyword_id)
    if row is None:
        raise NotFound(f"关键词 {keyword_id} 不存在", field="id")
    audit.record(session, actor=actor, action="delete", entity="keyword_unit", entity_id=row.id,
                 summary=f"删除关键词“{row.keyword}”", changes={"unit_name": [row.unit_name, None]})
    session.delete(row)
    session.flush()


def match_unit(name: str | None, units: dict[str, int], level: str = "",
               prefer: Callable[[str], bool] | None = None) -> str | None:
    """A suggested unit name (农业农村局, 发改委) to the organisation's name for it (市农业农村局), if any:
    the same name, or the same department under another of its names (文化旅游局 = 市文化旅游和广播电视局).
    When the organisation has the department at several levels (市发展改革委, 凌海市发展和改革局), the one
    `prefer` picks (the document's region's), else the one of the text's `level` (县 → 县发展和改革局).  A department
    the organisation does not have is done by its stand-in (林业和草原局 → 市自然资源局, engine.stand_in)."""
    if not name:
        return None
    found = _match_unit(name, units, level, prefer)
    substitute = engine.stand_in(name) if found is None else None
    return _match_unit(substitute, units, level, prefer) if substitute else found


def _match_unit(name: str, units: dict[str, int], level: str = "",
                prefer: Callable[[str], bool] | None = None) -> str | None:
    if prefer is not None or level:
        same = [unit for unit in sorted(units) if engine.same_unit(unit, name)]
        if len(same) > 1:
            local = engine.local_name(engine.standard_name(name), level) if level else ""
            chosen = next((unit for unit in same if prefer is not None and prefer(unit)), None) or next(
                (unit for unit in same if local and unit.endswith(local)), None)
            if chosen:
                return chosen
    name = SHORT_NAMES.get(name.removeprefix("市"), name)
    for candidate in (name, f"市{name}", name.removeprefix("市")):
        if candidate in units:
            return candidate
    core = name.removeprefix("市")
    same_name = engine.canonical(core)
    return next((unit for unit in sorted(units) if core in unit), None) or next(
        (unit for unit in sorted(units) if same_name and engine.canonical(unit) == same_name), None)


def resolve_unit(session: Session, name: str | None) -> Unit | None:
    units = dict(session.execute(select(Unit.name, Unit.id)).all())
    found = match_unit(name, units)
    return session.get(Unit, units[found]) if found else None


class UnitSuggester:
    """The keyword table and the unit names, read once, to suggest the lead unit of many sentences."""

    def __init__(self, session: Session) -> None:
        self.table = keyword_table(session)
        rows = session.execute(select(Unit.name, Unit.id, Unit.region_id)).all()
        self.units = {name: unit_id for name, unit_id, _ in rows}
        self.regions = {name: region_id for name, _, region_id in rows}
        self.rows = keyword_rows(session)

    def resolve(self, name: str, level: str = "", region_id: int | None = None) -> tuple[int | None, str]:
        """(unit id if the organisation has the unit, the unit's name or the name as suggested); of a department
        the organisation has at several levels, the unit of the document's region or level."""
        prefer = (lambda unit: self.regions.get(unit) == region_id) if region_id is not None else None
        found = match_unit(name, self.units, level, prefer)
        return (self.units[found], found) if found else (None, name)

    def __call__(self, sentence: str, region_id: int | None = None) -> tuple[int | None, str]:
        """The unit suggested for a sentence, weighed as for tasks (learnt rows count their weight), of the
        document's region when the organisation has the department at several levels."""
        return self.resolve(engine.suggest_unit(sentence, self.rows) or "", region_id=region_id)


def resolve_unit_id(session: Session, unit_id: int | None) -> Unit | None:
    if unit_id is None:
        return None
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise Rejected(f"牵头单位 {unit_id} 不存在", field="lead_unit_id")
    return unit
