"""Domain functions of the project ledger. Every change is one audited unit of work."""

from dataclasses import astuple, dataclass
from datetime import date

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from zhenxing import audit, cache, search
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_create, can_edit, covers
from zhenxing.db import write_lock
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.lookalikes import differs_by, twin_of
from zhenxing.org.reference import OrgReference, reference
from zhenxing.projects import plans
from zhenxing.projects.models import MAJOR_THRESHOLD, Project
from zhenxing.projects.rows import ListedProject
from zhenxing.projects.schemas import ProjectCreate, ProjectUpdate
from zhenxing.projects.stages import (
    DATED_STAGES,
    STAGE_LABELS,
    STAGES,
    check_plan,
    plan_field,
    plan_transition,
    stage_field,
)

SORTS = {
    "code": Project.code,
    "name": Project.name,
    "total_investment": Project.total_investment,
    "planned_investment": Project.planned_investment,
    "completed_investment": Project.completed_investment,
    "stage": case({stage: number for number, stage in enumerate(STAGES)}, value=Project.stage, else_=-1),
    "updated_at": Project.updated_at,
}
AUDITED = (
    "code", "name", "region", "lead_unit", "sponsor", "steward", "cluster", "track", "company",
    "total_investment", "planned_investment", "completed_investment", "stage", "status", "description",
    *(f"{prefix}{stage}_on" for stage in STAGES[1:] for prefix in ("plan_", "")),
)
REFERENCES = {"region_id": "region", "lead_unit_id": "unit", "sponsor_id": "person", "steward_id": "person"}
REFERENCE_NAMES = {"region": "region", "lead_unit": "unit", "sponsor": "person", "steward": "person"}
REFERENCE_LABELS = {"region": "所在地区", "unit": "牵头单位", "person": "人员"}
SEARCHED = [Project.name, Project.code, Project.company]


@dataclass
class ProjectFilters:
    region_id: int | None = None
    stage: str | None = None
    cluster: str | None = None
    track: str | None = None
    major: bool | None = None
    sponsor_id: int | None = None
    steward_id: int | None = None
    lead_unit_id: int | None = None
    status: str | None = None
    q: str | None = None


@dataclass
class ProjectListing:
    items: list[ListedProject]
    total: int
    page: int
    per_page: int
    by_stage: list[dict]


def snapshot(project: Project, names: OrgReference | None = None) -> dict:
    """The audited view of a project: references by name, so the trail reads on its own. With `names`
    (the cached organisation) the names come from the ids, without loading the referenced rows."""
    if names is None:
        values = {name: getattr(project, name, None) for name in AUDITED}
        for ref in REFERENCE_NAMES:
            values[ref] = values[ref].name if values[ref] is not None else None
        return values
    values = {name: getattr(project, name, None) for name in AUDITED if name not in REFERENCE_NAMES}
    for ref, kind in REFERENCE_NAMES.items():
        values[ref] = names.name_of(kind, getattr(project, f"{ref}_id"))
    return values


def scoped(query: Select, scope: Scope) -> Select:
    if scope.everything:
        return query
    if scope.role == "steward":
        return query.where(Project.steward_id == (scope.person_id or -1))
    conditions = []
    if scope.region_ids:
        conditions.append(Project.region_id.in_(scope.region_ids))
    if scope.unit_id is not None:
        conditions.append(Project.lead_unit_id == scope.unit_id)
    return query.where(or_(*conditions)) if conditions else query.where(Project.id.is_(None))


def _filtered(session: Session, query: Select, filters: ProjectFilters) -> Select:
    if filters.region_id is not None:
        query = query.where(Project.region_id.in_(reference(session).subtree(filters.region_id)))
    for column, value in (
        (Project.stage, filters.stage), (Project.cluster, filters.cluster), (Project.track, filters.track),
        (Project.sponsor_id, filters.sponsor_id), (Project.steward_id, filters.steward_id),
        (Project.lead_unit_id, filters.lead_unit_id), (Project.status, filters.status),
    ):
        if value not in (None, ""):
            query = query.where(column == value)
    if filters.major is True:
        query = query.where(Project.total_investment >= MAJOR_THRESHOLD)
    elif filters.major is False:
        query = query.where(Project.total_investment < MAJOR_THRESHOLD)
    if filters.q and filters.q.strip():
        query = query.where(search.contains(session, filters.q.strip(), SEARCHED, fts_table="search_projects",
                                            rowid=Project.id, bigram_table="search_bigrams"))
    return query


