"""Lights kept per period: computing them for every project, the office's overrides, lists and history.

`compute_lights` judges every project for a period with the rule set in force (all at once, see frame.py),
writes one row per project and period (recomputing updates it; an override stays on its period and lapses at
the next one, where the rules decide again), and creates the 督办 items that runs of lights reach
(light_escalations: one per project and period, so running twice creates nothing new).
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select, text, true, update
from sqlalchemy.orm import Session

from zhenxing import audit, bulk
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_manage
from zhenxing.dispatch import settings
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.facts import build_facts
from zhenxing.dispatch.frame import COLOR_CODES, columns, judge_columns, record_of
from zhenxing.dispatch.frame_loader import load_frame
from zhenxing.dispatch.lights import COLORS, escalation, judge
from zhenxing.dispatch.models import LightEscalation, ProjectLight
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.periods import Period, parse_period, period_label, previous_period
from zhenxing.projects import service as projects
from zhenxing.projects.models import Project

CHUNK = 1000
OVERRIDABLE = ("green", "yellow", "red")


@dataclass
class LightRun:
    period: str
    counts: dict[str, int]
    escalations: int
    rules_name: str


def _verdicts(session: Session, period: Period, as_of: date):
    """(project id, colour, reasons, figures) of every judged project."""
    rules = settings.light_rules(session, period.year)
    due_day = settings.report_due_day(session)
    frame, names = load_frame(session, period)
    cols = columns(frame, period.month, as_of=as_of, due_day=due_day)
    codes = judge_columns(cols, rules)
    for row in range(len(frame)):
        color = COLOR_CODES[int(codes[row])]
        if color is None:
            continue
        plan, ytd = int(cols.annual_plan[row]), int(cols.ytd[row])
        figures = {"plan": plan, "ytd": ytd, "elapsed": round(period.month * 100 / 12, 1),
                   "completion": round(ytd * 100 / plan, 1) if plan > 0 else None}
        reasons = []
        if color != "green":
            facts = build_facts(record_of(frame, row, names), [period.index], as_of=as_of, due_day=due_day)[0]
            reasons = [{"color": r.color, "family": r.family, "text": r.text} for r in judge(facts, rules).reasons]
        yield int(frame.ids[row]), color, reasons, figures


def compute_lights(*, session: Session, period: str, actor: User | None = None, as_of: date | None = None
                   ) -> LightRun:
    """Judge every project for the period and keep the result; one audit event summarises the run."""
    if actor is not None and not can_manage(actor.role):
        raise Forbidden("只有项目办可以计算红黄绿灯")
    value = parse_period(period)
    rules = settings.light_rules(session, value.year)
    verdicts = list(_verdicts(session, value, as_of or local_date()))
    existing = {row.project_id: row for row in session.execute(
        select(ProjectLight.project_id, ProjectLight.id, ProjectLight.override_reason, ProjectLight.light,
               ProjectLight.computed, ProjectLight.reasons, ProjectLight.figures, ProjectLight.rules_name)
        .where(ProjectLight.period == value)).all()}
    _write(session, value, verdicts, existing, rules.name)
    judged = {pid for pid, *_ in verdicts}
    gone = [row.id for pid, row in existing.items() if pid not in judged]  # cancelled since the last run
    for start in range(0, len(gone), CHUNK):
        session.execute(ProjectLight.__table__.delete().where(ProjectLight.id.in_(gone[start:start + CHUNK])))
    made = _escalate(session, value, rules)
    counts = _effective(session, value)
    summary = "、".join(f"{COLORS[c]} {counts.get(c, 0)}" for c in ("red", "yellow", "green", "grey"))
    audit.record(session, actor=actor, action="update", entity="lights", summary=(
        f"计算{period_label(value)}红黄绿灯（{rules.name}）：{summary}；新增督办 {made} 项"),
        changes={"期间": [None, str(value)], "规则": [None, rules.name], "新增督办": [None, made]})
    return LightRun(str(value), {c: counts.get(c, 0) for c in COLORS}, made, rules.name)


def _write(session: Session, period: Period, verdicts: list, existing: dict, rules_name: str) -> None:
    """Insert the new rows; update only the rows whose verdict changed (a recomputation of a province mostly
    finds the same lights); stamp every row of the period as computed now in one statement."""
    now = audit.now_utc()
    new, changed = [], []
    for pid, color, reasons, figures in verdicts:
        row = existing.get(pid)
        values = {"computed": color, "reasons": reasons, "figures": figures, "rules_name": rules_name,
                  "computed_at": now}
        if row is None:
            new.append({"project_id": pid, "period": str(period), "light": color, **values})
            continue
        light = row.light if row.override_reason else color
        if (row.computed, row.light, row.reasons, row.figures, row.rules_name) != (
                color, light, reasons, figures, rules_name):
            changed.append({"id": row.id, "light": light, **values})
    table = ProjectLight.__table__
    bulk.insert_rows(session, table, new)  # one statement each (zhenxing.bulk: not one per row)
    bulk.update_rows(session, table, "id", changed)
    if existing:
        session.execute(update(table).where(table.c.period == str(period), table.c.computed_at < now)
                        .values(computed_at=now))
    session.expire_all()


def _effective(session: Session, period: Period) -> dict[str, int]:
    """How many lights of each colour the period has (overrides included)."""
    return dict(session.execute(select(ProjectLight.light, func.count()).where(ProjectLight.period == period)
                                .group_by(ProjectLight.light)).all())


def _escalate(session: Session, period: Period, rules) -> int:
    """督办 items for runs of lights that reach an escalation step this period; returns how many are new."""
    if not rules.escalation:
        return 0
    # A run is looked for over the last 12 months at most, and a step needs no more months than its length:
    # reading as many months as the longest step decides every step the same (2 of 12 with the presets).
    back = min(12, max(step.consecutive for step in rules.escalation))
    months = [str(previous_period(period, n)) for n in range(back - 1, -1, -1)]
    found: dict[int, dict[str, str]] = {}
    lit = select(ProjectLight.project_id).where(ProjectLight.period == period,  # only yellow/red can escalate
                                                ProjectLight.light.in_(("yellow", "red")))
    # Only yellow and red lights continue a run (escalation() counts nothing else): a month without one reads
    # as a gap, which breaks the run as a green light does — a third of the rows a province would fetch.
    for pid, month, light in session.execute(
            select(ProjectLight.project_id, ProjectLight.period, ProjectLight.light)
            .where(ProjectLight.period.in_(months), ProjectLight.light.in_(("yellow", "red")),
                   ProjectLight.project_id.in_(lit))).all():
        found.setdefault(pid, {})[month] = light
    done = set(session.scalars(select(LightEscalation.project_id).where(LightEscalation.period == period)))
    candidates = [pid for pid, lights in found.items()
                  if pid not in done and lights.get(str(period)) in ("yellow", "red")]
    sponsors = dict(session.execute(select(Project.id, Project.sponsor_id).where(Project.id.in_(lit))).all()) \
        if candidates else {}
    new = []
    for pid in candidates:
        step = escalation([found[pid].get(month, "none") for month in months], rules)  # a gap breaks a run
        if step is not None:
            new.append({"project_id": pid, "period": str(period), "light": found[pid][str(period)],
                        "label": step.label, "leader_id": sponsors.get(pid), "status": "open", "note": "",
                        "created_at": audit.now_utc()})
    bulk.insert_rows(session, LightEscalation.__table__, new)
    return len(new)


# ---- overrides -----------------------------------------------------------------------------------

def _row(session: Session, project_id: int, period: Period) -> ProjectLight:
    row = session.scalar(select(ProjectLight).where(ProjectLight.project_id == project_id,
                                                    ProjectLight.period == period).with_for_update(of=ProjectLight))
    if row is None:
        raise NotFound(f"项目 {project_id} 在{period_label(period)}还没有红黄绿灯，请先计算", field="period")
    return row


def override_light(*, session: Session, actor: User, scope: Scope, project_id: int, period: str, light: str,
                   reason: str) -> ProjectLight:
    """The office sets a project's light for one period, with a reason; the next period is judged afresh."""
    if not can_manage(actor.role):
        raise Forbidden("只有项目办可以调整红黄绿灯")
    projects.get_project(session=session, scope=scope, project_id=project_id)
    if light not in OVERRIDABLE:
        raise Rejected(f"灯色“{light}”无效，可选：绿灯、黄灯、红灯", field="light")
    reason = (reason or "").strip()
    if not 2 <= len(reason) <= 500:
        raise Rejected("调整灯色须填写原因（2–500 个字）", field="reason")
    row = _row(session, project_id, parse_period(period))
    before = {"灯色": COLORS[row.light], "调整原因": row.override_reason}
    row.light, row.override_reason, row.override_by, row.override_at = light, reason, actor.name, audit.now_utc()
    session.flush()
    audit.record(session, actor=actor, action="update", entity="project", entity_id=project_id,
                 summary=f"调整{period_label(row.period)}灯色：{COLORS[row.computed]} → {COLORS[light]}，"
                         f"原因：{reason}",
                 changes=audit.diff(before, {"灯色": COLORS[light], "调整原因": reason}))
    return row


