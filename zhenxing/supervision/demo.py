"""The supervision demo: the sample report's targets with twelve months of readings and provincial and
national benchmarks (some behind, some ahead), its tasks with progress reports in every state (已销号, 待销号
after a refused request, 推进中, 未启动, 滞后 by deadline and by a missing report), dated around today so the
ladder shows one escalation at each level (提醒, 催办, 督办 with its 督办单, 通报), and a 督查通报 ready to
download. Figures are illustrative."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.org import service as org
from zhenxing.org.models import Person
from zhenxing.supervision import escalations, reporting, settings
from zhenxing.targets import readings
from zhenxing.targets.models import Target
from zhenxing.tasks import service as tasks
from zhenxing.tasks.models import Closure, Task, TaskFile, TaskReport
from zhenxing.workdays import BEIJING

YEAR = 2025
DECOMPOSED = datetime(YEAR, 2, 7, 9, 0, tzinfo=BEIJING)  # Panjin: lead-unit plans to the government by 2-07
EVIDENCE = b"%PDF-1.4\n% demo evidence\n"

# indicator → (year-to-date figures Jan..Dec, province, nation); growth figures in %, employment in 万人.
SERIES = {
    "地区生产总值": ([5.2, 5.3, 5.4, 5.5, 5.6, 5.6, 5.7, 5.7, 5.8, 5.8, 5.9, 5.9], 5.4, 5.0),
    "规模以上工业增加值": ([6.0, 6.2, 6.5, 6.6, 6.8, 6.9, 7.0, 7.0, 7.1, 7.1, 7.2, 7.2], 7.5, 6.1),
    "固定资产投资": ([11.0, 11.5, 12.0, 12.2, 12.0, 12.3, 12.4, 12.5, 12.3, 12.4, 12.5, 12.5], 5.8, 3.2),
    "一般公共预算收入": ([3.8, 4.0, 4.1, 4.2, 4.3, 4.4, 4.4, 4.5, 4.5, 4.6, 4.6, 4.6], 4.9, 1.2),
    "社会消费品零售总额": ([6.5, 6.6, 6.8, 6.9, 7.0, 7.0, 7.1, 7.2, 7.2, 7.3, 7.3, 7.3], 6.9, 4.6),
    "城镇新增就业": ([0.12, 0.27, 0.45, 0.6, 0.78, 0.95, 1.1, 1.25, 1.42, 1.58, 1.73, 1.92], None, None),
    "居民消费价格": ([1.6, 1.7, 1.8, 1.8, 1.9, 1.9, 2.0, 2.0, 2.0, 2.1, 2.0, 2.0], 1.8, 0.2),
    "PM2.5平均浓度": ([41, 39, 37, 36, 35, 34, 33, 33, 32, 33, 33, 32], 34, 30),
}

# (content, lead unit, partners, leader, scenario)
TASKS = [
    ("推动锦州石化40万吨针状焦项目建成投产", "市发展改革委", ["市工业和信息化局"], "赵文明", "closed"),
    ("新建高标准农田35万亩", "市农业农村局", ["市财政局", "市自然资源局", "市水利局"], "李建华", "closing"),
    ("加快锦州港30万吨级航道二期工程开工建设", "市交通运输局", ["市发展改革委"], "王振国", "remind"),
    ("改造提升农村公路300公里", "市交通运输局", ["市财政局"], "王振国", "urge"),
    ("实施城市更新行动，改造老旧小区", "市住房城乡建设局", ["市财政局", "市民政局"], "王振国", "supervise"),
    ("新建智能工厂和数字化车间15个", "市工业和信息化局", ["市科技局"], "孙立新", "notify"),
    ("深化项目管家服务，每月召开项目调度会，对滞后项目挂牌督办", "市发展改革委", ["市工业和信息化局"], "赵文明",
     "long"),
    ("推行政务服务“一网通办”，企业开办时间压缩至1个工作日以内", "市营商环境建设局", ["市政府督查室"], "李建华",
     "unreported"),
    ("新增养老服务床位1000张", "市民政局", ["市住房城乡建设局"], "周海峰", "new"),
]
PROGRESS = {
    "closed": "装置主体完工，投料试车成功，已建成投产",
    "closing": "已完成建设任务，正在组织竣工验收",
    "remind": "航道疏浚施工图设计已批复，正在组织施工招标",
    "urge": "已完成改造里程，部分路段正在完善附属设施",
    "supervise": "已开工改造，部分小区因管网改造进度偏慢",
    "notify": "已建成数字化车间，智能工厂建设进度滞后",
    "long": "按月调度，推进情况符合年度安排",
    "unreported": "推进“一网通办”事项梳理",
}


def _unit(session: Session, name: str):
    return org.unit_by_name(session, name)


def _person(session: Session, name: str) -> Person | None:
    return session.scalar(select(Person).where(Person.name == name))


def _readings(session: Session, actor: User) -> None:
    for target in session.scalars(select(Target).where(Target.year == YEAR).order_by(Target.id)):
        found = SERIES.get(target.indicator)
        if found is None:
            continue
        values, province, nation = found
        for month, value in enumerate(values, 1):
            figure = readings.Figure(target.indicator, f"{YEAR}-{month:02d}", Decimal(str(value)), target.kind,
                                     "ytd", target.unit)
            readings.record_reading(session=session, actor=actor, figure=figure, region_id=target.region_id)
            for level, base in (("province", province), ("nation", nation)):
                if base is not None:
                    shift = Decimal(str(value)) - Decimal(str(values[-1]))  # the same shape, their own level
                    bench = readings.Figure(target.indicator, f"{YEAR}-{month:02d}", Decimal(str(base)) + shift,
                                            target.kind, "ytd", target.unit)
                    readings.record_benchmark(session=session, actor=actor, figure=bench, level=level)


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour)).replace(tzinfo=BEIJING).astimezone(UTC)


def _reports(session: Session, task: Task, scenario: str, until: date, report_day: int, is_workday, *,
             done: int = 90) -> None:
    """A monthly report for every period that fell due up to `until`, filed on time, progress rising."""
    periods = reporting.expected_periods(DECOMPOSED.date(), until, report_day, is_workday)
    for index, (period, due) in enumerate(periods, 1):
        percent = min(done, round(done * index / max(len(periods), 1)))
        session.add(TaskReport(task_id=task.id, period=period, unit_id=task.lead_unit_id,
                               progress=PROGRESS.get(scenario, "稳步推进"), percent=percent,
                               next_steps="按计划推进，下月完成阶段目标", reported_at=_at(due - timedelta(days=1)),
                               reported_by="演示数据"))


def _due(scenario: str, today: date, calendar) -> tuple[date | None, bool]:
    """Deadlines placed around today so each rung of the ladder is reached by one task."""
    return {
        "closed": (date(YEAR, 12, 31), False),
        "closing": (calendar.add_workdays(today, 10), False),
        "remind": (calendar.next_workday(today), False),
        "urge": (calendar.add_workdays(today, -2), False),
        "supervise": (calendar.add_workdays(today, -4), False),
        "notify": (date(YEAR, 12, 31), False),
        "long": (None, True),
        "unreported": (date(today.year, 12, 31), False),
        "new": (date(today.year, 12, 31), False),
    }[scenario]


def _closure(session: Session, task: Task, status: str, when: datetime, reason: str = "") -> None:
    closure = Closure(task_id=task.id, unit_id=task.lead_unit_id, note="任务已完成，附验收材料", status=status,
                      requested_at=when, requested_by="演示数据", reason=reason,
                      decided_at=when + timedelta(days=2) if status != "pending" else None,
                      decided_by="ducha" if status != "pending" else "")
    session.add(closure)
    session.flush()
    session.add(TaskFile(task_id=task.id, closure_id=closure.id, filename="竣工验收报告.pdf",
                         content_type="application/pdf", size=len(EVIDENCE),
                         sha256="0" * 64, data=EVIDENCE, uploaded_by="演示数据"))
    if status == "confirmed":
        task.closed_at = closure.decided_at


def _settle_sample(session: Session, rules, calendar) -> None:
    """The sample's own accepted tasks (its headline targets restated) were reckoned at year end (年底交账):
    reported monthly through December, struck off in January."""
    for task in session.scalars(select(Task).where(Task.year == YEAR, Task.document_id.is_not(None),
                                                   Task.lead_unit_id.is_not(None))).unique():
        task.created_at, task.started_on = DECOMPOSED.astimezone(UTC), DECOMPOSED.date()
        _reports(session, task, "long", date(YEAR, 12, 31), rules.report_day, calendar.is_workday, done=100)
        _closure(session, task, "confirmed", _at(date(YEAR + 1, 1, 15)))


def _tasks(session: Session, today: date) -> None:
    rules = settings.current(session, YEAR)
    calendar = settings.calendar(session)
    _settle_sample(session, rules, calendar)
    for content, lead, partners, leader, scenario in TASKS:
        due_on, long_term = _due(scenario, today, calendar)
        task = tasks.create_task(session=session, actor=None, values={
            "content": content, "year": YEAR, "lead_unit_id": _unit(session, lead).id,
            "leader_id": getattr(_person(session, leader), "id", None), "deadline": "长期" if long_term else "",
            "due_on": due_on, "long_term": long_term, "source": "document", "section": "2025年工作安排"},
            partner_unit_ids=[_unit(session, name).id for name in partners if _unit(session, name)],
            milestones=[tasks.MilestoneData(date(YEAR, 3 * q, 30 if q in (2, 3) else 31), f"第{q}季度：阶段任务")
                        for q in (1, 2, 3, 4)] if scenario in ("notify", "closed") else [])
        if scenario == "new":  # decomposed today: no report has fallen due yet
            continue
        task.created_at = DECOMPOSED.astimezone(UTC)
        task.started_on = DECOMPOSED.date()
        for milestone in task.milestones:
            if scenario == "closed" or milestone.due_on < date(YEAR, 12, 1):
                milestone.done_on = milestone.due_on
        if scenario == "closed":
            _reports(session, task, scenario, date(YEAR, 11, 30), rules.report_day, calendar.is_workday, done=100)
            _closure(session, task, "confirmed", _at(date(YEAR, 12, 10)))
        elif scenario == "closing":
            _reports(session, task, scenario, today, rules.report_day, calendar.is_workday, done=100)
            _closure(session, task, "refused", _at(today - timedelta(days=20)), reason="佐证材料缺少验收意见，请补充")
            _closure(session, task, "pending", _at(today - timedelta(days=3)))
        elif scenario == "unreported":
            last = reporting.last_due(today, rules.report_day, calendar.is_workday)
            _reports(session, task, scenario, (last[1] - timedelta(days=40)) if last else today, rules.report_day,
                     calendar.is_workday, done=60)
        else:
            _reports(session, task, scenario, today, rules.report_day, calendar.is_workday,
                     done=70 if scenario in ("urge", "supervise", "notify") else 85)
    session.flush()


def load(session: Session, now: datetime | None = None) -> bool:
    """Load once (False when the demo's readings are already there)."""
    actor = session.scalar(select(User).where(User.role.in_(("office", "admin"))).order_by(User.id))
    if actor is None or session.scalar(select(TaskReport.id).limit(1)) is not None:
        return False
    now = now or datetime.now(BEIJING)
    _readings(session, actor)
    _tasks(session, now.astimezone(BEIJING).date())
    leader = session.scalar(select(User).where(User.role == "leader").order_by(User.id))
    if leader is not None and leader.person_id is None:
        leader.person_id = getattr(_person(session, "王振国"), "id", None)
    audit.record(session, actor=None, action="create", entity="task", summary="演示数据：重点任务进展、销号与督办")
    escalations.run(session, now=now)
    return True
