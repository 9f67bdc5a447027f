"""Supervised tasks: list them in scope, create and edit them, accept them from a document's drafts.

Units see their own tasks (lead) and the ones they help with (partner); the office, the 督查室 and
leaders read all (auth.policy.task_relation). Only the office and the 督查室 create and edit tasks.
"""

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, false, func, or_, select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_supervise, task_relation
from zhenxing.db import serialize
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.ledger_filters import LedgerFilters
from zhenxing.org.models import Person, Unit
from zhenxing.tasks import due
from zhenxing.tasks.keywords import (  # noqa: F401 - the documents area reads these through this module
    UnitSuggester,
    delete_keyword,
    keyword_rows,
    keyword_table,
    list_keywords,
    match_unit,
    resolve_unit,
    resolve_unit_id,
    set_keyword,
    sync_defaults,
)
from zhenxing.tasks.models import SOURCES, Milestone, Task, task_partners

MAX_PARTNERS = 30
MAX_MILESTONES = 12
TaskFilters = LedgerFilters  # the ledgers filter alike

# Fields of a task the office edits; partners, milestones and the deadline have their own rules below.
PLAIN_FIELDS = ("content", "section", "lead_unit_id", "leader_id", "source", "source_ref")


@dataclass(frozen=True)
class MilestoneData:
    due_on: date
    content: str
    done_on: date | None = None


def visible(query: Select, scope: Scope) -> Select:
    """The tasks a scope reads, as a SQL filter that says what auth.policy.task_relation says."""
    if scope.everything:
        return query
    if scope.role != "unit":
        return query.where(false())
    conditions = []
    if scope.unit_id is not None:
        helped = select(task_partners.c.task_id).where(task_partners.c.unit_id == scope.unit_id)
        conditions += [Task.lead_unit_id == scope.unit_id, Task.id.in_(helped)]
    if scope.region_ids:
        conditions.append(Task.region_id.in_(scope.region_ids))
    return query.where(or_(*conditions)) if conditions else query.where(false())


def relation(scope: Scope, task: Task) -> str | None:
    return task_relation(scope, lead_unit_id=task.lead_unit_id, partner_unit_ids={u.id for u in task.partners},
                         region_id=task.region_id)


def list_tasks(*, session: Session, scope: Scope, filters: TaskFilters | None = None) -> list[Task]:
    filters = filters or TaskFilters()
    query = visible(select(Task), scope)
    for name in ("year", "lead_unit_id", "document_id"):
        value = getattr(filters, name)
        if value is not None:
            query = query.where(getattr(Task, name) == value)
    if filters.q:
        query = query.where(Task.content.like(f"%{filters.q.strip()[:100]}%"))
    return list(session.scalars(query.order_by(Task.year.desc(), Task.number, Task.id)).unique())


def get_task(session: Session, task_id: int, scope: Scope | None = None) -> Task:
    """A task by id; with a scope, refused unless the user may read it."""
    task = session.get(Task, task_id) if 0 < task_id < 2**31 else None
    if task is None:
        raise NotFound(f"任务 {task_id} 不存在", field="task_id")
    if scope is not None and relation(scope, task) is None:
        raise Forbidden("无权查看该任务：只有牵头单位、配合单位、督查室和领导可以查看", field="task_id")
    return task


def next_number(session: Session, year: int) -> int:
    """The year's next task number, under a lock held to the end of the transaction: tasks created at once
    (ten drafts accepted together) get consecutive numbers, never one twice (a unique index backs this)."""
    serialize(session, f"task-number-{year}")
    return (session.scalar(select(func.max(Task.number)).where(Task.year == year)) or 0) + 1


def require_supervisor(actor: User) -> None:
    if not can_supervise(actor.role):
        raise Forbidden("只有督查室、项目办或管理员可以建立和修改督办任务")


