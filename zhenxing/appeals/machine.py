"""The 12345 closed loop as a pure state machine: which event moves an appeal from which status to which,
who may make it, what it requires, and a Chinese refusal for everything else.

受理 received → 派单 dispatched → 签收 accepted → 答复 replied → 回访/好差评 rated → 办结 closed,
with 退单 (returned, for the centre to re-dispatch or reject), 延期 (a side request while accepted),
督办 (an escalation level, not a status), 重办 (reopened: the unit handles it again) and 合并 (merged into
another appeal, closed with it). Deadlines are computed elsewhere (timerules.py) and handed in as moments.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from zhenxing.appeals.ratings import BAD, LEVELS, verdict_of

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")
STATUSES = {
    "received": "已受理",
    "dispatched": "已派单",
    "returned": "退单待审",
    "accepted": "办理中",
    "reopened": "重办中",
    "replied": "已答复",
    "rated": "已评价",
    "closed": "已办结",
    "merged": "已合并",
}
# Statuses in which a unit still owes work (the deadline clocks run).
HANDLING = {"dispatched", "returned", "accepted", "reopened"}
FINISHED = {"closed", "merged"}
ACTORS = {"centre": "热线中心", "unit": "承办单位", "requester": "诉求人", "system": "系统", "other": "其他用户"}
RESULTS = {"resolved": "已解决", "partly": "部分解决", "unresolved": "未解决"}


@dataclass(frozen=True)
class Event:
    label: str
    sources: frozenset[str]
    actors: frozenset[str]
    target: str | None  # None: the status stays as it is


def _event(label: str, sources: str, actors: str, target: str | None = None) -> Event:
    return Event(label, frozenset(sources.split()), frozenset(actors.split()), target)


EVENTS: dict[str, Event] = {
    "dispatch": _event("派单", "received returned", "centre", "dispatched"),
    "reject_return": _event("驳回退单", "returned", "centre", "dispatched"),
    "accept": _event("签收", "dispatched", "unit", "accepted"),
    "return": _event("退单", "dispatched", "unit", "returned"),
    "contact": _event("联系诉求人", "accepted reopened", "unit"),
    "request_extension": _event("申请延期", "accepted reopened", "unit"),
    "approve_extension": _event("批准延期", "accepted reopened", "centre"),
    "refuse_extension": _event("驳回延期", "accepted reopened", "centre"),
    "reply": _event("答复", "accepted reopened", "unit", "replied"),
    "answer": _event("直接答复", "received", "centre", "replied"),
    "rate": _event("评价", "replied", "requester centre", "rated"),
    "default_rate": _event("默认评价", "replied", "system", "rated"),
    "reopen": _event("重办", "replied rated", "centre", "reopened"),
    "close": _event("办结", "rated", "centre system", "closed"),
    "reject": _event("不予受理", "received", "centre", "closed"),
    "merge": _event("合并", "received", "centre", "merged"),
    "close_merged": _event("随主件办结", "merged", "system", "closed"),
    "escalate": _event("督办", "dispatched returned accepted reopened rated", "centre system"),
    "contest_rating": _event("差评申诉", "rated closed", "unit"),
    "exclude_rating": _event("复核剔除差评", "rated closed", "centre"),
    "uphold_rating": _event("复核维持差评", "rated closed", "centre"),
    "callback": _event("差评回访", "rated closed", "centre"),
}


@dataclass(frozen=True)
class Snapshot:
    """What the rules need to know about an appeal."""

    status: str
    return_by: datetime | None = None  # the end of the window in which the unit may return it
    close_due: datetime | None = None  # the 办结 deadline in force
    extension_pending: bool = False
    extension_count: int = 0
    reopen_count: int = 0
    rating_level: int | None = None
    rating_review: str | None = None  # a unit's appeal against a 差评: pending / excluded / upheld
    called_back: bool = False


@dataclass(frozen=True)
class Params:
    """What the actor gives with the event, and the limits in force (computed from the rules)."""

    now: datetime
    reason: str = ""
    result: str | None = None  # reply: resolved / partly / unresolved
    level: int | None = None  # rate: 1 (非常满意) … 5 (非常不满意)
    has_handler: bool = False  # dispatch: a lead unit or a county/district was named
    extension_until: datetime | None = None  # request_extension: the new deadline asked for
    extension_cap: datetime | None = None  # the latest deadline an extension may reach
    max_extensions: int = 1
    rating_due: datetime | None = None  # default_rate: when silence counts as 基本满意
    max_reopens: int = 1


@dataclass(frozen=True)
class Step:
    """An allowed event: the status after it and its side effects, named for the service to apply."""

    event: str
    label: str
    status: str
    effects: frozenset[str] = frozenset()


class Refused(Exception):
    """The event is not allowed; the message says why, in Chinese. `kind` is 'actor' (not theirs to make),
    'status' (not in this status) or 'rule' (a requirement is missing)."""

    def __init__(self, message: str, kind: str = "rule"):
        super().__init__(message)
        self.message = message
        self.kind = kind


def _who(actors: frozenset[str]) -> str:
    return "、".join(ACTORS[a] for a in sorted(actors))


def decide(state: Snapshot, event: str, actor: str, params: Params) -> Step:
    """The step `actor` makes with `event` on an appeal in `state`, or Refused with the reason."""
    spec = EVENTS.get(event)
    if spec is None:
        raise Refused(f"未知的操作“{event}”")
    if actor not in spec.actors:
        raise Refused(f"只有{_who(spec.actors)}可以{spec.label}（当前为{ACTORS.get(actor, actor)}）", "actor")
    if state.status not in spec.sources:
        raise Refused(f"诉求当前状态为“{STATUSES.get(state.status, state.status)}”，不能{spec.label}", "status")
    check = CHECKS.get(event)
    effects = check(state, params) if check else frozenset()
    status = spec.target or state.status
    if "reopen" in effects:
        status = "reopened"
    return Step(event, spec.label, status, frozenset(effects))


def _needs_reason(params: Params, what: str) -> None:
    if not params.reason.strip():
        raise Refused(f"{what}须说明理由")


def _dispatch(_state: Snapshot, params: Params) -> frozenset[str]:
    if not params.has_handler:
        raise Refused("派单须指定承办单位，或兜底的县（市）区")
    return frozenset({"start_clocks"})


def _return(state: Snapshot, params: Params) -> frozenset[str]:
    _needs_reason(params, "退单")
    if state.return_by is not None and params.now > state.return_by:
        raise Refused(f"已超过退单时限（{_moment(state.return_by)} 前），不能退单，请签收办理")
    return frozenset({"count_return"})


def _request_extension(state: Snapshot, params: Params) -> frozenset[str]:
    _needs_reason(params, "延期申请")
    if state.extension_pending:
        raise Refused("已有待审批的延期申请")
    if state.extension_count >= params.max_extensions:
        raise Refused(f"延期次数已达上限（{params.max_extensions}次）")
    if state.close_due is not None and params.now >= state.close_due:
        raise Refused(f"延期须在办理期限（{_moment(state.close_due)}）届满前申请")
    if params.extension_until is None or (state.close_due and params.extension_until <= state.close_due):
        raise Refused("须写明延期后的办结时间，且晚于现办理期限")
    if params.extension_cap is not None and params.extension_until > params.extension_cap:
        raise Refused(f"延期后的办结时间不能晚于 {_moment(params.extension_cap)}")
    return frozenset({"extension_pending"})


def _decide_extension(state: Snapshot, _params: Params) -> frozenset[str]:
    if not state.extension_pending:
        raise Refused("没有待审批的延期申请")
    return frozenset()


def _refuse_extension(state: Snapshot, params: Params) -> frozenset[str]:
    _decide_extension(state, params)
    _needs_reason(params, "驳回延期")
    return frozenset()


def _reply(state: Snapshot, params: Params) -> frozenset[str]:
    if params.result not in RESULTS:
        raise Refused(f"答复须选择办理结果：{'、'.join(RESULTS.values())}")
    if len(params.reason.strip()) < 5:
        raise Refused("答复内容至少5个字" + ("，未解决的须说明理由" if params.result == "unresolved" else ""))
    effects = {"stop_clocks"}
    if state.extension_pending:
        effects.add("drop_extension")
    return frozenset(effects)


def _answer(_state: Snapshot, params: Params) -> frozenset[str]:
    if len(params.reason.strip()) < 5:
        raise Refused("直接答复的内容至少5个字")
    return frozenset()


def _rate(state: Snapshot, params: Params) -> frozenset[str]:
    if params.level not in LEVELS:
        raise Refused("评价须为 1（非常满意）到 5（非常不满意）之间的整数")
    if verdict_of(params.level) != BAD:
        return frozenset({"record_rating"})
    if state.reopen_count < params.max_reopens:
        return frozenset({"record_rating", "reopen", "count_reopen", "rectify"})
    return frozenset({"record_rating", "escalate", "rectify"})


def _default_rate(_state: Snapshot, params: Params) -> frozenset[str]:
    if params.rating_due is None or params.now < params.rating_due:
        raise Refused("评价期限未到，不能默认评价")
    return frozenset({"record_rating", "defaulted"})


def _reopen(_state: Snapshot, params: Params) -> frozenset[str]:
    _needs_reason(params, "重办")
    return frozenset({"count_reopen", "start_clocks"})


def _merge(_state: Snapshot, params: Params) -> frozenset[str]:
    return frozenset({"merge"})


def _bad_rating(state: Snapshot, what: str) -> None:
    if state.rating_level is None or verdict_of(state.rating_level) != BAD:
        raise Refused(f"只有差评才能{what}")


def _contest(state: Snapshot, params: Params) -> frozenset[str]:
    _bad_rating(state, "申诉")
    _needs_reason(params, "差评申诉")
    if state.rating_review is not None:
        raise Refused("该差评已申诉过")
    return frozenset()


def _review(state: Snapshot, params: Params) -> frozenset[str]:
    _bad_rating(state, "复核")
    if state.rating_review != "pending":
        raise Refused("没有待复核的差评申诉")
    _needs_reason(params, "复核意见")
    return frozenset()


def _callback(state: Snapshot, params: Params) -> frozenset[str]:
    _bad_rating(state, "回访")
    _needs_reason(params, "回访记录")
    return frozenset()


def _escalate(_state: Snapshot, params: Params) -> frozenset[str]:
    _needs_reason(params, "督办")
    return frozenset({"escalate"})


CHECKS = {
    "dispatch": _dispatch,
    "return": _return,
    "request_extension": _request_extension,
    "approve_extension": _decide_extension,
    "refuse_extension": _refuse_extension,
    "reply": _reply,
    "answer": _answer,
    "rate": _rate,
    "default_rate": _default_rate,
    "reopen": _reopen,
    "reject": lambda _s, p: (_needs_reason(p, "不予受理"), frozenset())[1],
    "merge": _merge,
    "escalate": _escalate,
    "contest_rating": _contest,
    "exclude_rating": _review,
    "uphold_rating": _review,
    "callback": _callback,
}


def _moment(value: datetime) -> str:
    """A moment as people in China read it: Beijing time."""
    return (value.astimezone(BEIJING) if value.tzinfo else value).strftime("%Y-%m-%d %H:%M")


def allowed_events(state: Snapshot, actor: str) -> list[str]:
    """The events this actor could try in this status (for the buttons a page shows)."""
    return [name for name, spec in EVENTS.items() if actor in spec.actors and state.status in spec.sources]


SYSTEM_ONLY = {"default_rate", "close_merged"}


def offered_events(state: Snapshot, actor: str) -> list[str]:
    """The steps worth offering as buttons: allowed for this actor in this status and whose preconditions on
    the appeal itself hold (a pending extension to decide, a bad rating to contest…); the rest of each
    step's rules is checked when it is made."""
    conditions = {
        "approve_extension": state.extension_pending, "refuse_extension": state.extension_pending,
        "request_extension": not state.extension_pending,
        "contest_rating": _is_bad(state) and state.rating_review is None,
        "exclude_rating": _is_bad(state) and state.rating_review == "pending",
        "uphold_rating": _is_bad(state) and state.rating_review == "pending",
        "callback": _is_bad(state) and not state.called_back,
    }
    return [event for event in allowed_events(state, actor)
            if event not in SYSTEM_ONLY and conditions.get(event, True)]


def _is_bad(state: Snapshot) -> bool:
    return state.rating_level is not None and verdict_of(state.rating_level) == BAD
