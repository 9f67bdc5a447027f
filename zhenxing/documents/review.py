"""The review queue: the office accepts, edits, merges or rejects each draft. Every decision is audited.

Accept writes a new ledger record; merge writes the draft's values onto an existing record (its id,
number and status stay); reject changes no ledger. A candidate project that matched a ledger project
updates that project (its stage, when the document reports a later one) instead of creating a twin.
"""

from datetime import UTC, date, datetime

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from zhenxing import audit, labels
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_manage
from zhenxing.db import serialize, write_lock
from zhenxing.documents import learning
from zhenxing.documents.models import DRAFT_KINDS, DRAFT_STATUSES, Draft
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.org.models import Region
from zhenxing.projects import forms as project_forms
from zhenxing.projects import phases
from zhenxing.projects import service as projects
from zhenxing.projects.models import Project
from zhenxing.projects.schemas import ProjectCreate, ProjectUpdate
from zhenxing.projects.stages import STAGES
from zhenxing.targets import service as targets
from zhenxing.targets.models import Reading, Target
from zhenxing.tasks import service as tasks
from zhenxing.tasks.models import Task
from zhenxing.text import clean_text, quote

EDITABLE = {
    "target": ("indicator", "value", "unit", "kind", "comparator", "year", "lead_unit_id"),
    "reading": ("indicator", "value", "unit", "kind", "comparator", "period"),
    "task": ("content", "section", "lead_unit_id", "partner_units", "leader", "deadline"),
    "project": ("name", "stage", "planned_stage", "capacity", "capacity_unit", "total_investment", "region_id",
                "lead_unit_id"),
}
# What a project accepted from a document must have before it enters the ledger: without them it would be
# created with 0 investment, no lead unit, and at once flagged late.
ESSENTIAL = {"total_investment": "总投资", "region_id": "所在地区", "stage": "项目阶段", "lead_unit_id": "牵头单位"}


def require_reviewer(actor: User) -> None:
    if not can_manage(actor.role):
        raise Forbidden("只有项目办或管理员可以审核草稿")


ORDERS = {"position": "按原文顺序", "confidence": "存疑优先"}
DOUBTFUL = 0.7  # below this the engine is unsure: the reviewer checks these first


def list_drafts(
    *, session: Session, actor: User, kind: str | None = None, status: str | None = "pending",
    document_id: int | None = None, order: str = "position", max_confidence: float | None = None,
    min_confidence: float | None = None,
) -> list[Draft]:
    """The queue, in text order or doubtful first (`order="confidence"`), optionally only drafts whose
    confidence lies within [min_confidence, max_confidence]."""
    require_reviewer(actor)
    if order not in ORDERS:
        raise Rejected(f"排序须为：{'、'.join(ORDERS)}", field="order")
    for name, bound in (("max_confidence", max_confidence), ("min_confidence", min_confidence)):
        if bound is not None and not 0 <= bound <= 1:
            raise Rejected(f"{name} 须在 0 到 1 之间", field=name)
    query = select(Draft)
    if max_confidence is not None:
        query = query.where(Draft.confidence <= max_confidence)
    if min_confidence is not None:
        query = query.where(Draft.confidence >= min_confidence)
    if kind:
        if kind not in DRAFT_KINDS:
            raise Rejected(f"类别须为：{'、'.join(DRAFT_KINDS)}", field="kind")
        query = query.where(Draft.kind == kind)
    if status:
        if status not in DRAFT_STATUSES:
            raise Rejected(f"状态须为：{'、'.join(DRAFT_STATUSES)}", field="status")
        query = query.where(Draft.status == status)
    if document_id is not None:
        query = query.where(Draft.document_id == document_id)
    if order == "confidence":  # unmeasured (older) drafts first, then the least sure
        query = query.order_by(case((Draft.confidence.is_(None), 0), else_=1), Draft.confidence, Draft.id)
    else:
        query = query.order_by(Draft.document_id, Draft.start, Draft.id)
    return list(session.scalars(query).unique())


