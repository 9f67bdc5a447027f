"""The dispatch demo, laid relative to the day it is loaded: this year's and last year's plans, twelve months
of monthly reports (most on time, some late, a few missing, a stuck project, a lagging one), problems in
every state, lights and leagues computed for every month, a finished field review with scores, comments,
site photos and a problem seen on site, and two past dispatch meetings with decisions (closed, awaiting
销号, open and overdue, one followed as a problem). Amounts are illustrative, shaped by the ledger's figures
(annual plans, stages) that the seeds' projects carry."""

from datetime import UTC, date, datetime, time, timedelta
from io import BytesIO

from PIL import Image, ImageDraw
from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing.auth.models import User
from zhenxing.auth.service import scope_for
from zhenxing.dispatch import lights_service, meetings, problems, reviews
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.facts import report_due
from zhenxing.dispatch.models import ProgressReport
from zhenxing.league import service as league
from zhenxing.org.models import Region
from zhenxing.periods import Period, parse_period, previous_period
from zhenxing.projects.models import AnnualPlan, Project
from zhenxing.projects.stages import STAGES, plan_field

MONTHS = 12
STARTED = STAGES.index("started")
# Project (by position among the started ones) → how it behaves: pace (share of plan/12 each month),
# months missing at the end, filed late.
LAGGING, STUCK, SILENT, LATE = {1, 6}, {3}, {8}, {2, 5, 9}
PROBLEMS = [  # (project position, description, category, status, days overdue (+) or left (−))
    (1, "风机基础施工用地指标未落实，影响3台风机进场", "用地", "open", 40),
    (3, "厂区配套110千伏供电线路未接入，设备无法调试", "水电气暖", "in_progress", 12),
    (6, "项目资本金未足额到位，施工进度放缓", "资金", "open", -10),
    (0, "施工许可手续办理滞后", "审批", "resolved", 0),
    (4, "环评批复待省厅审查", "环评", "closed", 0),
    (7, "进场道路雨季受损，渣土外运受限", "施工条件", "in_progress", -20),
    (2, "征地范围内2户未签协议", "拆迁征收", "open", 5),
]


def _actor(session: Session, role: str) -> User:
    return session.scalars(select(User).where(User.role == role).order_by(User.id).limit(1)).one()


def _shape(index: int) -> tuple[float, int]:
    """(pace, missing months at the end) of the index-th started project."""
    if index in STUCK:
        return 1.1, 0
    if index in SILENT:
        return 0.9, 2
    return (0.45 if index in LAGGING else 0.95 + (index % 4) * 0.08), 0


def _photo(text: str) -> bytes:
    image = Image.new("RGB", (480, 320), (96, 125, 139))
    draw = ImageDraw.Draw(image)
    draw.rectangle((30, 180, 450, 300), fill=(121, 85, 72))
    draw.rectangle((120, 80, 260, 180), fill=(255, 193, 7))
    draw.text((20, 20), text, fill=(255, 255, 255))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def load(session: Session, today: date | None = None) -> None:
    today = today or local_date()
    office, leader = _actor(session, "office"), _actor(session, "leader")
    current = previous_period(parse_period(today.strftime("%Y-%m")))  # the period being reported now
    periods = [previous_period(current, n) for n in range(MONTHS - 1, -1, -1)]
    everyone = list(session.scalars(select(Project).where(Project.status != "cancelled").order_by(Project.id)))
    started = [p for p in everyone if STAGES.index(p.stage) >= STARTED]
    building = [p for p in started if p.stage == "started"]
    _plans(session, building, {p.year for p in periods} | {today.year}, today)
    _reports(session, building, periods, today, office)
    _registered(session, [p for p in started if p not in building and p.started_on], office)
    _plan_starts(session, [p for p in everyone if STAGES.index(p.stage) < STARTED], today)
    session.flush()
    _problems(session, building, office, today)
    for period in periods:  # the lights' history and the leagues' movement, month by month
        lights_service.compute_lights(session=session, period=period, as_of=min(today, report_due(
            period.index, 5) + timedelta(days=3)))
        for kind in ("region", "unit"):
            league.compute_league(session=session, kind=kind, period=period)
    _review(session, building, office, leader, today)
    _meetings(session, building, office, periods, today)
    session.flush()


