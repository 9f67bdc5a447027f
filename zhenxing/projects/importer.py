"""Excel in and out of the ledger: the all-or-nothing import, the scoped export, the blank template.

Import rules:
- rows are matched by 项目编号: a new code creates a project (audit "create"), a known code updates
  only the fields that differ (audit "update", before → after), an identical row writes nothing;
- stage and actual dates are taken as the ledger's truth (the office's bulk correction), but the
  actual dates must follow the stage order (checked by the reader);
- 所在地区 and 牵头单位 must name existing regions and units; 包保领导 and 项目管家 are matched by
  name (the earliest person of that name, or of a look-alike spelling: "张 三" is 张三); a name nobody
  has is an error listing the closest known names, unless the user chose to create the file's new
  people — the report lists the people created;
- a 项目编号 that only looks like a known one (jz-102 beside JZ-102) is an error, not a new project;
- any problem in any row → Rejected with every problem as details, and nothing is written;
- one "import" event summarises each import.

Everything is preloaded into dicts and written in bulk, so 10,000 rows take seconds, not minutes.
"""

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_manage
from zhenxing.errors import Forbidden, Rejected
from zhenxing.org import service as org
from zhenxing.org.models import Person, Region, Unit
from zhenxing.projects import excel, excel_template, plans
from zhenxing.projects.excel import LedgerRow, Problem
from zhenxing.projects.models import Project
from zhenxing.projects.service import AUDITED, PLAN_CHECKED, ProjectFilters, select_projects, snapshot
from zhenxing.projects.stages import DATED_STAGES, check_plan, check_stage_dates, stage_field
from zhenxing.text import lookalike_key

Progress = Callable[[int, int], None]
REFERENCE_FIELDS = {"region": "region_id", "lead_unit": "lead_unit_id", "sponsor": "sponsor_id",
                    "steward": "steward_id"}
REFERENCE_HEADERS = {"region": "所在地区", "lead_unit": "牵头单位", "sponsor": "包保领导", "steward": "项目管家"}
DEFAULTS: dict[str, Any] = {
    "lead_unit_id": None, "sponsor_id": None, "steward_id": None, "cluster": "", "track": None, "company": "",
    "total_investment": 0, "planned_investment": 0, "completed_investment": 0, "stage": "planned",
    "status": "active", "description": "",
    **{name: None for name in AUDITED if name.endswith("_on")},
}
CHUNK = 500


@dataclass
class ImportReport:
    file: str
    dry_run: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    people_created: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

    def as_dict(self) -> dict:
        return {"file": self.file, "dry_run": self.dry_run, "created": self.created, "updated": self.updated,
                "unchanged": self.unchanged, "people_created": self.people_created}


@dataclass
class _Names:
    """Name → id for regions, units and people, and id → name back for the audit trail and export."""

    regions: dict[str, int]
    units: dict[str, int]
    people: dict[str, int]
    by_id: dict[str, dict[int, str]]
    person_keys: dict[str, int] = field(default_factory=dict)  # lookalike_key → the earliest person
    new_people: dict[str, str] = field(default_factory=dict)  # lookalike_key → the file's first spelling

    @classmethod
    def load(cls, session: Session) -> "_Names":
        regions = session.execute(select(Region.id, Region.name)).all()
        units = session.execute(select(Unit.id, Unit.name)).all()
        people = session.execute(select(Person.id, Person.name).order_by(Person.id.desc())).all()
        person_names = dict(people)
        return cls(
            regions={name: rid for rid, name in regions},
            units={name: uid for uid, name in units},
            people={name: pid for pid, name in people},  # descending ids: the earliest of a name wins
            by_id={"region": dict(regions), "lead_unit": dict(units), "sponsor": person_names,
                   "steward": person_names},
            person_keys={lookalike_key(name): pid for pid, name in people},  # descending: earliest wins
        )

    def add_person(self, pid: int, name: str) -> None:
        self.people[name] = pid
        self.by_id["sponsor"][pid] = name  # the same dict serves "steward"


class _NewPerson(str):
    """A 包保领导/项目管家 not yet in the system: created only when the whole file is valid."""


