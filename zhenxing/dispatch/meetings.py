"""The dispatch meeting (调度会): its agenda built from the records, its decisions followed to 销号.

The agenda of a meeting for a period: the headline (总体情况), red and yellow projects with their reasons,
overdue problems, what changed since the last meeting (new starts, completions, lights that changed colour),
the league, and every decision of earlier meetings not yet closed (with the last meeting's closed ones).
While the meeting is planned the agenda is built afresh on each reading; holding it freezes the agenda in
the record (the pack of a past meeting does not change with later data).

Meeting pages are for the office, the leaders and the supervision office; a unit or county sees the
decisions addressed to it (its to-do list and /meetings/decisions).
"""

from datetime import date

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_manage
from zhenxing.dispatch import overview, problems, settings
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.meeting_rules import (
    DECISION_ACTIONS,
    DECISION_KINDS,
    DECISION_STATUSES,
    decision_due,
    overdue_days,
    plan_decision,
)
from zhenxing.dispatch.models import DispatchMeeting, MeetingDecision, Problem, ProjectLight
from zhenxing.dispatch.problem_rules import OPEN, guess_category
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.holidays.service import work_calendar
from zhenxing.league import service as league
from zhenxing.org.models import Region, Unit
from zhenxing.periods import Period, parse_period, period_label, previous_period
from zhenxing.projects.models import Project
from zhenxing.text import form_text

READERS = {"admin", "office", "leader", "supervisor"}
EVERYTHING = Scope(role="office", everything=True)
LIMIT = 300  # rows per agenda section; the pack says how many more there are


def _reader(actor: User) -> None:
    if actor.role not in READERS:
        raise Forbidden("调度会材料仅限项目办、市领导和督查室查看；本单位的议定事项请在“我的待办”中办理")


def _office(actor: User) -> None:
    if not can_manage(actor.role):
        raise Forbidden("只有项目办可以安排调度会、记录议定事项")


def list_meetings(session: Session, actor: User, limit: int = 100) -> list[DispatchMeeting]:
    _reader(actor)
    return list(session.scalars(select(DispatchMeeting).order_by(DispatchMeeting.held_on.desc(),
                                                                 DispatchMeeting.id.desc()).limit(limit)))


def get_meeting(session: Session, actor: User, meeting_id: int) -> DispatchMeeting:
    _reader(actor)
    meeting = session.get(DispatchMeeting, meeting_id)
    if meeting is None:
        raise NotFound(f"调度会 {meeting_id} 不存在", field="id")
    return meeting


def create_meeting(session: Session, *, actor: User, period: str, held_on: date, title: str = "",
                   location: str = "", chair: str = "") -> DispatchMeeting:
    _office(actor)
    value = parse_period(period)
    title = form_text(title, "title", "会议名称", 200) or f"{period_label(value)}重点项目调度会"
    meeting = DispatchMeeting(period=str(value), held_on=held_on, title=title,
                              location=form_text(location, "location", "地点", 200),
                              chair=form_text(chair, "chair", "主持人", 100), status="planned", notes="")
    session.add(meeting)
    session.flush()
    audit.record(session, actor=actor, action="create", entity="meeting", entity_id=meeting.id,
                 summary=f"安排调度会“{title}”（{held_on.isoformat()}）")
    return meeting


def _before(meeting: DispatchMeeting):
    """Meetings held before this one (a meeting not saved — a pack for a period — comes after every one so far)."""
    if meeting.id is None:
        return DispatchMeeting.held_on <= meeting.held_on
    return or_(DispatchMeeting.held_on < meeting.held_on,
               and_(DispatchMeeting.held_on == meeting.held_on, DispatchMeeting.id < meeting.id))


def previous_meeting(session: Session, meeting: DispatchMeeting) -> DispatchMeeting | None:
    return session.scalar(select(DispatchMeeting).where(_before(meeting))
                          .order_by(DispatchMeeting.held_on.desc(), DispatchMeeting.id.desc()).limit(1))


# ---- the agenda ------------------------------------------------------------------------------------

