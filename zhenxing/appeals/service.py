"""Domain functions of the appeals loop: reading with scopes and masking, and every transition as one audited
unit of work that also keeps the statistics tallies."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.appeals import machine, masking, tallies
from zhenxing.appeals import settings as loop
from zhenxing.appeals.machine import EVENTS, RESULTS, Params, Refused, Snapshot
from zhenxing.appeals.models import Appeal, KeywordDispatch
from zhenxing.appeals.ratings import DEFAULT_LEVEL, LEVELS, VERDICTS, verdict_of
from zhenxing.appeals.schemas import EventRequest
from zhenxing.appeals.timerules import TimeRule, deadlines, extension_cap, paused, resolve, rule_from, rule_to
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, appeal_actor, appeal_view
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.org.models import Region, Unit

# ---- reading -------------------------------------------------------------------------------------------

def actor_kind(scope: Scope | None, appeal: Appeal) -> str:
    if scope is None:
        return "system"
    return appeal_actor(scope, handler_unit_id=appeal.unit_id, handler_region_id=appeal.handler_region_id)


def view_of(scope: Scope, appeal: Appeal) -> str | None:
    """'full', 'masked' or None for this reader and this appeal."""
    return appeal_view(scope, actor=actor_kind(scope, appeal), region_id=appeal.region_id,
                       partner_unit_ids=frozenset(appeal.partner_unit_ids or []),
                       filed_by_person_id=appeal.filed_by_person_id)


def get_appeal(*, session: Session, scope: Scope, appeal_id: int) -> Appeal:
    appeal = session.get(Appeal, appeal_id)
    if appeal is None:
        raise NotFound(f"诉求 {appeal_id} 不存在", field="id")
    if view_of(scope, appeal) is None:
        raise Forbidden("无权查看该诉求", field="id")
    return appeal


def log_unmasked(session: Session, *, actor: User, appeal: Appeal, where: str) -> None:
    """Every view of an appeal's unmasked personal data is on the audit trail."""
    audit.record(session, actor=actor, action="view", entity="appeal", entity_id=appeal.id,
                 summary=f"查看诉求 {appeal.tracking_no} 的诉求人信息（{where}）")


def personal(appeal: Appeal, *, masked: bool) -> dict[str, str]:
    """The requester's data as this reader may see it."""
    values = {"requester_name": appeal.requester_name, "requester_phone": appeal.requester_phone,
              "requester_id_no": appeal.requester_id_no, "address": appeal.address}
    if appeal.anonymous:
        values["requester_name"] = "匿名"
    if not masked:
        return values
    name = values["requester_name"] if appeal.anonymous else masking.mask_name(values["requester_name"])
    return {"requester_name": name,
            "requester_phone": masking.mask_phone(values["requester_phone"]),
            "requester_id_no": masking.mask_id(values["requester_id_no"]),
            "address": masking.mask_address(values["address"])}


def scoped(query: Select, scope: Scope) -> Select:
    """The appeals a scope may list: everything for the centre, leaders and the office; for a county its
    region's appeals and those it handles; for a department those it handles; for a steward those they filed."""
    if scope.everything or scope.role == "hotline":
        return query
    if scope.role == "steward":
        return query.where(Appeal.filed_by_person_id == (scope.person_id or -1))
    conditions = []
    if scope.unit_id is not None:
        conditions.append(Appeal.unit_id == scope.unit_id)
    if scope.region_ids:
        conditions += [Appeal.region_id.in_(scope.region_ids), Appeal.handler_region_id.in_(scope.region_ids)]
    return query.where(or_(*conditions)) if conditions else query.where(Appeal.id.is_(None))


# ---- transitions ---------------------------------------------------------------------------------------

AUDITED = ("status", "unit_id", "handler_region_id", "close_due", "accept_due", "escalation_level",
           "reply_result", "rating_level", "rating_review", "extension_count", "reopen_count", "merged_into_id")


def _audited(appeal: Appeal) -> dict:
    return {name: getattr(appeal, name) for name in AUDITED}