def get_draft(session: Session, draft_id: int, *, pending: bool = False) -> Draft:
    """The draft; `pending` also locks its row to the end of the transaction (PostgreSQL; SQLite's transaction
    holds the write lock already) and refuses one already decided — so when four reviewers accept the same
    draft at once, one creates the record and the others get 409."""
    if pending:
        write_lock(session)
    draft = session.get(Draft, draft_id, with_for_update={"of": Draft} if pending else None, populate_existing=pending)
    if draft is None:
        raise NotFound(f"草稿 {draft_id} 不存在", field="id")
    if pending and draft.status != "pending":
        raise Conflict(f"草稿 {draft_id} 已{draft.status_label}，不能再处理", field="id")
    return draft


def _snapshot(draft: Draft) -> dict:
    return {"status": draft.status, "result_id": draft.result_id, **draft.payload}


def _decide(session: Session, actor: User, draft: Draft, status: str, result_id: int | None,
            summary: str, changes: dict | None = None, shown: list | None = None) -> Draft:
    draft.merge_changes = shown if shown is not None else [
        row for value in (changes or {}).values() if isinstance(value, dict)
        for row in labels.readable(value, draft.kind)]
    before = _snapshot(draft)
    draft.status, draft.result_id = status, result_id
    draft.decided_by, draft.decided_at = actor.name, datetime.now(UTC)
    session.flush()
    audit.record(session, actor=actor, action="review", entity="draft", entity_id=draft.id, summary=summary,
                 changes={**audit.diff(before, _snapshot(draft)), **(changes or {})})
    return draft


def edit_draft(*, session: Session, actor: User, draft_id: int, changes: dict) -> Draft:
    """Change a pending draft's values (then accept it). Unknown fields are refused."""
    require_reviewer(actor)
    draft = get_draft(session, draft_id, pending=True)
    for key in changes:
        if key not in EDITABLE[draft.kind]:
            raise Rejected(f"{draft.kind_label}草稿没有可修改的字段“{quote(key)}”", field=key[:60])
    changes = {key: _bounded(key, value) for key, value in changes.items()}
    before = _snapshot(draft)
    payload = {**draft.payload, **changes}
    if draft.kind in ("target", "reading") and "indicator" in changes:
        payload["catalogued"] = True
    if "lead_unit_id" in changes:
        unit = tasks.resolve_unit_id(session, changes["lead_unit_id"])
        payload["lead_unit_name"] = unit.name if unit else ""
    _check_payload(session, draft.kind, payload)
    draft.payload = payload
    session.flush()
    audit.record(session, actor=actor, action="review", entity="draft", entity_id=draft.id,
                 summary=f"修改{draft.kind_label}草稿 {draft.id}", changes=audit.diff(before, _snapshot(draft)))
    return draft


# The longest each edited field may be (characters); others get DEFAULT_EDIT_LENGTH.
EDIT_LENGTHS = {"content": 2000, "name": 200, "section": 200, "partner_units": 500, "indicator": 100}
DEFAULT_EDIT_LENGTH = 60


