"""Correcting a document's year, date or region, and withdrawing (撤回) a mistaken document. Both audited.

Correcting the year (or the date) judges the document's figures again (documents.rejudge): pending drafts
change kind and year as the engine now reads them; the targets and readings accepted from it move to the
new year; the correction is refused, with the reason, when an accepted record would then disagree with
the document (a target that is now a result) or cannot move (tasks are numbered within their year).
Correcting the region moves the targets, readings and tasks accepted from it to the new region. Projects
accepted from a document are ledger projects in their own right and are not moved (the message says so).

Withdrawing takes a document out of the lists and the queue: its pending drafts are rejected, the records
accepted from it stay in their ledgers with their source shown as withdrawn, and its text may be imported
again (as a new document).
"""

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_manage
from zhenxing.db import write_lock
from zhenxing.documents import engine, rejudge, review, service
from zhenxing.documents.models import DRAFT_KINDS, Document, Draft
from zhenxing.errors import Conflict, Forbidden, Rejected
from zhenxing.org.models import Region
from zhenxing.targets.models import Reading, Target
from zhenxing.tasks import service as tasks
from zhenxing.tasks.models import Task
from zhenxing.text import clean_text

REASON_LENGTH = 500


@dataclass
class Outcome:
    """What a correction or withdrawal did, in sentences a person reads."""

    document: Document
    done: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        return "；".join(self.done)


def _require(actor: User) -> None:
    if not can_manage(actor.role):
        raise Forbidden("只有项目办或管理员可以更正或撤回文件")


def _document(session: Session, document_id: int, scope: Scope) -> Document:
    """The document, its row locked to the end of the transaction; a withdrawn one is not changed."""
    write_lock(session)
    document = service.get_document(session, document_id, scope)
    session.refresh(document, with_for_update={"of": Document})
    if document.withdrawn:
        raise Conflict(f"文件 {document_id} 已撤回，不能再更正或撤回", field="id")
    return document


def _reason(reason: str | None, *, required: bool) -> str:
    text = clean_text(reason or "", field="reason", max_length=REASON_LENGTH)
    if required and not text:
        raise Rejected("请写明撤回理由（如“误导入了其他地区的文件”）", field="reason")
    return text


def _region(session: Session, region: str | int | None) -> Region | None:
    """The region asked for: by id or by name; None when not asked."""
    if region is None or region == "":
        return None
    return service.resolve_region(session, region)


# --- correcting -----------------------------------------------------------------------------------


def correct(*, session: Session, actor: User, scope: Scope, document_id: int, year: int | None = None,
            region: str | int | None = None, date: dt.date | None = None, reason: str | None = None) -> Outcome:
    """Correct the year, the date and/or the region of a document (see the module's note)."""
    _require(actor)
    document = _document(session, document_id, scope)
    new_year = document.year if year is None else year
    new_region = _region(session, region) or document.region
    if not 2000 <= new_year <= 2100:
        raise Rejected(f"年度 {new_year} 无效：应在 2000 至 2100 之间", field="year")
    dated, source = _new_date(document, new_year, date)
    note = _reason(reason, required=False)
    before = _state(document)
    outcome = Outcome(document)
    if (new_year, dated) != (document.year, document.dated):
        _rejudge(session, actor, document, new_year, dated, outcome)
    if new_region is not None and new_region.id != document.region_id:
        _move_region(session, actor, document, new_region, outcome)
    document.year, document.dated, document.date_source = new_year, dated, source
    document.region = new_region
    session.flush()
    changes = audit.diff(before, _state(document))
    if not changes:
        raise Rejected("年度、文件日期和地区都与原来相同，没有要更正的内容", field="year")
    outcome.done[:0] = [f"{label} {changes[key][0] or '空'} → {changes[key][1] or '空'}"
                        for key, label in (("year", "年度"), ("dated", "文件日期"), ("region", "地区"))
                        if key in changes]
    if _has_accepted_projects(session, document):
        outcome.done.append("由本文件采纳的项目是台账项目，未随之改动，请在项目页核对其地区和计划日期")
    audit.record(session, actor=actor, action="update", entity="document", entity_id=document.id,
                 summary=f"更正文件《{document.title}》：" + outcome.message + (f"（理由：{note}）" if note else ""),
                 changes=changes)
    return outcome


