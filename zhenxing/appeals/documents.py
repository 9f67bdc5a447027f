"""The 12345 centre's 督办单 for an overdue appeal, as a Word document in the official layout (through
`zhenxing.outputs`): which appeal, who handles it, the deadline it missed and by how much, the 督办 step it
reached, what was done so far, and by when the unit must answer in writing. Personal data stays masked
(the document is printed and passed around; the unit reads the full record in the system)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from zhenxing.appeals import settings as loop
from zhenxing.appeals.machine import BEIJING, RESULTS
from zhenxing.appeals.masking import mask_address, mask_name
from zhenxing.appeals.models import Appeal
from zhenxing.appeals.timerules import TYPES, URGENCIES
from zhenxing.errors import Conflict
from zhenxing.org import service as org
from zhenxing.outputs import DocSpec, Paragraph, Table, chinese_date, render_docx

REPLY_WORKDAYS = 2


@dataclass(frozen=True)
class OrderFacts:
    number: str
    level: int
    step: str
    overdue_workdays: int
    reply_due: datetime
    issued_at: datetime


def _local(moment: datetime) -> datetime:
    return (moment if moment.tzinfo else moment.replace(tzinfo=BEIJING)).astimezone(BEIJING)


def _when(moment: datetime | None) -> str:
    return _local(moment).strftime("%Y年%m月%d日 %H:%M") if moment else "—"


def city_name(session: Session) -> str:
    return next((region.name for region, depth in org.region_tree(session) if depth == 0), "")


def centre_name(session: Session) -> str:
    return f"{city_name(session)}12345政务服务便民热线中心"


def order_facts(session: Session, appeal: Appeal, now: datetime) -> OrderFacts:
    if not appeal.escalation_level or appeal.close_due is None:
        raise Conflict(f"诉求 {appeal.tracking_no} 未被督办，没有督办单", field="id")
    calendar = loop.calendar(session)
    steps = [step for step in loop.ladder(session) if step.offset >= 0]
    level = appeal.escalation_level
    step = steps[min(level, len(steps)) - 1].label if steps else "督办"
    overdue = max(calendar.workdays_between(_local(appeal.close_due).date(), _local(now).date()), 0)
    year = _local(now).year
    return OrderFacts(number=f"{city_name(session)[:1]}12345督〔{year}〕{appeal.tracking_no}-{level}号",
                      level=level, step=step, overdue_workdays=overdue,
                      reply_due=calendar.add_duration(_local(now), REPLY_WORKDAYS, "workdays"), issued_at=now)


def order_spec(session: Session, appeal: Appeal, now: datetime) -> DocSpec:
    facts = order_facts(session, appeal, now)
    handler = appeal.handler_name or "承办单位"
    history = [f"派单 {appeal.dispatch_count} 次"]
    if appeal.return_count:
        history.append(f"退单 {appeal.return_count} 次")
    if appeal.extension_count:
        history.append(f"延期 {appeal.extension_count} 次")
    if appeal.reopen_count:
        history.append(f"重办 {appeal.reopen_count} 次")
    requester = mask_name(appeal.requester_name) if appeal.requester_name and not appeal.anonymous else "匿名"
    if appeal.requester_kind == "enterprise" and appeal.company:
        requester += f"（{appeal.company}）"
    table = Table(headers=("项目", "内容"), widths_mm=(38, 118), rows=[
        ("受理编号", appeal.tracking_no), ("受理时间", _when(appeal.received_at)),
        ("诉求分类", f"{appeal.category.code} {appeal.category.name}"),
        ("类型 / 紧急程度", f"{TYPES.get(appeal.type, appeal.type)} / {URGENCIES.get(appeal.urgency, appeal.urgency)}"),
        ("诉求人", requester), ("地址", mask_address(appeal.address) or "—"),
        ("诉求内容", appeal.description), ("承办单位", handler),
        ("办结期限", _when(appeal.close_due)),
        ("逾期情况", f"已逾期 {facts.overdue_workdays} 个工作日" if facts.overdue_workdays else "已到期未办结"),
        ("督办级别", f"第 {facts.level} 级（{facts.step}）"), ("办理经过", "，".join(history)),
        ("当前结果", RESULTS.get(appeal.reply_result or "", "尚未答复")),
    ])
    blocks = [
        Paragraph(f"你单位承办的 12345 诉求（受理编号 {appeal.tracking_no}）已超过办结期限，"
                  f"按照诉求办理督办规则，现予{facts.step}。"),
        table,
        Paragraph(f"请于{_when(facts.reply_due)}前办结并答复诉求人，同时将办理情况、未按期办结的原因和整改措施"
                  f"书面回复{centre_name(session)}；逾期仍未办结的，将按规则升级督办并予以通报。"),
    ]
    # The red 发文机关标志 on one line: the short name (the full name signs the document).
    return DocSpec(title="12345诉求督办单", blocks=blocks, issuer=f"{city_name(session)}12345热线",
                   doc_number=facts.number,
                   recipients=f"{handler}：", signature=centre_name(session), signed_on=_local(now).date())


def order_docx(session: Session, appeal: Appeal, now: datetime) -> bytes:
    return render_docx(order_spec(session, appeal, now))


def order_filename(appeal: Appeal) -> str:
    return f"12345诉求督办单-{appeal.tracking_no}-第{appeal.escalation_level}级.docx"


__all__ = ["chinese_date", "order_docx", "order_filename", "order_spec"]