def _bounded(key: str, value: object) -> object:
    """An edited value: text cleaned and bounded (an over-long name is refused, naming the field), numbers
    and empty values as they are; lists, objects and the like are refused."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if not isinstance(value, str):
        raise Rejected(f"字段 {key} 应为文字或数字", field=key)
    return clean_text(value, field=key, max_length=EDIT_LENGTHS.get(key, DEFAULT_EDIT_LENGTH),
                      multiline=key == "content")


def _check_payload(session: Session, kind: str, payload: dict) -> None:
    """An edit must leave a draft that could be accepted: the same checks as acceptance."""
    if kind in ("target", "reading"):
        targets.check_figure(payload)
    elif kind == "task":
        tasks.check_task(session, payload)
    else:
        if len(str(payload.get("name") or "").strip()) < 2:
            raise Rejected("项目名称至少 2 个字", field="name")
        total = payload.get("total_investment")
        if total is not None and not (isinstance(total, int) and 0 <= total < 10**9):
            raise Rejected("总投资须为 0 至 10 亿万元之间的整数（单位：万元）", field="total_investment")
        region = payload.get("region_id")
        if region is not None and (not 0 < region < 2**31 or session.get(Region, region) is None):
            raise Rejected("所在地区不存在，请从列表中选择", field="region_id")
        for key in ("stage", "planned_stage"):
            if payload.get(key) not in (None, "", *STAGES):
                raise Rejected(f"阶段须为：{'、'.join(STAGES)}", field=key)


def accept(*, session: Session, actor: User, scope: Scope, draft_id: int, as_new: bool = False) -> Draft:
    """Accept a draft. A project draft matched to a ledger project updates it, unless `as_new` (the
    reviewer says it is another project) or its name marks an expansion or later phase (扩建, 二期…)."""
    require_reviewer(actor)
    draft = get_draft(session, draft_id, pending=True)
    if draft.kind == "project":
        accepted = _accept_project(session, actor, scope, draft, as_new=as_new)
    else:
        accepted = ACCEPT[draft.kind](session, actor, scope, draft)
    learning.learn_lead_unit(session, actor, accepted)  # a corrected lead unit teaches the keyword table
    return accepted


def bulk_accept(*, session: Session, actor: User, scope: Scope, draft_ids: list[int]) -> list[Draft]:
    """Accept all or none: the first refusal rolls the whole request back."""
    require_reviewer(actor)
    if not draft_ids:
        raise Rejected("请选择要采纳的草稿", field="ids")
    return [accept(session=session, actor=actor, scope=scope, draft_id=draft_id) for draft_id in draft_ids]


def reject(*, session: Session, actor: User, draft_id: int, reason: str = "") -> Draft:
    require_reviewer(actor)
    draft = get_draft(session, draft_id, pending=True)
    draft.note = reason.strip()[:500]
    summary = f"驳回{draft.kind_label}草稿 {draft.id}" + (f"：{draft.note}" if draft.note else "")
    return _decide(session, actor, draft, "rejected", None, summary)


def reject_pending_of(*, session: Session, actor: User, document_id: int, note: str) -> int:
    """Reject every pending draft of a document (it was withdrawn), each decision audited; how many."""
    require_reviewer(actor)
    write_lock(session)
    drafts = list(session.scalars(select(Draft).where(Draft.document_id == document_id, Draft.status == "pending")
                                  .order_by(Draft.id).with_for_update(of=Draft)))
    for draft in drafts:
        draft.note = note[:500]
        _decide(session, actor, draft, "rejected", None, f"驳回{draft.kind_label}草稿 {draft.id}：{draft.note}")
    return len(drafts)


def merge(*, session: Session, actor: User, scope: Scope, draft_id: int, into_id: int) -> Draft:
    """Write the draft's values onto an existing record; `draft.merge_changes` then says what changed,
    as (label, before, after) rows (empty: the ledger already said so; only the source is recorded)."""
    require_reviewer(actor)
    draft = get_draft(session, draft_id, pending=True)
    return MERGE[draft.kind](session, actor, scope, draft, into_id)


def merge_preview(*, session: Session, actor: User, scope: Scope, draft_id: int,
                  into_id: int) -> list[tuple[str, str, str]]:
    """Exactly what merging would change, before → after: the merge itself, run and rolled back."""
    require_reviewer(actor)
    draft = get_draft(session, draft_id, pending=True)
    savepoint = session.begin_nested()
    try:
        return list(MERGE[draft.kind](session, actor, scope, draft, into_id).merge_changes)
    finally:
        savepoint.rollback()
        session.expire_all()


def project_outcome(session: Session, draft: Draft) -> dict:
    """What accepting a project draft will do, for the queue and the draft page: update a matched project
    (with the changes, before → after), or create a new one (an expansion names the project it extends),
    and which essential fields are still missing."""
    matched = _matched_project(session, draft)
    if matched is not None:
        plan = _merge_plan(matched, draft.payload)
        diff = {key: [getattr(matched, key), value] for key, value in plan.items()}
        return {"action": "update", "project": matched, "changes": project_forms.changes(diff)}
    values = _new_project_values(session, draft)
    original = session.get(Project, values["expansion_of_id"]) if values.get("expansion_of_id") else None
    missing = [label for key, label in ESSENTIAL.items() if not values.get(key)]
    return {"action": "create", "expansion_of": original, "missing": missing, "values": values}


# --- per kind ---------------------------------------------------------------------------------


def _figure(draft: Draft) -> dict:
    targets.check_figure(draft.payload)
    return targets.figure_values(draft.payload)


def _lead_unit_id(session: Session, payload: dict) -> int | None:
    if payload.get("lead_unit_id") is not None:
        return payload["lead_unit_id"]
    unit = tasks.resolve_unit(session, payload.get("lead_unit_name"))
    return unit.id if unit else None


def _accept_target(session: Session, actor: User, _scope: Scope, draft: Draft) -> Draft:
    values = _figure(draft)
    target = Target(**values, year=int(draft.payload.get("year") or draft.document.year),
                    region_id=draft.document.region_id, lead_unit_id=_lead_unit_id(session, draft.payload),
                    document_id=draft.document_id, quote=draft.quote)
    session.add(target)
    session.flush()
    return _decide(session, actor, draft, "accepted", target.id,
                   f"采纳目标：{target.indicator} {target.comparator_label}{target.value_text}{target.unit}")


def _accept_reading(session: Session, actor: User, _scope: Scope, draft: Draft) -> Draft:
    values = _figure(draft)
    reading = Reading(**values, period=str(draft.payload.get("period") or draft.document.review_year),
                      region_id=draft.document.region_id, document_id=draft.document_id, quote=draft.quote)
    session.add(reading)
    session.flush()
    return _decide(session, actor, draft, "accepted", reading.id,
                   f"采纳实绩：{reading.indicator} {reading.value_text}{reading.unit}（{reading.period}）")


def _task_payload(session: Session, draft: Draft) -> dict:
    payload = {**draft.payload, "lead_unit_id": _lead_unit_id(session, draft.payload)}
    tasks.check_task(session, payload)
    return payload


def _accept_task(session: Session, actor: User, _scope: Scope, draft: Draft) -> Draft:
    payload = _task_payload(session, draft)
    year = int(draft.payload.get("year") or draft.document.year)
    task = tasks.accept_draft(session=session, payload=payload, year=year, region_id=draft.document.region_id,
                              document_id=draft.document_id)
    return _decide(session, actor, draft, "accepted", task.id, f"采纳任务 {year}-{task.number}：{task.content[:40]}")


def _merge_figure(model, getter, snapshot):
    def merge_into(session: Session, actor: User, _scope: Scope, draft: Draft, into_id: int) -> Draft:
        record = getter(session, into_id)
        before = snapshot(record)
        for key, value in {**_figure(draft), "quote": draft.quote, "document_id": draft.document_id}.items():
            setattr(record, key, value)
        session.flush()
        return _decide(session, actor, draft, "merged", record.id,
                       f"{draft.kind_label}草稿 {draft.id} 并入{draft.kind_label}“{record.indicator}”（{record.id}）",
                       {draft.kind: audit.diff(before, snapshot(record))})
    return merge_into


def _merge_task(session: Session, actor: User, _scope: Scope, draft: Draft, into_id: int) -> Draft:
    task = tasks.get_task(session, into_id)
    before = tasks.snapshot(task)
    task = tasks.merge_draft(session=session, task_id=task.id, payload=_task_payload(session, draft),
                             document_id=draft.document_id)
    return _decide(session, actor, draft, "merged", task.id, f"任务草稿 {draft.id} 并入任务 {task.year}-{task.number}",
                   {"task": audit.diff(before, tasks.snapshot(task))})


def _project_code(session: Session, year: int) -> str:
    prefix = f"WJ{year}-"
    serialize(session, f"project-code-{prefix}")
    taken = set(session.scalars(select(Project.code).where(Project.code.like(f"{prefix}%"))))
    number = len(taken) + 1
    while f"{prefix}{number:03d}" in taken:
        number += 1
    return f"{prefix}{number:03d}"


def _plan_date(payload: dict) -> dict:
    """The promised stage of a plan (建成投产 in 2025) as its planned date: the end of that year."""
    stage, year = payload.get("planned_stage"), payload.get("year")
    if stage in STAGES[1:] and year:
        return {f"plan_{stage}_on": date(int(year), 12, 31)}
    return {}


def _matched_project(session: Session, draft: Draft, *, as_new: bool = False) -> Project | None:
    """The ledger project a project draft updates, if any: none for an expansion or later phase."""
    found = draft.payload.get("matched_project_id")
    project = session.get(Project, found) if found and not as_new else None
    if project is None or phases.is_expansion(str(draft.payload.get("name") or ""), project.name):
        return None
    return project


def _new_project_values(session: Session, draft: Draft, *, as_new: bool = False) -> dict:
    """The fields of the project a draft would create: the reviewer's, else the document's region, else
    (for an expansion) the original project's region and lead unit."""
    p = draft.payload
    original_id = p.get("expansion_of_id")
    matched = p.get("matched_project_id")
    if not original_id and matched and not as_new:
        project = session.get(Project, matched)
        if project is not None and phases.is_expansion(str(p.get("name") or ""), project.name):
            original_id = project.id
    original = session.get(Project, original_id) if original_id else None
    return {
        "total_investment": p.get("total_investment"), "stage": p.get("stage"),
        "region_id": p.get("region_id") or draft.document.region_id or (original.region_id if original else None),
        "lead_unit_id": p.get("lead_unit_id") or (original.lead_unit_id if original else None),
        "expansion_of_id": original.id if original else None,
    }