def clear_override(*, session: Session, actor: User, scope: Scope, project_id: int, period: str) -> ProjectLight:
    if not can_manage(actor.role):
        raise Forbidden("只有项目办可以调整红黄绿灯")
    projects.get_project(session=session, scope=scope, project_id=project_id)
    row = _row(session, project_id, parse_period(period))
    if row.override_reason is None:
        raise Rejected("该灯色没有人工调整", field="light")
    before = {"灯色": COLORS[row.light], "调整原因": row.override_reason}
    row.light, row.override_reason, row.override_by, row.override_at = row.computed, None, None, None
    session.flush()
    audit.record(session, actor=actor, action="update", entity="project", entity_id=project_id,
                 summary=f"撤销{period_label(row.period)}灯色调整，恢复为{COLORS[row.computed]}",
                 changes=audit.diff(before, {"灯色": COLORS[row.light], "调整原因": None}))
    return row


# ---- reading ---------------------------------------------------------------------------------------

def light_history(*, session: Session, scope: Scope, project_id: int) -> list[ProjectLight]:
    """A project's lights, newest period first."""
    projects.get_project(session=session, scope=scope, project_id=project_id)
    query = select(ProjectLight).where(ProjectLight.project_id == project_id).order_by(ProjectLight.period.desc())
    return list(session.scalars(query).unique())