def snapshot(task: Task) -> dict:
    values = {key: getattr(task, key) for key in (*PLAIN_FIELDS, "deadline", "due_on", "long_term", "unresolved")}
    values.update(number=task.number, year=task.year, lead_unit=task.lead_unit.name if task.lead_unit else None,
                  partners=task.partner_names, leader=task.leader.name if task.leader else None,
                  milestones=[f"{m.due_on.isoformat()} {m.content}" + (" ✓" if m.done_on else "")
                              for m in task.milestones])
    return values


# --- checks ---------------------------------------------------------------------------------------


def check_content(values: dict) -> None:
    content = str(values.get("content") or "").strip()
    if not content:
        raise Rejected("任务内容不能为空", field="content")
    if len(content) > 2000:
        raise Rejected("任务内容不能超过 2000 个字", field="content")
    if len(str(values.get("section") or "")) > 200:
        raise Rejected("所属部分不能超过 200 个字", field="section")
    if values.get("source", "manual") not in SOURCES:
        raise Rejected(f"来源须为：{'、'.join(f'{k}（{v}）' for k, v in SOURCES.items())}", field="source")
    if len(str(values.get("source_ref") or "")) > 200:
        raise Rejected("来源说明不能超过 200 个字", field="source_ref")


def exists(session: Session, model, record_id: object) -> bool:
    """Whether a row of `model` has this id (ids beyond the column's 32 bits exist nowhere)."""
    return isinstance(record_id, int) and 0 < record_id < 2**31 and session.get(model, record_id) is not None


def check_task(session: Session, values: dict) -> None:
    """A draft or an edit must name the task and real units: the same checks wherever a task comes from."""
    check_content(values)
    unit_id = values.get("lead_unit_id")
    if unit_id is not None and not exists(session, Unit, unit_id):
        raise Rejected(f"牵头单位 {unit_id} 不存在", field="lead_unit_id")
    leader_id = values.get("leader_id")
    if leader_id is not None and not exists(session, Person, leader_id):
        raise Rejected(f"责任领导 {leader_id} 不存在", field="leader_id")


def _partners(session: Session, ids: list[int], lead_unit_id: int | None) -> list[Unit]:
    if len(ids) > MAX_PARTNERS:
        raise Rejected(f"配合单位不能超过 {MAX_PARTNERS} 个", field="partner_unit_ids")
    units = []
    for unit_id in dict.fromkeys(ids):
        if not exists(session, Unit, unit_id):
            raise Rejected(f"配合单位 {unit_id} 不存在", field="partner_unit_ids")
        unit = session.get(Unit, unit_id)
        if unit_id != lead_unit_id:  # the lead unit is not its own partner
            units.append(unit)
    return units


def _milestones(items: list[MilestoneData], year: int) -> list[Milestone]:
    if len(items) > MAX_MILESTONES:
        raise Rejected(f"节点不能超过 {MAX_MILESTONES} 个", field="milestones")
    built = []
    for index, item in enumerate(items, 1):
        content = item.content.strip()
        if not content or len(content) > 500:
            raise Rejected(f"第 {index} 个节点的内容须为 1–500 个字", field="milestones")
        if not year - 1 <= item.due_on.year <= year + 10:
            raise Rejected(f"第 {index} 个节点的日期 {item.due_on} 不在任务年度附近", field="milestones")
        built.append(Milestone(due_on=item.due_on, content=content, done_on=item.done_on))
    return built


def quarterly_milestones(year: int, steps: list[str]) -> list[MilestoneData]:
    """Quarterly milestones as 大洼 decomposes a task: one step per quarter, due at the quarter's end."""
    ends = [date(year, 3, 31), date(year, 6, 30), date(year, 9, 30), date(year, 12, 31)]
    return [MilestoneData(end, step) for end, step in zip(ends, steps, strict=False) if step.strip()]