def _state(document: Document) -> dict:
    return {"year": document.year, "dated": document.dated.isoformat() if document.dated else None,
            "date_source": document.date_source, "region": document.region.name if document.region else None}


def _new_date(document: Document, year: int, date: dt.date | None) -> tuple[dt.date | None, str]:
    """The date after the correction: the one given; the one given at import, if it fits the new year;
    else read from the text again against the new year."""
    if date is not None:
        service.check_date(date, year)
        return date, "given"
    if document.date_source == "given" and document.dated is not None:
        if not year - 1 <= document.dated.year <= year:
            raise Rejected(f"导入时指定的文件日期 {document.dated.isoformat()} 与年度 {year} 不符："
                           f"请同时更正文件日期", field="date")
        return document.dated, "given"
    found = engine.document_date(document.text, None, year)
    return found.date, found.source


def _rejudge(session: Session, actor: User, document: Document, year: int, dated: dt.date | None,
             outcome: Outcome) -> None:
    """Judge the document's figures against the new year and carry the drafts and records along."""
    old = document.year
    found = engine.extract_facts(document.text, str(document.id), dated, year)
    stances = {}
    for fact in found:
        start, end = service.locate(document.text, fact.quote, fact.start, fact.end)
        stances[(start, end, fact.indicator)] = fact.stance
    facts = {fact.id: fact for fact in service.facts_of(session, document.id)}
    drafts = list(session.scalars(select(Draft).where(Draft.document_id == document.id).order_by(Draft.id)))
    figures = [d for d in drafts if d.kind in ("target", "reading")]
    judged = {}
    for draft in figures:
        fact = facts.get(draft.fact_id)
        stance = stances.get((fact.start, fact.end, fact.indicator)) if fact else None
        judged[draft.id] = rejudge.figure_draft(kind=draft.kind, status=draft.status, payload=draft.payload,
                                                stance=stance, old_year=old, new_year=year)
    conflicts = [f"{j.conflict}（草稿 {draft_id}）" for draft_id, j in judged.items() if j.conflict]
    tasks_in_year = _accepted_tasks(session, document, old) if year != old else []
    if tasks_in_year:
        numbers = "、".join(f"{t.year}-{t.number}" for t in tasks_in_year[:5])
        conflicts.append(f"本文件已有 {len(tasks_in_year)} 条任务进入 {old} 年任务分解表（{numbers}"
                         f"{'等' if len(tasks_in_year) > 5 else ''}），任务按年度编号，不能随文件改年度")
    if conflicts:
        raise Conflict(f"未更正：改为 {year} 年后台账将与文件不一致——" + "；".join(conflicts[:5])
                       + "。如文件确实导错，可撤回后按正确年度重新导入", field="year")
    for fact in facts.values():  # the highlighted text and the fact table read as the engine now reads
        stance = stances.get((fact.start, fact.end, fact.indicator))
        by_hand = any(d.fact_id == fact.id and "engine_stance" in d.payload for d in figures)
        if stance and not by_hand:
            fact.stance = stance
    switched = {"target": 0, "reading": 0}
    suggest = tasks.UnitSuggester(session)
    for draft in figures:
        result = judged[draft.id]
        if result.switched:
            switched[result.kind] += 1
            draft.kind = result.kind
        if result.changes:
            payload = {**draft.payload, **result.changes}
            if result.switched and result.kind == "target" and not payload.get("lead_unit_id"):
                payload["lead_unit_id"], payload["lead_unit_name"] = suggest(draft.quote)
            draft.payload = payload
    for draft in drafts:
        if draft.kind in ("task", "project") and draft.status == "pending":
            moved = rejudge.moved_year(draft.payload.get("year"), old, year)
            if moved != draft.payload.get("year"):
                draft.payload = {**draft.payload, "year": moved}
    moved = _move_records(session, actor, document, old, year)
    pending = sum(d.status == "pending" for d in drafts)
    outcome.done += ([f"{count} 条待审核草稿改判为{DRAFT_KINDS[kind]}" for kind, count in switched.items() if count]
                     + ([f"{pending} 条待审核草稿的年度随之更正"] if pending and year != old else [])
                     + moved)