@dataclass
class LightFilters:
    light: str | None = None
    region_id: int | None = None
    q: str | None = None


def list_lights(*, session: Session, scope: Scope, period: str, filters: LightFilters, page: int = 1,
                per_page: int = 50) -> tuple[list[ProjectLight], int, dict[str, int]]:
    """The period's lights in scope (worst first), how many match, and the counts by colour."""
    value = parse_period(period)
    page, per_page = max(page, 1), min(max(per_page, 1), 200)
    if scope.everything and filters.region_id is None and not (filters.q or "").strip():
        in_scope = true()  # a province office sees every light: no semi-join over every project
    else:
        in_scope = ProjectLight.project_id.in_(projects.select_projects(
            session, scope=scope, filters=projects.ProjectFilters(region_id=filters.region_id, q=filters.q)
        ).with_only_columns(Project.id))
    base = select(ProjectLight).where(ProjectLight.period == value, in_scope)
    counts = dict(session.execute(select(ProjectLight.light, func.count()).where(
        ProjectLight.period == value, in_scope).group_by(ProjectLight.light)).all())
    if filters.light:
        base = base.where(ProjectLight.light == filters.light)
    total = counts.get(filters.light, 0) if filters.light else sum(counts.values())  # the counts already say
    order = {"red": 0, "yellow": 1, "grey": 2, "green": 3}
    rank = case(order, value=ProjectLight.light, else_=4)
    # Sort and cut on the narrow rows (the index holds period, project and light), then load only the page:
    # sorting a province's 30,000 full rows with their projects joined cost most of the page's time.
    ids = list(session.scalars(base.with_only_columns(ProjectLight.id).order_by(rank, ProjectLight.project_id)
                               .limit(per_page).offset((page - 1) * per_page)))
    found = {row.id: row for row in session.scalars(select(ProjectLight).where(ProjectLight.id.in_(ids))).unique()}
    return [found[i] for i in ids], total, {color: counts.get(color, 0) for color in COLORS}


# The distinct periods by a loose index scan (one index probe per period) rather than a pass over every light
# ever computed: 36 months of a province are a million rows. Runs on SQLite and PostgreSQL alike.
_PERIODS = text("""
    WITH RECURSIVE found(period) AS (
        SELECT MAX(period) FROM project_lights
        UNION ALL
        SELECT (SELECT MAX(period) FROM project_lights WHERE period < found.period) FROM found
        WHERE found.period IS NOT NULL)
    SELECT period FROM found WHERE period IS NOT NULL""")


def periods_computed(session: Session) -> list[str]:
    """Every period with lights, newest first."""
    return list(session.scalars(_PERIODS))