def snapshot(appeal: Appeal) -> Snapshot:
    return Snapshot(status=appeal.status, return_by=appeal.return_by, close_due=appeal.close_due,
                    extension_pending=appeal.extension_pending, extension_count=appeal.extension_count,
                    reopen_count=appeal.reopen_count, rating_level=appeal.rating_level,
                    rating_review=appeal.rating_review, called_back=appeal.called_back)


@dataclass
class Context:
    session: Session
    appeal: Appeal
    request: EventRequest
    now: datetime
    settings: loop.LoopSettings
    calendar: object
    events: dict  # event counters for the tallies
    detail: list[str]
    actor: User | None = None


def _rule(appeal: Appeal) -> TimeRule:
    return rule_from(appeal.rule, "rule") if appeal.rule else resolve(
        (), appeal.category.code, appeal.type, appeal.urgency)


def _params(ctx: Context) -> Params:
    appeal, request = ctx.appeal, ctx.request
    until = cap = None
    if request.event == "request_extension" and appeal.close_due is not None and request.extension_days:
        until = ctx.calendar.add_duration(appeal.close_due, request.extension_days, "workdays")
        cap = extension_cap(ctx.settings, appeal.original_close_due or appeal.close_due, ctx.calendar)
    return Params(
        now=ctx.now, reason=request.reason, result=request.result, level=request.level,
        has_handler=request.unit_id is not None or request.handler_region_id is not None,
        extension_until=until, extension_cap=cap, max_extensions=ctx.settings.max_extensions,
        rating_due=appeal.rating_due, max_reopens=ctx.settings.max_reopens,
    )


def locked(session: Session, appeal_id: int) -> Appeal:
    """The appeal, freshly read and row-locked until the transaction ends (PostgreSQL), so two people acting
    at once are serialised; the version column refuses a stale write on any database."""
    query = (select(Appeal).where(Appeal.id == appeal_id).with_for_update(of=Appeal.__table__)
             .execution_options(populate_existing=True))
    appeal = session.scalars(query).unique().one_or_none()
    if appeal is None:
        raise NotFound(f"诉求 {appeal_id} 不存在", field="id")
    return appeal


def act(*, session: Session, actor: User | None, scope: Scope | None, appeal_id: int, request: EventRequest,
        now: datetime, as_requester: bool = False) -> Appeal:
    """Make one event on an appeal: checked by the state machine, applied, audited, tallied."""
    appeal = locked(session, appeal_id)
    kind = "requester" if as_requester else actor_kind(scope, appeal)
    if scope is not None and not as_requester and view_of(scope, appeal) is None:
        raise Forbidden("无权处理该诉求", field="id")
    ctx = Context(session, appeal, request, now, loop.current(session), loop.calendar(session), {}, [], actor)
    try:
        step = machine.decide(snapshot(appeal), request.event, kind, _params(ctx))
    except Refused as refusal:
        raise {"actor": Forbidden, "status": Conflict}.get(refusal.kind, Rejected)(refusal.message,
                                                                                  field="event") from None
    before_audit, before_facts = _audited(appeal), tallies.facts_of(appeal)
    APPLY[request.event](ctx, step)
    appeal.status = step.status
    _common_effects(ctx, step)
    session.flush()
    tallies.apply(session, [(before_facts, tallies.facts_of(appeal))], ctx.events)
    summary = f"{step.label}" + (f"：{'；'.join(ctx.detail)}" if ctx.detail else "")
    audit.record(session, actor=actor, action="appeal", entity="appeal", entity_id=appeal.id,
                 summary=f"诉求 {appeal.tracking_no} {summary}", changes=audit.diff(before_audit, _audited(appeal)))
    return appeal


def _unit_key(appeal: Appeal) -> tuple:
    return (appeal.month, appeal.unit_id or 0, appeal.handler_region_id or 0, appeal.region_id or 0,
            appeal.category_id or 0, appeal.channel)


def _count_event(ctx: Context, name: str) -> None:
    key = _unit_key(ctx.appeal)
    ctx.events.setdefault(key, {})[name] = ctx.events.get(key, {}).get(name, 0) + 1


