"""The keyword → lead-unit table (高标准农田 → 农业农村局) and matching a unit as written to the organisation's."""

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
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


def sync_defaults(session: Session) -> None:
    """Bring the installation's table up to the engine's defaults, which grow release by release: a default word
    added since the table was seeded is added, an untouched default row follows the engine's unit, a default the
    engine dropped goes.  A row the office changed (手工) or review taught (审核学得) is the installation's own, and a
    default the office deleted stays deleted (its tombstone row), so no upgrade brings it back.  Called wherever
    the table is read; it writes only when the engine's defaults and the table differ."""
    defaults = engine.DEFAULT_KEYWORD_UNITS
    rows = session.execute(select(KeywordUnit.keyword, KeywordUnit.unit_name, KeywordUnit.source,
                                  KeywordUnit.removed)).all()
    added = dict(defaults)
    for keyword, *_ in rows:
        added.pop(keyword, None)
    moved = {keyword for keyword, unit, source, removed in rows
             if source == "default" and not removed and keyword in defaults and unit != defaults[keyword]}
    dropped = {keyword for keyword, _, source, _ in rows if source == "default" and keyword not in defaults}
    if not (added or moved or dropped):
        return
    try:
        with session.begin_nested():  # two processes upgrading at once: the unique keyword refuses the second
            session.add_all(KeywordUnit(keyword=keyword, unit_name=unit, source="default")
                            for keyword, unit in added.items())
            changed = session.scalars(select(KeywordUnit).where(KeywordUnit.keyword.in_(moved | dropped))) \
                if moved or dropped else []
            for row in changed:
                if row.keyword in moved:
                    row.unit_name = defaults[row.keyword]
                else:
                    session.delete(row)
    except IntegrityError:
        return  # another process merged the same defaults; the next read sees them
    if rows:  # the first seeding of a new installation is no change anyone needs to read about
        audit.record(session, actor=None, action="update", entity="keyword_unit",
                     summary=f"默认关键词对照更新：新增 {len(added)} 条，"
                             f"改单位 {len(moved)} 条，移除 {len(dropped)} 条")


def _live_rows(session: Session) -> list[KeywordUnit]:
    sync_defaults(session)
    return list(session.scalars(select(KeywordUnit).where(KeywordUnit.removed.is_(False))
                                .order_by(KeywordUnit.unit_name, KeywordUnit.keyword)))


def keyword_table(session: Session) -> dict[str, str]:
    """The editable table (keyword → unit), with the engine's newer defaults merged in."""
    return {row.keyword: row.unit_name for row in _live_rows(session)}


def keyword_rows(session: Session) -> list[tuple[str, str, float]]:
    """The table as the engine weighs it: (keyword, unit, weight); a default row keeps the engine's weight
    for its word (农村 weighs less than 高标准农田), a learnt or manual row its own."""
    return [(row.keyword, row.unit_name,
             row.weight * (engine.default_weight(row.keyword) if row.source == "default" else 1.0))
            for row in _live_rows(session)]


def list_keywords(session: Session) -> list[KeywordUnit]:
    return _live_rows(session)


def set_keyword(*, session: Session, actor: User, keyword: str, unit_name: str) -> KeywordUnit:
    if not can_manage(actor.role):
        raise Forbidden("只有项目办或管理员可以修改关键词对照表")
    keyword, unit_name = keyword.strip(), unit_name.strip()
    if not keyword or not unit_name:
        raise Rejected("关键词和单位都不能为空", field="keyword" if not keyword else "unit_name")
    sync_defaults(session)
    row = session.scalar(select(KeywordUnit).where(KeywordUnit.keyword == keyword))
    before = {"unit_name": row.unit_name if row and not row.removed else None}
    if row is None:
        row = KeywordUnit(keyword=keyword, unit_name=unit_name, weight=1, source="manual")
        session.add(row)
    elif row.unit_name != unit_name or row.removed:
        row.source, row.weight = "manual", 1
    row.unit_name, row.removed = unit_name, False
    session.flush()
    audit.record(session, actor=actor, action="update", entity="keyword_unit", entity_id=row.id,
                 summary=f"关键词“{keyword}” → {unit_name}", changes=audit.diff(before, {"unit_name": unit_name}))
    return row


def delete_keyword(*, session: Session, actor: User, keyword_id: int) -> None:
    if not can_manage(actor.role):
        raise Forbidden("只有项目办或管理员可以修改关键词对照表")
    row = session.get(KeywordUnit, keyword_id)
    if row is None or row.removed:
        raise NotFound(f"关键词 {keyword_id} 不存在", field="id")
    audit.record(session, actor=actor, action="delete", entity="keyword_unit", entity_id=row.id,
                 summary=f"删除关键词“{row.keyword}”", changes={"unit_name": [row.unit_name, None]})
    if row.keyword in engine.DEFAULT_KEYWORD_UNITS:
        row.removed = True  # a tombstone: the engine's defaults must not bring the word back
    else:
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
        self.rows = keyword_rows(session)
        self.table = {keyword: unit for keyword, unit, _ in self.rows}
        units = session.execute(select(Unit.name, Unit.id, Unit.region_id)).all()
        self.units = {name: unit_id for name, unit_id, _ in units}
        self.regions = {name: region_id for name, _, region_id in units}

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
