"""Pages: documents (upload, list, highlighted view) and the review queue."""

import datetime as dt
import json

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from zhenxing import files
from zhenxing.auth import service as accounts
from zhenxing.auth.policy import Scope, can_manage
from zhenxing.documents import corrections, engine, learning, review, service
from zhenxing.documents.models import DRAFT_KINDS, DRAFT_STATUSES, STANCES, plain_number
from zhenxing.errors import DomainError, Rejected
from zhenxing.org import service as org
from zhenxing.projects.stages import STAGE_LABELS
from zhenxing.targets import pages as target_pages
from zhenxing.targets import service as targets
from zhenxing.targets.models import COMPARATORS, KINDS
from zhenxing.tasks import pages as task_pages
from zhenxing.tasks import service as tasks
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.flash import saved
from zhenxing.web.forms import form_limits, read_form
from zhenxing.web.templating import render, templates

router = APIRouter()
SURE = 0.8  # "选中把握较大的": drafts at least this sure can be accepted together
templates.env.filters.setdefault("figure", plain_number)


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _date(value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Rejected(f"文件日期“{value}”无效：请写成 2024-01-10 的形式", field="date") from None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().lstrip("-").isdigit() else None


@router.get("/documents")
def document_list(request: Request, session: SessionDep, user: PageUser):
    return _document_list(request, session, user)


def _scope(session, user) -> Scope:
    return accounts.scope_for(session, user)


def _document_list(request: Request, session, user, error: DomainError | None = None, form: dict | None = None,
                   status_code: int = 200):
    shown = request.query_params.get("status", "active")
    shown = shown if shown in service.SHOWN else "active"
    documents = service.list_documents(session, _scope(session, user), shown)
    ids = [d.id for d in documents]
    counts = service.counts_by_document(session, ids)
    pending = ({id_: sum(found.values()) for id_, found in
                service.counts_by_document(session, ids, status="pending").items()}
               if can_manage(user.role) else {})
    return render(request, "documents/list.html", {
        "documents": documents, "counts": counts, "pending": pending, "can_ingest": can_manage(user.role),
        "regions": org.list_regions(session), "error": error, "form": form or {},
        "shown": shown, "shows": service.SHOWN,
    }, status_code=status_code)


@router.post("/documents")
@form_limits(text=("报告全文", service.MAX_TEXT))  # a pasted work report
async def document_upload(request: Request, session: SessionDep, user: PageUser):
    form = await read_form(request)
    values = {key: str(form.get(key) or "").strip() for key in ("title", "year", "region", "text", "date")}
    upload = form.get("file")
    try:
        if _int(values["year"]) is None:
            raise Rejected("请填写年度（如 2025）", field="year")
        name = ""
        if upload is not None and getattr(upload, "filename", ""):
            name = files.display_name(upload.filename)
            values["text"] = service.read_upload(name, await upload.read(files.LIMITS.upload_bytes + 1))
        result = service.ingest(session=session, actor=user, text=values["text"], year=int(values["year"]),
                                region=values["region"] or None, title=values["title"] or None, source_name=name,
                                date=_date(values["date"]))
    except DomainError as error:
        if error.status_code == 403:
            raise
        session.rollback()
        return _document_list(request, session, user, error, values, status_code=error.status_code)
    flag = "new" if result.created else "again"
    return _see_other(f"/documents/{result.document.id}?ingested={flag}")


@router.get("/documents/{document_id:int}")
def document_view(request: Request, document_id: int, session: SessionDep, user: PageUser):
    return _document_view(request, session, user, document_id)


def _document_view(request: Request, session, user, document_id: int, error: DomainError | None = None,
                   form: dict | None = None, status_code: int = 200):
    document = service.get_document(session, document_id, _scope(session, user))
    facts = service.facts_of(session, document_id)
    return render(request, "documents/view.html", {
        "document": document, "facts": facts, "pieces": service.highlighted(document.text, facts),
        "counts": service.draft_counts(session, document_id), "kinds": KINDS, "comparators": COMPARATORS,
        "ingested": request.query_params.get("ingested"), "can_review": can_manage(user.role),
        "regions": org.list_regions(session), "error": error, "form": form or {},
    }, status_code=status_code)


@router.post("/documents/{document_id:int}/correct")
async def document_correct(request: Request, document_id: int, session: SessionDep, user: PageUser,
                           scope: PageScope):
    """更正年度、文件日期、地区: only what the form changes (an unchanged or empty field stays)."""
    form = await read_form(request)
    values = {key: str(form.get(key) or "").strip() for key in ("year", "date", "region", "reason")}
    try:
        year = _int(values["year"]) if values["year"] else None
        if values["year"] and (year is None or not 0 < year < 10_000):
            raise Rejected(f"年度“{values['year']}”无效：请写成 2025 的形式", field="year")
        outcome = corrections.correct(session=session, actor=user, scope=scope, document_id=document_id,
                                      year=year, date=_date(values["date"]), region=values["region"] or None,
                                      reason=values["reason"])
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        session.rollback()
        return _document_view(request, session, user, document_id, error, {**values, "what": "correct"},
                              status_code=error.status_code)
    return saved(request, f"/documents/{document_id}", "已更正：" + outcome.message)


@router.post("/documents/{document_id:int}/withdraw")
async def document_withdraw(request: Request, document_id: int, session: SessionDep, user: PageUser,
                            scope: PageScope):
    form = await read_form(request)
    reason = str(form.get("reason") or "")
    try:
        outcome = corrections.withdraw(session=session, actor=user, scope=scope, document_id=document_id,
                                       reason=reason)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        session.rollback()
        return _document_view(request, session, user, document_id, error, {"reason": reason, "what": "withdraw"},
                              status_code=error.status_code)
    return saved(request, f"/documents/{document_id}", outcome.message)


# --- review -----------------------------------------------------------------------------------


@router.get("/review")
def review_queue(request: Request, session: SessionDep, user: PageUser):
    params = request.query_params
    chosen = {"kind": params.get("kind", ""), "status": params.get("status", "pending"),
              "document_id": params.get("document_id", ""),
              "order": params.get("order", "position") if params.get("order") in review.ORDERS else "position",
              "doubtful": "1" if params.get("doubtful") else ""}
    drafts = review.list_drafts(session=session, actor=user, kind=chosen["kind"] or None,
                                status=chosen["status"] or None, document_id=_int(chosen["document_id"]),
                                order=chosen["order"], max_confidence=review.DOUBTFUL if chosen["doubtful"] else None)
    outcomes = {d.id: review.project_outcome(session, d) for d in drafts
                if d.kind == "project" and d.status == "pending"}
    return render(request, "documents/review.html", {
        "drafts": drafts, "chosen": chosen, "kinds": DRAFT_KINDS, "statuses": DRAFT_STATUSES, "outcomes": outcomes,
        "documents": service.list_documents(session, _scope(session, user)), "stages": STAGE_LABELS,
        "comparators": COMPARATORS,
        "back": _queue_url(chosen), "orders": review.ORDERS, "doubtful": review.DOUBTFUL, "sure": SURE,
    })


def _queue_url(chosen: dict) -> str:
    query = "&".join(f"{k}={v}" for k, v in chosen.items() if v)
    return "/review" + (f"?{query}" if query else "")


def _back(form) -> str:
    back = str(form.get("back") or "/review")
    return back if back.startswith("/review") else "/review"




@router.post("/review/bulk-accept")
async def bulk_accept(request: Request, session: SessionDep, user: PageUser, scope: PageScope):
    form = await read_form(request)
    ids = [int(value) for value in form.getlist("ids") if str(value).isdigit() and len(str(value)) < 10]
    try:
        accepted = review.bulk_accept(session=session, actor=user, scope=scope, draft_ids=ids)
    except DomainError as error:
        if error.status_code == 403:
            raise
        session.rollback()
        return saved(request, _back(form), f"未采纳（所选草稿一条也未写入）：{error.message}")
    return saved(request, _back(form), f"已采纳 {len(accepted)} 条")


@router.post("/review/{draft_id:int}/accept")
async def accept(request: Request, draft_id: int, session: SessionDep, user: PageUser, scope: PageScope):
    form = await read_form(request)
    try:
        draft = review.accept(session=session, actor=user, scope=scope, draft_id=draft_id)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        session.rollback()  # e.g. a new project without its total investment: ask for it on the draft page
        return _draft_form(request, session, review.get_draft(session, draft_id), error, error.status_code,
                           user=user, scope=scope)
    return saved(request, _back(form), _done_message(draft))


def _done_message(draft) -> str:
    """What a decision did, in a sentence: for a merge, every change before → after."""
    if draft.status == "merged":
        changes = "；".join(f"{label} {before or '空'} → {after or '空'}"
                           for label, before, after in draft.merge_changes)
        return f"草稿 {draft.id} 已并入：" + (changes or "台账无变化（该记录已是这样），仅记录出处")
    return f"已采纳草稿 {draft.id}"


@router.post("/review/{draft_id:int}/reject")
async def reject(request: Request, draft_id: int, session: SessionDep, user: PageUser):
    form = await read_form(request)
    review.reject(session=session, actor=user, draft_id=draft_id, reason=str(form.get("reason") or ""))
    return saved(request, _back(form), f"已驳回草稿 {draft_id}")


@router.get("/review/{draft_id:int}")
def draft_form(request: Request, draft_id: int, session: SessionDep, user: PageUser, scope: PageScope):
    review.require_reviewer(user)
    return _draft_form(request, session, review.get_draft(session, draft_id), user=user, scope=scope)


def _draft_form(request: Request, session, draft, error: DomainError | None = None, status_code: int = 200, *,
                user, scope):
    candidates = review.merge_candidates(session, draft)
    pending = draft.status == "pending"
    outcome = review.project_outcome(session, draft) if draft.kind == "project" and pending else None
    into = draft.payload.get("matched_project_id") if draft.kind == "project" else None
    return render(request, "documents/draft.html", {
        "draft": draft, "error": error, "units": org.list_units(session), "kinds": KINDS,
        "comparators": COMPARATORS, "stages": STAGE_LABELS, "candidates": candidates, "outcome": outcome,
        "regions": org.list_regions(session), "into": into,
        "preview": _preview(session, user, scope, draft, into) if pending and into else None,
    }, status_code=status_code)


def _preview(session, user, scope, draft, into_id: int) -> list | str:
    """The merge's changes (before → after), or why it cannot be merged into that record."""
    try:
        return review.merge_preview(session=session, actor=user, scope=scope, draft_id=draft.id, into_id=into_id)
    except DomainError as error:
        if error.status_code == 403:
            raise
        return error.message


@router.get("/review/{draft_id:int}/merge-preview")
def merge_preview(request: Request, draft_id: int, session: SessionDep, user: PageUser, scope: PageScope):
    """What merging the draft into the chosen record would change (the draft page loads it on a choice)."""
    review.require_reviewer(user)
    draft = review.get_draft(session, draft_id)
    into = _int(request.query_params.get("into_id"))
    preview = None
    if into and draft.status == "pending" and 0 < into < 2**31:
        try:
            preview = review.merge_preview(session=session, actor=user, scope=scope, draft_id=draft_id,
                                           into_id=into)
        except DomainError as error:
            if error.status_code == 403:
                raise
            preview = error.message
    return render(request, "documents/_merge_preview.html", {"preview": preview, "into": into})


@router.post("/review/{draft_id:int}")
async def draft_save(request: Request, draft_id: int, session: SessionDep, user: PageUser, scope: PageScope):
    """Save the edited values; with 保存并采纳 accept right after, with 合并 merge into the chosen record."""
    review.require_reviewer(user)  # before anything: a refused user learns nothing, is told nothing "saved"
    form = await read_form(request)
    draft = review.get_draft(session, draft_id)
    action = form.get("action", "save")
    try:
        changes = review.form_changes(draft, form)
        if changes:
            review.edit_draft(session=session, actor=user, draft_id=draft_id, changes=changes)
        if action in ("accept", "accept_new"):
            draft = review.accept(session=session, actor=user, scope=scope, draft_id=draft_id,
                                  as_new=action == "accept_new")
        elif action == "merge":
            into = _int(str(form.get("into_id")))
            if not into or not 0 < into < 2**31:
                raise Rejected("请选择要并入的记录", field="into_id")
            draft = review.merge(session=session, actor=user, scope=scope, draft_id=draft_id, into_id=into)
    except DomainError as error:
        if error.status_code == 403:
            raise
        session.rollback()
        return _draft_form(request, session, review.get_draft(session, draft_id), error, error.status_code,
                           user=user, scope=scope)
    if action == "save":
        return saved(request, f"/review/{draft_id}", f"已保存草稿 {draft_id} 的修改")
    return saved(request, "/review", _done_message(draft))


@router.post("/review/{draft_id:int}/switch-stance")
def switch_stance(request: Request, draft_id: int, session: SessionDep, user: PageUser):
    draft = learning.switch_stance(session=session, actor=user, draft_id=draft_id)
    return saved(request, f"/review/{draft_id}", f"已改为{draft.kind_label}，并记为立场更正示例")


@router.get("/review/examples")
def stance_examples(request: Request, session: SessionDep, user: PageUser):
    return render(request, "documents/examples.html", {
        "examples": learning.list_examples(session=session, actor=user), "stances": STANCES})


@router.get("/review/examples.jsonl")
def stance_examples_jsonl(session: SessionDep, user: PageUser):
    """The examples as SPEC gold records, one per line: a corpus to measure the engine on this office's texts."""
    lines = "".join(json.dumps(e.to_record(), ensure_ascii=False) + "\n"
                    for e in learning.list_examples(session=session, actor=user))
    return Response(lines, media_type="application/x-ndjson",
                    headers={"Content-Disposition": 'attachment; filename="stance-examples.jsonl"'})


@router.post("/review/examples/{example_id:int}/delete")
def stance_example_delete(request: Request, example_id: int, session: SessionDep, user: PageUser):
    learning.delete_example(session=session, actor=user, example_id=example_id)
    return saved(request, "/review/examples", "已删除示例")


# --- the office's lookup tables ---------------------------------------------------------------


def _lookup_table(request: Request, name: str, **context):
    """A lookup table the reviewers keep, with the note of the last change ("done")."""
    return render(request, name, context)


@router.get("/review/keywords")
def keyword_table(request: Request, session: SessionDep, user: PageUser):
    review.require_reviewer(user)
    return _lookup_table(request, "documents/keywords.html",
                         keywords=tasks.list_keywords(session), units=org.list_units(session))


@router.post("/review/keywords")
async def keyword_save(request: Request, session: SessionDep, user: PageUser):
    form = await read_form(request)
    row = tasks.set_keyword(session=session, actor=user, keyword=str(form.get("keyword") or ""),
                            unit_name=str(form.get("unit_name") or ""))
    return saved(request, "/review/keywords", f"已保存：{row.keyword} → {row.unit_name}")


@router.post("/review/keywords/{keyword_id:int}/delete")
def keyword_delete(request: Request, keyword_id: int, session: SessionDep, user: PageUser):
    tasks.delete_keyword(session=session, actor=user, keyword_id=keyword_id)
    return saved(request, "/review/keywords", "已删除")


@router.get("/review/indicators")
def indicator_mapping(request: Request, session: SessionDep, user: PageUser):
    review.require_reviewer(user)
    return _lookup_table(request, "documents/indicators.html",
                         unknown=targets.unknown_indicators(session), catalogue=engine.catalogue_names())


@router.post("/review/indicators")
async def indicator_map(request: Request, session: SessionDep, user: PageUser):
    form = await read_form(request)
    mapping = targets.map_indicator(session=session, actor=user, written=str(form.get("written") or ""),
                                    indicator=str(form.get("indicator") or ""))
    return saved(request, "/review/indicators", f"已归并：{mapping.written} → {mapping.indicator}")


router.include_router(target_pages.router)
router.include_router(task_pages.router)