def _start_clocks(ctx: Context) -> None:
    appeal = ctx.appeal
    rule = resolve(ctx.settings.rules, appeal.category.code, appeal.type, appeal.urgency)
    appeal.rule = rule_to(rule)
    due = deadlines(rule, ctx.now, ctx.calendar)
    appeal.accept_due, appeal.contact_due, appeal.close_due = due.accept_due, due.contact_due, due.close_due
    appeal.original_close_due = due.close_due
    appeal.close_late = None
    ctx.detail.append(f"办结时限 {rule.close.label}（{rule.name}）")


def _common_effects(ctx: Context, step: machine.Step) -> None:
    appeal, now = ctx.appeal, ctx.now
    if "record_rating" in step.effects:
        defaulted = "defaulted" in step.effects
        appeal.rating_level = DEFAULT_LEVEL if defaulted else ctx.request.level
        appeal.rating_defaulted, appeal.rating_review = defaulted, None
        appeal.rating_at, appeal.rating_comment = now, ctx.request.reason[:500]
        verdict = VERDICTS[verdict_of(appeal.rating_level)]
        ctx.detail.append(f"{LEVELS[appeal.rating_level]}（{verdict}{'，超时默认' if defaulted else ''}）")
    if "rectify" in step.effects and not appeal.anonymous:
        appeal.rectify_due = ctx.settings.rectify.after(now, ctx.calendar)
        ctx.detail.append(f"差评整改期限 {machine._moment(appeal.rectify_due)}")
    if "count_reopen" in step.effects:
        appeal.reopen_count += 1
        _start_clocks(ctx)
        ctx.detail.append(f"第{appeal.reopen_count}次重办")
    if "escalate" in step.effects:
        appeal.escalation_level += 1
        ctx.detail.append(f"督办升至第{appeal.escalation_level}级")


# ---- what each event changes ---------------------------------------------------------------------------

def _dispatch(ctx: Context, _step) -> None:
    appeal, request, session = ctx.appeal, ctx.request, ctx.session
    if request.unit_id is not None and session.get(Unit, request.unit_id) is None:
        raise Rejected(f"单位 {request.unit_id} 不存在", field="unit_id")
    region = session.get(Region, request.handler_region_id) if request.handler_region_id else None
    if request.handler_region_id is not None and (region is None or region.kind not in {"county", "district", "zone"}):
        raise Rejected("兜底承办须为县（市）区或开发区", field="handler_region_id")
    partners = [pid for pid in dict.fromkeys(request.partner_unit_ids) if pid != request.unit_id]
    for pid in partners:
        if session.get(Unit, pid) is None:
            raise Rejected(f"协办单位 {pid} 不存在", field="partner_unit_ids")
    if ctx.appeal.status == "returned" and request.unit_id == appeal.unit_id and request.unit_id is not None:
        raise Rejected("改派须派给退单单位以外的单位；要退回原单位请“驳回退单”", field="unit_id")
    appeal.unit_id = request.unit_id
    appeal.handler_region_id = None if request.unit_id is not None else request.handler_region_id
    appeal.partner_unit_ids = partners
    session.flush()
    session.refresh(appeal, ["unit", "handler_region"])
    _hand_over(ctx)
    appeal.dispatch_count += 1
    _count_event(ctx, "dispatched")
    _start_clocks(ctx)
    ctx.detail.insert(0, f"承办 {appeal.handler_name}" + (f"，协办 {len(partners)} 个单位" if partners else ""))


def _hand_over(ctx: Context) -> None:
    appeal = ctx.appeal
    appeal.dispatched_at = ctx.now
    appeal.return_by = ctx.settings.return_window.after(ctx.now, ctx.calendar)
    appeal.accepted_at, appeal.accept_late = None, None


