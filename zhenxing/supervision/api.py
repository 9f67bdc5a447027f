"""JSON API of the supervision office's work: the board, a unit's own tasks, escalations and the answer to a
督办单, unit scores (and their .xlsx), the 督查通报 and 督办单 as .docx, and running the escalation job."""

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from zhenxing.auth.policy import can_supervise
from zhenxing.errors import Forbidden, Rejected
from zhenxing.fields import Moment, Name, Text
from zhenxing.outputs.web import document_response
from zhenxing.supervision import documents, escalations, scores
from zhenxing.supervision.pages import chosen_period
from zhenxing.web.deps import ApiScope, ApiUser, SessionDep
from zhenxing.web.errors_doc import ERRORS

router = APIRouter(prefix="/supervision", tags=["supervision"])
Id = Annotated[int, Path(ge=1, lt=2**31)]
PeriodQuery = Annotated[str | None, Query(max_length=20, description="期间 YYYY-MM（默认上个月）")]


class EscalationRead(BaseModel):
    id: int
    task_id: int
    task_code: str
    unit: str | None
    ref: str
    cause: str
    due_on: str
    step_key: str
    step_label: str
    action: str
    action_label: str
    audience: list[str]
    text: str
    reached_at: Moment
    period: str
    number: str
    reply_due: str | None
    reply: str
    replied_at: Moment | None


class ReplyWrite(BaseModel):
    reply: Text = Field(min_length=1, max_length=2000, description="回复内容")


class ScoreRead(BaseModel):
    unit_id: int
    unit: str
    rank: int | None
    total: float
    movement: str
    measures: dict[str, dict]


class ScoreTable(BaseModel):
    period: str
    scheme: str
    weights: dict[str, float]
    standings: list[ScoreRead]


def _escalation(row) -> EscalationRead:
    return EscalationRead(
        id=row.id, task_id=row.task_id, task_code=row.task.code, unit=row.unit.name if row.unit else None,
        ref=row.ref, cause=row.cause, due_on=row.due_on.isoformat(), step_key=row.step_key,
        step_label=row.step_label, action=row.action, action_label=row.action_label,
        audience=sorted(row.audience_set), text=row.text, reached_at=row.reached_at, period=row.period,
        number=row.number_text, reply_due=row.reply_due.isoformat() if row.reply_due else None, reply=row.reply,
        replied_at=row.replied_at)


@router.get("/escalations", response_model=list[EscalationRead], responses=ERRORS)
def list_escalations(session: SessionDep, scope: ApiScope, period: PeriodQuery = None,
                     limit: Annotated[int, Query(ge=1, le=1000)] = 200):
    """The escalations the user may see (a unit: those of its tasks addressed to it), newest first."""
    chosen = chosen_period(period) if period else None
    return [_escalation(row) for row in escalations.queue(session, scope=scope, period=chosen, limit=limit)]


@router.post("/escalations/{escalation_id}/reply", response_model=EscalationRead, responses=ERRORS)
def reply(escalation_id: Id, data: ReplyWrite, session: SessionDep, user: ApiUser, scope: ApiScope):
    """The lead unit's written answer to a 督办单 (once)."""
    return _escalation(escalations.reply(session=session, actor=user, scope=scope, escalation_id=escalation_id,
                                         text=data.reply))


@router.get("/escalations/{escalation_id}/notice.docx", response_class=Response, responses=ERRORS)
def notice(escalation_id: Id, session: SessionDep, scope: ApiScope) -> Response:
    row = escalations.get(session, escalation_id, scope)
    if row.action != "notice":
        raise Rejected("这一级督办没有督办单", field="escalation_id")
    return document_response(documents.notice_docx(session, row), f"督办单{row.number_text}.docx",
                             fallback=f"notice-{row.year}-{row.number}.docx")


@router.post("/run", responses=ERRORS)
def run_now(session: SessionDep, user: ApiUser) -> dict:
    """Run the reminders and escalations now (the office; the scheduler does it every 15 minutes)."""
    if not can_supervise(user.role):
        raise Forbidden("只有督查室、项目办或管理员可以立即运行督办升级")
    from zhenxing.audit import now_utc

    done = escalations.run(session, now=now_utc())
    return {**done, "summary": escalations.summary(done)}


