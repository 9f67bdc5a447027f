"""JSON API of dispatch meetings (调度会): meetings, their agenda, decisions followed to 销号, the pack."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from zhenxing.dispatch import meetings, pack
from zhenxing.dispatch.api import ERRORS
from zhenxing.dispatch.clock import local_date
from zhenxing.fields import Choice, Line, Name, Text
from zhenxing.outputs.web import DOCX, XLSX, document_response
from zhenxing.periods import PeriodField
from zhenxing.web.deps import ApiScope, ApiUser, SessionDep

router = APIRouter(prefix="/meetings", tags=["meetings"], responses=ERRORS)
Id = Annotated[int, Path(ge=1, lt=2 ** 31)]


class MeetingCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    period: PeriodField
    held_on: date
    title: Line = Field("", max_length=200, description="不填则为“YYYY年M月重点项目调度会”")
    location: Line = Field("", max_length=200)
    chair: Name = Field("", max_length=100)


class MeetingRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    period: str
    held_on: date
    title: str
    location: str
    chair: str
    status: str
    notes: str


class HoldRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    notes: Text = Field("", max_length=20_000, description="会议纪要")


class DecisionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    text: Text = Field(min_length=1, max_length=1000)
    kind: Choice = Field("task", max_length=10, pattern="^(task|problem)$",
                         description="task 任务 / problem 问题（须指明项目）")
    unit_id: int | None = Field(None, ge=1, lt=2 ** 31)
    region_id: int | None = Field(None, ge=1, lt=2 ** 31)
    project_id: int | None = Field(None, ge=1, lt=2 ** 31)
    due_on: date | None = Field(None, description="不填则按文字中的时限（如“6月底前”），再不然按会后工作日")


class DecisionAction(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Choice = Field(max_length=10, pattern="^(resolve|close|reject|reopen)$",
                        description="resolve 申请销号 / close 确认销号 / reject 退回 / reopen 重新打开")
    note: Text = Field("", max_length=1000)


def _decision(decision) -> dict[str, Any]:
    return meetings.decision_row(decision, local_date())


@router.get("", response_model=list[MeetingRead])
def list_meetings(session: SessionDep, user: ApiUser):
    return meetings.list_meetings(session, user)


@router.post("", response_model=MeetingRead, status_code=201)
def create_meeting(data: MeetingCreate, session: SessionDep, user: ApiUser):
    return meetings.create_meeting(session, actor=user, period=data.period, held_on=data.held_on, title=data.title,
                                   location=data.location, chair=data.chair)


@router.get("/decisions", response_model=list[dict])
def my_decisions(session: SessionDep, scope: ApiScope,
                 all_states: Annotated[bool, Query(description="含已销号")] = False):
    """The decisions addressed to the caller's unit or county (all of them for the office and leaders)."""
    return [_decision(d) for d in meetings.decisions_for(session, scope, open_only=not all_states)]


@router.get("/{meeting_id}", response_model=MeetingRead)
def get_meeting(meeting_id: Id, session: SessionDep, user: ApiUser):
    return meetings.get_meeting(session, user, meeting_id)


@router.get("/{meeting_id}/agenda", response_model=dict)
def agenda(meeting_id: Id, session: SessionDep, user: ApiUser):
    """The agenda: built from today's records while planned, as frozen once held."""
    return meetings.agenda_of(session, user, meeting_id)


@router.post("/{meeting_id}/hold", response_model=MeetingRead)
def hold(meeting_id: Id, data: HoldRequest, session: SessionDep, user: ApiUser):
    return meetings.hold_meeting(session, actor=user, meeting_id=meeting_id, notes=data.notes)


@router.post("/{meeting_id}/decisions", response_model=dict, status_code=201)
def add_decision(meeting_id: Id, data: DecisionCreate, session: SessionDep, user: ApiUser, scope: ApiScope):
    decision = meetings.add_decision(session, actor=user, scope=scope, meeting_id=meeting_id, text=data.text,
                                     kind=data.kind, unit_id=data.unit_id, region_id=data.region_id,
                                     project_id=data.project_id, due_on=data.due_on)
    return _decision(decision)


@router.post("/decisions/{decision_id}/actions", response_model=dict)
def act(decision_id: Id, data: DecisionAction, session: SessionDep, user: ApiUser, scope: ApiScope):
    return _decision(meetings.act_on_decision(session, actor=user, scope=scope, decision_id=decision_id,
                                              action=data.action, note=data.note))


@router.get("/{meeting_id}/pack.docx", response_class=Response, responses={200: {"content": {DOCX: {}}}})
def pack_docx(meeting_id: Id, session: SessionDep, user: ApiUser):
    """The 通报 (Word): 总体情况、红黄灯项目、问题清单、赛马排名、上次会议议定事项落实情况."""
    agenda = meetings.agenda_of(session, user, meeting_id)
    content = pack.pack_content(agenda)
    return document_response(pack.pack_docx(content), f"{content.title}.docx")


@router.get("/{meeting_id}/pack.xlsx", response_class=Response, responses={200: {"content": {XLSX: {}}}})
def pack_xlsx(meeting_id: Id, session: SessionDep, user: ApiUser):
    agenda = meetings.agenda_of(session, user, meeting_id)
    return document_response(pack.pack_xlsx(agenda), f"{agenda['meeting']['period_label']}调度会附表.xlsx")