def select_projects(session: Session, *, scope: Scope, filters: ProjectFilters) -> Select:
    """The projects a scope may see that match the filters, unordered (the list and the export share it)."""
    return _filtered(session, scoped(select(Project), scope), filters)


def list_projects(
    *, session: Session, scope: Scope, filters: ProjectFilters, sort: str = "code", page: int = 1,
    per_page: int = 50,
) -> ProjectListing:
    column = SORTS.get(sort.lstrip("-"))
    if column is None:
        raise Rejected(f"不能按“{sort}”排序，可选：{', '.join(SORTS)}", field="sort")
    order = column.desc() if sort.startswith("-") else column.asc()
    page, per_page = max(page, 1), min(max(per_page, 1), 200)
    by_stage = _stage_summary(session, scope, filters)
    total = sum(row["count"] for row in by_stage)
    return ProjectListing(_page(session, scope, filters, order, page, per_page), total, page, per_page, by_stage)


# The per-stage summary of a filter set is computed once and reused until a write changes the ledger
# (or the region tree a region filter or a scope expands to): zhenxing.cache keys it by the database's
# stamps, which a trigger replaces on every write, so every worker and machine invalidates it together.
# Maintaining the counts incrementally was the other way; it would need a count per combination of the
# ten filters, and a free-text search can't be counted in advance at all.
_summaries = cache.StampedCache(size=1024)


def _stage_summary(session: Session, scope: Scope, filters: ProjectFilters) -> list[dict]:
    """Count and investment per stage of everything the filters select."""
    key = (tuple(cache.stamps(session).values()), scope, astuple(filters))
    return _summaries.get(key, lambda: _count_by_stage(session, scope, filters))


def _count_by_stage(session: Session, scope: Scope, filters: ProjectFilters) -> list[dict]:
    """One grouped scan of everything the filters select."""
    # With a text search every row is read anyway: group on an expression, or SQLite walks the stage
    # index and fetches the rows in random order (3× slower at 50,000 projects).
    stage = func.lower(Project.stage) if filters.q else Project.stage
    totals = select(stage, func.count(), func.coalesce(func.sum(Project.total_investment), 0))
    query = _filtered(session, scoped(totals, scope), filters).group_by(stage)
    counts = {stage: (count, int(total)) for stage, count, total in session.execute(query)}
    return [
        {"stage": s, "label": STAGE_LABELS[s], "count": counts.get(s, (0, 0))[0],
         "total_investment": counts.get(s, (0, 0))[1]}
        for s in STAGES
    ]


def _page(session: Session, scope: Scope, filters: ProjectFilters, order, page: int,
          per_page: int) -> list[ListedProject]:
    """One page of projects: sort and cut on the bare table, then load only those rows (names from the cache).

    Sorting the joined rows (region, units, people) made SQLite join every project before cutting the page.
    """
    ids_query = _filtered(session, scoped(select(Project.id), scope), filters)
    ids = list(session.scalars(ids_query.order_by(order, Project.id).limit(per_page).offset((page - 1) * per_page)))
    if not ids:
        return []
    names = reference(session)
    table = Project.__table__
    rows = {row["id"]: row for row in session.execute(select(table).where(table.c.id.in_(ids))).mappings()}
    return [ListedProject(rows[project_id], names) for project_id in ids]


def list_clusters(session: Session) -> list[str]:
    """The industry clusters in use, for filters and form suggestions."""
    query = select(Project.cluster).where(Project.cluster != "").distinct().order_by(Project.cluster)
    return list(session.scalars(query))


def _owners(project: Project) -> dict:
    return {"region_id": project.region_id, "lead_unit_id": project.lead_unit_id,
            "steward_id": project.steward_id}


