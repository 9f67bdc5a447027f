"""JSON API: /api/v1/documents (ingest, read) and /api/v1/review (the review queue)."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError

from zhenxing import files
from zhenxing.documents import corrections, learning, review, service
from zhenxing.documents.schemas import (
    BulkAccept,
    DocumentCorrect,
    DocumentCreate,
    DocumentDetail,
    DocumentOutcome,
    DocumentRead,
    DocumentWithdraw,
    DraftEdit,
    DraftRead,
    IngestResult,
    MergeRequest,
    RejectRequest,
    StanceExampleRead,
)
from zhenxing.errors import Rejected
from zhenxing.web.deps import ApiScope, ApiUser, SessionDep
from zhenxing.web.downloads import XLSX, attachment
from zhenxing.web.forms import form_limits, read_form

router = APIRouter(prefix="/documents", tags=["documents"])
review_router = APIRouter(prefix="/review", tags=["review"])


def xlsx_attachment(data: bytes, filename: str) -> Response:
    """A workbook as a download with its Chinese file name (RFC 5987) and an ASCII fallback."""
    return Response(data, media_type=XLSX, headers=attachment(filename))


async def _document_request(request: Request) -> tuple[DocumentCreate, str]:
    """JSON {title, text, year, region}, or a multipart form with a .txt/.docx `file` (or `text`)."""
    if not request.headers.get("content-type", "").startswith("multipart/"):
        try:
            return DocumentCreate.model_validate(await request.json()), ""
        except ValueError as error:
            raise _invalid(error) from None
    form = await read_form(request)
    upload = form.get("file")
    values = {key: form.get(key) or None for key in ("title", "year", "region", "date")}
    name = ""
    if upload is not None and getattr(upload, "filename", ""):
        name = files.display_name(upload.filename)
        values["text"] = service.read_upload(name, await upload.read(files.LIMITS.upload_bytes + 1))
    else:
        values["text"] = form.get("text") or ""
    try:
        return DocumentCreate.model_validate(values), name
    except ValidationError as error:
        raise _invalid(error) from None


def _invalid(error: ValueError) -> Rejected:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        return Rejected(f"字段 {field} 无效：{first['msg']}", field=field)
    return Rejected("请求正文不是有效的 JSON", field="body")


@router.post("", response_model=IngestResult, status_code=201,
             openapi_extra={"requestBody": {"content": {
                 "application/json": {"schema": DocumentCreate.model_json_schema()},
                 "multipart/form-data": {"schema": {"type": "object", "properties": {
                     "file": {"type": "string", "format": "binary"}, "title": {"type": "string"},
                     "year": {"type": "integer"}, "region": {"type": "string"},
                     "date": {"type": "string", "format": "date"}}}}}}})
@form_limits(text=("报告全文", service.MAX_TEXT))  # a pasted work report
async def ingest(request: Request, session: SessionDep, user: ApiUser) -> dict:
    data, name = await _document_request(request)
    result = service.ingest(session=session, actor=user, text=data.text, year=data.year, region=data.region,
                            title=data.title, source_name=name, date=data.date)
    return {"document": result.document, "created": result.created, "drafts": result.drafts}


@router.get("", response_model=list[DocumentRead])
def list_documents(
    session: SessionDep, scope: ApiScope,
    status: Annotated[str, Query(max_length=20,
                                 description="active (在用, default), withdrawn (已撤回) or all")] = "active",
):
    return service.list_documents(session, scope, status)


@router.patch("/{document_id}", response_model=DocumentOutcome,
              responses={409: {"description": "文件已撤回，或更正后台账将与文件不一致"}})
def correct_document(document_id: int, data: DocumentCorrect,
                     session: SessionDep, user: ApiUser, scope: ApiScope) -> dict:
    """Correct a document's year, date or region: pending drafts are judged again, the targets, readings
    and tasks accepted from it follow; refused (409) when an accepted record would disagree."""
    outcome = corrections.correct(session=session, actor=user, scope=scope, document_id=document_id,
                                  year=data.year, date=data.date, region=data.region, reason=data.reason)
    return {"document": outcome.document, "done": outcome.done}


@router.post("/{document_id}/withdraw", response_model=DocumentOutcome,
             responses={409: {"description": "文件已撤回"}})
def withdraw_document(document_id: int, data: DocumentWithdraw,
                      session: SessionDep, user: ApiUser, scope: ApiScope) -> dict:
    """Withdraw (撤回) a mistaken document: its pending drafts are rejected, accepted records stay."""
    outcome = corrections.withdraw(session=session, actor=user, scope=scope, document_id=document_id,
                                   reason=data.reason)
    return {"document": outcome.document, "done": outcome.done}


@router.get("/{document_id}", response_model=DocumentDetail)
def get_document(document_id: int, session: SessionDep, scope: ApiScope) -> dict:
    document = service.get_document(session, document_id, scope)
    return {**DocumentRead.model_validate(document).model_dump(), "text": document.text,
            "facts": service.facts_of(session, document_id), "drafts": service.draft_counts(session, document_id)}


@review_router.get("", response_model=list[DraftRead])
def review_queue(
    session: SessionDep, user: ApiUser,
    kind: Annotated[str | None, Query(max_length=20, description="target, reading, task or project")] = None,
    status: Annotated[str | None, Query(max_length=20,
                                        description="pending (default), accepted, merged, rejected")] = "pending",
    document_id: Annotated[int | None, Query(ge=1, lt=2**31)] = None,
    order: Annotated[str, Query(max_length=20,
                                 description="position (text order, default) or confidence (doubtful first)")]
    = "position",
    max_confidence: Annotated[float | None, Query(ge=0, le=1, description="only drafts at most this sure")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="only drafts at least this sure")] = None,
):
    return review.list_drafts(session=session, actor=user, kind=kind, status=status, document_id=document_id,
                              order=order, max_confidence=max_confidence, min_confidence=min_confidence)


@review_router.get("/examples", response_model=list[StanceExampleRead])
def stance_examples(session: SessionDep, user: ApiUser):
    """Stance corrections kept as this installation's examples (each with its SPEC gold record)."""
    return learning.list_examples(session=session, actor=user)