def _accept_project(session: Session, actor: User, scope: Scope, draft: Draft, *, as_new: bool = False) -> Draft:
    matched = _matched_project(session, draft, as_new=as_new)
    if matched is not None:
        return _update_project(session, actor, scope, draft, matched.id)
    document = draft.document
    values = _new_project_values(session, draft, as_new=as_new)
    missing = [key for key in ESSENTIAL if not values.get(key)]
    if missing:
        names = "、".join(ESSENTIAL[key] for key in missing)
        raise Rejected(f"新建项目须先填写{names}：请在草稿页填写后采纳", field=missing[0])
    name = str(draft.payload.get("name") or "").strip()
    original = session.get(Project, values["expansion_of_id"]) if values["expansion_of_id"] else None
    note = f"；为 {original.code} {original.name} 的扩建/续建" if original else ""
    data = ProjectCreate(code=_project_code(session, document.year), name=name, **_plan_date(draft.payload),
                         description=f"来自《{document.title}》：{draft.quote}{note}", **values)
    project = projects.create_project(session=session, actor=actor, scope=scope, data=data)
    summary = f"采纳项目：新建 {project.code} {project.name}" + (f"（扩建自 {original.code}）" if original else "")
    return _decide(session, actor, draft, "accepted", project.id, summary)