def _reject_return(ctx: Context, _step) -> None:
    _hand_over(ctx)
    ctx.appeal.return_by = ctx.now  # a rejected return cannot be made again
    rule = _rule(ctx.appeal)
    ctx.appeal.accept_due = rule.accept.after(ctx.now, ctx.calendar)
    ctx.detail.append(f"退回 {ctx.appeal.handler_name} 办理，理由：{ctx.request.reason}")


def _accept(ctx: Context, _step) -> None:
    appeal = ctx.appeal
    appeal.accepted_at = ctx.now
    appeal.accept_late = appeal.accept_due is not None and ctx.now > appeal.accept_due
    if appeal.unit_id is not None:
        for word in appeal.keywords.split():
            _learn(ctx.session, word, appeal.category_id, appeal.unit_id)


def _learn(session: Session, word: str, category_id: int, unit_id: int) -> None:
    row = session.scalar(select(KeywordDispatch).where(
        KeywordDispatch.keyword == word, KeywordDispatch.category_id == category_id,
        KeywordDispatch.unit_id == unit_id).with_for_update())
    if row is None:
        session.add(KeywordDispatch(keyword=word, category_id=category_id, unit_id=unit_id, count=1))
    else:
        row.count += 1


def _return(ctx: Context, _step) -> None:
    ctx.appeal.return_count += 1
    ctx.appeal.accept_late = None
    _count_event(ctx, "returned")
    ctx.detail.append(f"{ctx.appeal.handler_name} 退单，理由：{ctx.request.reason}")


def _contact(ctx: Context, _step) -> None:
    ctx.appeal.contacted_at = ctx.appeal.contacted_at or ctx.now
    ctx.detail.append(ctx.request.reason or "已联系诉求人")


def _request_extension(ctx: Context, _step) -> None:
    appeal = ctx.appeal
    appeal.extension_pending, appeal.extension_requested_at = True, ctx.now
    appeal.extension_until = ctx.calendar.add_duration(appeal.close_due, ctx.request.extension_days, "workdays")
    ctx.detail.append(f"延期{ctx.request.extension_days}个工作日至 {machine._moment(appeal.extension_until)}，"
                      f"理由：{ctx.request.reason}")


def _end_pause(ctx: Context) -> None:
    appeal = ctx.appeal
    if appeal.extension_requested_at is not None and appeal.close_due is not None:
        appeal.close_due = paused(appeal.close_due, appeal.extension_requested_at, ctx.now, _rule(appeal))
    appeal.extension_pending, appeal.extension_requested_at = False, None


def _approve_extension(ctx: Context, _step) -> None:
    appeal = ctx.appeal
    until, before = appeal.extension_until, appeal.close_due
    _end_pause(ctx)
    appeal.close_due = until + (appeal.close_due - before)  # the new deadline also moves by the pause
    appeal.extension_count += 1
    ctx.detail.append(f"办结期限延至 {machine._moment(appeal.close_due)}")


def _refuse_extension(ctx: Context, _step) -> None:
    _end_pause(ctx)
    ctx.appeal.extension_until = None
    ctx.detail.append(f"理由：{ctx.request.reason}")


def _reply(ctx: Context, _step) -> None:
    appeal = ctx.appeal
    if appeal.extension_pending:
        _end_pause(ctx)
    appeal.replied_at = ctx.now
    appeal.reply_result, appeal.reply_text = ctx.request.result, ctx.request.reason
    appeal.close_late = appeal.close_due is not None and ctx.now > appeal.close_due
    appeal.rating_due = ctx.settings.rating_window.after(ctx.now, ctx.calendar)
    ctx.detail.append(RESULTS[ctx.request.result] + ("（超期）" if appeal.close_late else ""))


def _answer(ctx: Context, _step) -> None:
    appeal = ctx.appeal
    appeal.replied_at, appeal.reply_result, appeal.reply_text = ctx.now, "resolved", ctx.request.reason
    appeal.rating_due = ctx.settings.rating_window.after(ctx.now, ctx.calendar)
    ctx.detail.append("热线中心直接答复")


def _reopen(ctx: Context, _step) -> None:
    ctx.detail.append(f"理由：{ctx.request.reason}")