def import_ledger(
    *, session: Session, actor: User | None, scope: Scope, data: bytes | IO[bytes] | Path, filename: str,
    dry_run: bool = False, on_progress: Progress | None = None, create_people: bool = False,
) -> ImportReport:
    """Read, check and apply a 项目台账 .xlsx in the caller's transaction; all rows or none.

    A 包保领导 or 项目管家 the system does not know is an error naming the closest known people (a misspelt
    name must not become a new person), unless `create_people`: the user's explicit choice to add them."""
    if not can_manage(scope.role):
        raise Forbidden("只有项目办或管理员可以导入项目台账", field="file")
    rows, problems = excel.read_ledger(data, filename=filename)
    names = _Names.load(session)
    resolved = [_resolve(row, names, problems, create_people) for row in rows]
    existing = _existing(session, [values["code"] for values in resolved if "code" in values])
    problems += _code_twins(session, rows, resolved, existing)
    problems += _merged_date_problems(rows, resolved, existing)
    problems += _plan_problems(rows, resolved, existing)
    if problems:
        _reject(filename, problems)
    if not rows:
        raise Rejected(f"文件“{filename}”中没有项目行", field="file")
    report = ImportReport(file=filename, dry_run=dry_run)
    report.people_created = sorted({v for values in resolved for v in values.values() if isinstance(v, _NewPerson)})
    if not dry_run:
        _create_people(session, report.people_created, names)
    new, changed = _plan(resolved, existing, names, report)
    if not dry_run:
        _write(session, actor, new, changed, names, len(rows), on_progress)
        if any("planned_investment" in values for values in resolved):  # 年度计划投资 is this year's plan
            plans.mirror_to_plans(session, _ids(session, [values["code"] for values in resolved]))
        _summarise(session, actor, report)
    return report


def _summarise(session: Session, actor: User | None, report: ImportReport) -> None:
    """The one "import" event of an import."""
    audit.record(session, actor=actor, action="import", entity="project",
                 summary=f"导入 {report.file}：新建 {report.created} 个、修改 {report.updated} 个、"
                         f"未变 {report.unchanged} 个",
                 changes={"file": [None, report.file], "created": [None, report.created],
                          "updated": [None, report.updated], "unchanged": [None, report.unchanged]})
    session.flush()


def _code_twins(session: Session, rows: list[LedgerRow], resolved: list[dict], existing: dict[str, Project]
                ) -> list[Problem]:
    """A new code that only looks like a known one (jz-102 beside JZ-102): an error, not a second project."""
    new = [(row, values["code"]) for row, values in zip(rows, resolved, strict=True)
           if values.get("code") and values["code"] not in existing]
    if not new:
        return []
    known = {lookalike_key(code): code for code in session.scalars(select(Project.code))}
    return [Problem(row.row, "项目编号", f"项目编号“{code}”与已有项目“{known[lookalike_key(code)]}”只差全角半角、"
                                       "大小写或空格：请使用系统中的编号")
            for row, code in new if lookalike_key(code) in known]


def _merged_date_problems(rows: list[LedgerRow], resolved: list[dict], existing: dict[str, Project]
                          ) -> list[Problem]:
    """Stage order of a known project whose file gives only some actual dates: the file's dates
    together with the dates already recorded (a file with every date column is checked by the reader)."""
    fields = {stage: stage_field(stage) for stage in DATED_STAGES}
    problems = []
    for row, values in zip(rows, resolved, strict=True):
        project = existing.get(values.get("code", ""))
        given = [field for field in fields.values() if field in values]
        if project is None or not given or len(given) == len(fields):
            continue
        dates = {stage: values[field] if field in values else getattr(project, field)
                 for stage, field in fields.items()}
        problems += [Problem(row.row, excel.actual_header(stage), f"{message}（与系统中已有日期比较）")
                     for stage, message in check_stage_dates(dates)]
    return problems


def _plan_problems(rows: list[LedgerRow], resolved: list[dict], existing: dict[str, Project]) -> list[Problem]:
    """Figures and planned dates that cannot both be true (stages.check_plan): the file's values over
    what the system already holds (a new project: over the defaults)."""
    headers = {column.field: column.header for column in excel.COLUMNS if column.field}
    problems = []
    for row, values in zip(rows, resolved, strict=True):
        project = existing.get(values.get("code", ""))
        base = {key: getattr(project, key) for key in PLAN_CHECKED} if project else dict(DEFAULTS)
        problems += [Problem(row.row, headers.get(field, field), message)
                     for field, message in check_plan({**base, **values})]
    return problems