@review_router.delete("/examples/{example_id}", status_code=204, response_class=Response,
                      responses={404: {"description": "示例不存在"}})
def delete_stance_example(example_id: int, session: SessionDep, user: ApiUser) -> Response:
    learning.delete_example(session=session, actor=user, example_id=example_id)
    return Response(status_code=204)


@review_router.post("/bulk-accept", response_model=list[DraftRead])
def bulk_accept(data: BulkAccept, session: SessionDep, user: ApiUser, scope: ApiScope):
    return review.bulk_accept(session=session, actor=user, scope=scope, draft_ids=data.ids)


@review_router.get("/{draft_id}", response_model=DraftRead)
def get_draft(draft_id: int, session: SessionDep, user: ApiUser):
    review.require_reviewer(user)
    return review.get_draft(session, draft_id)


@review_router.patch("/{draft_id}", response_model=DraftRead)
def edit_draft(draft_id: int, data: DraftEdit, session: SessionDep, user: ApiUser):
    return review.edit_draft(session=session, actor=user, draft_id=draft_id, changes=data.model_dump())


@review_router.post("/{draft_id}/accept", response_model=DraftRead)
def accept(draft_id: int, session: SessionDep, user: ApiUser, scope: ApiScope):
    return review.accept(session=session, actor=user, scope=scope, draft_id=draft_id)


@review_router.post("/{draft_id}/switch-stance", response_model=DraftRead,
                    responses={409: {"description": "草稿已处理"}, 400: {"description": "不是目标或实绩草稿"}})
def switch_stance(draft_id: int, session: SessionDep, user: ApiUser):
    """目标 ↔ 实绩: the correction is kept as an example (GET /review/examples)."""
    return learning.switch_stance(session=session, actor=user, draft_id=draft_id)


@review_router.post("/{draft_id}/reject", response_model=DraftRead)
def reject(draft_id: int, session: SessionDep, user: ApiUser, data: RejectRequest | None = None):
    return review.reject(session=session, actor=user, draft_id=draft_id, reason=data.reason if data else "")


@review_router.post("/{draft_id}/merge", response_model=DraftRead)
def merge(draft_id: int, data: MergeRequest, session: SessionDep, user: ApiUser, scope: ApiScope):
    return review.merge(session=session, actor=user, scope=scope, draft_id=draft_id, into_id=data.into_id)