def _deadline(values: dict, year: int) -> dict:
    """The deadline as written, the date it means and the 长期 flag: an explicit date or flag wins over the
    phrase; a phrase alone is parsed by the shared deadline parser."""
    text = str(values.get("deadline") or "").strip()
    if len(text) > 40:
        raise Rejected("完成时限不能超过 40 个字", field="deadline")
    due_on, long_term = values.get("due_on"), values.get("long_term")
    if due_on is None and not long_term and text:
        due_on, long_term = due.parse(text, year)
    if due_on is not None and not year - 1 <= due_on.year <= year + 10:
        raise Rejected(f"完成时限 {due_on} 不在任务年度附近", field="due_on")
    return {"deadline": text or ("长期" if long_term else (due_on.isoformat() if due_on else "")),
            "due_on": None if long_term else due_on, "long_term": bool(long_term)}


# --- writes ---------------------------------------------------------------------------------------


def create_task(*, session: Session, actor: User | None, values: dict, partner_unit_ids: list[int] = (),
                milestones: list[MilestoneData] = (), region_id: int | None = None,
                document_id: int | None = None, unresolved: str = "") -> Task:
    """A new supervised task (by hand, from a meeting's decision, or from a document's draft).
    `actor` None is the system (the demo loader, a document review that checked its reviewer)."""
    if actor is not None:
        require_supervisor(actor)
    check_task(session, values)
    year = int(values.get("year") or date.today().year)
    if not 2000 <= year <= 2100:
        raise Rejected("年度须在 2000–2100 之间", field="year")
    task = Task(year=year, number=next_number(session, year), region_id=region_id, document_id=document_id,
                unresolved=unresolved[:2000], **{k: values.get(k) for k in PLAIN_FIELDS if k in values},
                **_deadline(values, year))
    task.source = values.get("source") or ("document" if document_id else "manual")
    task.partners = _partners(session, list(partner_unit_ids), task.lead_unit_id)
    task.milestones = _milestones(list(milestones), year)
    session.add(task)
    session.flush()
    audit.record(session, actor=actor, action="create", entity="task", entity_id=task.id,
                 summary=f"新建督办任务 {task.code}（{task.source_label}）：{task.content[:40]}",
                 changes=audit.diff({}, snapshot(task)))
    return task


def update_task(*, session: Session, actor: User, task_id: int, changes: dict,
                partner_unit_ids: list[int] | None = None, milestones: list[MilestoneData] | None = None) -> Task:
    require_supervisor(actor)
    task = get_task(session, task_id)
    unknown = set(changes) - {*PLAIN_FIELDS, "deadline", "due_on", "long_term"}
    if unknown:
        field = sorted(unknown)[0]
        raise Rejected(f"任务不能修改字段“{field}”", field=field)
    before = snapshot(task)
    merged = {**before, **changes}
    check_task(session, merged)
    for key in PLAIN_FIELDS:
        if key in changes:
            setattr(task, key, changes[key])
    if {"deadline", "due_on", "long_term"} & set(changes):
        dated = {k: changes.get(k) for k in ("deadline", "due_on", "long_term")}
        if "deadline" not in changes:
            dated["deadline"] = "" if dated.get("due_on") or dated.get("long_term") else task.deadline
        for key, value in _deadline(dated, task.year).items():
            setattr(task, key, value)
    if partner_unit_ids is not None:
        task.partners = _partners(session, partner_unit_ids, task.lead_unit_id)
    if milestones is not None:
        task.milestones = _milestones(milestones, task.year)
    session.flush()
    session.refresh(task)
    changed = audit.diff(before, snapshot(task))
    if changed:
        audit.record(session, actor=actor, action="update", entity="task", entity_id=task.id,
                     summary=f"修改督办任务 {task.code}：{'、'.join(changed)}", changes=changed)
    return task


# --- from a document's drafts (the interface the review queue uses) --------------------------------

NAME_SPLIT = re.compile(r"[、，,；;/\s]+|(?<=[局委办院部室队厅处所站])(?:和|及|与)")