def _merge_plan(project: Project, payload: dict) -> dict:
    """What a mention of a ledger project changes on it: the stage the document reports (if later), the
    planned dates of the stages it promises (if still empty and ahead) and the total investment (if the
    ledger has none). The one rule behind the merge and its preview."""
    plan: dict = {}
    cue = payload.get("stage")
    if cue in STAGES and STAGES.index(cue) > STAGES.index(project.stage):
        plan["stage"] = cue
    stage = plan.get("stage", project.stage)
    for key, value in _plan_date(payload).items():
        if getattr(project, key) is None and STAGES.index(key[5:-3]) > STAGES.index(stage):
            plan[key] = value
    if payload.get("total_investment") and not project.total_investment:
        plan["total_investment"] = payload["total_investment"]
    return plan


def _update_project(session: Session, actor: User, scope: Scope, draft: Draft, project_id: int) -> Draft:
    """A mention of a ledger project: apply its merge plan (see _merge_plan) and say what changed."""
    project = projects.get_project(session=session, scope=scope, project_id=project_id)
    plan = _merge_plan(project, draft.payload)
    before = {key: getattr(project, key) for key in plan}
    if "stage" in plan:
        today = date.today()
        projects.transition(session=session, actor=actor, scope=scope, project_id=project.id, to=plan["stage"],
                            on=today, reason=f"据《{draft.document.title}》", today=today)
    rest = {key: value for key, value in plan.items() if key != "stage"}
    if rest:
        projects.update_project(session=session, actor=actor, scope=scope, project_id=project.id,
                                data=ProjectUpdate(**rest))
    diff = audit.diff(before, {key: getattr(project, key) for key in plan})
    summary = f"项目草稿 {draft.id} 并入 {project.code} {project.name}" + ("" if diff else "（台账无变化，仅记录出处）")
    return _decide(session, actor, draft, "merged", project.id, summary, {"project": diff},
                   shown=project_forms.changes(diff))