def get_project(*, session: Session, scope: Scope, project_id: int, for_update: bool = False) -> Project:
    """The project if the scope covers it. `for_update`: lock its row until the transaction ends (PostgreSQL;
    SQLite's transaction already holds the write lock), so two changes at once apply one after the other,
    the second to what the first left — never both to the same stale read."""
    if for_update:
        write_lock(session)
    project = session.get(Project, project_id, with_for_update={"of": Project} if for_update else None,
                          populate_existing=for_update)
    if project is None:
        raise NotFound(f"项目 {project_id} 不存在", field="id")
    if not covers(scope, **_owners(project)):
        raise Forbidden("无权访问该项目：它不在您的管辖范围内", field="id")
    return project


def _check_references(names: OrgReference, values: dict) -> None:
    for field, kind in REFERENCES.items():
        ref = values.get(field)
        if ref is not None and names.name_of(kind, ref) is None:
            raise Rejected(f"{REFERENCE_LABELS[kind]} {field} = {ref} 不存在", field=field)


def _code_twin(session: Session, code: str) -> Project | None:
    """A project whose code differs from `code` only in case, width or spaces (XM-001 and xm-001)."""
    twin = twin_of(session, Project.code, code)
    return session.scalar(select(Project).where(Project.code == twin)) if twin is not None else None


def create_project(*, session: Session, actor: User, scope: Scope, data: ProjectCreate) -> Project:
    """One INSERT and one audit event; the references are checked and named from the cached organisation
    (a foreign key still guards the insert), and the new row is not read back: the ORM has it."""
    if not can_create(actor.role):
        raise Forbidden("当前角色不能新建项目")
    values = data.model_dump(exclude_none=True)
    names = reference(session)
    _check_references(names, values)
    if data.expansion_of_id is not None and session.get(Project, data.expansion_of_id) is None:
        raise Rejected(f"所扩建的项目 {data.expansion_of_id} 不存在", field="expansion_of_id")
    # Scope before uniqueness: a refused user learns nothing about other regions' codes.
    if not covers(scope, region_id=data.region_id, lead_unit_id=data.lead_unit_id, steward_id=data.steward_id):
        raise Forbidden("不能在本人管辖范围之外新建项目", field="region_id")
    write_lock(session)  # SQLite: the check below and the insert are one step (PostgreSQL: the unique index)
    taken = session.scalar(select(Project).where(Project.code == data.code)) or _code_twin(session, data.code)
    if taken is not None:
        if covers(scope, **_owners(taken)):
            raise Conflict(f"项目编号“{data.code}”已存在{differs_by(taken.code, data.code)}", field="code")
        raise Conflict(f"项目编号“{data.code}”不可用，请换一个编号", field="code")
    _check_plan(values)
    project = Project(**values)
    try:
        with session.begin_nested():  # the same code sent twice at once: the unique index refuses the second
            session.add(project)
            session.flush()
    except IntegrityError:
        raise Conflict(f"项目编号“{data.code}”已存在", field="code") from None
    plans.plan_new_project(session, project)  # 年度计划投资 is this year's plan
    audit.record(session, actor=actor, action="create", entity="project", entity_id=project.id,
                 summary=f"新建项目 {project.code} {project.name}",
                 changes=audit.diff({}, snapshot(project, names)))
    return project


class WithNames:
    """A project read with its references (region, unit, people) named from the cached organisation, for a
    response right after a write: reading them through the relationships would select each row again."""

    def __init__(self, project: Project, names: OrgReference) -> None:
        self._project, self._names = project, names

    def __getattr__(self, attribute: str):
        kind = REFERENCE_NAMES.get(attribute)
        if kind is None:
            return getattr(self._project, attribute)
        ref_id = getattr(self._project, f"{attribute}_id")
        return None if ref_id is None else {"id": ref_id, "name": self._names.name_of(kind, ref_id)}


def with_names(session: Session, project: Project) -> WithNames:
    return WithNames(project, reference(session))