def _lights(session: Session, period: Period) -> tuple[list[dict], dict[str, int]]:
    counts = dict(session.execute(select(ProjectLight.light, func.count()).where(ProjectLight.period == period)
                                  .group_by(ProjectLight.light)).all())
    rank = {"red": 0, "yellow": 1}
    rows = session.execute(
        select(ProjectLight.project_id, Project.name, Region.name, ProjectLight.light, ProjectLight.reasons,
               ProjectLight.figures, ProjectLight.override_reason)
        .join(Project, Project.id == ProjectLight.project_id).join(Region, Region.id == Project.region_id)
        .where(ProjectLight.period == period, ProjectLight.light.in_(("red", "yellow")))
        .order_by(case(rank, value=ProjectLight.light), Region.name, Project.name).limit(LIMIT)).all()
    items = [{"project_id": pid, "name": name, "region": region, "light": light,
              "reasons": [r["text"] for r in reasons or []] + ([f"项目办调整：{override}"] if override else []),
              "completion": (figures or {}).get("completion")}
             for pid, name, region, light, reasons, figures, override in rows]
    return items, {color: counts.get(color, 0) for color in ("red", "yellow", "green", "grey")}


def _overdue(session: Session, today: date) -> tuple[list[dict], int]:
    late = (Problem.status.in_(OPEN), Problem.due_on < today)
    total = session.scalar(select(func.count(Problem.id)).where(*late)) or 0
    rows = session.execute(
        select(Problem.id, Problem.description, Problem.category, Problem.due_on, Problem.status, Project.name,
               Region.name, Unit.name)
        .join(Project, Project.id == Problem.project_id).join(Region, Region.id == Project.region_id)
        .outerjoin(Unit, Unit.id == Problem.unit_id).where(*late).order_by(Problem.due_on, Problem.id)
        .limit(LIMIT)).all()
    return [{"id": pid, "description": text, "category": category, "due_on": due.isoformat(),
             "days": (today - due).days, "project": project, "region": region, "unit": unit or ""}
            for pid, text, category, due, _status, project, region, unit in rows], total


def _changes(session: Session, meeting: DispatchMeeting, before: DispatchMeeting | None) -> dict:
    period = parse_period(meeting.period)
    start = before.held_on if before is not None else previous_period(period).last_day
    end = max(meeting.held_on, period.last_day)

    def moved(column) -> list[dict]:
        rows = session.execute(select(Project.id, Project.name, Region.name, column)
                               .join(Region, Region.id == Project.region_id)
                               .where(column > start, column <= end, Project.status != "cancelled")
                               .order_by(column, Project.id).limit(LIMIT)).all()
        return [{"project_id": pid, "name": name, "region": region, "on": on.isoformat()}
                for pid, name, region, on in rows]

    earlier = before.period if before is not None and before.period != meeting.period else str(
        previous_period(period))
    old = aliased(ProjectLight)
    rows = session.execute(
        select(ProjectLight.project_id, Project.name, Region.name, old.light, ProjectLight.light)
        .join(Project, Project.id == ProjectLight.project_id).join(Region, Region.id == Project.region_id)
        .join(old, and_(old.project_id == ProjectLight.project_id, old.period == earlier))
        .where(ProjectLight.period == meeting.period, old.light != ProjectLight.light)
        .order_by(ProjectLight.light.desc(), Project.id).limit(LIMIT)).all()
    order = {"red": 0, "yellow": 1, "grey": 2, "green": 3}
    changes = sorted(({"project_id": pid, "name": name, "region": region, "before": was, "after": now}
                      for pid, name, region, was, now in rows), key=lambda row: order.get(row["after"], 4))
    return {"since": start.isoformat(), "compared_with": earlier, "new_starts": moved(Project.started_on),
            "completions": moved(Project.completed_on), "light_changes": changes}


def decision_row(decision: MeetingDecision, today: date) -> dict:
    return {"id": decision.id, "text": decision.text, "kind": decision.kind,
            "unit": decision.unit.name if decision.unit else (decision.region.name if decision.region else ""),
            "project": decision.project.name if decision.project else "",
            "due_on": decision.due_on.isoformat() if decision.due_on else "", "status": decision.status,
            "status_label": DECISION_STATUSES.get(decision.status, decision.status),
            "overdue_days": overdue_days(decision.due_on, decision.status, today),
            "resolution": decision.resolution, "meeting": decision.meeting.title,
            "meeting_id": decision.meeting_id, "problem_id": decision.problem_id}