def _merge_project(session: Session, actor: User, scope: Scope, draft: Draft, into_id: int) -> Draft:
    return _update_project(session, actor, scope, draft, into_id)


ACCEPT = {"target": _accept_target, "reading": _accept_reading, "task": _accept_task}
MERGE = {
    "target": _merge_figure(Target, targets.get_target, targets.snapshot),
    "reading": _merge_figure(Reading, targets.get_reading, targets.snapshot),
    "task": _merge_task,
    "project": _merge_project,
}


# --- forms ------------------------------------------------------------------------------------

_NUMBERS = {"value": float, "year": int, "lead_unit_id": int, "capacity": float, "region_id": int,
            "total_investment": lambda raw: int(raw.replace(",", "").replace("，", ""))}


def form_changes(draft: Draft, form) -> dict:
    """The edited fields of a draft's form, converted, that differ from the draft."""
    changes = {}
    for key in EDITABLE[draft.kind]:
        if key not in form:
            continue
        raw = str(form.get(key) or "").strip()
        try:
            value = _NUMBERS[key](raw) if key in _NUMBERS and raw else (None if key in _NUMBERS else raw)
        except ValueError:
            raise Rejected(f"“{raw}”不是有效的数字", field=key) from None
        if value != draft.payload.get(key):
            changes[key] = value
    return changes


def merge_candidates(session: Session, draft: Draft) -> list[tuple[int, str]]:
    """Existing records a draft may be merged into, likeliest first."""
    if draft.kind == "project":
        from rapidfuzz import fuzz, process

        names = dict(session.execute(select(Project.id, Project.name)).all())
        found = process.extract(str(draft.payload.get("name", "")), names, scorer=fuzz.WRatio, limit=10)
        return [(key, f"{name}（相似度 {score:.0f}）") for name, score, key in found]
    if draft.kind == "task":
        rows = session.scalars(select(Task).order_by(Task.year.desc(), Task.number).limit(300))
        return [(t.id, f"{t.year}-{t.number} {t.content[:40]}") for t in rows]
    model = Target if draft.kind == "target" else Reading
    indicator = str(draft.payload.get("indicator", ""))
    rows = list(session.scalars(select(model).order_by(model.id.desc()).limit(500)))
    rows.sort(key=lambda r: r.indicator != indicator)
    return [(r.id, f"{r.indicator} {r.value_text}{r.unit}（{getattr(r, 'year', '') or getattr(r, 'period', '')}）")
            for r in rows[:50]]
