"""The supervision office's documents out (through zhenxing.outputs, official layout): a 督办单 for one
escalation, and the monthly 督查通报 (总体情况, 进展较快的单位, 滞后任务及责任单位, 督办事项)."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhenxing.org import service as org
from zhenxing.outputs import DocSpec, Heading, Paragraph, Table, chinese_date, render_docx
from zhenxing.periods import parse_period
from zhenxing.supervision import escalations, scores, settings
from zhenxing.supervision.board import in_force
from zhenxing.supervision.measures import period_end
from zhenxing.supervision.models import Escalation
from zhenxing.supervision.settings import today as _settings_today
from zhenxing.supervision.states import STATES
from zhenxing.targets.models import Target
from zhenxing.targets.tracking import track
from zhenxing.tasks.models import Task

TOP = 5


def city_name(session: Session) -> str:
    tree = org.region_tree(session)
    return next((region.name for region, depth in tree if depth == 0), "")


def office_name(session: Session) -> str:
    return f"{city_name(session)}人民政府督查室"


def _day(value: date | None) -> str:
    return chinese_date(value) if value else "—"


def notice_spec(session: Session, row: Escalation) -> DocSpec:
    task = row.task
    unit = task.lead_unit.name if task.lead_unit else "牵头单位"
    deadline = "长期" if task.long_term else _day(task.due_on) + (f"（{task.deadline}）" if task.deadline else "")
    table = Table(headers=("项目", "内容"), widths_mm=(38, 118), centred_columns=(0,), rows=[
        ("任务编号", task.code), ("任务内容", task.content), ("牵头单位", unit),
        ("配合单位", task.partner_names or "—"), ("责任领导", task.leader.name if task.leader else "—"),
        ("完成时限", deadline), ("逾期事项", row.text), ("督办级别", row.step_label),
        ("回复期限", _day(row.reply_due))])
    blocks = [
        Paragraph(f"你单位牵头负责的任务“{task.content[:60]}”{row.text}，按照督查督办工作规则，现予督办。"),
        table,
        Paragraph(f"请于{_day(row.reply_due)}前将整改措施、进展情况和完成时限书面回复{office_name(session)}，"
                  "并在系统中报送本月进展；确已完成的，请附佐证材料申请销号。"),
    ]
    return DocSpec(title="督办通知单", blocks=blocks, issuer=office_name(session), doc_number=row.number_text,
                   recipients=f"{unit}：", signature=office_name(session),
                   signed_on=escalations.local(row.reached_at).date())


def notice_docx(session: Session, row: Escalation) -> bytes:
    return render_docx(notice_spec(session, row))


@dataclass
class BulletinData:
    period: str
    end: date
    tally: dict[str, int]
    targets: Counter
    table: scores.Table
    late: list[tuple[Task, list[str]]]
    escalated: list[Escalation]


def bulletin_data(session: Session, period: str) -> BulletinData:
    from zhenxing.tasks.views import rows

    period = parse_period(period)
    end = period_end(period)
    tasks = list(session.scalars(select(Task).where(in_force(period.year))
                                 .order_by(Task.year, Task.number, Task.id)).unique())
    found = rows(session, tasks, end)
    tally = Counter(row.state.state for row in found.values())
    target_year = session.scalar(select(func.max(Target.year)).where(Target.year <= period.year)) or period.year
    targets = list(session.scalars(select(Target).where(Target.year == target_year)))
    tracked = track(session, targets, settings.current(session, period.year).targets)
    colours = Counter(t.state for t in tracked.values())
    late = [(t, found[t.id].state.reasons) for t in tasks if found[t.id].state.state == "late"]
    escalated = list(session.scalars(select(Escalation).where(Escalation.period == period,
                                                              Escalation.action.in_(("notice", "bulletin")))
                                     .order_by(Escalation.reached_at, Escalation.id)))
    return BulletinData(period, end, {k: tally.get(k, 0) for k in STATES}, colours, scores.table(session, period),
                        late, escalated)


def _overview(data: BulletinData) -> list:
    total = sum(data.tally.values())
    parts = "、".join(f"{label}{data.tally[key]}项" for key, label in STATES.items())
    on_time = 100 * (total - data.tally["late"]) / total if total else 0
    text = (f"截至{data.end.month}月{data.end.day}日，全市{data.period.year}年督办的重点任务共{total}项，其中{parts}，"
            f"按时推进率{on_time:.1f}%。")
    judged = sum(data.targets[s] for s in ("ahead", "on_track", "behind"))
    if judged:
        good = data.targets["ahead"] + data.targets["on_track"]
        text += f"主要预期目标中有实绩的{judged}项，符合或超序时进度{good}项，滞后{data.targets['behind']}项。"
    return [Heading("总体情况"), Paragraph(text)]


def _leaders(data: BulletinData) -> list:
    ranked = [s for s in data.table.standings if s.rank is not None][:TOP]
    if not ranked:
        return [Heading("进展较快的单位"), Paragraph("本期尚无可排名的单位。")]
    names = "、".join(s.name for s in ranked[:3])
    rows = [(s.rank, s.name, f"{s.total:.2f}", s.movement) for s in ranked]
    return [Heading("进展较快的单位"),
            Paragraph(f"按照部门督查考核办法，本期得分居前的单位是：{names}。"),
            Table(headers=("名次", "单位", "得分", "较上期"), rows=rows, widths_mm=(18, 80, 28, 30))]


def _late(data: BulletinData) -> list:
    if not data.late:
        return [Heading("滞后任务及责任单位"), Paragraph("本期无滞后任务。")]
    rows = [(i, task.code, task.content[:60], task.lead_unit.name if task.lead_unit else "未指定",
             "；".join(reasons)[:120]) for i, (task, reasons) in enumerate(data.late, 1)]
    return [Heading("滞后任务及责任单位"), Paragraph(f"本期滞后任务{len(data.late)}项，具体如下："),
            Table(headers=("序号", "编号", "任务", "牵头单位", "滞后情况"), rows=rows,
                  widths_mm=(12, 20, 54, 30, 40), font_size=10.5)]


def _escalated(data: BulletinData) -> list:
    if not data.escalated:
        return [Heading("督办事项"), Paragraph("本期未发出督办单。")]
    rows = []
    for row in data.escalated:
        overdue = row.reply_due is not None and row.reply_due < data.end
        answer = "已回复" if row.replied_at else ("逾期未回复" if overdue else "待回复")
        rows.append((row.number_text or row.step_label, row.task.code, row.unit.name if row.unit else "—",
                     row.text[:60], answer if row.action == "notice" else "列入通报"))
    return [Heading("督办事项"), Paragraph(f"本期发出督办单、列入通报事项共{len(rows)}项："),
            Table(headers=("编号/级别", "任务", "责任单位", "逾期事项", "回复情况"), rows=rows,
                  widths_mm=(34, 18, 30, 52, 22), font_size=10.5)]


def bulletin_spec(session: Session, data: BulletinData) -> DocSpec:
    p = data.period
    blocks = [*_overview(data), *_leaders(data), *_late(data), *_escalated(data),
              Paragraph("请各责任单位对照滞后任务和督办事项，逐项分析原因、明确措施和时限，按时报送整改情况；"
                        "市政府督查室将持续跟踪，对整改不力的予以通报问责。")]
    return DocSpec(title=f"关于{p.year}年{p.month}月重点任务推进情况的通报", blocks=blocks,
                   issuer="督查通报", doc_number=f"{office_name(session)}　{p.year}年第{p.month}期",
                   recipients="各县（市、区）人民政府，市政府各部门：", signature=office_name(session),
                   signed_on=_settings_today(), number_headings=True)


def bulletin_docx(session: Session, period: str) -> bytes:
    return render_docx(bulletin_spec(session, bulletin_data(session, period)))