def _followed(session: Session, meeting: DispatchMeeting, before: DispatchMeeting | None, today: date
              ) -> list[dict]:
    """Decisions of earlier meetings: those still open or awaiting 销号, and all of the last meeting's."""
    earlier = select(DispatchMeeting.id).where(_before(meeting))
    condition = MeetingDecision.status != "closed"
    if before is not None:
        condition = or_(condition, MeetingDecision.meeting_id == before.id)
    rows = session.scalars(select(MeetingDecision).where(MeetingDecision.meeting_id.in_(earlier), condition)
                           .order_by(MeetingDecision.meeting_id, MeetingDecision.id).limit(LIMIT)).unique()
    return [decision_row(d, today) for d in rows]


def build_agenda(session: Session, meeting: DispatchMeeting, today: date | None = None) -> dict:
    """The agenda from today's records (JSON-able: stored as it stands when the meeting is held)."""
    today = today or local_date()
    period = parse_period(meeting.period)
    head, owing, reported = overview.headline(session, EVERYTHING, period)
    lights, counts = _lights(session, period)
    overdue, overdue_total = _overdue(session, today)
    before = previous_meeting(session, meeting)
    run = league.get_league(session=session, kind="region", period=period)
    return {
        "meeting": {"id": meeting.id, "title": meeting.title, "held_on": meeting.held_on.isoformat(),
                    "location": meeting.location, "chair": meeting.chair, "period": str(period),
                    "period_label": period_label(period)},
        "built_on": today.isoformat(),
        "headline": {"text": head.text, "completed": head.completed, "plan": head.plan, "month": head.month,
                     "planned_starts": head.planned_starts, "started": head.started, "owing": owing,
                     "reported": reported},
        "light_counts": counts, "lights": lights,
        "overdue_problems": overdue, "overdue_total": overdue_total,
        "changes": _changes(session, meeting, before),
        "league": {"scheme": run.scheme.get("name", ""), "results": [
            {"rank": r["rank"], "name": r["name"], "total": r["total"], "movement": r["movement"],
             "first": r["first"], "last": r["last"]} for r in run.results]},
        "previous": {"id": before.id, "title": before.title, "held_on": before.held_on.isoformat()} if before
        else None,
        "decisions": _followed(session, meeting, before, today),
    }


def agenda_of(session: Session, actor: User, meeting_id: int) -> dict:
    meeting = get_meeting(session, actor, meeting_id)
    return meeting.agenda if meeting.agenda is not None else build_agenda(session, meeting)


def hold_meeting(session: Session, *, actor: User, meeting_id: int, notes: str = "") -> DispatchMeeting:
    """Mark the meeting held and freeze its agenda as it stands."""
    _office(actor)
    meeting = get_meeting(session, actor, meeting_id)
    if meeting.status == "held":
        raise Rejected("会议已召开，议程已定稿", field="status")
    meeting.agenda = build_agenda(session, meeting)
    meeting.status = "held"
    meeting.notes = form_text(notes, "notes", "会议纪要", 20_000)
    session.flush()
    audit.record(session, actor=actor, action="update", entity="meeting", entity_id=meeting.id,
                 summary=f"召开调度会“{meeting.title}”，议程定稿")
    return meeting


# ---- decisions -------------------------------------------------------------------------------------