def split_names(text: object) -> list[str]:
    """'市发展改革委、市财政局及市自然资源局' → three names; a list is taken as it is."""
    if isinstance(text, list | tuple):
        return [str(item).strip() for item in text if str(item).strip()]
    return [part.strip() for part in NAME_SPLIT.split(str(text or "")) if part.strip()]


def resolve_people(session: Session, text: str) -> tuple[Person | None, str]:
    """A leader as written ('王振国', '王振国副市长') → the Person, or (None, the text)."""
    text = text.strip()
    if not text:
        return None, ""
    people = list(session.scalars(select(Person).order_by(Person.id)))
    exact = [p for p in people if p.name == text or p.label == text or f"{p.name}{p.title}" == text]
    found = exact or [p for p in people if len(p.name) >= 2 and text.startswith(p.name)]
    return (found[0], "") if len(found) == 1 else (None, text)


def draft_fields(session: Session, payload: dict) -> dict:
    """A task draft's payload (content, section, lead_unit_id, partner_units as text or a list of names,
    leader as text, deadline as text) → the arguments of create_task, with unmatched names kept."""
    units = dict(session.execute(select(Unit.name, Unit.id)).all())
    partner_ids, missing = [], []
    for name in split_names(payload.get("partner_units")):
        found = match_unit(name, units)
        (partner_ids.append(units[found]) if found else missing.append(name))
    leader, leader_text = resolve_people(session, str(payload.get("leader") or ""))
    notes = ([f"配合单位（未匹配）：{'、'.join(missing)}"] if missing else []) + (
        [f"责任领导（未匹配）：{leader_text}"] if leader_text else [])
    values = {"content": payload.get("content"), "section": payload.get("section") or "",
              "lead_unit_id": payload.get("lead_unit_id"), "leader_id": leader.id if leader else None,
              "deadline": str(payload.get("deadline") or "")[:40], "year": payload.get("year")}
    return {"values": values, "partner_unit_ids": partner_ids, "unresolved": "；".join(notes)}


def accept_draft(*, session: Session, payload: dict, year: int, region_id: int | None,
                 document_id: int | None) -> Task:
    """A reviewed task draft becomes a supervised task (the caller checked the reviewer and audits)."""
    fields = draft_fields(session, {**payload, "year": year})
    fields["values"]["source"] = "document"
    return create_task(session=session, actor=None, region_id=region_id, document_id=document_id, **fields)


def merge_draft(*, session: Session, task_id: int, payload: dict, document_id: int | None) -> Task:
    """A draft's non-empty values onto an existing task (its number, reports and state stay)."""
    task = get_task(session, task_id)
    fields = draft_fields(session, {**payload, "year": task.year})
    values = {k: v for k, v in fields["values"].items() if v not in (None, "") and k != "year"}
    check_task(session, {**snapshot(task), **values})
    for key in ("content", "section", "lead_unit_id", "leader_id"):
        if key in values:
            setattr(task, key, values[key])
    if "deadline" in values:
        for key, value in _deadline({"deadline": values["deadline"]}, task.year).items():
            setattr(task, key, value)
    if fields["partner_unit_ids"]:
        task.partners = _partners(session, fields["partner_unit_ids"], task.lead_unit_id)
    if fields["unresolved"]:
        task.unresolved = "；".join(filter(None, (task.unresolved, fields["unresolved"])))[:2000]
    task.document_id = document_id
    session.flush()
    session.refresh(task)
    return task


def export_tasks(*, session: Session, scope: Scope, filters: TaskFilters) -> bytes:
    """任务分解表.xlsx of the tasks the filters select, numbered in ledger order."""
    from zhenxing.documents.exports import TaskRow, tasks_workbook

    rows = list_tasks(session=session, scope=scope, filters=filters)
    year = filters.year or (rows[0].year if rows else date.today().year)
    return tasks_workbook([TaskRow(content=t.content, lead_unit=t.lead_unit.name if t.lead_unit else "",
                                   partner_units=t.partner_names, leader=t.leader.label if t.leader else "",
                                   deadline=t.deadline) for t in rows], year=year)