def _table(session, period: str) -> scores.Table:
    return scores.table(session, chosen_period(period))


@router.get("/scores", response_model=ScoreTable, responses=ERRORS)
def score_table(session: SessionDep, _scope: ApiScope, period: PeriodQuery = None):
    """Unit scores (量督考纪) for the period, ranked, with movement against the previous period."""
    found = _table(session, period)
    return ScoreTable(period=found.period, scheme=found.scheme.name,
                      weights={m.key: m.weight for m in found.scheme.measures},
                      standings=[ScoreRead(unit_id=s.subject_id, unit=s.name, rank=s.rank, total=s.total,
                                           movement=s.movement,
                                           measures={k: {"value": v.value, "points": v.points, "detail": v.detail}
                                                     for k, v in s.measures.items()}) for s in found.standings])


@router.get("/scores.xlsx", response_class=Response, responses=ERRORS)
def score_export(session: SessionDep, _scope: ApiScope, period: PeriodQuery = None) -> Response:
    found = _table(session, period)
    return document_response(scores.export(found), f"部门督查考核排名{found.period}.xlsx",
                             fallback=f"scores-{found.period}.xlsx")


@router.get("/bulletin.docx", response_class=Response, responses=ERRORS)
def bulletin(session: SessionDep, user: ApiUser, period: PeriodQuery = None) -> Response:
    """The monthly 督查通报 (总体情况, 进展较快的单位, 滞后任务及责任单位, 督办事项)."""
    if not (can_supervise(user.role) or user.role == "leader"):
        raise Forbidden("督查通报由督查室生成，市领导可以查阅")
    chosen = chosen_period(period)
    return document_response(documents.bulletin_docx(session, chosen), f"督查通报{chosen}.docx",
                             fallback=f"bulletin-{chosen}.docx")


RULE_KINDS = {"reporting": "supervision.reporting", "ladder": "supervision.ladder", "scores": "supervision.scores"}
RuleName = Annotated[str, Path(pattern="^(reporting|ladder|scores)$",
                               description="reporting 报送与研判 / ladder 升级阶梯 / scores 考核评分办法")]
RuleYear = Annotated[int | None, Query(ge=2000, le=2100, description="年度（不填为各年通用）")]


class RulesRead(BaseModel):
    kind: str
    label: str
    year: int | None
    source: str
    version: int | None
    name: str
    data: dict
    presets: list[str]


class RulesWrite(BaseModel):
    data: dict = Field(description="规则内容（与读取时的 data 同样的结构）")
    name: Name = Field("", max_length=100, description="名称")


def _rules(session, name: str, year: int | None) -> RulesRead:
    from zhenxing.rules.registry import get_kind
    from zhenxing.rules.service import rule_state

    kind = RULE_KINDS[name]
    state = rule_state(session, kind, year)
    entry = get_kind(kind)
    return RulesRead(kind=kind, label=entry.label, year=year, source=state.source, version=state.version,
                     name=state.name, data=state.data, presets=list(entry.presets))


@router.get("/rules/{name}", response_model=RulesRead, responses=ERRORS)
def read_rules(name: RuleName, session: SessionDep, _user: ApiUser, year: RuleYear = None):
    """The supervision office's rules in force (reporting day and tolerances, the escalation ladder, the
    unit-scoring scheme), with where they come from."""
    return _rules(session, name, year)


@router.put("/rules/{name}", response_model=RulesRead, responses=ERRORS)
def write_rules(name: RuleName, data: RulesWrite, session: SessionDep, user: ApiUser, year: RuleYear = None):
    """Set the rules (the office, 督查室 or admin): validated, a new version, audited field by field."""
    from zhenxing.rules.service import set_rules

    set_rules(session, user, RULE_KINDS[name], data.data, year, name=data.name)
    session.info.pop("zhenxing.rules", None)
    return _rules(session, name, year)