def update_project(
    *, session: Session, actor: User, scope: Scope, project_id: int, data: ProjectUpdate
) -> Project:
    project = get_project(session=session, scope=scope, project_id=project_id, for_update=True)
    if not can_edit(actor.role):
        raise Forbidden("当前角色只能查看项目")
    values = data.model_dump(exclude_unset=True)
    for key, value in values.items():
        if value is None and not Project.__table__.c[key].nullable:
            raise Rejected(f"{key} 不能为空", field=key)
    _check_references(reference(session), values)
    _check_plan({**{key: getattr(project, key) for key in PLAN_CHECKED}, **values})
    return apply_changes(session=session, actor=actor, scope=scope, project=project, values=values)


PLAN_CHECKED = ("total_investment", "planned_investment", "completed_investment",
                *(plan_field(stage) for stage in DATED_STAGES))


def _check_plan(values: dict) -> None:
    """Refuse figures or planned dates that cannot both be true (stages.check_plan), naming the field."""
    problems = check_plan(values)
    if problems:
        field, message = problems[0]
        raise Rejected(message, field=field)


def apply_changes(*, session: Session, actor: User, scope: Scope, project: Project, values: dict,
                  action: str = "update") -> Project:
    """Write `values` onto a project and audit the difference (shared by edits and imports)."""
    owners = {**_owners(project), **{key: values[key] for key in _owners(project) if key in values}}
    if not covers(scope, **owners):
        raise Forbidden("不能把项目移出本人管辖范围", field="region_id")
    names = reference(session)
    audit.apply_changes(session, actor=actor, row=project, entity="project", changes=values,
                        snapshot=lambda row: snapshot(row, names), label=lambda p: f"修改项目 {p.code}",
                        action=action, refresh=False)
    moved = [ref for ref in REFERENCE_NAMES if f"{ref}_id" in values]
    if moved:
        session.expire(project, moved)  # the referenced rows are loaded again only if read
    if "planned_investment" in values:
        plans.mirror_to_plans(session, [project.id])  # 年度计划投资 is this year's plan
    return project


def stage_dates(project: Project) -> dict[str, date | None]:
    return {stage: getattr(project, stage_field(stage), None) for stage in STAGES[1:]}


def transition(
    *, session: Session, actor: User, scope: Scope, project_id: int, to: str, on: date,
    reason: str | None = None, today: date | None = None,
) -> Project:
    project = get_project(session=session, scope=scope, project_id=project_id, for_update=True)
    if not can_edit(actor.role):
        raise Forbidden("当前角色不能变更项目阶段")
    updates = plan_transition(
        current=project.stage, dates=stage_dates(project), to=to, on=on, role=actor.role,
        reason=reason, today=today or date.today(), status=project.status,
    )
    before = snapshot(project)
    came_from = project.stage
    for key, value in updates.items():
        setattr(project, key, value)
    project.stage = to
    session.flush()
    summary = f"{STAGE_LABELS[came_from]} → {STAGE_LABELS[to]}（{on.isoformat()}）"
    if reason:
        summary += f"，原因：{reason}"
    audit.record(session, actor=actor, action="stage", entity="project", entity_id=project.id,
                 summary=summary, changes=audit.diff(before, snapshot(project)))
    return project


def history(*, session: Session, scope: Scope, project_id: int) -> list[audit.AuditEvent]:
    get_project(session=session, scope=scope, project_id=project_id)
    return audit.list_events(session, entity="project", entity_id=project_id, limit=500)


def role_holders(session: Session) -> dict[str, list[tuple[int, str]]]:
    """The people who hold each role, for the list's 包保领导 and 项目管家 filters: a sponsor is someone who
    sponsors a project; a steward someone who stewards one or signs in as a 项目管家."""
    from zhenxing.auth.models import User
    from zhenxing.org.models import Person

    def people(*id_queries) -> list[tuple[int, str]]:
        ids = set().union(*(set(session.scalars(query)) for query in id_queries)) - {None}
        rows = session.scalars(select(Person).where(Person.id.in_(ids)).order_by(Person.name, Person.id)) if ids else []
        return [(person.id, person.label) for person in rows]

    return {
        "sponsors": people(select(Project.sponsor_id).distinct()),
        "stewards": people(select(Project.steward_id).distinct(),
                           select(User.person_id).where(User.role == "steward", User.active.is_(True))),
    }