def _accepted(session: Session, document: Document, kind: str, model) -> list:
    """The records created by accepting this document's drafts of a kind (merged ones were others' first)."""
    ids = session.scalars(select(Draft.result_id).where(Draft.document_id == document.id, Draft.kind == kind,
                                                        Draft.status == "accepted", Draft.result_id.is_not(None)))
    ids = list(ids)
    return list(session.scalars(select(model).where(model.id.in_(ids)).order_by(model.id))) if ids else []


def _accepted_tasks(session: Session, document: Document, year: int) -> list[Task]:
    return [task for task in _accepted(session, document, "task", Task) if task.year == year]


def _has_accepted_projects(session: Session, document: Document) -> bool:
    return session.scalar(select(Draft.id).where(Draft.document_id == document.id, Draft.kind == "project",
                                                 Draft.status.in_(("accepted", "merged"))).limit(1)) is not None


def _move_records(session: Session, actor: User, document: Document, old: int, new: int) -> list[str]:
    """The targets (year) and readings (period) accepted from the document that carry its year."""
    done = []
    targets = [t for t in _accepted(session, document, "target", Target) if t.year == old]
    for target in targets:
        target.year = new
        audit.record(session, actor=actor, action="update", entity="target", entity_id=target.id,
                     summary=f"随文件《{document.title}》更正年度：{target.indicator} {old} → {new}",
                     changes={"year": [old, new]})
    readings = [r for r in _accepted(session, document, "reading", Reading)
                if r.period == str(rejudge.review_year(old))]
    for reading in readings:
        before, reading.period = reading.period, str(rejudge.review_year(new))
        audit.record(session, actor=actor, action="update", entity="reading", entity_id=reading.id,
                     summary=f"随文件《{document.title}》更正期间：{reading.indicator} {before} → {reading.period}",
                     changes={"period": [before, reading.period]})
    if targets:
        done.append(f"已采纳的目标 {len(targets)} 条改为 {new} 年")
    if readings:
        done.append(f"已采纳的实绩 {len(readings)} 条改为 {rejudge.review_year(new)} 年")
    return done


def _move_region(session: Session, actor: User, document: Document, region: Region, outcome: Outcome) -> None:
    """The targets, readings and tasks accepted from the document that carry its region move to the new one."""
    old = document.region_id
    counts = {}
    for kind, model in (("target", Target), ("reading", Reading), ("task", Task)):
        records = [r for r in _accepted(session, document, kind, model) if r.region_id == old]
        for record in records:
            record.region_id = region.id
            audit.record(session, actor=actor, action="update", entity=kind, entity_id=record.id,
                         summary=f"随文件《{document.title}》更正地区："
                                 f"{document.region.name if document.region else '空'} → {region.name}",
                         changes={"region_id": [old, region.id]})
        counts[kind] = len(records)
    outcome.done += [f"已采纳的{DRAFT_KINDS[kind]} {count} 条改为{region.name}" for kind, count in counts.items()
                     if count]


# --- withdrawing ----------------------------------------------------------------------------------


def withdraw(*, session: Session, actor: User, scope: Scope, document_id: int, reason: str) -> Outcome:
    """Withdraw a mistaken document (see the module's note)."""
    _require(actor)
    document = _document(session, document_id, scope)
    why = _reason(reason, required=True)
    rejected = review.reject_pending_of(session=session, actor=actor, document_id=document.id,
                                        note=f"文件已撤回：{why}")
    kept = service.counts_by_document(session, [document.id], status="accepted")[document.id]
    merged = service.counts_by_document(session, [document.id], status="merged")[document.id]
    document.status, document.withdrawn_by = "withdrawn", actor.name
    document.withdrawn_at, document.withdrawn_reason = dt.datetime.now(dt.UTC), why
    session.flush()
    outcome = Outcome(document, [f"已撤回《{document.title}》", f"驳回待审核草稿 {rejected} 条"])
    records = [f"{DRAFT_KINDS[kind]} {kept[kind] + merged[kind]} 条" for kind in DRAFT_KINDS
               if kept[kind] + merged[kind]]
    if records:
        outcome.done.append("已进入台账的" + "、".join(records) + "保留，来源标为已撤回文件")
    audit.record(session, actor=actor, action="withdraw", entity="document", entity_id=document.id,
                 summary=outcome.message + f"（理由：{why}）",
                 changes={"status": ["active", "withdrawn"], "withdrawn_reason": [None, why]})
    return outcome