def add_decision(session: Session, *, actor: User, scope: Scope, meeting_id: int, text: str,
                 unit_id: int | None = None, region_id: int | None = None, project_id: int | None = None,
                 due_on: date | None = None, kind: str = "task") -> MeetingDecision:
    """A decision taken at the meeting: a task for a unit or county, or a problem of a project (put on its
    problem list); its deadline as given, as worded, or the office's working days after the meeting."""
    _office(actor)
    meeting = get_meeting(session, actor, meeting_id)
    text = form_text(text, "text", "议定事项", 1000, required=True)
    if kind not in DECISION_KINDS:
        raise Rejected(f"事项类型“{kind}”无效，可选：task（任务）、problem（问题）", field="kind")
    if unit_id is not None and session.get(Unit, unit_id) is None:
        raise Rejected(f"责任单位 {unit_id} 不存在", field="unit_id")
    if region_id is not None and session.get(Region, region_id) is None:
        raise Rejected(f"责任县区 {region_id} 不存在", field="region_id")
    project = session.get(Project, project_id) if project_id is not None else None
    if project_id is not None and project is None:
        raise Rejected(f"项目 {project_id} 不存在", field="project_id")
    if kind == "problem" and project is None:
        raise Rejected("作为问题跟踪的议定事项须指明项目", field="project_id")
    if unit_id is None and region_id is None:
        if project is None:
            raise Rejected("请指定责任单位或责任县区", field="unit_id")
        unit_id, region_id = project.lead_unit_id, project.region_id
    due = decision_due(text, due_on, meeting.held_on) or work_calendar(session).add_workdays(
        meeting.held_on, settings.decision_workdays(session))
    decision = MeetingDecision(meeting_id=meeting.id, text=text, unit_id=unit_id, region_id=region_id,
                               project_id=project_id, due_on=due, status="open", progress="", kind=kind,
                               resolution="")
    session.add(decision)
    session.flush()
    if kind == "problem":
        problem = problems.add_problem(session, actor=actor, project=project, description=text[:500],
                                       category=guess_category(text), source="meeting", source_ref=decision.id,
                                       today=meeting.held_on, unit_id=unit_id, due_on=due)
        decision.problem_id = problem.id
        session.flush()
    who = decision.unit.name if decision.unit else (decision.region.name if decision.region else "")
    audit.record(session, actor=actor, action="create", entity="meeting", entity_id=meeting.id,
                 summary=f"议定事项（{DECISION_KINDS[kind]}）：{text[:40]}；责任：{who}；时限 {due.isoformat()}")
    return decision


def responsible(decision: MeetingDecision, scope: Scope) -> bool:
    if scope.unit_id is not None and decision.unit_id == scope.unit_id:
        return True
    return decision.region_id is not None and decision.region_id in scope.region_ids


def act_on_decision(session: Session, *, actor: User, scope: Scope, decision_id: int, action: str, note: str = "",
                    today: date | None = None) -> MeetingDecision:
    decision = session.scalar(select(MeetingDecision).where(MeetingDecision.id == decision_id)
                              .with_for_update(of=MeetingDecision))
    if decision is None:
        raise NotFound(f"议定事项 {decision_id} 不存在", field="id")
    office = can_manage(actor.role)
    if not office and not responsible(decision, scope):
        raise Forbidden(f"无权办理议定事项 {decision_id}", field="id")
    if decision.kind == "problem" and decision.problem_id:
        raise Rejected(f"该事项按问题跟踪，请在问题 #{decision.problem_id} 中办理", field="action")
    target = plan_decision(decision.status, action, office=office, responsible=responsible(decision, scope),
                           note=note)
    today = today or local_date()
    before = {"状态": DECISION_STATUSES[decision.status], "办理情况": decision.resolution}
    decision.status = target
    if action == "resolve":
        decision.resolution, decision.resolved_on = note.strip()[:1000], today
    elif action == "close":
        decision.closed_on = today
    else:
        decision.resolved_on = decision.closed_on = None
    session.flush()
    changes = audit.diff(before, {"状态": DECISION_STATUSES[target], "办理情况": decision.resolution})
    if note.strip() and action != "resolve":
        changes["说明"] = [None, note.strip()[:500]]
    audit.record(session, actor=actor, action="update", entity="meeting", entity_id=decision.meeting_id,
                 summary=f"{DECISION_ACTIONS[action]}：议定事项 #{decision.id} {decision.text[:30]}", changes=changes)
    return decision


def decisions_query(scope: Scope, *, open_only: bool = True):
    query = select(MeetingDecision)
    if open_only:
        query = query.where(MeetingDecision.status != "closed")
    if not scope.everything:
        conditions = []
        if scope.unit_id is not None:
            conditions.append(MeetingDecision.unit_id == scope.unit_id)
        if scope.region_ids:
            conditions.append(MeetingDecision.region_id.in_(scope.region_ids))
        query = query.where(or_(*conditions)) if conditions else query.where(MeetingDecision.id < 0)
    return query


def decisions_for(session: Session, scope: Scope, *, open_only: bool = True, limit: int = 500
                  ) -> list[MeetingDecision]:
    """The decisions addressed to the scope (all for the office and leaders), earliest deadline first."""
    query = decisions_query(scope, open_only=open_only).order_by(MeetingDecision.due_on, MeetingDecision.id)
    return list(session.scalars(query.limit(limit)).unique())