def _plans(session: Session, projects: list[Project], years: set[int], today: date) -> None:
    for project in projects:
        if project.stage in ("completed", "operating"):
            continue
        base = project.planned_investment or max(project.total_investment // 5, 500)
        for year in sorted(years):
            amount = base if year == today.year else int(base * 0.9)
            target = "started" if project.stage in ("signed", "landed") else None
            session.add(AnnualPlan(project_id=project.id, year=year, planned_investment=amount, target_stage=target,
                                   note="演示数据"))
        project.planned_investment = base


def _reports(session: Session, projects: list[Project], periods: list[Period], today: date, office: User) -> None:
    plans = {(pid, year): amount for pid, year, amount in session.execute(
        select(AnnualPlan.project_id, AnnualPlan.year, AnnualPlan.planned_investment)).all()}
    for index, project in enumerate(projects):
        pace, missing = _shape(index)
        for position, period in enumerate(periods):
            if position >= len(periods) - missing:
                continue  # 连续未报
            due = report_due(period.index, 5)
            if due > today and period != periods[-1]:
                continue
            monthly = plans.get((project.id, period.year), 0) / 12
            stuck = index in STUCK and position >= len(periods) - 4
            amount = 0 if stuck else int(monthly * pace * (0.8 + 0.4 * ((position * 7 + index) % 5) / 4))
            filed = due + timedelta(days=4) if index in LATE and position % 3 == 0 else due - timedelta(days=2)
            filed = min(filed, today)
            session.add(ProgressReport(
                project_id=project.id, period=str(period), completed_investment=amount,
                progress="主体结构施工" if position < 6 else "设备安装调试",
                physical_percent=min(95, 30 + position * 5),
                problems="资金到位慢" if index in LAGGING else "", next_plan="加快设备进场，确保按期投产",
                registered=position > 0, filed_by_id=office.id,
                filed_at=datetime.combine(filed, time(9, 30), tzinfo=UTC)))


def _registered(session: Session, projects: list[Project], office: User) -> None:
    """Finished projects were entered in the statistics (入库) the month after they started."""
    for project in projects:
        period = parse_period(project.started_on.strftime("%Y-%m"))
        session.add(ProgressReport(project_id=project.id, period=str(period), completed_investment=0,
                                   progress="开工建设", registered=True, filed_by_id=office.id,
                                   filed_at=datetime.combine(report_due(period.index, 5), time(9, 30), tzinfo=UTC)))


def _plan_starts(session: Session, projects: list[Project], today: date) -> None:
    """Projects not started yet: some due to start last month or earlier (their lights say so), others later."""
    offsets = (-40, -110, 20, 60, 90, 150, -20, 45, 120, 200)
    for index, project in enumerate(projects):
        target = today + timedelta(days=offsets[index % len(offsets)])
        shift = target - project.plan_started_on if project.plan_started_on else timedelta(0)
        reached = STAGES.index(project.stage)
        for stage in STAGES[reached + 1:]:  # every stage still ahead moves with the start, in order
            planned = getattr(project, plan_field(stage))
            if planned is not None:
                setattr(project, plan_field(stage), planned + shift)


def _problems(session: Session, projects: list[Project], office: User, today: date) -> None:
    scope = scope_for(session, office)
    for position, text, category, status, days in PROBLEMS:
        project = projects[position % len(projects)]
        raised = today - timedelta(days=60 + max(days, 0))
        problem = problems.add_problem(session, actor=office, project=project, description=text, category=category,
                                       source="report", source_ref=None, today=raised,
                                       due_on=today - timedelta(days=days) if status != "closed" else raised
                                       + timedelta(days=20))
        if status in ("in_progress", "resolved", "closed"):
            problems.act(session=session, actor=office, scope=scope, problem_id=problem.id, action="start",
                         today=raised + timedelta(days=3))
        if status in ("resolved", "closed"):
            problems.act(session=session, actor=office, scope=scope, problem_id=problem.id, action="resolve",
                         note="已协调相关部门办结", today=raised + timedelta(days=15))
        if status == "closed":
            problems.act(session=session, actor=office, scope=scope, problem_id=problem.id, action="close",
                         today=raised + timedelta(days=18))


def _review(session: Session, projects: list[Project], office: User, leader: User, today: date) -> None:
    by_region: dict[int, Project] = {}
    for project in projects:
        by_region.setdefault(project.region_id, project)
    chosen = list(by_region.values())[:6]
    held = today - timedelta(days=45)
    review = reviews.create_review(session, actor=office, title=f"{held.year}年重点项目集中拉练", held_on=held,
                                   leaders="市委书记、市长", participants="各县（市、区）和开发区主要负责同志",
                                   project_ids=[p.id for p in chosen])
    points = [(27, 26, 18, 18), (22, 20, 16, 17), (28, 28, 19, 19), (18, 16, 14, 15), (25, 24, 17, 18),
              (20, 22, 15, 16)]
    comments = ["投资强度大，建设进度快", "进度偏慢，需加快设备进场", "形象进度好，服务保障到位",
                "资金到位不足，进度滞后", "现场管理规范", "前期手续需加快"]
    for index, stop in enumerate(review.stops):
        keys = [c["key"] for c in review.criteria]
        reviews.score_stop(session, actor=leader, review_id=review.id, stop_id=stop.id,
                           scores=dict(zip(keys, points[index % len(points)], strict=True)),
                           comment=comments[index % len(comments)])
        if index < 2:
            reviews.add_photo(session, actor=leader, review_id=review.id, stop_id=stop.id,
                              filename=f"现场{index + 1}.jpg", data=_photo(f"site {index + 1}"))
    stop = review.stops[3 % len(review.stops)]
    reviews.raise_problem(session, actor=leader, scope=scope_for(session, leader), review_id=review.id,
                          stop_id=stop.id, description="拉练发现：项目资本金到位不足，影响设备采购", category="资金",
                          due_on=today + timedelta(days=15))
    reviews.finish_review(session, actor=office, review_id=review.id)


def _meetings(session: Session, projects: list[Project], office: User, periods: list[Period], today: date) -> None:
    scope = scope_for(session, office)
    regions = {r.name: r.id for r in session.scalars(select(Region))}
    second_on = today - timedelta(days=3)
    first_on = second_on - timedelta(days=30)
    first = meetings.create_meeting(session, actor=office, period=str(periods[-2]), held_on=first_on,
                                    location="市政府第一会议室", chair="常务副市长")
    done = meetings.add_decision(session, actor=office, scope=scope, meeting_id=first.id,
                                 text="市自然资源局牵头解决风电项目用地指标问题",
                                 unit_id=_unit(session, "市自然资源局"),
                                 due_on=first_on + timedelta(days=14))
    waiting = meetings.add_decision(session, actor=office, scope=scope, meeting_id=first.id,
                                    text="市交通运输局协调物流园进场道路修复",
                                    unit_id=_unit(session, "市交通运输局"),
                                    due_on=first_on + timedelta(days=20))
    meetings.add_decision(session, actor=office, scope=scope, meeting_id=first.id,
                          text="凌海市加快征地协议签订，确保项目按期开工", region_id=regions.get("凌海市"),
                          due_on=first_on + timedelta(days=21))
    meetings.act_on_decision(session, actor=office, scope=scope, decision_id=done.id, action="resolve",
                             note="用地指标已下达", today=first_on + timedelta(days=10))
    meetings.act_on_decision(session, actor=office, scope=scope, decision_id=done.id, action="close",
                             today=first_on + timedelta(days=12))
    meetings.act_on_decision(session, actor=office, scope=scope, decision_id=waiting.id, action="resolve",
                             note="道路已修复通车", today=first_on + timedelta(days=18))
    meetings.hold_meeting(session, actor=office, meeting_id=first.id,
                          notes="会议听取了各地重点项目推进情况汇报，研究解决了项目推进中的困难和问题。")
    second = meetings.create_meeting(session, actor=office, period=str(periods[-1]), held_on=second_on,
                                     location="市政府第一会议室", chair="市长")
    lagging = projects[sorted(LAGGING)[0] % len(projects)]
    meetings.add_decision(session, actor=office, scope=scope, meeting_id=second.id,
                          text=f"{lagging.name}资本金一个月内足额到位", kind="problem", project_id=lagging.id,
                          due_on=second_on + timedelta(days=30))
    meetings.add_decision(session, actor=office, scope=scope, meeting_id=second.id,
                          text="市发展改革委梳理红灯项目，逐一制定帮扶措施", unit_id=_unit(session, "市发展改革委"))
    meetings.add_decision(session, actor=office, scope=scope, meeting_id=second.id,
                          text="锦州经济技术开发区做好集中开工准备", region_id=regions.get("锦州经济技术开发区"))
    meetings.hold_meeting(session, actor=office, meeting_id=second.id, notes="会议通报了上月红黄灯和赛马排名情况。")


def _unit(session: Session, name: str) -> int:
    from zhenxing.org.models import Unit

    return session.scalars(select(Unit.id).where(Unit.name == name)).one()