def _close(ctx: Context, _step) -> None:
    from zhenxing.appeals import links

    ctx.appeal.closed_at = ctx.now
    links.on_closed(ctx.session, actor=ctx.actor, appeal=ctx.appeal, now=ctx.now)
    for duplicate in ctx.session.scalars(select(Appeal).where(Appeal.merged_into_id == ctx.appeal.id,
                                                              Appeal.status == "merged")):
        act(session=ctx.session, actor=None, scope=None, appeal_id=duplicate.id,
            request=EventRequest(event="close_merged"), now=ctx.now)


def _reject(ctx: Context, _step) -> None:
    ctx.appeal.closed_at, ctx.appeal.reply_text = ctx.now, ctx.request.reason
    ctx.detail.append(f"理由：{ctx.request.reason}")


def _merge(ctx: Context, _step) -> None:
    appeal, target_id = ctx.appeal, ctx.request.target_id
    target = ctx.session.get(Appeal, target_id) if target_id else None
    if target is None or target.id == appeal.id:
        raise Rejected("请指定要合并到的主件（另一件诉求）", field="target_id")
    if target.status in {"merged", "closed"}:
        raise Rejected(f"主件 {target.tracking_no} 已{target.status_label}，不能再合并", field="target_id")
    appeal.merged_into_id, appeal.is_repeat = target.id, True
    ctx.detail.append(f"并入 {target.tracking_no}（重复件）")


def _close_merged(ctx: Context, _step) -> None:
    ctx.appeal.closed_at = ctx.now


def _note(ctx: Context, _step) -> None:
    if ctx.request.reason:
        ctx.detail.append(ctx.request.reason)


def _contest(ctx: Context, _step) -> None:
    ctx.appeal.rating_review = "pending"
    ctx.detail.append(f"理由：{ctx.request.reason}")


def _review(outcome: str):
    def apply_(ctx: Context, _step) -> None:
        ctx.appeal.rating_review = outcome
        ctx.detail.append(f"复核意见：{ctx.request.reason}")
    return apply_


def _callback(ctx: Context, _step) -> None:
    ctx.appeal.called_back = True
    ctx.detail.append(ctx.request.reason)


APPLY = {
    "dispatch": _dispatch, "reject_return": _reject_return, "accept": _accept, "return": _return,
    "contact": _contact, "request_extension": _request_extension, "approve_extension": _approve_extension,
    "refuse_extension": _refuse_extension, "reply": _reply, "answer": _answer, "rate": _note,
    "default_rate": lambda _ctx, _step: None, "reopen": _reopen, "close": _close, "reject": _reject, "merge": _merge,
    "close_merged": _close_merged, "escalate": _note, "contest_rating": _contest,
    "exclude_rating": _review("excluded"), "uphold_rating": _review("upheld"), "callback": _callback,
}
assert set(APPLY) == set(EVENTS), "every event of the machine has its effects"


def plus_one(*, session: Session, actor: User, appeal_id: int) -> Appeal:
    """Count a repeated report of the same problem on the first appeal (“+1”), without a new work order."""
    appeal = locked(session, appeal_id)
    if appeal.status in machine.FINISHED:
        raise Conflict(f"诉求 {appeal.tracking_no} 已{appeal.status_label}，不能再“+1”", field="id")
    appeal.plus_ones += 1
    tallies.apply(session, [], {_unit_key(appeal): {"repeats": 1}})
    audit.record(session, actor=actor, action="appeal", entity="appeal", entity_id=appeal.id,
                 summary=f"诉求 {appeal.tracking_no} +1：同一问题再次反映（共 {appeal.plus_ones + 1} 次）",
                 changes={"plus_ones": [appeal.plus_ones - 1, appeal.plus_ones]})
    return appeal


def timeline(*, session: Session, appeal: Appeal) -> list[audit.AuditEvent]:
    events = audit.list_events(session, entity="appeal", entity_id=appeal.id, limit=500)
    return sorted((e for e in events if e.action in {"create", "appeal"}), key=lambda e: (e.at, e.id))