def _reject(filename: str, problems: list[Problem]) -> None:
    order = {column.header: index for index, column in enumerate(excel.COLUMNS)}
    problems.sort(key=lambda p: (p.row, order.get(p.column, len(order))))
    raise Rejected(f"文件“{filename}”有 {len(problems)} 处错误，未导入任何数据", field="file",
                   details=[problem.as_dict() for problem in problems])


def _resolve(row: LedgerRow, names: _Names, problems: list[Problem], create_people: bool = False) -> dict[str, Any]:
    """The row's values with names replaced by ids; unknown regions and units become problems, and so do
    unknown people unless the user chose to create them."""
    values = dict(row.values)
    for ref in ("region", "lead_unit"):
        if ref not in values:
            continue
        name = values.pop(ref)
        table = names.regions if ref == "region" else names.units
        if name is not None and name not in table:
            what = "地区" if ref == "region" else "单位"
            problems.append(Problem(row.row, REFERENCE_HEADERS[ref], f"未知的{what}“{name}”，请使用系统中的名称"))
        values[REFERENCE_FIELDS[ref]] = table.get(name) if name is not None else None
    for ref in ("sponsor", "steward"):
        if ref in values:
            name = values.pop(ref)
            values[REFERENCE_FIELDS[ref]] = None if name is None else _person(row, ref, name, names, problems,
                                                                               create_people)
    return values


def _person(row: LedgerRow, ref: str, name: str, names: _Names, problems: list[Problem],
            create_people: bool) -> "int | _NewPerson":
    """A known person's id (exact name, else a look-alike spelling of one), or a new person the user chose
    to create (one per look-alike spelling in the file), or a problem listing the closest known names."""
    if name in names.people:
        return names.people[name]
    key = lookalike_key(name)
    if key in names.person_keys:
        return names.person_keys[key]
    if not create_people:
        problems.append(Problem(row.row, REFERENCE_HEADERS[ref], unknown_person(name, names.people)))
    return _NewPerson(names.new_people.setdefault(key, name))


def unknown_person(name: str, known: Iterable[str]) -> str:
    """The message for a name nobody in the system has: the closest known names, and the way to add it."""
    close = difflib.get_close_matches(name, list(known), n=5, cutoff=0.3)
    hint = f"系统中相近的有：{'、'.join(close)}" if close else "系统中没有相近的人员"
    return f"未知的人员“{name}”（{hint}）。如确为新人员，请勾选“新增文件中的新人员”后重新导入"


def _existing(session: Session, codes: list[str]) -> dict[str, Project]:
    found: dict[str, Project] = {}
    for start in range(0, len(codes), CHUNK):
        chunk = codes[start:start + CHUNK]
        found.update((p.code, p) for p in session.scalars(select(Project).where(Project.code.in_(chunk))).unique())
    return found


def _ids(session: Session, codes: list[str]) -> list[int]:
    return [pid for start in range(0, len(codes), CHUNK)
            for pid in session.scalars(select(Project.id).where(Project.code.in_(codes[start:start + CHUNK])))]


def _create_people(session: Session, people: list[str], names: _Names) -> None:
    if not people:
        return
    created = session.execute(insert(Person).returning(Person.id, Person.name, sort_by_parameter_order=True),
                              [{"name": name, "title": ""} for name in people])
    for pid, name in created:
        names.add_person(pid, name)


def _plan(resolved: list[dict], existing: dict[str, Project], names: _Names, report: ImportReport):
    """Split rows into new projects and (project, changed values); count the unchanged."""
    new: list[dict] = []
    changed: list[tuple[Project, dict]] = []
    for values in resolved:
        for key in ("sponsor_id", "steward_id"):
            if isinstance(values.get(key), _NewPerson):
                values[key] = names.people.get(values[key], values[key])  # still a name in a dry run
        project = existing.get(values["code"])
        if project is None:
            new.append({**DEFAULTS, **values})
            continue
        differs = {key: value for key, value in values.items() if getattr(project, key) != value}
        if differs:
            changed.append((project, differs))
        else:
            report.unchanged += 1
    report.created, report.updated = len(new), len(changed)
    return new, changed


def _write(session: Session, actor: User | None, new: list[dict], changed: list[tuple[Project, dict]],
           names: _Names, total: int, on_progress: Progress | None) -> None:
    id_names = names.by_id
    events = []
    done = 0
    for start in range(0, len(new), CHUNK):
        chunk = new[start:start + CHUNK]
        table = Project.__table__
        ids = session.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), chunk).all()
        for pid, values in zip(ids, chunk, strict=True):
            events.append(_event(actor, "create", pid, f"导入新建项目 {values['code']} {values['name']}",
                                 _created(_audited(values, id_names))))
        done += len(chunk)
        _tell(on_progress, done, total)
    for index, (project, values) in enumerate(changed, start=1):
        before = snapshot(project)
        after = {**before, **_audited(values, id_names)}
        for key, value in values.items():
            setattr(project, key, value)
        changes = audit.diff(before, after)
        events.append(_event(actor, "update", project.id, f"导入修改项目 {project.code}：{'、'.join(changes)}",
                             changes))
        if index % CHUNK == 0:
            _tell(on_progress, done + index, total)
    session.flush()
    for project, _values in changed:
        session.expire(project)  # its relationships (region, sponsor…) now point elsewhere
    for start in range(0, len(events), CHUNK):
        session.execute(insert(audit.AuditEvent), events[start:start + CHUNK])
    _tell(on_progress, total, total)


def _audited(values: dict, id_names: dict[str, dict[int, str]]) -> dict:
    """Project column values in the audit trail's terms: references by name."""
    shown = {key: value for key, value in values.items() if key in AUDITED}
    for ref, column in REFERENCE_FIELDS.items():
        if column in values:
            shown[ref] = id_names[ref].get(values[column]) if values[column] is not None else None
    return shown


def _created(after: dict) -> dict:
    """audit.diff({}, after), without its general-purpose cost (10,000 new projects add up)."""
    return {key: [None, value.isoformat() if isinstance(value, date) else value]
            for key, value in sorted(after.items()) if value is not None}


def _event(actor: User | None, action: str, entity_id: int, summary: str, changes: dict) -> dict:
    return {"actor_id": getattr(actor, "id", None), "actor_name": getattr(actor, "name", "") or "系统",
            "action": action, "entity": "project", "entity_id": entity_id, "summary": summary,
            "changes": changes}


def _tell(on_progress: Progress | None, done: int, total: int) -> None:
    if on_progress is not None:
        on_progress(done, total)


# --- export and template -------------------------------------------------------------------------

EXPORTED = ("code", "name", "region_id", "lead_unit_id", "sponsor_id", "steward_id", "cluster", "track",
            "company", "total_investment", "planned_investment", "completed_investment", "stage", "status",
            "description", *(name for name in AUDITED if name.endswith("_on")))


def export_ledger(*, session: Session, scope: Scope, filters: ProjectFilters, target: IO[bytes] | Path,
                  ) -> int:
    """Write the projects the scope sees and the filters select to an .xlsx; return how many."""
    return excel.write_ledger(iter_records(session=session, scope=scope, filters=filters), target)


def iter_records(*, session: Session, scope: Scope, filters: ProjectFilters) -> Iterator[dict]:
    """Plain ledger records (names, not ids) in code order, fetched in batches."""
    id_names = _Names.load(session).by_id
    columns = [getattr(Project, name) for name in EXPORTED]
    query = select_projects(session, scope=scope, filters=filters).with_only_columns(*columns)
    result = session.execute(query.order_by(Project.code).execution_options(yield_per=2000))
    for row in result:
        record = dict(zip(EXPORTED, row, strict=True))
        for ref, column in REFERENCE_FIELDS.items():
            record[ref] = id_names[ref].get(record.pop(column))
        yield record


def write_template(*, session: Session, target: IO[bytes] | Path) -> None:
    """The blank ledger with this city's regions and units in its drop-down lists."""
    regions = [region.name for region in org.list_regions(session)]
    units = [unit.name for unit in org.list_units(session)]
    excel_template.write_template(target, regions=regions, units=units)
